"""Ranges run low end first (E212) and phase titles leave the numbering to the phase's place (E213)."""

import pytest

from generator.checks.rules.phase_titles import unnumbered
from generator.checks.rules.ranges import is_reversed, measure_range

PROTOCOL = "protocols/mini.yaml"


def applied(project, problem) -> str:
    """The file of ``problem`` with its suggested edit made."""
    return problem.fix.apply((project.root / problem.file).read_text())


# --- ranges

def test_reversed_amount_is_turned_round(project):
    project.edit("drills/clamshell.yaml", "reps: 10-15", "reps: 15-10")
    problem = project.only("E212")
    assert problem.line == project.line_of("drills/clamshell.yaml", "reps:")
    assert 'reps: "10-15"' in applied(project, problem)


def test_equal_ends_and_low_first_ranges_are_fine(project):
    project.edit("drills/clamshell.yaml", "reps: 10-15", "reps: 12-12")
    project.edit(PROTOCOL, "{min_weeks: 1, max_weeks: 2}", "{min_weeks: 2, max_weeks: 2}")
    assert project.problems() == []


def test_reversed_weeks_are_swapped_keeping_the_rest_of_the_line(project):
    project.edit(PROTOCOL, "{min_weeks: 1, max_weeks: 2}", "{min_weeks: 3, max_weeks: 2}")
    problem = project.only("E212")
    assert problem.line == project.line_of(PROTOCOL, "typical_duration: {min_weeks: 3")
    assert "typical_duration: {min_weeks: 2, max_weeks: 3}" in applied(project, problem)


def test_reversed_weeks_on_two_lines_are_swapped(project):
    project.edit(PROTOCOL, "typical_duration: {min_weeks: 1, max_weeks: 2}",
                 "typical_duration:\n      min_weeks: 5\n      max_weeks: 3")
    problem = project.only("E212")
    assert "      min_weeks: 3\n      max_weeks: 5\n" in applied(project, problem)


def test_reversed_measure_gives_one_error_and_none_at_its_criteria(project):
    project.edit(PROTOCOL, "    unit: /10\n", "    unit: /10\n    min: 10\n    max: 0\n")
    found = project.problems()
    assert [p.code for p in found] == ["E212"], found
    assert "    min: 0\n    max: 10\n" in applied(project, found[0])


def test_measure_with_only_min_above_the_default_top_has_no_edit(project):
    project.edit(PROTOCOL, "    unit: /10\n", "    unit: /10\n    min: 11\n")
    problem = project.only("E212")
    assert problem.fix is None and "add 'max' or change 'min'" in problem.message


def test_criteria_still_checked_against_a_sound_measure(project):
    project.edit(PROTOCOL, "    unit: /10\n", "    unit: /10\n    min: 0\n    max: 4\n")
    assert "runs from 0 to 4, so 5 cannot be reached" in project.only("E210").message


@pytest.mark.parametrize("measure, expected", [
    ({"kind": "scale"}, (0, 10)),
    ({"kind": "scale", "min": 1, "max": 5}, (1, 5)),
    ({"kind": "seconds"}, (0, 86400)),
    ({"kind": "categorical", "values": ["a", "b"]}, (0, None)),
    ({"kind": "percent", "max": 100}, (0, 100)),
])
def test_measure_range_defaults(measure, expected):
    assert measure_range(measure) == expected


def test_reversed_measures():
    assert is_reversed({"kind": "scale", "min": 10, "max": 0})
    assert is_reversed({"kind": "scale", "min": 11})
    assert not is_reversed({"kind": "seconds", "min": 30})
    assert not is_reversed({"kind": "scale", "min": 5, "max": 5})


# --- phase titles

@pytest.mark.parametrize("title, number, rest", [
    ("Phase 2: Load", "Phase 2:", "Load"),
    ("Phase 2 – Load", "Phase 2 –", "Load"),
    ("phase 3 - Run again", "phase 3 -", "Run again"),
    ("Stage 3: Return to sport", "Stage 3:", "Return to sport"),
    ("2. Load", "2.", "Load"),
    ("4) Hops", "4)", "Hops"),
    ("Phase II", "Phase II", ""),
    ("Phase IV: Running", "Phase IV:", "Running"),
    ("Phase one – settle", "Phase one –", "settle"),
    ("Phase 2 of 6: Load", "Phase 2 of 6:", "Load"),
    ("Phase 2b: Load", "Phase 2b:", "Load"),
    ("Load (phase 2)", "(phase 2)", "Load"),
    ("Return to sport – Stage 6", "– Stage 6", "Return to sport"),
])
def test_numbered_titles(title, number, rest):
    assert unnumbered(title) == (number, rest)


@pytest.mark.parametrize("title", [
    "Settle symptoms", "Return to running (walk-run)", "10-15 minute walks", "2.5 km easy runs", "Partial loading",
    "Stepping up", "Level ground walking", "Phase-appropriate loading", "Strength and movement control",
])
def test_titles_without_a_number(title):
    assert unnumbered(title) is None


def test_numbered_title_is_reported_with_the_edit_that_removes_the_number(project):
    project.edit(PROTOCOL, "title: Load", 'title: "Phase 2: Load and hop"')
    problem = project.only("E213")
    assert (problem.line, problem.column) == (project.line_of(PROTOCOL, "Phase 2: Load"), 12)
    assert "    title: Load and hop\n" in applied(project, problem)
