"""Field-level changes on temporary git repositories: sessions and walk-run stages matched, drills renamed, doses
said more or less, each change with its ids, field, values and class, in short sentences."""

from __future__ import annotations

import json

import pytest

from generator.cli import main
from generator.review.changes import Change

WEEK = ("    warning_signs: [pain-high]\n    assessments: [step-down-test]\n",
        "    sessions:\n"
        "      - {id: strength, title: Strength, kind: strength, minutes: 25, days: [mon, thu],"
        " drills: [clamshell], evidence: {level: clinical-consensus, note: Common practice.}}\n"
        "      - {id: walk, title: Walk, kind: cross-training, minutes: 30, days: [tue, fri, sat], drills: [easy-walk],"
        " evidence: {level: clinical-consensus, note: Common practice.}}\n"
        "    warning_signs: [pain-high]\n    assessments: [step-down-test]\n")
STAGES = ("      - drill: clamshell-band\n",
          "      - drill: clamshell-band\n    return_to_run:\n      progression_rule: Move on when pain stays at 2/10.\n"
          "      sessions:\n"
          "        - {run_minutes: 1, walk_minutes: 4, repeats: 5, surface: grass, total_minutes: 25}\n"
          "        - {run_minutes: 3, walk_minutes: 2, repeats: 5, surface: grass, total_minutes: 25}\n"
          "        - {run_minutes: 4, walk_minutes: 1, repeats: 5, surface: grass, total_minutes: 25}\n")
#: the longest sentence one change of a session or stage may take.
SHORT = 120


@pytest.fixture
def week(repository):
    repository.edit(*WEEK)
    repository.commit("a week of sessions")
    return repository


def _fields(change) -> tuple:
    return (change.protocol, change.phase, change.item_type, change.item, change.field, change.old, change.new,
            change.change_class, change.bump)


def test_a_session_moved_to_another_day_is_its_days_only(week):
    week.edit("days: [tue, fri, sat]", "days: [tue, fri, sun]")
    change = week.only()
    assert change.text == "Phase 1 week, session 'Walk': days Tue, Fri, Sat → Tue, Fri, Sun"
    assert _fields(change) == ("mini", "settle", "session", "walk", "days", ["tue", "fri", "sat"],
                               ["tue", "fri", "sun"], "moved", "minor")


def test_sessions_are_matched_by_id_not_by_place(week):
    path = week.root / "protocols/mini.yaml"
    lines = path.read_text().split("\n")
    first = next(i for i, line in enumerate(lines) if "{id: strength," in line)
    lines[first:first + 2] = [lines[first + 1].replace("minutes: 30", "minutes: 40"), lines[first]]
    path.write_text("\n".join(lines))
    change = week.only()
    assert change.text == "Phase 1 week, session 'Walk': length 30 → 40 min (longer)"
    assert (change.item, change.field, change.old, change.new, change.change_class) == ("walk", "minutes", 30, 40,
                                                                                        "more")


def test_a_session_drill_added_or_taken_out_is_named(week):
    week.edit("drills: [clamshell], evidence", "drills: [clamshell], optional: [easy-walk], evidence")
    assert (week.only().text, week.only().change_class) == (
        "Phase 1 week, session 'Strength': optional drills: Brisk walk on the flat added", "added")
    week.git("checkout", "--", ".")
    week.edit("days: [tue, fri, sat]", "days: [tue, sat]")
    week.edit("dosage: {per_week: 3}", "dosage: {per_week: 2}")
    assert [(c.text, c.change_class) for c in week.changes() if c.item_type == "session"] == [
        ("Phase 1 week, session 'Walk': days Tue, Fri, Sat → Tue, Sat (less: 2 days a week)", "less")]


def test_a_session_edited_at_the_handbooks_size_is_one_short_sentence(handbook_repository):
    repo = handbook_repository
    text = (repo.root / "protocols/itbs-runners.yaml").read_text()
    start = text.index("      - id: strength-a")
    old = text[start:text.index("\n      - id:", start + 1)]
    new = old.replace("days: [mon, fri]", "days: [mon, sat]").replace("minutes: 35", "minutes: 40")
    repo.edit(old, new, "protocols/itbs-runners.yaml")
    changes = repo.changes()
    assert [c.text for c in changes] == ["Phase 2 week, session 'Strength A': days Mon, Fri → Mon, Sat",
                                         "Phase 2 week, session 'Strength A': length 35 → 40 min (longer)"]
    assert all(len(c.text) <= SHORT for c in changes)


