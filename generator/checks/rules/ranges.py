"""E212: ranges are written low end first: a phase's weeks, amounts such as '10-15', a measure's min and max."""

from __future__ import annotations

import re
from typing import Iterator

from ...content.load import Content
from ...content.schemas import yaml_text
from ...content.source import Source
from ...problems import Fix, Problem, error

AMOUNTS = ("sets", "reps", "hold_seconds", "duration_minutes")
_AMOUNT_RANGE = re.compile(r"(\d+)-(\d+)")


#: the highest value of each kind of measure unless 'max' says otherwise: a scale's 10, and for the others a
#: bound no real value reaches (a day in minutes or seconds, 1,000 % or km), so a slip such as 1e309 is caught.
KIND_MAX = {"scale": 10, "minutes": 1440, "seconds": 86400, "percent": 1000, "count": 100_000, "distance": 1000}


def measure_range(measure: dict) -> tuple[float, float | None]:
    """The lowest and highest value of a measure: 0 up to the kind's highest (:data:`KIND_MAX`) unless 'min' or
    'max' say otherwise."""
    return measure.get("min", 0), measure.get("max", KIND_MAX.get(measure["kind"]))


def is_reversed(measure: dict) -> bool:
    """Whether the measure's lowest value is above its highest."""
    low, high = measure_range(measure)
    return high is not None and low > high


def _text(source: Source, start: tuple[int, int], end: tuple[int, int]) -> str:
    """The file's text from ``start`` up to ``end``."""
    rows = source.lines[start[0] - 1:end[0]]
    rows[-1] = rows[-1][:end[1] - 1]
    rows[0] = rows[0][start[1] - 1:]
    return "\n".join(rows)


def _swap(source: Source, first: tuple, second: tuple) -> Fix:
    """The edit that exchanges the values written at the paths ``first`` and ``second``."""
    one, two = sorted((first, second), key=lambda path: source.values[path])
    spans = [(source.values[path], source.ends[path]) for path in (one, two)]
    return Fix(spans[0][0], spans[1][1], _text(source, *spans[1]) + _text(source, spans[0][1], spans[1][0])
               + _text(source, *spans[0]))


def _durations(source: Source) -> Iterator[Problem]:
    for p, phase in enumerate(source.data["phases"]):
        weeks = phase["typical_duration"]
        if weeks["min_weeks"] > weeks["max_weeks"]:
            at = ("phases", p, "typical_duration")
            yield error("E212", source.file, source.key_position(at),
                        f"phase '{phase['id']}' lasts from {weeks['min_weeks']} to {weeks['max_weeks']} weeks: "
                        "'min_weeks' is above 'max_weeks'; swap the two numbers",
                        _swap(source, at + ("min_weeks",), at + ("max_weeks",)))


def _dosages(source: Source, kind: str) -> Iterator[tuple[tuple, dict]]:
    """(path, dosage) of every dosage a drill or protocol writes."""
    if kind == "drill":
        yield ("dosage",), source.data["dosage"]
        return
    for p, phase in enumerate(source.data["phases"]):
        for i, prescription in enumerate(phase["drills"]):
            if "dosage" in prescription:
                yield ("phases", p, "drills", i, "dosage"), prescription["dosage"]


def _amounts(source: Source, kind: str) -> Iterator[Problem]:
    for path, dosage in _dosages(source, kind):
        for field in AMOUNTS:
            match = _AMOUNT_RANGE.fullmatch(str(dosage.get(field, "")))
            if match and int(match[1]) > int(match[2]):
                turned = yaml_text(f"{match[2]}-{match[1]}")
                yield error("E212", source.file, source.value_position(path + (field,)),
                            f"the range of '{field}' runs the wrong way ({match[0]}); write the lower number first: "
                            f"{turned}", source.value_fix(path + (field,), turned))


def _measures(source: Source) -> Iterator[Problem]:
    for i, measure in enumerate(source.data["measures"]):
        if not is_reversed(measure):
            continue
        at = ("measures", i)
        low, high = measure_range(measure)
        if "min" in measure and "max" in measure:
            yield error("E212", source.file, source.key_position(at + ("min",)),
                        f"the measure '{measure['id']}' runs from {low:g} to {high:g}: 'min' is above 'max'; "
                        "swap the two numbers", _swap(source, at + ("min",), at + ("max",)))
        else:
            given, default = ("min", "max") if "min" in measure else ("max", "min")
            yield error("E212", source.file, source.key_position(at + (given,)),
                        f"the measure '{measure['id']}' runs from {low:g} to {high:g} ('{default}' is not given, "
                        f"so it is {high if given == 'min' else low:g}); "
                        f"add '{default}' or change '{given}'")


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_drills():
        yield from _amounts(source, "drill")
    for source in content.valid_protocols():
        yield from _durations(source)
        yield from _amounts(source, "protocol")
        yield from _measures(source)
