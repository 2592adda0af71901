"""E223: a phase's week keeps at least one rest day, a day with no strength, run or cross-training session."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...content.week import rest_days
from ...problems import Problem, error


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        for p, phase in enumerate(source.data["phases"]):
            sessions = phase.get("sessions", [])
            if sessions and not rest_days(sessions):
                yield error("E223", source.file, source.key_position(("phases", p, "sessions")),
                            f"the week of the phase '{phase['title']}' has no rest day: every day has a strength, run "
                            "or cross-training session; take one day out of a session's days (mobility and recovery "
                            "sessions may stay)")
