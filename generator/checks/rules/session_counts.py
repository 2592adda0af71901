"""E221: a drill's times a week in a phase agree with the days of the sessions it is in.

This rule compares a ``per_week`` the phase writes; a ``per_week`` the phase takes from the drill's own dose is
compared by :mod:`.session_frequency` (E231), which shares :func:`scheduled_in` with this rule.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple

from ...content.load import Content
from ...content.week import WEEKDAYS, scheduled_days
from ...problems import Problem, error


class Scheduled(NamedTuple):
    """A drill of a phase and the days its sessions put it on."""

    index: int  # its place in the phase's drills
    drill: str
    days: set[str]
    titles: list[str]  # the sessions that have it, in alphabetical order

    @property
    def where(self) -> str:
        """'(Strength A, Strength B) put it on 3 days (Mon, Wed, Fri)'."""
        on = ", ".join(WEEKDAYS[day][:3] for day in WEEKDAYS if day in self.days)
        count = len(self.days)
        return f"({', '.join(self.titles)}) put it on {count} day{'s' if count != 1 else ''} ({on})"


def scheduled_in(phase: dict) -> list[Scheduled] | None:
    """Each drill of the phase that a session does (optional drills aside), with its days; None when a session
    names a drill the phase lacks (E220), since the counts would follow from that mistake."""
    sessions = phase.get("sessions", [])
    found = scheduled_days(sessions)
    if not set(found) <= {item["drill"] for item in phase["drills"]}:
        return None
    return [Scheduled(i, item["drill"], {day for _, day in found[item["drill"]]},
                      sorted({sessions[s]["title"] for s, _ in found[item["drill"]]}))
            for i, item in enumerate(phase["drills"]) if item["drill"] in found]


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        for p, phase in enumerate(source.data["phases"]):
            for drill in scheduled_in(phase) or []:
                written = phase["drills"][drill.index].get("dosage", {}).get("per_week")
                if written is None or written == len(drill.days):
                    continue
                path = ("phases", p, "drills", drill.index, "dosage", "per_week")
                yield error("E221", source.file, source.value_position(path),
                            f"'{drill.drill}' is set to {written} times a week, but its sessions {drill.where}; "
                            f"write per_week: {len(drill.days)}, or change the sessions' days",
                            source.value_fix(path, str(len(drill.days))))
