"""E230: a session's minutes leave room for the drills it holds, at the least their doses ask.

The session's ``minutes`` include its warm-up and cool-down (the clinicians' guide, *Planning a week*). The
estimate is kept simple and on the short side, so that only a clear shortfall is reported: every drill the
session always does (optional drills aside) at the low end of each range of its dose as the phase prescribes it
(:func:`~generator.model.week.least_seconds`: reps times the tempo, or 2 s a rep without one; holds; minutes; both
sides; the rests between sets), added up. Changing over between drills, and the parts of a routine its dose
does not count, are left out. A session whose minutes fall a whole minute or more below that least time is
reported, with the minutes to write.
"""

from __future__ import annotations

import math
from typing import Iterator

from ...content.load import Content
from ...content.week import SCHEDULED_PARTS, least_seconds, merged_dosage
from ...problems import Problem, error

#: The largest number of minutes the schema allows a session.
MOST_MINUTES = 120
#: How many of the longest drills the message names.
NAMED = 3


def _minutes(seconds: float) -> str:
    minutes = seconds / 60
    return "under 1 min" if minutes < 1 else f"{minutes:.0f} min"


def check(content: Content) -> Iterator[Problem]:
    doses = {source.data["id"]: source.data["dosage"] for source in content.valid_drills()}
    for source in content.valid_protocols():
        for p, phase in enumerate(source.data["phases"]):
            prescribed = {item["drill"]: item.get("dosage") for item in phase["drills"]}
            for s, session in enumerate(phase.get("sessions", [])):
                drills = [drill for part in SCHEDULED_PARTS for drill in session.get(part, [])]
                if not all(drill in prescribed and drill in doses for drill in drills):
                    continue  # a drill the phase lacks (E220), or a drill file that could not be checked
                times = [(least_seconds(merged_dosage(doses[drill], prescribed[drill])), drill) for drill in drills]
                least = sum(seconds for seconds, _ in times)
                if math.floor(least / 60) <= session["minutes"]:
                    continue
                yield _too_short(source, ("phases", p, "sessions", s, "minutes"), session, least, times)


def _too_short(source, path: tuple, session: dict, least: float, times: list[tuple[float, str]]) -> Problem:
    longest = sorted(times, key=lambda time: -time[0])[:NAMED]
    named = ", ".join(f"{drill} {_minutes(seconds)}" for seconds, drill in longest)
    others = len(times) - len(longest)
    if others:
        named += f" and {others} more"
    enough = 5 * math.ceil(least / 60 / 5)
    message = (f"the session '{session['title']}' is set to {session['minutes']} minutes, but its drills take at "
               f"least {math.floor(least / 60)} minutes at the low end of their doses ({named}), before changing "
               "over between them; the minutes include the warm-up and cool-down")
    if enough > MOST_MINUTES:
        return error("E230", source.file, source.value_position(path),
                     f"{message}: shorten the doses or move drills into another session")
    return error("E230", source.file, source.value_position(path),
                 f"{message}: write minutes: {enough}, or shorten the doses or move a drill into another session",
                 source.value_fix(path, str(enough)))
