"""E228: where the words and the rule of an exit criterion or warning sign state a number in the same unit, they
agree: a threshold raised from 2 to 4 while the text still says "2/10" is caught.

A text agrees when one of the numbers it states in a unit (/10, %, minutes, seconds, km)
is a threshold of the rule on a measure in that unit; texts that state no such number are
not read. The check cannot know whether the text or the value is right, so it suggests no
edit and names both.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...content.load import Content
from ...problems import Problem, error
from .criteria import GROUPS, value_problem

_NUMBER = r"(\d+(?:\.\d+)?)"
#: how a text writes a number in each unit, by the unit measures give it.
UNITS = {"/10": re.compile(_NUMBER + r"\s*/\s*10\b"), "%": re.compile(_NUMBER + r"\s*%"),
         "min": re.compile(_NUMBER + r"[\s-]*(?:min|mins|minutes?)\b"),
         "s": re.compile(_NUMBER + r"[\s-]*(?:s|secs?|seconds?)\b"), "km": re.compile(_NUMBER + r"\s*km\b")}


def _thresholds(rule: dict, measures: dict) -> dict[str, set[float]]:
    """Unit -> the thresholds the rule's comparisons (not changes or load rules) set on measures in that unit."""
    found: dict[str, set[float]] = {}
    for group in GROUPS:
        for part in rule.get(group, []):
            for unit, values in _thresholds(part, measures).items():
                found.setdefault(unit, set()).update(values)
    measure = measures.get(rule.get("measure"))
    values = rule.get("between") or [rule.get("value")]
    if any(value_problem(measure, "<=", v) for v in values) if measure else True:
        return found  # a value that does not fit its measure is reported once, by E210
    if "change" not in rule and "increase" not in rule:
        # a measure that counts only when another is within a limit ("pain-free" minutes) states that limit too
        condition = measure.get("counts_when")
        for one, values in ((measure, values),
                            (measures.get(condition and condition["measure"]), [condition and condition["value"]])):
            if one and one.get("unit") in UNITS:
                found.setdefault(one["unit"], set()).update(
                    v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool))
    return found


def _said(text: str, unit: str) -> list[float]:
    return [float(number) for number in UNITS[unit].findall(text)]


def _checks(protocol: dict) -> Iterator[tuple[tuple, str, dict]]:
    """(path of a text, the text, the rule it describes) for every criterion and every sign with a rule."""
    for p, phase in enumerate(protocol["phases"]):
        for i, criterion in enumerate(phase.get("exit_criteria", [])):
            yield ("phases", p, "exit_criteria", i, "text"), criterion["text"], criterion
    for i, sign in enumerate(protocol["warning_signs"]):
        if "rule" in sign:
            yield ("warning_signs", i, "name"), sign["name"], sign["rule"]
            yield ("warning_signs", i, "description"), sign["description"], sign["rule"]


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        measures = {m["id"]: m for m in source.data["measures"]}
        for path, text, rule in _checks(source.data):
            for unit, thresholds in _thresholds(rule, measures).items():
                said = _said(text, unit)
                if said and thresholds and not set(said) & thresholds:
                    written = ", ".join(f"{n:g}{unit}" if unit.startswith("/") else f"{n:g} {unit}" for n in said)
                    rule_has = " or ".join(f"{v:g}" for v in sorted(thresholds))
                    yield error("E228", source.file, source.value_position(path),
                                f"the words say {written} but the rule's threshold is {rule_has} ({unit}); "
                                "change the words or the rule's value so that both say what is meant")