def test_the_version_message_quotes_one_change_briefly(handbook_repository, capsys):
    repo = handbook_repository
    text = (repo.root / "protocols/itbs-runners.yaml").read_text()
    start = text.index("      - id: strength-a")
    old = text[start:text.index("\n      - id:", start + 1)]
    repo.edit(old, old.replace("days: [mon, fri]", "days: [mon, sat]"), "protocols/itbs-runners.yaml")
    assert main(["--root", str(repo.root), "check", "--since", "HEAD", "--format", "json"]) == 1
    [problem] = [p for p in json.loads(capsys.readouterr().out)["problems"] if p["code"] == "E401"]
    assert "(new or tightened content: Phase 2 week, session 'Strength A': days Mon, Fri → Mon, Sat)" in \
        problem["message"]
    assert len(problem["message"]) <= 300


def test_a_long_change_is_quoted_cut_at_a_word():
    change = Change("mini", None, "Phase 1 week, session 'Walk'", "main drills: " + ", ".join(["Clamshell"] * 40)
                    + " added", "minor")
    assert len(change.short()) <= 160 and change.short().endswith("Clamshell…")


@pytest.mark.parametrize("edit, sentence, cls", [
    (("        - {run_minutes: 1, walk_minutes: 4, repeats: 5, surface: grass, total_minutes: 25}\n",
      "        - {run_minutes: 1, walk_minutes: 4, repeats: 5, surface: grass, total_minutes: 25}\n"
      "        - {run_minutes: 2, walk_minutes: 3, repeats: 5, surface: grass, total_minutes: 25}\n"),
     "Phase 2 return to running, stage 2: added: 5 × (run 2 min, walk 3 min), 25 min in all on grass", "added"),
    (("        - {run_minutes: 1, walk_minutes: 4, repeats: 5, surface: grass, total_minutes: 25}\n", ""),
     "Phase 2 return to running, stage 1: removed: 5 × (run 1 min, walk 4 min), 25 min in all on grass", "removed"),
    (("{run_minutes: 3, walk_minutes: 2, repeats: 5", "{run_minutes: 2, walk_minutes: 3, repeats: 5"),
     "Phase 2 return to running, stage 2: 5 × (run 3 min, walk 2 min), 25 min in all on grass → "
     "5 × (run 2 min, walk 3 min), 25 min in all on grass (less: shorter runs, longer walk breaks)", "less"),
])
def test_walk_run_stages_are_matched_so_one_stage_is_one_change(repository, edit, sentence, cls):
    repository.edit(*STAGES)
    repository.commit("walk-run")
    repository.edit(*edit)
    change = repository.only()
    assert (change.text, change.change_class, change.item_type) == (sentence, cls, "walk-run-stage")


def test_a_drill_renamed_is_a_rename(repository):
    repository.git("mv", "drills/clamshell.yaml", "drills/side-lying-clamshell.yaml")
    repository.edit("id: clamshell\n", "id: side-lying-clamshell\n", "drills/side-lying-clamshell.yaml")
    repository.edit("regression: clamshell\n", "regression: side-lying-clamshell\n", "drills/clamshell-band.yaml")
    repository.edit("      - drill: clamshell\n", "      - drill: side-lying-clamshell\n")
    change = repository.only()
    assert change.text == "Drill 'Clamshell': renamed: id clamshell → side-lying-clamshell, every use updated"
    assert _fields(change) == (None, None, "drill", "side-lying-clamshell", "id", "clamshell", "side-lying-clamshell",
                               "renamed", "patch")
    assert change.affects == ("mini",)


def test_a_drill_renamed_with_its_dose_changed_in_a_phase_is_a_rename_and_a_dose(repository):
    repository.git("mv", "drills/clamshell.yaml", "drills/side-lying-clamshell.yaml")
    repository.edit("id: clamshell\n", "id: side-lying-clamshell\n", "drills/side-lying-clamshell.yaml")
    repository.edit("regression: clamshell\n", "regression: side-lying-clamshell\n", "drills/clamshell-band.yaml")
    repository.edit("      - drill: clamshell\n", "      - drill: side-lying-clamshell\n        dosage: {sets: 2}\n")
    assert sorted((c.change_class, c.text) for c in repository.changes()) == [
        ("less", "Phase 1: Clamshell dose 3 × 10-15 reps, each side → 2 × 10-15 reps, each side (less: fewer sets)"),
        ("renamed", "Drill 'Clamshell': renamed: id clamshell → side-lying-clamshell, every use updated")]


