"""Bad YAML files: each class of broken input gets a clear problem at the right place."""

import time

from generator.checks.run import check_project
from generator.content.source import MAX_BYTES

DRILL = "drills/side-plank.yaml"


def test_mini_project_is_clean(project):
    assert project.problems() == []


def test_duplicate_key_is_an_error_not_silently_dropped(project):
    project.use_bad("duplicate-key.yaml", DRILL)
    problem = project.only("E006")
    assert (problem.file, problem.line, problem.column) == (DRILL, 8, 3)
    assert "'sets' appears twice" in problem.message and "line 6" in problem.message


def test_bare_no_read_as_boolean_gets_a_hint_to_quote(project):
    project.use_bad("yes-no.yaml", DRILL)
    problem = project.only("E103")
    assert (problem.line, problem.column) == (13, 5)
    assert problem.message == ("item 2 of 'cues' must be text, not false: YAML reads the bare word 'no' as false; "
                               "put it in quotes: \"no\"")


def test_bare_on_in_a_choice_field_is_explained(project):
    project.edit("drills/clamshell.yaml", "side: each", "side: on")
    assert "(found true: YAML reads the bare word 'on' as true)" in project.only("E104").message


def test_unquoted_version_number_gets_a_hint_to_quote(project):
    project.edit("protocols/mini.yaml", 'version: "1.0.0"', "version: 1.0")
    problem = project.only("E103")
    assert problem.line == project.line_of("protocols/mini.yaml", "version:")
    assert "must be text" in problem.message and problem.fix.text.startswith('"1.0')


def test_yaml_sexagesimal_number_is_reported_once_with_its_readings(project):
    project.edit("drills/clamshell.yaml", "name: Clamshell", "name: 1:30")
    problem = project.only("E011")
    assert (problem.line, problem.column, problem.fix) == (2, 7, None)
    assert problem.message == ("YAML reads the unquoted 1:30 as a time in base 60 and turns it into the number 90; "
                               "write what you mean: a number without ':', numbers joined by '-' for a range (1-30), "
                               "or text in quotes (\"1:30\")")
    assert project.problems() == [problem]


def test_billion_laughs_is_rejected_quickly(project):
    project.use_bad("billion-laughs.yaml", "drills/laughs.yaml")
    start = time.perf_counter()
    problem = project.only("E007")
    assert time.perf_counter() - start < 2
    assert problem.file == "drills/laughs.yaml"
    assert "anchors" in problem.message and "aliases" in problem.message


def test_recursive_alias_is_rejected(project):
    project.use_bad("recursive-alias.yaml", "drills/loop.yaml")
    assert "never ends" in project.only("E007").message


def test_non_utf8_bytes_point_at_the_byte(project):
    project.use_bad("latin1.yaml", "drills/clamshell.yaml")
    problem = project.only("E001")
    assert (problem.line, problem.column) == (3, 13)
    assert "0xe9" in problem.message and "UTF-8" in problem.message


def test_empty_file(project):
    project.use_bad("empty.yaml", DRILL)
    problem = project.only("E002")
    assert problem.file == DRILL and "empty" in problem.message


def test_tab_indentation(project):
    project.use_bad("tabs.yaml", DRILL)
    problem = project.only("E005")
    assert (problem.line, problem.column) == (4, 1)
    assert "replace the tab with spaces" in problem.message


