"""E237: no two strength sessions, and no two runs, fall on one day (a session copied with its days, so that Friday
holds two strength sessions and Wednesday none)."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...content.week import SPACED, WEEKDAYS, next_day, previous_day
from ...problems import Problem, error


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        for p, phase in enumerate(source.data["phases"]):
            sessions = phase.get("sessions", [])
            for kind, words in SPACED.items():
                first: dict[str, int] = {}
                for s, session in enumerate(sessions):
                    if session["kind"] != kind:
                        continue
                    for i, day in enumerate(session["days"]):
                        if day in first and first[day] != s:
                            taken = {d for one in sessions if one["kind"] == kind for d in one["days"]}
                            free = [WEEKDAYS[d] for d in WEEKDAYS if d not in taken
                                    and not {next_day(d), previous_day(d)} & taken]
                            yield error("E237", source.file,
                                        source.value_position(("phases", p, "sessions", s, "days", i)),
                                        f"{session['title']} and {sessions[first[day]]['title']} both fall on "
                                        f"{WEEKDAYS[day]}: two {words} on one day; move one of them to a day "
                                        f"without {words}" + (f" ({', '.join(free)})" if free else ""))
                        first.setdefault(day, s)

