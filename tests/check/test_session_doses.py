"""Sessions hold their drills' doses: the minutes leave room for the least time the doses take (E230), and a
drill's sessions put it on about as many days as its dose's times a week (E231, beside E221)."""

import pytest

from generator.checks.rules.session_frequency import is_far
from generator.content.week import least_seconds, low_end, merged_dosage

PROTOCOL = "protocols/mini.yaml"
PHASE_END = "    warning_signs: [pain-high]\n    assessments: [step-down-test]\n"
EVIDENCE = "        evidence: {level: clinical-consensus, note: Common practice.}\n"


def with_sessions(project, *sessions: str) -> None:
    """The mini project's first phase with ``sessions`` (each 'id|kind|minutes|days|part: drills; …')."""
    written = ["    sessions:\n"]
    for session in sessions:
        ident, kind, minutes, days, *parts = session.split("|")
        written.append(f"      - id: {ident}\n        title: {ident.capitalize()}\n        kind: {kind}\n"
                       f"        minutes: {minutes}\n        days: [{days}]\n")
        written += [f"        {part}\n" for part in parts]
        written.append(EVIDENCE)
    project.edit(PROTOCOL, PHASE_END, "".join(written) + PHASE_END)


# --- the estimate

@pytest.mark.parametrize("dosage,seconds", [
    ({"sets": 3, "reps": "10-15", "tempo": "2-1-2", "rest_seconds": 60, "side": "each"}, 3 * 10 * 5 * 2 + 2 * 60),
    ({"sets": "2-3", "reps": 10, "side": "both"}, 2 * 10 * 2),           # no tempo: 2 s a rep
    ({"sets": 3, "hold_seconds": "20-30", "rest_seconds": 30}, 3 * 20 + 2 * 30),
    ({"duration_minutes": "20-45", "per_week": 3}, 20 * 60),            # no sets: one
    ({"sets": "3-5", "duration_minutes": "2-3", "rest_seconds": 60}, 3 * 120 + 2 * 60),
    ({"sets": 1, "reps": "15-10"}, 10 * 2),                             # a range the wrong way round (E212)
    ({"sets": 2, "note": "A routine."}, 0),                             # no amount: its length is not said
])
def test_least_time_of_a_dose(dosage, seconds):
    assert least_seconds(dosage) == seconds


def test_low_end_of_amounts():
    assert [low_end(12), low_end("10-15"), low_end(None)] == [12, 10, None]


def test_a_phase_amount_replaces_the_drill_amount():
    drill = {"sets": 3, "hold_seconds": "20-30", "per_week": 4}
    assert merged_dosage(drill, {"reps": 8}) == {"sets": 3, "reps": 8, "per_week": 4}
    assert merged_dosage(drill, {"per_week": 2}) == {"sets": 3, "hold_seconds": "20-30", "per_week": 2}
    assert merged_dosage(drill, None) == drill


@pytest.mark.parametrize("days,per_week,far", [
    (1, 4, True), (1, 3, True), (2, 5, True), (7, 3, True),
    (2, 4, False), (1, 2, False), (3, 5, False), (7, 5, False), (6, 3, False), (3, 3, False),
])
def test_far_is_less_than_half_or_more_than_twice(days, per_week, far):
    assert is_far(days, per_week) is far


# --- E230: minutes

def test_a_session_exactly_as_long_as_its_drills_is_fine(project):
    with_sessions(project, "walk|cross-training|20|tue, fri, sun|drills: [easy-walk]")
    assert project.problems() == []


def test_less_than_a_whole_minute_short_is_not_reported(project):
    # 20 min of walking and one set of 10 clamshells each side at 2 s a rep (40 s): 20 min 40 s at least
    project.edit(PROTOCOL, "      - drill: clamshell\n", "      - drill: clamshell\n        dosage: {sets: 1, reps: 10}\n")
    with_sessions(project, "walk|cross-training|20|tue, fri, sun|drills: [easy-walk]|cool_down: [clamshell]")
    assert project.problems() == []
    project.edit(PROTOCOL, "minutes: 20", "minutes: 19")
    problem = project.only("E230")
    assert "set to 19 minutes" in problem.message and "at least 20 minutes" in problem.message
    assert "(easy-walk 20 min, clamshell under 1 min)" in problem.message


def test_optional_drills_do_not_count_towards_the_minutes(project):
    with_sessions(project, "strength|strength|5|mon, thu|drills: [clamshell]|optional: [easy-walk]",
                  "walk|cross-training|20|tue, fri, sun|drills: [easy-walk]")
    assert project.problems() == []


def test_the_dose_the_phase_prescribes_is_the_one_timed(project):
    with_sessions(project, "walk|cross-training|20|tue, fri, sun|drills: [easy-walk]")
    project.edit(PROTOCOL, "dosage: {per_week: 3}", "dosage: {per_week: 3, duration_minutes: 30-40}")
    problem = project.only("E230")
    assert "at least 30 minutes" in problem.message and "write minutes: 30" in problem.message


def test_a_session_no_minutes_could_hold_is_reported_without_an_edit(project):
    with_sessions(project, "walk|cross-training|60|tue, fri, sun|drills: [easy-walk]")
    project.edit(PROTOCOL, "dosage: {per_week: 3}", "dosage: {per_week: 3, sets: 5, duration_minutes: 30}")
    problem = project.only("E230")
    assert problem.fix is None and "shorten the doses" in problem.message


def test_minutes_are_not_judged_while_a_session_drill_is_unknown(project):
    with_sessions(project, "walk|cross-training|5|tue, fri, sun|drills: [easy-wlak]")
    assert [p.code for p in project.problems()] == ["E220"]


# --- E231: times a week

def test_a_count_near_the_dose_is_an_ordinary_fit(project):
    project.edit(PROTOCOL, "      - drill: easy-walk\n        dosage: {per_week: 3}\n", "      - drill: easy-walk\n")
    with_sessions(project, "walk|cross-training|20|tue, fri, sun|drills: [easy-walk]")
    assert project.problems() == []  # 3 days for a dose of 5 a week


def test_a_drill_done_more_than_twice_as_often_as_its_dose(project):
    project.edit("drills/easy-walk.yaml", "per_week: 5", "per_week: 2")
    project.edit(PROTOCOL, "      - drill: easy-walk\n        dosage: {per_week: 3}\n", "      - drill: easy-walk\n")
    with_sessions(project, "walk|mobility|20|mon, tue, wed, thu, fri, sat, sun|drills: [easy-walk]")
    problem = project.only("E231")
    assert problem.line == project.line_of(PROTOCOL, "- drill: easy-walk")
    assert "more than twice the 2 times a week" in problem.message
    assert "take it out of some sessions or days" in problem.message
    assert [p.code for p in project.problems()] == ["E231"]


def test_a_count_the_phase_writes_is_left_to_e221(project):
    with_sessions(project, "walk|cross-training|20|sat|drills: [easy-walk]")
    assert [p.code for p in project.problems()] == ["E221"]  # per_week: 3 written, 1 day: one message


def test_a_drill_only_in_optional_lists_is_an_extra(project):
    project.edit(PROTOCOL, "      - drill: easy-walk\n        dosage: {per_week: 3}\n", "      - drill: easy-walk\n")
    with_sessions(project, "strength|strength|20|mon, thu|drills: [clamshell]|optional: [easy-walk]")
    assert project.problems() == []
