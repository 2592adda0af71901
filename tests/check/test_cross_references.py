"""Cross-reference rules: ids exist, are unique, links do not loop, criteria fit their measures."""

PROTOCOL = "protocols/mini.yaml"


def test_unknown_drill_in_phase(project):
    project.edit(PROTOCOL, "- drill: easy-walk", "- drill: easy-walkk")
    problem = project.only("E201")
    assert problem.line == project.line_of(PROTOCOL, "easy-walkk")
    assert "did you mean 'easy-walk'?" in problem.message


def test_unknown_progression(project):
    project.edit("drills/clamshell.yaml", "progression: clamshell-band", "progression: clamshell-bands")
    problem = project.only("E201")
    assert (problem.file, problem.line, problem.column) == ("drills/clamshell.yaml", 15, 14)


def test_unknown_measure_in_criterion_and_rule(project):
    project.edit(PROTOCOL, "measure: pain-during, operator", "measure: pain-durring, operator")
    problem = project.only("E202")
    assert problem.line == project.line_of(PROTOCOL, "pain-durring")
    assert "did you mean 'pain-during'?" in problem.message


def test_unknown_warning_sign(project):
    project.edit(PROTOCOL, "warning_signs: [pain-high]", "warning_signs: [pain-hi]")
    assert "'pain-hi' is not a warning sign" in project.only("E203").message


def test_unknown_assessment(project):
    project.edit(PROTOCOL, "assessment: step-down-test", "assessment: step-test")
    assert "'step-test' is not an assessment" in project.only("E204").message


def test_unknown_citation(project):
    project.edit(PROTOCOL, "references: [thomee-1997]", "references: [thomee-1998]")
    problem = project.only("E205")
    assert problem.line == project.line_of(PROTOCOL, "thomee-1998") and "thomee-1997" in problem.message


def test_duplicate_id_in_protocol(project):
    project.edit(PROTOCOL, "  - id: load\n", "  - id: settle\n")
    problem = project.only("E206")
    first = project.line_of(PROTOCOL, "- id: settle")
    assert problem.line > first and f"'settle' appears twice in 'phases' (first at line {first})" in problem.message


def test_drill_listed_twice_in_a_phase(project):
    project.edit(PROTOCOL, "      - drill: clamshell\n", "      - drill: clamshell\n      - drill: clamshell\n")
    assert "'clamshell' appears twice in the drills of phase 'settle'" in project.only("E206").message


def test_education_ids_unique_across_protocol_and_phases(project):
    project.edit(PROTOCOL, "    warning_signs: [pain-high]\n    assessments",
                 "    education: [{id: sleep, title: Sleep, text: Sleep well.}]\n"
                 "    warning_signs: [pain-high]\n    assessments")
    project.edit(PROTOCOL, "references:\n  - id: fredericson",
                 "education:\n  - {id: sleep, title: Sleep, text: Sleep more.}\nreferences:\n  - id: fredericson")
    assert "'sleep' appears twice in the education items" in project.only("E206").message


def test_file_name_must_match_id(project):
    project.edit("drills/easy-walk.yaml", "id: easy-walk", "id: flat-walk")
    problem = project.only("E207")
    assert problem.file == "drills/easy-walk.yaml" and "'easy-walk.yaml'" in problem.message
    assert "change the id back: id: easy-walk" in problem.message and problem.fix.text == "easy-walk"


def test_renamed_file_of_a_cited_drill_is_renamed_back(project):
    (project.root / "drills/easy-walk.yaml").rename(project.root / "drills/flat-walk.yaml")
    problem = project.only("E207")
    assert "rename the file to 'easy-walk.yaml'" in problem.message and problem.fix is None


def test_id_and_file_name_of_an_uncited_drill_may_change_either_way(project):
    project.write("drills/plank.yaml", (project.root / "drills/easy-walk.yaml").read_text()
                  .replace("id: easy-walk", "id: side-plank").replace("Brisk walk on the flat", "Plank"))
    problem = project.only("E207")
    assert "rename the file to 'side-plank.yaml' or change the id" in problem.message


def test_progression_loop(project):
    project.edit("drills/clamshell-band.yaml", "regression: clamshell", "progression: clamshell")
    problem = project.only("E208")
    assert "clamshell → clamshell-band (drills/clamshell.yaml:15), clamshell-band → clamshell" in problem.message


