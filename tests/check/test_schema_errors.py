"""Schema errors point at the offending key or value, in a clinician's words."""

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
    assert problem.line == project.line_of("drills/clamshell.yaml", "dosage:")
    assert "exactly one of reps, hold_seconds, duration_minutes (found reps and hold_seconds)" in problem.message


def test_kebab_case_id(project):
    project.edit("drills/easy-walk.yaml", "id: easy-walk", "id: Easy_Walk")
    problem = project.only("E105")
    assert (problem.line, problem.column) == (1, 5)
    assert "kebab-case" in problem.message


def test_date_format(project):
    project.edit(PROTOCOL, "date: 2026-11-01", "date: 1/11/2026")
    problem = project.only("E105")
    assert problem.line == project.line_of(PROTOCOL, "date:") and "YYYY-MM-DD" in problem.message


def test_repeated_list_entry(project):
    project.edit("drills/clamshell.yaml", "aliases: [clam shell]", "aliases: [clam shell, clam shell]")
    assert "same entry twice" in project.only("E108").message
