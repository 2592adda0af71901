"""E209/E210: phases have measurable exit criteria whose values fit their measures.

A measure whose range runs the wrong way is reported once by :mod:`.ranges`; the
criteria that use it are not checked against it.
"""

from __future__ import annotations

from typing import Iterator

from ..content import Content
from ..problems import Problem, error
from .ranges import is_reversed, measure_range

NUMERIC_KINDS = {"scale", "seconds", "minutes", "percent", "count"}


def value_problem(measure: dict, operator: str, value) -> str | None:
    """Why ``value`` cannot be compared with ``measure``, in words; None when it can."""
    kind, name = measure["kind"], measure["name"]
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
    if value < low or (high is not None and value > high):
        top = f"{high:g}" if high is not None else "up"
        return f"'{name}' runs from {low:g} to {top}, so {value:g} cannot be reached"
    if kind == "count" and value != int(value):
        return f"'{name}' is a count, so the value must be a whole number (found {value:g})"
    return None


def _rules(protocol: dict):
    """(path, rule) of every exit criterion and warning-sign rule."""
    for p, phase in enumerate(protocol["phases"]):
        for i, criterion in enumerate(phase.get("exit_criteria", [])):
            yield ("phases", p, "exit_criteria", i), criterion
    for i, sign in enumerate(protocol["warning_signs"]):
        if "rule" in sign:
            yield ("warning_signs", i, "rule"), sign["rule"]


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
        for path, rule in _rules(protocol):
            measure = measures.get(rule["measure"])
            why = measure and not is_reversed(measure) and value_problem(measure, rule["operator"], rule["value"])
            if why:
                yield error("E210", source.file, source.value_position(path + ("value",)),
                            f"{why}; change the value or the measure")
