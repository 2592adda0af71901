"""E209/E210/E215: phases have measurable exit criteria, and every rule fits its measures.

A rule compares a measure with a value (``operator`` and ``value``) or a range
(``between``), optionally as the ``change`` from the previous period; or joins
rules with ``all`` or ``any``. A measure whose range runs the wrong way is
reported once by :mod:`.ranges`; the rules that use it are not checked against it.
"""

from __future__ import annotations

import math
import re
from typing import Iterator

from ...content.load import Content
from ...content.schemas import yaml_text
from ...content.source import Source
from ...problems import Problem, error
from .ranges import is_reversed, measure_range

#: a range written as one value: '3-5', '3 - 5', '2.5-4'.
_RANGE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)\s*")
NUMERIC_KINDS = {"scale", "seconds", "minutes", "percent", "count", "distance"}
GROUPS = ("all", "any")
#: fields of a comparison, which a rule joining others with 'all' or 'any' does not have.
COMPARISON = ("measure", "operator", "value", "between", "change", "sustained", "activity", "increase")


def _change_problem(measure: dict, value) -> str | None:
    """Why ``value`` cannot be a change of ``measure`` from one period to the next; None when it can."""
    name = measure["name"]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"a change of '{name}' is a number (found {value!r})"
    low, high = measure_range(measure)
    if high is not None and abs(value) > high - low:
        return f"'{name}' runs from {low:g} to {high:g}, so it cannot change by {value:g}"
    return None


def value_problem(measure: dict, operator: str, value, change: bool = False) -> str | None:
    """Why ``value`` cannot be compared with ``measure`` (or its ``change``), in words; None when it can."""
    kind, name = measure["kind"], measure["name"]
    if change and kind not in NUMERIC_KINDS:
        return f"'{name}' is not measured as a number, so it has no change from one period to the next"
    if change:
        return _change_problem(measure, value)
    if kind == "boolean":
        if not isinstance(value, bool):
            return f"'{name}' is a yes/no measure, so the value must be true or false (found {value!r})"
        return None if operator == "==" else f"'{name}' is a yes/no measure, so the operator must be '=='"
    if kind == "categorical":
        if value not in measure.get("values", []):
            return f"'{name}' takes one of {', '.join(measure.get('values', []))}, not {value!r}"
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"'{name}' is measured as a number, so the value must be a number (found {value!r})"
    low, high = measure_range(measure)
    if not math.isfinite(value):
        return f"'{name}' runs from {low:g} to {high:g}, so {value} is not a value it can take"
    if value < low or (high is not None and value > high):
        top = f"{high:g}" if high is not None else "up"
        return f"'{name}' runs from {low:g} to {top}, so {value:g} cannot be reached"
    if kind == "count" and value != int(value):
        return f"'{name}' is a count, so the value must be a whole number (found {value:g})"
    return None


def every_rule(protocol: dict) -> Iterator[tuple[tuple, dict]]:
    """(path, rule) of every exit criterion and warning-sign rule, and of every rule inside 'all' and 'any'."""
    for p, phase in enumerate(protocol["phases"]):
        for i, criterion in enumerate(phase.get("exit_criteria", [])):
            yield from _with_parts(("phases", p, "exit_criteria", i), criterion)
    for i, sign in enumerate(protocol["warning_signs"]):
        if "rule" in sign:
            yield from _with_parts(("warning_signs", i, "rule"), sign["rule"])


def _with_parts(path: tuple, rule: dict) -> Iterator[tuple[tuple, dict]]:
    yield path, rule
    for group in GROUPS:
        for i, part in enumerate(rule.get(group, [])):
            yield from _with_parts(path + (group, i), part)


