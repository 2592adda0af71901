"""E201-E204: what a protocol refers to by id exists (drills, measures, warning signs, assessments)."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from ...content.load import Content
from ...content.source import Source
from ...problems import Problem, error
from .criteria import every_rule
from .known import closest, known_drills, known_in_protocol, repeats_ids, unknown, value_at

#: code, what it names in words, and the section of the protocol that defines it.
MEASURE = ("E202", "a measure of this protocol", "measures")
SIGN = ("E203", "a warning sign of this protocol", "warning_signs")
ASSESSMENT = ("E204", "an assessment of this protocol", "assessments")
#: the sections whose ids a protocol uses.
USED_SECTIONS = tuple(section for _, _, section in (MEASURE, SIGN, ASSESSMENT))


def references(protocol: dict) -> Iterator[tuple[tuple, tuple[str, str, str | None]]]:
    """(path, (code, what, section)) of every id a protocol uses; section None for drills."""
    for i, measure in enumerate(protocol["measures"]):
        if "assessment" in measure:
            yield ("measures", i, "assessment"), ASSESSMENT
        if "counts_when" in measure:
            yield ("measures", i, "counts_when", "measure"), MEASURE
    for path, rule in every_rule(protocol):
        if "measure" in rule:
            yield path + ("measure",), MEASURE
    for p, phase in enumerate(protocol["phases"]):
        at = ("phases", p)
        for i in range(len(phase["drills"])):
            yield at + ("drills", i, "drill"), ("E201", "a drill in drills/", None)
        for i in range(len(phase["warning_signs"])):
            yield at + ("warning_signs", i), SIGN
        for i in range(len(phase.get("assessments", []))):
            yield at + ("assessments", i), ASSESSMENT


def missing_ids(source: Source, section: str) -> dict[str, tuple]:
    """Ids the protocol uses from ``section`` that the section does not define, each with the path first using it."""
    known, missing = known_in_protocol(source, section), {}
    for path, (_, _, used) in references(source.data):
        if used == section and value_at(source.data, path) not in known:
            missing.setdefault(value_at(source.data, path), path)
    return missing


def check(content: Content) -> Iterator[Problem]:
    """Unknown ids, one message an id however often it is used; none from a section that repeats an id, where the
    repeat (E206) is the id gone missing."""
    drills = known_drills(content)
    for source in content.valid_protocols():
        uses: dict[tuple, list[tuple]] = {}  # (code, what, section, id) -> paths using it
        for path, (code, what, section) in references(source.data):
            value = value_at(source.data, path)
            known = drills if section is None else known_in_protocol(source, section)
            if value not in known and not (section and repeats_ids(source, section)):
                uses.setdefault((code, what, section, value), []).append(path)
        for (code, what, section, value), paths in uses.items():
            yield _unknown_once(source, code, what, section, value, paths, drills)


def _unknown_once(source: Source, code: str, what: str, section: str | None, value: str, paths: list[tuple],
                  drills: set[str]) -> Problem:
    """One message for an id used at ``paths`` that nothing defines: at the definition it was renamed to, when an
    id defined nowhere used looks like it; else at the first use, naming the others."""
    known = drills if section is None else known_in_protocol(source, section)
    if section is not None and len(paths) > 1:
        used = {value_at(source.data, p) for p, (_, _, s) in references(source.data) if s == section}
        renamed = closest(value, known - used)
        if renamed:
            index = next(i for i, item in enumerate(source.data[section]) if item.get("id") == renamed)
            lines = ", ".join(str(source.value_position(p)[0]) for p in paths)
            return error(code, source.file, source.value_position((section, index, "id")),
                         f"the id '{renamed}' is used nowhere, while '{value}' is used {len(paths)} times (lines "
                         f"{lines}) and defined nowhere: was it renamed? Write '{value}' back here, or change the "
                         f"{len(paths)} uses to '{renamed}'")
    problem = unknown(code, source, paths[0], value, known, f"'{value}' is not {what}")
    if len(paths) == 1:
        return problem
    others = ", ".join(str(source.value_position(p)[0]) for p in paths[1:])
    # one edit cannot change every use, and the uses may not all mean the closest id: ask rather than guess
    return replace(problem, message=f"{problem.message.split(' — did you mean')[0]} (it is also used at lines "
                                    f"{others}){'; did you mean ' + repr(closest(value, known)) + '?' if closest(value, known) else ''}",
                   fix=None)