def test_phase_without_exit_criterion(project):
    text = (project.root / PROTOCOL).read_text()
    start, end = text.index("    exit_criteria:"), text.index("    warning_signs: [pain-high]\n    assessments")
    project.write(PROTOCOL, text[:start] + text[end:])
    problem = project.only("E209")
    assert problem.line == project.line_of(PROTOCOL, "- id: settle") and "'load'" in problem.message


def test_scale_value_out_of_range(project):
    project.edit(PROTOCOL, "        value: 2\n", "        value: 12\n")
    problem = project.only("E210")
    assert problem.line == project.line_of(PROTOCOL, "value: 12")
    assert "runs from 0 to 10" in problem.message


def test_categorical_value_must_be_listed(project):
    project.edit(PROTOCOL, "rule: {measure: pain-during, operator: \">\", value: 5, within: {days: 3}}",
                 "rule: {measure: step-down, operator: \"==\", value: bad}")
    assert "takes one of good, fair, poor, not 'bad'" in project.only("E210").message


def test_boolean_measure_needs_true_or_false(project):
    project.edit(PROTOCOL, "rule: {measure: pain-during, operator: \">\", value: 5, within: {days: 3}}",
                 "rule: {measure: hops-pain-free, operator: \">\", value: true}")
    assert "operator must be '=='" in project.only("E210").message


def test_unused_drill_is_a_warning(project):
    project.write("drills/lunge.yaml", "id: lunge\nname: Lunge\ncategory: strength\ntargets: [quadriceps]\n"
                  "dosage: {sets: 2, reps: 8}\nsteps: [Step forward., Step back.]\ncues: [Tall trunk.]\n")
    problem = project.only("W301")
    assert problem.severity == "warning" and "lunge" in problem.message


def test_uncited_reference_is_a_warning(project):
    project.edit("drills/clamshell.yaml", "references: [fredericson-2000]\n", "")
    assert "fredericson-2000" in project.only("W302").message


def test_a_broken_file_does_not_cause_false_unknown_id_errors(project):
    project.edit("drills/easy-walk.yaml", "category: conditioning", "category: cardio")
    assert [p.code for p in project.problems()] == ["E104"]


def test_misspelt_id_is_offered_as_an_edit_that_passes(project):
    project.edit(PROTOCOL, "- drill: clamshell-band", "- drill: clamshell-bnd")
    problem = project.only("E201")
    assert project.problems() == [problem], "the drill it misspells is not reported as unused"
    target = project.root / PROTOCOL
    target.write_text(problem.fix.apply(target.read_text()))
    assert project.problems() == []


def test_renamed_reference_is_reported_where_it_is_cited_only(project):
    project.edit(PROTOCOL, "  - id: fredericson-2000", "  - id: fredericson-2001")
    problem = project.only("E205")
    assert problem.file == "drills/clamshell.yaml" and project.problems() == [problem]


def test_unknown_id_without_a_close_match_has_no_edit(project):
    project.edit(PROTOCOL, "warning_signs: [pain-high]", "warning_signs: [swelling]")
    problem = project.only("E203")
    assert problem.fix is None and "check the spelling or add it" in problem.message


def test_drill_whose_id_differs_from_its_file_name_is_still_the_drill_phases_prescribe(project):
    project.edit("drills/clamshell-band.yaml", "id: clamshell-band", "id: banded-clamshell")
    assert [p.code for p in project.problems()] == ["E207"]


def test_search_words_lead_to_a_page_that_exists(project):
    project.edit(PROTOCOL, "references:\n  - id: fredericson",
                 "search_words:\n  - {page: 'drill:clamshel', words: [clams]}\n  - {page: 'phase:settle', words: [calm it]}\n"
                 "references:\n  - id: fredericson")
    problem = project.only("E214")
    assert problem.line == project.line_of(PROTOCOL, "drill:clamshel")
    assert "did you mean 'drill:clamshell'?" in problem.message


def test_glossary_term_ids_are_unique(project):
    project.edit(PROTOCOL, "references:\n  - id: fredericson",
                 "glossary:\n  - {id: tempo, term: Tempo, text: Seconds of each part.}\n"
                 "  - {id: tempo, term: Tempo run, text: A comfortably hard run.}\nreferences:\n  - id: fredericson")
    assert "the glossary term id 'tempo' is used twice" in project.only("E206").message