def _mixed(rule: dict) -> tuple[str, str] | None:
    """(field, what to do) when the rule is written in two forms at once."""
    group = [g for g in GROUPS if g in rule]
    if len(group) == 2:
        return "any", "a rule joins its parts with either 'all' or 'any'; put one group inside the other"
    if group:
        extra = next((f for f in COMPARISON if f in rule), None)
        return extra and (extra, f"'{extra}' belongs to one of the rules listed under '{group[0]}', not next to it; "
                                 f"move it into one of them, or remove it")
    if "increase" in rule:
        extra = next((f for f in ("change", "between") if f in rule), None)
        if extra:
            return extra, (f"a rule has either 'increase' (this week's total against the weeks before) or '{extra}'; "
                           "remove one of them")
        if rule.get("sustained", {}).get("period", "weeks") != "weeks":
            return "sustained", "an 'increase' is counted in weeks, so it is sustained for a number of weeks; write 'period: weeks'"
    if "between" in rule:
        extra = next((f for f in ("operator", "value") if f in rule), None)
        return extra and (extra, "a rule has either 'between' or 'operator' and 'value'; remove one of them")
    if "change" in rule and "sustained" in rule:
        return "sustained", ("a 'change' rule compares the latest period with the one before, so it takes no "
                             "'sustained'; remove it")
    return None


def _rule_problems(source: Source, path: tuple, rule: dict, measures: dict) -> Iterator[Problem]:
    mixed = _mixed(rule)
    if mixed:
        field, advice = mixed
        yield error("E215", source.file, source.key_position(path + (field,)), advice)
        return
    measure = measures.get(rule.get("measure"))
    if not measure or is_reversed(measure):
        return
    change = "change" in rule or "increase" in rule
    if "between" not in rule:
        why = value_problem(measure, rule["operator"], rule["value"], change)
        ends = _RANGE.fullmatch(str(rule["value"])) if measure["kind"] in NUMERIC_KINDS else None
        if why and ends:
            low, high = ends.groups()
            yield error("E210", source.file, source.value_position(path + ("value",)),
                        f"'{rule['value']}' is a range, which a rule writes with 'between', not as a value: replace "
                        f"'operator' and 'value' with between: [{low}, {high}]")
        elif why:
            yield error("E210", source.file, source.value_position(path + ("value",)),
                        f"{why}; change the value or the measure")
        return
    yield from _range_problems(source, path + ("between",), rule["between"], measure, change)


def _range_problems(source: Source, path: tuple, ends: list, measure: dict, change: bool) -> Iterator[Problem]:
    if measure["kind"] not in NUMERIC_KINDS:
        yield error("E210", source.file, source.value_position(path),
                    f"'{measure['name']}' is not measured as a number, so it has no range; "
                    "compare it with 'operator' and 'value' instead")
        return
    why = next(filter(None, (value_problem(measure, "<=", end, change) for end in ends)), None)
    if why:
        yield error("E210", source.file, source.value_position(path), f"{why}; change the range or the measure")
    elif ends[0] > ends[1]:
        turned = yaml_text(ends[::-1])
        yield error("E212", source.file, source.value_position(path),
                    f"the range runs the wrong way ({ends[0]:g} to {ends[1]:g}); write the lower number first: {turned}",
                    source.value_fix(path, turned))


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        protocol = source.data
        phases = protocol["phases"]
        for p, phase in enumerate(phases[:-1]):
            if not phase.get("exit_criteria"):
                yield error("E209", source.file, source.key_position(("phases", p, "id")),
                            f"phase '{phase['id']}' has no exit criteria, so nobody can tell when to move on to "
                            f"'{phases[p + 1]['id']}'; add at least one under 'exit_criteria' "
                            "(measure, operator, value, text)")
        measures = {m["id"]: m for m in protocol["measures"]}
        for path, rule in every_rule(protocol):
            yield from _rule_problems(source, path, rule, measures)
        for i, measure in enumerate(protocol["measures"]):
            if "counts_when" in measure:
                yield from _rule_problems(source, ("measures", i, "counts_when"), measure["counts_when"], measures)
