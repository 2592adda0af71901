"""The model: links resolved, dosages merged, rules worded and evaluated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.model import ContentError, Dosage, Measure, Rule, Sustained, load_handbook
from generator.model.rules import RuleGroup
from generator.model.words import SESSIONS_OF

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def handbook(fixture_project):
    return load_handbook(fixture_project)


def test_phases_are_linked_in_order(handbook):
    phases = handbook.protocols[0].phases
    assert [p.id for p in phases] == ["settle", "return", "perform"]
    assert phases[0].prev is None and phases[0].next is phases[1] and phases[2].prev is phases[1]
    assert [p.number for p in phases] == [1, 2, 3]


def test_phase_override_is_merged_into_the_drill_default(handbook):
    settle = handbook.protocols[0].phases[0]
    assert settle.prescriptions[0].dosage.text() == "2 × 10-15 reps, each side, tempo 2-1-2, rest 60\u00a0s, 3×/week"


def test_an_override_amount_replaces_the_default_amount():
    merged = Dosage(sets=3, hold_seconds=30).merged({"reps": 10})
    assert (merged.reps, merged.hold_seconds, merged.sets) == (10, None, 3)


@pytest.mark.parametrize("dosage, words", [
    (Dosage(sets=3, reps="10-15", side="each", per_week=3), "3 × 10-15 reps, each side, 3×/week"),
    (Dosage(sets=2, hold_seconds=30, side="both"), "2 × 30\u00a0s hold, both sides together"),
    (Dosage(duration_minutes="20-30"), "20-30\u00a0min"),
    (Dosage(sets=1), "1 set"),
])
def test_dosage_in_words(dosage, words):
    assert dosage.text() == words


def test_drill_knows_where_it_is_used(handbook):
    uses = handbook.drills["clamshell"].used_in
    assert [(u.phase.id, u.dosage.reps, u.dosage.per_week) for u in uses] == [("settle", "10-15", 3), ("return", 20, 2)]
    assert handbook.drills["clamshell"].progression is handbook.drills["side-plank"]
    assert handbook.drills["side-plank"].regression is handbook.drills["clamshell"]


def test_criteria_resolve_their_measure_and_read_as_words(handbook):
    criteria = handbook.protocols[0].phases[1].exit_criteria
    assert criteria[0].rule.measure.name == "Pain during running"
    assert criteria[0].threshold == "Pain during running ≤ 2/10 for 3 consecutive sessions, in the last 14 days"
    assert criteria[1].threshold == "Pain-free hopping: yes, in the last 14 days"
    assert criteria[1].rule.text(with_look_back=False) == "Pain-free hopping: yes"
    assert handbook.protocols[0].phases[0].exit_criteria[0].threshold == "Step-down quality: good or fair, in the last 28 days"


def test_warning_signs_triage_red_first(handbook):
    assert [s.severity for s in handbook.protocols[0].triage] == ["red", "amber", "green"]


def test_assessment_lists_the_criteria_that_use_it(handbook):
    hop = handbook.protocols[0].assessments[1]
    assert [(phase.id, c.text) for phase, c in hop.criteria] == [("return", "Hop without pain.")]
    assert [m.id for m in hop.measures] == ["hop-ok"]


def test_references_by_id(handbook):
    assert handbook.references["smith-2020"].link == "https://doi.org/10.1234/test.1"
    assert handbook.drills["clamshell"].references == [handbook.references["smith-2020"]]
    assert handbook.review_date == "2026-03-01"


SCALE = Measure("pain", "Pain", "scale", "Rate it.", unit="/10")


@pytest.mark.parametrize("operator, value, observed, expected", [
    ("<=", 2, 2, True), ("<=", 2, 3, False), ("<", 2, 2, False), (">", 5, 6, True), (">=", 5, 5, True),
    ("==", 0, 0, True),
])
def test_rule_holds_for_numbers(operator, value, observed, expected):
    assert Rule(SCALE, operator, value).holds(observed) is expected


def test_categorical_rule_compares_by_place_in_the_list():
    quality = Measure("q", "Quality", "categorical", "Watch.", values=["good", "fair", "poor"])
    rule = Rule(quality, "<=", "fair")
    assert [rule.holds(v) for v in quality.values] == [True, True, False]
    with pytest.raises(ValueError):
        rule.holds("excellent")


def test_sustained_rule_needs_enough_consecutive_observations():
    rule = Rule(SCALE, "<=", 2, Sustained(3, "sessions"))
    assert rule.met_by([5, 1, 2, 0])
    assert not rule.met_by([1, 3, 2, 0])
    assert not rule.met_by([1, 1])
    assert rule.text() == "Pain ≤ 2/10 for 3 consecutive sessions"


@pytest.mark.parametrize("weeks, sustained, words", [
    (3, None, "Distance, last 7 days against the weekly average of the 3 weeks before: > 30%"),
    (1, None, "Distance, last 7 days against the week before: > 30%"),
    (1, Sustained(4, "weeks"), "Distance, each of the last 4 weeks against the week before it: > 30%"),
    (2, Sustained(3, "weeks"),
     "Distance, each of the last 3 weeks against the weekly average of the 2 weeks before it: > 30%"),
])
def test_a_load_rule_says_what_it_compares_and_for_how_many_weeks(weeks, sustained, words):
    distance = Measure("d", "Distance", "numeric", "Run.", unit="km")
    assert Rule(distance, ">", 30, sustained, increase=weeks).text() == words


@pytest.mark.parametrize("activity, words", [
    (("tempo-run",), "Pain ≤ 2/10 on tempo runs"),
    (("walk-run", "run"), "Pain ≤ 2/10 on walk-runs or runs"),
    (("walk", "walk-run", "strength", "cross-training"),
     "Pain ≤ 2/10 on walks, walk-runs, strength sessions or cross-training sessions"),
])
def test_a_rule_names_the_sessions_it_counts_as_a_list(activity, words):
    assert Rule(SCALE, "<=", 2, activity=activity).text(with_look_back=False) == words


def test_every_activity_a_log_records_has_words_for_its_sessions():
    schema = json.loads((REPO / "schemas" / "common.schema.json").read_text(encoding="utf-8"))
    assert set(SESSIONS_OF) == set(schema["$defs"]["activity"]["enum"])


def test_content_errors_are_raised_with_their_problems(fixture_project):
    (fixture_project / "drills" / "side-plank.yaml").write_text("id: side-plank\nname: x\n")
    with pytest.raises(ContentError) as caught:
        load_handbook(fixture_project)
    assert any(p.file == "drills/side-plank.yaml" for p in caught.value.problems)


SWELLING = Measure("swelling", "Swelling at the knee", "categorical", "Swelling.", values=["none", "mild", "marked"])
RPE = Measure("rpe", "RPE of the session", "numeric", "Effort.", unit="/10")


@pytest.mark.parametrize("group, words", [
    # a look-back of the whole group comes first, so it is not read as the last part's own
    (RuleGroup("any", [Rule(SCALE, ">", 5), Rule(SWELLING, "==", "marked")], within=14),
     "In the last 14 days, Pain > 5/10; or Swelling at the knee: marked"),
    # each part's own words end at the semicolon
    (RuleGroup("any", [Rule(SCALE, ">", 5, within=3), Rule(SCALE, ">", 5, within=7, by_activity=True)]),
     "Pain > 5/10, in the last 3 days; or Pain > 5/10, the latest of each kind of session, in the last 7 days"),
    (RuleGroup("all", [Rule(SCALE, "<=", 2, Sustained(3, "sessions")), Rule(SWELLING, "==", "none")], within=7),
     "In the last 7 days, Pain ≤ 2/10 for 3 consecutive sessions; and Swelling at the knee: none"),
    # a group read on each kind of session on its own: each part says how (consecutive sessions of one kind)
    (RuleGroup("any", [Rule(SCALE, ">", 5), Rule(SCALE, ">", 6, Sustained(2, "sessions"))], within=7,
               by_activity=True),
     "In the last 7 days, Pain > 5/10, the latest of each kind of session; "
     "or Pain > 6/10 for 2 consecutive sessions of the same kind"),
    # a group inside another in brackets, its own look-back first inside them
    (RuleGroup("any", [RuleGroup("all", [Rule(SCALE, ">", 2), Rule(RPE, ">", 7)], within=3), Rule(RPE, ">", 8)]),
     "(In the last 3 days, Pain > 2/10; and RPE of the session > 7/10); or RPE of the session > 8/10"),
    (RuleGroup("any", [Rule(RPE, ">", 8), RuleGroup("all", [Rule(SCALE, ">", 2), Rule(RPE, ">", 7)], within=3)]),
     "RPE of the session > 8/10; or (In the last 3 days, Pain > 2/10; and RPE of the session > 7/10)"),
])
def test_a_group_of_rules_reads_unambiguously(group, words):
    assert group.text() == words


def test_a_group_keeps_each_measures_name_as_written():
    """A name is the clinician's: an eponym keeps its capital wherever the measure stands in the group."""
    ober = Measure("ober", "Ober test positive", "boolean", "Test.")
    group = RuleGroup("any", [Rule(SCALE, ">", 5), Rule(ober, "==", True)], within=14)
    assert group.text() == "In the last 14 days, Pain > 5/10; or Ober test positive: yes"


