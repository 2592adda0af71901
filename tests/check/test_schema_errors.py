"""Schema errors point at the offending key or value, in a clinician's words."""

from pathlib import Path

from generator.content.schemas import SchemaSet, yaml_text

REPO = Path(__file__).resolve().parents[2]

DRILL = "drills/side-plank.yaml"
PROTOCOL = "protocols/mini.yaml"


def test_all_problems_of_a_file_in_one_run_sorted_by_line(project):
    project.use_bad("schema-errors.yaml", DRILL)
    found = [p for p in project.problems() if p.file == DRILL]
    assert [(p.line, p.code) for p in found] == sorted((p.line, p.code) for p in found)
    assert {p.code for p in found} >= {"E104", "E102", "E109", "E106", "E107"}


def test_unknown_field_suggests_the_right_name(project):
    project.use_bad("schema-errors.yaml", DRILL)
    problem = project.only("E102")
    assert (problem.line, problem.column) == (6, 3)
    assert problem.message == "unknown field 'set' — did you mean 'sets'?"


def test_unknown_field_without_close_match_lists_allowed_fields(project):
    project.edit("drills/clamshell.yaml", "category: strength", "category: strength\ncolour: red")
    message = project.only("E102").message
    assert "unknown field 'colour'" in message and "aliases" in message and "dosage" in message


def test_enum_typo_suggests_the_value(project):
    project.use_bad("schema-errors.yaml", DRILL)
    problem = project.only("E104")
    assert (problem.line, problem.column) == (3, 11)
    assert "did you mean 'strength'?" in problem.message and "mobility" in problem.message


def test_number_out_of_range(project):
    project.use_bad("schema-errors.yaml", DRILL)
    problem = project.only("E106")
    assert problem.line == 8 and problem.message == "'per_week' must be at most 7 (found 9)"


def test_amount_in_words_is_explained(project):
    project.use_bad("schema-errors.yaml", DRILL)
    problem = next(p for p in project.problems("E109") if p.line == 7)
    assert "'hold_seconds'" in problem.message and "whole number" in problem.message and "'10-15'" in problem.message


def test_too_few_steps(project):
    project.use_bad("schema-errors.yaml", DRILL)
    problem = project.only("E107")
    assert problem.line == 10 and "'steps' needs at least 2 items (found 1)" == problem.message


def test_missing_required_field_is_named(project):
    project.edit(PROTOCOL, "    severity: red\n", "")
    problem = project.only("E101")
    assert problem.line == project.line_of(PROTOCOL, "- id: pain-high")
    assert "required field 'severity' is missing" in problem.message and "green" in problem.message


def test_warning_sign_without_action(project):
    project.edit(PROTOCOL, "    action: stop-and-contact-clinician\n", "")
    assert "required field 'action' is missing" in project.only("E101").message


def test_dosage_needs_exactly_one_amount(project):
    project.edit("drills/clamshell.yaml", "  reps: 10-15\n", "  reps: 10-15\n  hold_seconds: 5\n")
    problem = project.only("E109")
    assert problem.line == project.line_of("drills/clamshell.yaml", "hold_seconds: 5")
    assert "exactly one of reps, hold_seconds, duration_minutes (found reps and hold_seconds)" in problem.message


def test_kebab_case_id_is_rewritten(project):
    project.edit("drills/easy-walk.yaml", "id: easy-walk", "id: Easy_Walk")
    problem = project.only("E105")
    assert (problem.line, problem.column) == (1, 5)
    assert problem.message.endswith("write easy-walk") and problem.fix.text == "easy-walk"


def test_id_form_is_explained_when_no_rewriting_fits(project):
    project.edit("drills/easy-walk.yaml", "id: easy-walk", "id: 2-walk")
    problem = project.only("E105")
    assert "kebab-case" in problem.message and problem.fix is None


def test_date_format(project):
    project.edit(PROTOCOL, "date: 2026-11-01", "date: 1/11/2026")
    problem = project.only("E105")
    assert problem.line == project.line_of(PROTOCOL, "date:") and "YYYY-MM-DD" in problem.message


def test_repeated_list_entry(project):
    project.edit("drills/clamshell.yaml", "aliases: [clam shell]", "aliases: [clam shell, clam shell]")
    assert "same entry twice" in project.only("E108").message


# --- every proposed value is one the failing schema accepts

def test_version_is_completed_to_a_valid_version(project):
    project.edit(PROTOCOL, 'version: "1.0.0"', "version: 1.2")
    problem = project.only("E103")
    assert 'write "1.2.0"' in problem.message and problem.fix.text == '"1.2.0"'


def test_version_that_cannot_be_completed_is_explained(project):
    project.edit(PROTOCOL, 'version: "1.0.0"', "version: 1.2.3.4")
    problem = project.only("E105")
    assert problem.fix is None and "semantic version" in problem.message