def test_a_drill_with_new_content_under_a_new_id_is_not_a_rename(repository):
    repository.git("mv", "drills/clamshell.yaml", "drills/side-lying-clamshell.yaml")
    repository.edit("id: clamshell\n", "id: side-lying-clamshell\n", "drills/side-lying-clamshell.yaml")
    repository.edit("name: Clamshell\n", "name: Side-lying clamshell\n", "drills/side-lying-clamshell.yaml")
    repository.edit("regression: clamshell\n", "regression: side-lying-clamshell\n", "drills/clamshell-band.yaml")
    repository.edit("      - drill: clamshell\n", "      - drill: side-lying-clamshell\n")
    classes = {c.change_class for c in repository.changes()}
    assert "renamed" not in classes and {"added", "removed"} <= classes


@pytest.mark.parametrize("old, new, words, cls", [
    ("{sets: 2, reps: 8}", "{sets: 1, reps: 5}", "2 × 8 reps, each side → 1 × 5 reps, each side (less: fewer sets, fewer reps)",
     "less"),
    ("{sets: 2, reps: 8}", "{sets: 3, reps: 12}", "2 × 8 reps, each side → 3 × 12 reps, each side (more: more sets, more reps)",
     "more"),
    ("{sets: 3, reps: 10}", "{sets: 2, reps: 15}", "3 × 10 reps, each side → 2 × 15 reps, each side (mixed: fewer sets, more reps)",
     "mixed"),
    ("{sets: 2, reps: 8}", "{sets: 2, hold_seconds: 30}", "2 × 8 reps, each side → 2 × 30\u00a0s hold, each side", "changed"),
    ("{sets: 2, reps: 10-12}", "{sets: 2, reps: 8-15}", "2 × 10-12 reps, each side → 2 × 8-15 reps, each side", "changed"),
])
def test_a_dose_says_which_way_it_changed(repository, old, new, words, cls):
    repository.edit("      - drill: clamshell\n", f"      - drill: clamshell\n        dosage: {old}\n")
    repository.commit("a dose of its own")
    repository.edit(f"dosage: {old}", f"dosage: {new}")
    change = repository.only()
    assert (change.text, change.change_class, change.field) == (f"Phase 1: Clamshell dose {words}", cls, "dosage")
    assert change.item_type == "phase-drill" and change.item == "clamshell" and change.phase == "settle"


def test_holds_minutes_and_times_a_week_say_more_or_less(repository):
    repository.edit("dosage: {per_week: 3}", "dosage: {per_week: 2, duration_minutes: 40}")
    change = repository.only()
    assert change.change_class == "mixed" and change.text.endswith("(mixed: more minutes, fewer days a week)")
    assert change.old == {"duration_minutes": "20-30", "per_week": 3} and \
        change.new == {"duration_minutes": 40, "per_week": 2}


def test_an_item_added_or_removed_carries_itself_as_the_content_writes_it(week):
    week.edit("      - {id: walk, title: Walk, kind: cross-training, minutes: 30, days: [tue, fri, sat], drills: [easy-walk],"
              " evidence: {level: clinical-consensus, note: Common practice.}}\n", "")
    [session] = [c for c in week.changes() if c.item_type == "session"]
    assert _fields(session)[:4] == ("mini", "settle", "session", "walk") and session.change_class == "removed"
    assert (session.old["days"], session.new, session.field) == (["tue", "fri", "sat"], None, None)
    week.git("checkout", "--", ".")
    path = week.root / "protocols/mini.yaml"
    text = path.read_text()
    path.write_text(text[:text.index("  - id: load")] + text[text.index("references:\n  - id: f"):])
    [phase] = week.changes()
    assert (phase.item_type, phase.item, phase.change_class, phase.new) == ("phase", "load", "removed", None)
    assert phase.old["drills"] == [{"drill": "clamshell-band"}]
