"""The ITBS protocol stays complete and every threshold stays sourced or marked as consensus."""

from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
PROTOCOL = yaml.safe_load((REPO / "protocols" / "itbs-runners.yaml").read_text(encoding="utf-8"))
DRILLS = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((REPO / "drills").glob("*.yaml"))]


def thresholds():
    """(label, item) of every exit criterion, every session (its length and days) and every warning-sign rule."""
    for phase in PROTOCOL["phases"]:
        for n, criterion in enumerate(phase.get("exit_criteria", []), 1):
            yield f"{phase['id']}/criterion-{n}", criterion
        for session in phase.get("sessions", []):
            yield f"{phase['id']}/session-{session['id']}", session
    for sign in PROTOCOL["warning_signs"]:
        if "rule" in sign:
            yield f"warning-sign/{sign['id']}", sign


def test_counts_meet_the_protocol_standard():
    assert len(PROTOCOL["phases"]) >= 6
    assert len(DRILLS) >= 30
    assert len(PROTOCOL["measures"]) >= 10 and len(PROTOCOL["assessments"]) >= 10
    assert len(PROTOCOL["warning_signs"]) >= 10
    assert sum("rule" in sign for sign in PROTOCOL["warning_signs"]) >= 5
    assert {"green", "amber", "red"} <= {sign["severity"] for sign in PROTOCOL["warning_signs"]}


@pytest.mark.parametrize("label,item", list(thresholds()), ids=[label for label, _ in thresholds()])
def test_every_threshold_is_cited_or_marked_as_consensus(label, item):
    evidence = item.get("evidence", {})
    assert item.get("references") or evidence.get("level") == "clinical-consensus", \
        f"{label}: cite a reference or mark the evidence level as clinical-consensus"
    assert evidence.get("note"), f"{label}: say in an evidence note how strong the support is"


def test_every_phase_is_complete():
    for phase in PROTOCOL["phases"]:
        assert phase["goals"] and phase["activities"]["allowed"] and phase["activities"]["avoid"], phase["id"]
        assert phase["drills"] and phase["warning_signs"], phase["id"]
    for phase in PROTOCOL["phases"][:-1]:
        assert phase["exit_criteria"], phase["id"]


def test_return_to_run_schedule_has_sessions_and_a_rule():
    schedules = [phase["return_to_run"] for phase in PROTOCOL["phases"] if "return_to_run" in phase]
    assert len(schedules) == 1
    schedule = schedules[0]
    assert len(schedule["sessions"]) >= 5 and schedule["progression_rule"]
    runs = [session["run_minutes"] for session in schedule["sessions"]]
    assert runs == sorted(runs), "run intervals only grow from one session to the next"


@pytest.mark.parametrize("drill", DRILLS, ids=[d["id"] for d in DRILLS])
def test_every_drill_is_fully_described(drill):
    for field in ("summary", "dosage", "steps", "cues", "common_errors", "stop_if", "regions"):
        assert drill.get(field), f"{drill['id']} lacks {field}"
    assert len(drill["steps"]) >= 3 or drill["category"] in ("conditioning", "running"), drill["id"]


@pytest.mark.parametrize("phase", PROTOCOL["phases"], ids=[p["id"] for p in PROTOCOL["phases"]])
def test_every_phase_is_a_week_of_sessions_of_a_sensible_size(phase):
    sessions = phase.get("sessions", [])
    assert sessions, f"{phase['id']} has no weekly sessions"
    for session in sessions:
        assert 1 <= len(session["drills"]) <= 8, f"{session['id']}: 1-8 core drills"
        assert session["minutes"] <= 60, f"{session['id']}: at most an hour"
        if session["kind"] == "strength":
            assert session.get("warm_up") and session.get("cool_down"), f"{session['id']}: warm-up and cool-down"