def test_text_that_fits_is_put_in_quotes(project):
    project.edit("drills/clamshell.yaml", "cues: [Keep the pelvis still.]", "cues: [Keep the pelvis still., yes]")
    problem = project.only("E103")
    assert "YAML reads the bare word 'yes' as true" in problem.message
    assert 'put it in quotes: "yes"' in problem.message and problem.fix.text == '"yes"'


def test_operator_typed_backwards_suggests_the_operator(project):
    project.edit(PROTOCOL, 'operator: "<="', 'operator: "=<"')
    problem = project.only("E104")
    assert problem.message.endswith("did you mean '<='?") and problem.fix.text == '"<="'


def test_no_operator_is_guessed_for_an_unrelated_symbol(project):
    project.edit(PROTOCOL, 'operator: "<="', 'operator: "<>"')
    problem = project.only("E104")
    assert "did you mean" not in problem.message and problem.fix is None


def test_amount_branch_meant_is_worded(project):
    project.edit("drills/clamshell.yaml", "sets: 3", "sets: -3")
    problem = project.only("E109")
    assert problem.message == "'sets' must be at least 1 (found -3)" and problem.fix is None


def test_amount_of_no_allowed_type_names_both_forms(project):
    project.edit("drills/clamshell.yaml", "sets: 3", "sets: 2.5")
    message = project.only("E109").message
    assert "whole number" in message and "'10-15'" in message


def test_impossible_dates_name_the_month_or_day(project):
    project.edit(PROTOCOL, "date: 2026-11-01", "date: 2028-02-30")
    message = project.only("E105").message
    assert "day 30 does not exist in February 2028 (it has 29 days)" in message


def test_number_where_a_group_belongs_names_its_fields(project):
    project.edit("drills/clamshell.yaml", "dosage:\n  sets: 3\n  reps: 10-15\n  side: each\n", "dosage: 3\n")
    problem = project.only("E103")
    assert problem.message.startswith("'dosage' must be a group of fields such as sets, reps, hold_seconds")
    assert [p.code for p in project.problems() if p.file == "drills/clamshell.yaml"] == ["E103"]


# --- fields in the wrong place

def test_misplaced_field_gives_one_message_with_the_spaces_to_move(project):
    project.edit("drills/clamshell.yaml", "  side: each\nsteps:", "  side: each\n  steps:")
    problem = project.only("E102")
    assert problem.message == "'steps' is indented under 'dosage'; move it 2 spaces left, in line with 'dosage'"
    assert problem.fix is None and project.problems("E101") == []


def test_misplaced_field_followed_by_others_of_its_group_gets_no_edit(project):
    project.edit("drills/clamshell.yaml", "  reps: 10-15\n", "  equipment: [mat]\n  reps: 10-15\n")
    problem = project.only("E102")
    assert "indented under 'dosage'" in problem.message and problem.fix is None


def test_misplaced_field_one_line_is_moved_by_its_edit(project):
    project.edit("drills/clamshell.yaml", "  side: each\n", "  side: each\n  equipment: [mat]\n")
    problem = project.only("E102")
    assert problem.fix.start == (problem.line, 1) and problem.fix.end == (problem.line, 3)


def test_misspelt_required_field_is_one_message(project):
    project.edit(PROTOCOL, "    how: Ten hops", "    hwo: Ten hops")
    problem = project.only("E102")
    assert problem.message == "unknown field 'hwo' — did you mean 'how'?" and problem.fix.text == "how"
    assert project.problems("E101") == []


def test_missing_field_points_at_the_first_key_of_its_item(project):
    project.edit(PROTOCOL, "    how: Ten hops on the affected leg.\n", "")
    problem = project.only("E101")
    assert (problem.line, problem.column) == (project.line_of(PROTOCOL, "- id: hops-pain-free"), 5)
    assert "item 3 of 'measures' ('hops-pain-free')" in problem.message


def test_missing_top_level_field_points_at_the_first_line(project):
    project.edit(PROTOCOL, "condition: Iliotibial band syndrome\n", "")
    problem = project.only("E101")
    assert (problem.line, problem.column) == (1, 1) and "'condition'" in problem.message


# --- the schema helpers

def test_schema_parts_are_validated_with_their_own_references():
    schemas = SchemaSet(REPO / "schemas")
    dosage = schemas.fields_at("drill", ("dosage",))
    assert {"sets", "reps", "side"} <= set(dosage)
    assert schemas.accepts(dosage["reps"], "10-15") and not schemas.accepts(dosage["reps"], "ten")
    assert "exit_criteria" in schemas.fields_at("protocol", ("phases", 0))


def test_yaml_text_quotes_only_what_needs_it():
    assert [yaml_text(v) for v in ("strength", "<=", "1.2.0", "no", "Load: more", 60, {"drill": "clamshell"})] == \
        ["strength", '"<="', '"1.2.0"', '"no"', '"Load: more"', "60", "{drill: clamshell}"]
