"""E220: every drill a session lists is one of its phase's drills."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...content.week import SESSION_PARTS
from ...problems import Problem, error
from .known import closest, known_drills


def check(content: Content) -> Iterator[Problem]:
    drills = known_drills(content)
    for source in content.valid_protocols():
        for p, phase in enumerate(source.data["phases"]):
            prescribed = [item["drill"] for item in phase["drills"]]
            if not set(prescribed) <= drills:
                continue  # a misspelt phase drill (E201) is the one mistake
            for s, session in enumerate(phase.get("sessions", [])):
                for part in SESSION_PARTS:
                    for i, drill in enumerate(session.get(part, [])):
                        if drill not in prescribed:
                            yield _not_prescribed(source, ("phases", p, "sessions", s, part, i), drill, prescribed,
                                                  drills, phase["title"])


def _not_prescribed(source, path: tuple, drill: str, prescribed: list[str], drills: set[str], phase: str) -> Problem:
    where = source.value_position(path)
    if drill in drills:
        return error("E220", source.file, where,
                     f"the session lists '{drill}', which is not among the drills of the phase '{phase}'; add "
                     f"'- drill: {drill}' to the phase's drills, or take it out of the session")
    meant = closest(drill, prescribed)
    if meant is None:
        return error("E220", source.file, where,
                     f"the session lists '{drill}', which is not a drill of the phase '{phase}'; write one of: "
                     f"{', '.join(prescribed)}")
    return error("E220", source.file, where, f"the session lists '{drill}', which is not a drill of the phase "
                 f"'{phase}' — did you mean '{meant}'?", source.value_fix(path, meant))