def test_a_group_without_its_look_back_names_only_its_parts():
    group = RuleGroup("all", [Rule(SCALE, "<=", 2), Rule(SWELLING, "==", "none")], within=7)
    assert group.text(with_look_back=False) == "Pain ≤ 2/10; and Swelling at the knee: none"


@pytest.mark.parametrize("rule, words", [
    (Rule(SCALE, ">", 5, Sustained(2, "sessions"), by_activity=True),
     "Pain > 5/10 for 2 consecutive sessions of the same kind"),
    (Rule(SCALE, ">", 5, by_activity=True), "Pain > 5/10, the latest of each kind of session"),
    # weeks are not of a kind; a change is read across every session, whatever the flag
    (Rule(SCALE, ">", 5, Sustained(2, "weeks"), by_activity=True),
     "Pain > 5/10 for 2 consecutive weeks, the latest of each kind of session"),
    (Rule(SCALE, ">=", 2, change="weeks", by_activity=True), "Pain, up on the previous week by ≥ 2 points"),
])
def test_a_rule_read_on_each_kind_of_session_says_so_without_contradicting_itself(rule, words):
    assert rule.text() == words


@pytest.mark.parametrize("operator, value, words", [
    (">=", 2, "Pain, up on the previous week by ≥ 2 points"),
    (">", 1, "Pain, up on the previous week by > 1 point"),
    ("<=", -2, "Pain, down on the previous week by ≥ 2 points"),
    ("<", 1, "Pain, change from the previous week < 1/10"),  # a rise under 1, or any fall: compared as it is
    (">", 0, "Pain, up on the previous week"),
    ("<", 0, "Pain, down on the previous week"),
    (">=", 0, "Pain, change from the previous week ≥ 0/10"),  # no change, or a rise
])
def test_a_change_says_which_way_and_by_how_much(operator, value, words):
    assert Rule(SCALE, operator, value, change="weeks").text() == words


