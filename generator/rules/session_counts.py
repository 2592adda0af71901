"""E221: a drill's times a week in a phase agree with the days of the sessions it is in."""

from __future__ import annotations

from typing import Iterator

from ..content import Content
from ..week import WEEKDAYS, scheduled_days
from ..problems import Problem, error


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        for p, phase in enumerate(source.data["phases"]):
            sessions = phase.get("sessions", [])
            found = scheduled_days(sessions)
            if not set(found) <= {item["drill"] for item in phase["drills"]}:
                continue  # a session names a drill the phase lacks (E220): the counts follow from that mistake
            for i, item in enumerate(phase["drills"]):
                written = item.get("dosage", {}).get("per_week")
                days = {day for _, day in found.get(item["drill"], [])}
                if written is None or not days or written == len(days):
                    continue
                path = ("phases", p, "drills", i, "dosage", "per_week")
                titles = sorted({sessions[s]["title"] for s, _ in found[item["drill"]]})
                on = ", ".join(WEEKDAYS[day][:3] for day in WEEKDAYS if day in days)
                yield error("E221", source.file, source.value_position(path),
                            f"'{item['drill']}' is set to {written} times a week, but its sessions "
                            f"({', '.join(titles)}) put it on {len(days)} day{'s' if len(days) != 1 else ''} "
                            f"({on}); write per_week: {len(days)}, or change the sessions' days",
                            source.value_fix(path, str(len(days))))
