"""The phase's week as the content writes it: weekdays, the parts of a session, and which drill falls on which day.

Shared by the checker's session rules and the model; plain data in, plain data out.
"""

from __future__ import annotations

#: The weekdays as the content writes them, Monday first, and as athletes read them.
WEEKDAYS = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday",
            "sat": "Saturday", "sun": "Sunday"}
#: Session kinds that count as training: a day with none of them is a rest day.
TRAINING = ("strength", "run", "cross-training")
#: Session kinds that may not fall on two days in a row (the week wraps round, Sunday to Monday).
SPACED = {"strength": "strength sessions", "run": "runs"}
#: The lists of drill ids a session is made of, in the order they are done.
SESSION_PARTS = ("warm_up", "drills", "optional", "cool_down")


def scheduled_days(sessions: list[dict]) -> dict[str, list[tuple[int, str]]]:
    """Drill id -> (session index, weekday) of every day it is done (optional drills do not count)."""
    days: dict[str, list[tuple[int, str]]] = {}
    for index, session in enumerate(sessions):
        for part in ("warm_up", "drills", "cool_down"):
            for drill in session.get(part, []):
                days.setdefault(drill, []).extend((index, day) for day in session["days"])
    return days


def times_a_week(sessions: list[dict]) -> dict[str, int]:
    """Drill id -> on how many weekdays its sessions have it."""
    return {drill: len({day for _, day in found}) for drill, found in scheduled_days(sessions).items()}


def next_day(day: str) -> str:
    """The weekday after ``day``; Sunday is followed by Monday."""
    days = list(WEEKDAYS)
    return days[(days.index(day) + 1) % 7]


def back_to_back(sessions: list[dict], kind: str) -> list[tuple[int, int, str]]:
    """(session index, index in its days, weekday) of each day of a ``kind`` session that follows another day
    with a ``kind`` session, in the order written."""
    taken = {day for session in sessions if session["kind"] == kind for day in session["days"]}
    return [(s, i, day) for s, session in enumerate(sessions) if session["kind"] == kind
            for i, day in enumerate(session["days"]) if any(next_day(d) == day for d in taken)]


def rest_days(sessions: list[dict]) -> list[str]:
    """The weekdays with no strength, run or cross-training session."""
    busy = {day for session in sessions if session["kind"] in TRAINING for day in session["days"]}
    return [day for day in WEEKDAYS if day not in busy]