def test_a_change_of_a_measure_in_units_keeps_its_unit():
    distance = Measure("d", "Distance", "numeric", "Run.", unit="km")
    assert Rule(distance, ">", 5, change="weeks").text() == "Distance, up on the previous week by > 5\u00a0km"


def test_the_guides_examples_of_groups_in_words_are_the_handbooks_own():
    """The clinicians' guide quotes how groups read: each quote is a rule's words as the handbook writes them."""
    guide = (Path(__file__).resolve().parents[2] / "site_src" / "clinicians" / "rules.md").read_text(encoding="utf-8")
    quotes = [" ".join(line.removeprefix(">").strip() for line in block.splitlines())
              for block in guide.split("\n\n") if block.startswith("> ")]
    handbook = load_handbook(Path(__file__).resolve().parents[2])
    written = {sign.rule.text() for protocol in handbook.protocols for sign in protocol.warning_signs if sign.rule}
    assert quotes and all(quote in written for quote in quotes), (quotes, sorted(written))


@pytest.mark.parametrize("rule, words", [
    # an exit criterion reads the latest value: on some activities, the latest session of them
    (Rule(SCALE, "<=", 2, activity=("tempo-run",), latest=True), "Pain ≤ 2/10 on the latest tempo run"),
    (Rule(SCALE, "<=", 2, activity=("walk-run", "run"), latest=True), "Pain ≤ 2/10 on the latest walk-run or run"),
    # held for several sessions, or a warning sign's rule (any moment of its look-back): the sessions counted
    (Rule(SCALE, "<=", 2, Sustained(2, "sessions"), activity=("run",), latest=True),
     "Pain ≤ 2/10 for 2 consecutive sessions on runs"),
    (Rule(SCALE, ">", 5, activity=("run",)), "Pain > 5/10 on runs"),
])
def test_a_criterion_on_some_activities_names_the_session_it_reads(rule, words):
    assert rule.text() == words


def test_the_handbooks_criteria_read_the_latest_and_its_signs_any_moment():
    handbook = load_handbook(Path(__file__).resolve().parents[2])

    def rules(rule):
        return [one for part in rule.parts for one in rules(part)] if isinstance(rule, RuleGroup) else [rule]

    protocol = handbook.protocols[0]
    assert all(one.latest for phase in protocol.phases for criterion in phase.exit_criteria
               for one in rules(criterion.rule))
    assert not any(one.latest for sign in protocol.warning_signs if sign.rule for one in rules(sign.rule))
