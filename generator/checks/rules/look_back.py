"""E225/E226: every exit criterion and warning-sign rule says how far back it looks, and looks back far enough.

A rule without a look-back (``within``) would read a value however old it is: a
swelling from three weeks ago, a strength test from last month. A look-back shorter
than what the rule needs (2 weeks of pain at 2/10 or less, looked for in the last
7 days) can never be met. A load rule (``increase``) is counted in calendar weeks
back from today and needs no look-back.
"""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...problems import Problem, error
from .criteria import GROUPS
from .known import value_at

#: days a period takes.
PERIOD_DAYS = {"days": 1, "weeks": 7}


def _leaves(path: tuple, rule: dict, within: dict | None) -> Iterator[tuple[tuple, dict, tuple | None]]:
    """(path, rule, path of the look-back that applies to it) of every comparison inside ``rule``."""
    within = path + ("within",) if "within" in rule else within
    groups = [group for group in GROUPS if group in rule]
    if not groups:
        yield path, rule, within
    for group in groups:
        for i, part in enumerate(rule[group]):
            yield from _leaves(path + (group, i), part, within)


def _rules(protocol: dict) -> Iterator[tuple[tuple, dict]]:
    for p, phase in enumerate(protocol["phases"]):
        for i, criterion in enumerate(phase.get("exit_criteria", [])):
            yield ("phases", p, "exit_criteria", i), criterion
    for i, sign in enumerate(protocol["warning_signs"]):
        if "rule" in sign:
            yield ("warning_signs", i, "rule"), sign["rule"]


def needed_days(rule: dict) -> int:
    """How many days of values the rule reads at least: 14 for 2 weeks, 2 for a change from the day before
    (sessions can fall on one day, so they ask for one)."""
    if "change" in rule:
        return 2 * PERIOD_DAYS.get(rule["change"], 1)
    sustained = rule.get("sustained", {"count": 1, "period": "sessions"})
    return sustained["count"] * PERIOD_DAYS[sustained["period"]] if sustained["period"] in PERIOD_DAYS else 1


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        for top, rule in _rules(source.data):
            for path, leaf, within in _leaves(top, rule, None):
                if "increase" in leaf or "measure" not in leaf:
                    continue
                if within is None:
                    yield error("E225", source.file, source.key_position(path + ("measure",)),
                                f"this rule on '{leaf['measure']}' would read a value however old it is; add how "
                                "far back it looks, for example 'within: {days: 7}' for symptoms or "
                                "'within: {days: 28}' for a test result (on the rule, or on the 'all'/'any' above it)")
                    continue
                days, needed = value_at(source.data, within)["days"], needed_days(leaf)
                if days < needed:
                    yield error("E226", source.file, source.value_position(within + ("days",)),
                                f"the rule needs {needed} days of values but looks back only {days}, so it can "
                                f"never be met; write 'days: {needed}' or more, or ask for fewer periods")

