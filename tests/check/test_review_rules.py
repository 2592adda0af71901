"""Checks a clinician review asked for: percent thresholds typed as fractions, and ids suggested only when close."""

from __future__ import annotations

import pytest

from generator.checks.rules.known import closest, typos

PROTOCOL = "protocols/mini.yaml"
SYMMETRY = """\
  - id: hop-symmetry
    name: Hop symmetry
    kind: percent
    unit: "%"
    how: Injured leg as a percentage of the other.
assessments:"""
CRITERION = """\
      - measure: hop-symmetry
        operator: ">="
        value: {value}
        within: {{days: 28}}
        text: Hops at least {value} % of the other leg.
        evidence: {{level: clinical-consensus, note: Consensus from ACL rehabilitation.}}
    warning_signs: [pain-high]
    assessments"""


def _with_symmetry_criterion(project, value: str) -> None:
    text = (project.root / PROTOCOL).read_text().replace("assessments:", SYMMETRY, 1)
    project.write(PROTOCOL, text.replace("    warning_signs: [pain-high]\n    assessments",
                                         CRITERION.format(value=value), 1))


def test_percent_threshold_written_as_a_fraction_is_a_warning_with_the_percent(project):
    _with_symmetry_criterion(project, "0.9")
    problem = project.only("W307")
    assert problem.line == project.line_of(PROTOCOL, "value: 0.9") and not problem.is_error
    assert "0.9 means 0.9 %; if you meant 90 %, write 90" in problem.message and problem.fix.text == "90"


@pytest.mark.parametrize("value", ["90", "1", "0"])
def test_percent_threshold_written_in_percent_passes(project, value):
    _with_symmetry_criterion(project, value)
    assert project.problems() == []


@pytest.mark.parametrize("word,choices,meant", [
    ("noble-1908", {"noble-1980", "ober-1936"}, "noble-1980"),
    ("ober-1936", {"noble-1980"}, None),
    ("pain-after-activity", {"pain-during-activity"}, None),
    ("side-plank-hold", {"side-plank-hold-time"}, "side-plank-hold-time"),
    ("clamshel", {"clamshell", "clamshell-band"}, "clamshell"),
    ("hip", {"hop"}, None),
])
def test_an_id_is_suggested_only_for_a_typo_or_a_renamed_id(word, choices, meant):
    assert closest(word, choices) == meant


def test_typos_count_a_swap_of_neighbours_as_one():
    assert (typos("1980", "1908"), typos("clamshel", "clamshell"), typos("abc", "abc")) == (1, 1, 0)


def test_a_symmetry_threshold_above_100_percent_is_a_warning_with_the_likely_value(project):
    _with_symmetry_criterion(project, "900")
    problem = project.only("W308")
    assert problem.line == project.line_of(PROTOCOL, "value: 900") and not problem.is_error
    assert "900 % would ask for the injured side to be 9 times as strong; if you meant 90 %, write 90" in problem.message
    assert problem.fix is None  # a guess at what was meant is said, not made
