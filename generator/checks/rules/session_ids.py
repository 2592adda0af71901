"""E206: two sessions of one phase with the same id."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...problems import Problem, error


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        for p, phase in enumerate(source.data["phases"]):
            seen: set[str] = set()
            for s, session in enumerate(phase.get("sessions", [])):
                if session["id"] in seen:
                    yield error("E206", source.file, source.value_position(("phases", p, "sessions", s, "id")),
                                f"the session id '{session['id']}' is used twice in the phase '{phase['title']}'; "
                                "give each session its own id, for example strength-a and strength-b")
                seen.add(session["id"])