def test_file_over_size_cap(project):
    project.write(DRILL, "id: side-plank\n" + "# padding\n" * (MAX_BYTES // 10 + 1))
    problem = project.only("E003")
    assert "over the limit" in problem.message


def test_yaml_syntax_error_explains_the_colon(project):
    project.use_bad("syntax.yaml", DRILL)
    problem = project.only("E004")
    assert problem.line == 2
    assert "put the whole text in quotes" in problem.message


def test_python_tags_are_refused_and_never_run(project):
    project.use_bad("python-tag.yaml", DRILL)
    problem = project.only("E008")
    assert problem.line == 2 and "python/object" in problem.message


def test_top_level_must_be_a_mapping(project):
    project.use_bad("top-level-list.yaml", DRILL)
    assert "not a list" in project.only("E009").message


def test_wrong_extension(project):
    project.write("drills/side-plank.yml", "id: side-plank\n")
    assert "side-plank.yaml" in project.only("E211").message


def _fixed(project, name: str, problem) -> str:
    """The text of ``name`` once the edit that ``problem`` suggests is made."""
    target = project.root / name
    target.write_text(problem.fix.apply(target.read_text()))
    return target.read_text()


def _reported(project, name: str) -> set:
    """The paths the loader reported in ``name``, which later steps must not report again."""
    content = check_project(project.root).content
    return next(s.reported for s in content.drills + content.protocols if s.file == name)


# Times written with ':' (YAML 1.1 reads 1:30 as 90).

def test_time_in_a_seconds_field_becomes_its_seconds(project):
    project.edit("drills/clamshell.yaml", "reps: 10-15", "hold_seconds: 1:30")
    problem = project.only("E011")
    assert (problem.line, problem.column) == (9, 17)
    assert "turns it into the number 90; write the seconds as a number: 90" in problem.message
    assert "hold_seconds: 90\n" in _fixed(project, "drills/clamshell.yaml", problem)
    assert project.problems() == []


def test_time_in_a_seconds_field_is_kept_as_written_and_marked_reported(project):
    project.edit("drills/clamshell.yaml", "reps: 10-15", "hold_seconds: 1:30")
    content = check_project(project.root).content
    clamshell = next(s for s in content.drills if s.file == "drills/clamshell.yaml")
    assert clamshell.data["dosage"]["hold_seconds"] == "1:30"
    assert clamshell.reported == {("dosage", "hold_seconds")}
    assert clamshell.is_reported(("dosage", "hold_seconds")) and not clamshell.is_reported(("dosage",))


def test_time_starting_with_zero_in_a_seconds_field(project):
    project.edit("drills/clamshell.yaml", "reps: 10-15", "hold_seconds: 0:45")
    problem = project.only("E011")
    assert problem.message == ("0:45 is written as a time, which YAML keeps as text, not a number; "
                               "write the seconds as a number: 45")
    assert problem.fix.text == "45"


def test_time_in_a_minutes_field_explains_both_readings_without_a_fix(project):
    project.edit("drills/easy-walk.yaml", "duration_minutes: 20-30", "duration_minutes: 1:30")
    problem = project.only("E011")
    assert (problem.line, problem.column, problem.fix) == (6, 21, None)
    assert problem.message.endswith("write the minutes as 90 if you meant 1 h 30 min, or \"1-2\" if you meant 1 min 30 s")


def test_time_in_a_field_of_fractions_of_minutes_is_certain(project):
    text = (project.root / "protocols/mini.yaml").read_text().replace("    warning_signs: [pain-high]\nreferences:", """\
    warning_signs: [pain-high]
    return_to_run:
      progression_rule: Move on when the last session was pain-free.
      sessions:
        - {run_minutes: 2, walk_minutes: 1:30, repeats: 5, surface: grass, total_minutes: 17.5}
references:""")
    project.write("protocols/mini.yaml", text)
    problem = project.only("E011")
    assert problem.message.endswith("write the minutes as 1.5 if you meant 1 min 30 s") and problem.fix.text == "1.5"


def test_hours_minutes_seconds_in_a_minutes_field_is_certain(project):
    project.edit("drills/easy-walk.yaml", "duration_minutes: 20-30", "duration_minutes: 1:30:00")
    problem = project.only("E011")
    assert "number 5400; write the minutes as a number: 90" in problem.message
    assert problem.fix.text == "90"


def test_fraction_of_seconds_has_no_fix(project):
    project.edit("drills/clamshell.yaml", "reps: 10-15", "hold_seconds: 1:30.5")
    problem = project.only("E011")
    assert "the number 90.5; write the seconds as a whole number" in problem.message and problem.fix is None


def test_time_as_a_list_item_is_text_to_quote(project):
    project.edit("drills/clamshell.yaml", "cues: [Keep the pelvis still.]", "cues: [Keep the pelvis still., 4:1]")
    problem = project.only("E011")
    assert (problem.line, problem.column) == (14, 32)
    assert problem.message.endswith('number 241; put the text in quotes: "4:1"')
    assert 'cues: [Keep the pelvis still., "4:1"]' in _fixed(project, "drills/clamshell.yaml", problem)


def test_colon_range_names_the_hyphen_range(project):
    project.edit("drills/clamshell.yaml", "reps: 10-15", "reps: 10:15")
    assert "numbers joined by '-' for a range (10-15)" in project.only("E011").message


def test_times_in_quotes_and_clock_like_text_are_left_alone(project):
    project.edit("drills/clamshell.yaml", "name: Clamshell", 'name: "1:30"')
    project.edit("drills/clamshell-band.yaml", "name: Clamshell with band", "name: Clamshell 1:1")
    assert project.problems() == []


# Texts cut by ' #'.

def test_hash_inside_a_text_is_reported_with_the_whole_text_quoted(project):
    project.edit("drills/clamshell.yaml", "name: Clamshell", "name: Clamshell #2 with band")
    problem = project.only("E012")
    assert (problem.line, problem.column) == (2, 7)
    assert problem.message == ("YAML reads '#2 with band' as a comment and cuts the text to 'Clamshell'; put the "
                               "whole text in quotes: \"Clamshell #2 with band\" (a note for editors goes on a line "
                               "of its own)")
    assert 'name: "Clamshell #2 with band"\n' in _fixed(project, "drills/clamshell.yaml", problem)
    assert project.problems() == []


def test_hash_in_a_list_item(project):
    project.edit("drills/clamshell.yaml", "  - Lift the top knee and lower it slowly.",
                 "  - Lift the top knee #slowly and lower it.")
    problem = project.only("E012")
    assert (problem.line, problem.column) == (13, 5)
    assert "- \"Lift the top knee #slowly and lower it.\"\n" in _fixed(project, "drills/clamshell.yaml", problem)


def test_deliberate_comments_are_not_reported(project):
    project.edit("drills/clamshell.yaml", "  sets: 3\n", "  sets: 3  # per leg\n")
    project.edit("drills/clamshell.yaml", "  side: each\n", "  side: each  # both legs, one after the other\n")
    project.edit("drills/clamshell.yaml", "dosage:\n", "# Dosage from the 2024 review.\ndosage:  # per session\n")
    project.edit("drills/clamshell.yaml", "progression: clamshell-band", "progression: clamshell-band  # harder")
    project.edit("drills/clamshell-band.yaml", "name: Clamshell with band", 'name: "Clamshell with band"  # shown')
    assert project.problems() == []


# List lines that lost their '- '.

def test_line_without_its_dash_is_reported_where_the_dash_is_missing(project):
    project.edit("drills/clamshell.yaml", "  - Lift the top knee", "    Lift the top knee")
    problem = project.only("E013")
    assert (problem.line, problem.column) == (13, 5)
    assert "this line has no '- ' in front, so YAML joins it to the item above" in problem.message
    assert "  - Lie on your side with your knees bent.\n  - Lift the top knee" in _fixed(
        project, "drills/clamshell.yaml", problem)
    assert project.problems() == []


def test_wrapped_list_text_is_not_a_lost_dash(project):
    project.edit("drills/clamshell.yaml", "  - Lie on your side with your knees bent.",
                 "  - Lie on your side with your\n    knees bent, as in the\n    ITBS leaflet.")
    assert project.problems() == []


def test_each_line_without_its_dash_is_reported(project):
    project.edit("drills/clamshell.yaml", "  - Lift the top knee and lower it slowly.",
                 "    Lift the top knee.\n    Lower it slowly.")
    assert [p.line for p in project.problems()] == [13, 14]


def test_item_of_fields_without_its_dash_becomes_an_item_of_its_own(project):
    project.edit("protocols/mini.yaml", "      - drill: easy-walk", "        drill: easy-walk")
    problem = project.only("E013")
    assert (problem.line, problem.column) == (49, 9)
    assert problem.message == ("this line has no '- ' in front, so YAML reads it as part of the item above, which then "
                               "has 'drill' twice; start it with '- ' to make it an item of its own")
    assert project.problems() == [problem]
    assert "      - drill: clamshell\n      - drill: easy-walk\n" in _fixed(project, "protocols/mini.yaml", problem)


# Quotes and brackets left open.

def test_unclosed_quote_is_reported_where_it_opens(project):
    project.edit("drills/clamshell.yaml", "name: Clamshell", 'name: "Clamshell')
    problem = project.only("E004")
    assert (problem.line, problem.column) == (2, 7)
    assert problem.message == ('YAML cannot be read: the quote " opened here is not closed, so YAML read on to '
                               'line 17, column 1 and stopped there; add the closing " where the text ends')
    assert 'name: "Clamshell"\n' in _fixed(project, "drills/clamshell.yaml", problem)


def test_quote_closed_only_by_the_next_quote_lines_later(project):
    project.edit("protocols/mini.yaml", "title: A small test protocol", 'title: "A small test protocol')
    problem = project.only("E004")
    assert (problem.line, problem.column) == (2, 8)
    assert "line 4, column 11" in problem.message
    _fixed(project, "protocols/mini.yaml", problem)
    assert project.problems() == []


def test_unclosed_bracket_is_reported_where_it_opens(project):
    project.edit("drills/clamshell.yaml", "aliases: [clam shell]", "aliases: [clam shell")
    problem = project.only("E004")
    assert (problem.line, problem.column) == (3, 10)
    assert "the bracket [ opened here is not closed, so YAML read on to line 4, column 9" in problem.message
    assert problem.message.endswith("add the closing ] where the list ends")


def test_hash_hiding_the_closing_bracket(project):
    project.edit("drills/clamshell.yaml", "cues: [Keep the pelvis still.]", "cues: [Keep the pelvis still #1]")
    problem = project.only("E004")
    assert (problem.line, problem.column, problem.fix) == (14, 7, None)
    assert "the ' #' on this line starts a comment that hides the rest of the line" in problem.message


def test_quoted_text_over_lines_is_not_taken_for_an_open_quote(project):
    project.edit("drills/clamshell.yaml", "name: Clamshell", 'name: "Clamshell,\n  on the side"')
    project.edit("drills/clamshell.yaml", "category: strength", "category: strength\n  regions: [hip]")
    problem = project.only("E004")
    assert problem.line == project.line_of("drills/clamshell.yaml", "  regions: [hip]")
    assert "opened here" not in problem.message


# Bare '>' and '|'.

def test_bare_greater_or_equal_is_an_operator_to_quote(project):
    project.edit("protocols/mini.yaml", 'operator: "<="', "operator: >=")
    problem = project.only("E014")
    assert (problem.line, problem.column) == (53, 19)
    assert problem.message == ("YAML reads '>' at the start of a value as the start of a text block, so it cannot read "
                               "'>='; put the operator in quotes: \">=\"")
    assert 'operator: ">="\n' in _fixed(project, "protocols/mini.yaml", problem)
    assert project.problems() == []


def test_bare_greater_than_is_read_as_an_empty_text(project):
    project.edit("protocols/mini.yaml", 'operator: "<="', "operator: >")
    problem = project.only("E014")
    assert "and no text follows, so the value is empty; put the operator in quotes: \">\"" in problem.message
    assert _reported(project, "protocols/mini.yaml") == {("phases", 0, "exit_criteria", 0, "operator")}


def test_bare_greater_than_inside_braces(project):
    project.edit("protocols/mini.yaml", 'operator: ">"', "operator: >")
    problem = project.only("E014")
    assert (problem.line, problem.column) == (37, 44)
    assert 'operator: ">", value: 5, within' in _fixed(project, "protocols/mini.yaml", problem)


def test_bare_pipe_in_a_text(project):
    project.edit("protocols/mini.yaml", "unit: /10", "unit: |")
    problem = project.only("E014")
    assert problem.message.endswith('put the symbol in quotes: "|"') and problem.fix.text == '"|"'


def test_text_written_after_a_block_marker_is_explained(project):
    project.edit("protocols/mini.yaml", "how: Ten hops on the affected leg.", "how: > Ten hops on the affected leg.")
    problem = project.only("E004")
    assert problem.message == ("'>' starts a text block whose text goes on the lines below, indented; to write the "
                               "text on this line, leave out the '>': Ten hops on the affected leg.")
    assert (problem.fix.end[1] - problem.fix.start[1], problem.fix.text) == (2, "")


def test_block_marker_with_a_number_and_no_text_is_an_empty_value(project):
    project.edit("protocols/mini.yaml", "unit: /10", "unit: >5")
    problem = project.only("E014")
    assert problem.fix is None
    assert problem.message == ("YAML reads '>5' as the start of a text block, and no text follows, so the value is "
                               "empty; write the value in quotes, or the text on the lines below, indented")
