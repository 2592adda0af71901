"""E201-E204: what a protocol refers to by id exists (drills, measures, warning signs, assessments)."""

from __future__ import annotations

from typing import Iterator

from ..content import Content
from ..problems import Problem, error
from .known import did_you_mean, known_drills, known_in_protocol


def check(content: Content) -> Iterator[Problem]:
    drills = known_drills(content)
    for source in content.valid_protocols():
        measures = known_in_protocol(source, "measures")
        signs = known_in_protocol(source, "warning_signs")
        assessments = known_in_protocol(source, "assessments")

        def missing(code, path, value, known, what):
            if value not in known:
                return error(code, source.file, source.value_position(path),
                             f"'{value}' is not {what}{did_you_mean(value, known)}")

        found = []
        for i, measure in enumerate(source.data["measures"]):
            if "assessment" in measure:
                found.append(missing("E204", ("measures", i, "assessment"), measure["assessment"], assessments,
                                     "an assessment of this protocol"))
        for i, sign in enumerate(source.data["warning_signs"]):
            if "rule" in sign:
                found.append(missing("E202", ("warning_signs", i, "rule", "measure"), sign["rule"]["measure"],
                                     measures, "a measure of this protocol"))
        for p, phase in enumerate(source.data["phases"]):
            at = ("phases", p)
            for i, prescription in enumerate(phase["drills"]):
                found.append(missing("E201", at + ("drills", i, "drill"), prescription["drill"], drills, "a drill in drills/"))
            for i, criterion in enumerate(phase.get("exit_criteria", [])):
                found.append(missing("E202", at + ("exit_criteria", i, "measure"), criterion["measure"], measures,
                                     "a measure of this protocol"))
            for i, sign_id in enumerate(phase["warning_signs"]):
                found.append(missing("E203", at + ("warning_signs", i), sign_id, signs, "a warning sign of this protocol"))
            for i, assessment_id in enumerate(phase.get("assessments", [])):
                found.append(missing("E204", at + ("assessments", i), assessment_id, assessments,
                                     "an assessment of this protocol"))
        yield from filter(None, found)
