"""E201-E204: what a protocol refers to by id exists (drills, measures, warning signs, assessments)."""

from __future__ import annotations

from typing import Iterator

from ..content import Content
from ..problems import Problem
from .known import known_drills, known_in_protocol, unknown

#: code, what it names in words, and the section of the protocol that defines it.
MEASURE = ("E202", "a measure of this protocol", "measures")
SIGN = ("E203", "a warning sign of this protocol", "warning_signs")
ASSESSMENT = ("E204", "an assessment of this protocol", "assessments")


def references(protocol: dict) -> Iterator[tuple[tuple, tuple[str, str, str | None]]]:
    """(path, (code, what, section)) of every id a protocol uses; section None for drills."""
    for i, measure in enumerate(protocol["measures"]):
        if "assessment" in measure:
            yield ("measures", i, "assessment"), ASSESSMENT
    for i, sign in enumerate(protocol["warning_signs"]):
        if "rule" in sign:
            yield ("warning_signs", i, "rule", "measure"), MEASURE
    for p, phase in enumerate(protocol["phases"]):
        at = ("phases", p)
        for i in range(len(phase["drills"])):
            yield at + ("drills", i, "drill"), ("E201", "a drill in drills/", None)
        for i in range(len(phase.get("exit_criteria", []))):
            yield at + ("exit_criteria", i, "measure"), MEASURE
        for i in range(len(phase["warning_signs"])):
            yield at + ("warning_signs", i), SIGN
        for i in range(len(phase.get("assessments", []))):
            yield at + ("assessments", i), ASSESSMENT


def check(content: Content) -> Iterator[Problem]:
    drills = known_drills(content)
    for source in content.valid_protocols():
        for path, (code, what, section) in references(source.data):
            value = _at(source.data, path)
            known = drills if section is None else known_in_protocol(source, section)
            if value not in known:
                yield unknown(code, source, path, value, known, f"'{value}' is not {what}")


def _at(data, path: tuple):
    for step in path:
        data = data[step]
    return data
