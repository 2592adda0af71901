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
#: The parts of a session always done: optional drills are extras.
SCHEDULED_PARTS = ("warm_up", "drills", "cool_down")
#: The fields of a dosage that say how much: a phase's dose that writes one of them replaces all of the drill's.
AMOUNT_FIELDS = ("reps", "hold_seconds", "duration_minutes")
#: Seconds one repetition takes when the dose gives no tempo: a brisk, controlled rep.
SECONDS_PER_REP = 2


def scheduled_days(sessions: list[dict]) -> dict[str, list[tuple[int, str]]]:
    """Drill id -> (session index, weekday) of every day it is done (optional drills do not count)."""
    days: dict[str, list[tuple[int, str]]] = {}
    for index, session in enumerate(sessions):
        for part in SCHEDULED_PARTS:
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


def previous_day(day: str) -> str:
    """The weekday before ``day``; Monday follows Sunday."""
    days = list(WEEKDAYS)
    return days[days.index(day) - 1]


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


def merged_dosage(default: dict, override: dict | None) -> dict:
    """A drill's dose (``default``) with a phase's ``override`` on top; an override's amount (reps, hold or
    duration) replaces any amount of the default, so '3 × 30 s' never becomes '3 × 10 reps, 30 s'."""
    values = dict(default)
    if override and any(key in override for key in AMOUNT_FIELDS):
        values = {k: v for k, v in values.items() if k not in AMOUNT_FIELDS}
    return {**values, **(override or {})}


def low_end(amount) -> float | None:
    """The smaller number of an amount: 12 -> 12, '10-15' -> 10 (and '15-10' -> 10); None when not given."""
    if amount is None:
        return None
    return float(min(int(n) for n in str(amount).split("-"))) if isinstance(amount, str) else float(amount)


def least_seconds(dosage: dict) -> float:
    """The least time a dose takes, in seconds, at the low end of every range it gives.

    Each set is its reps times the seconds of one rep (the tempo's three parts added up, else
    :data:`SECONDS_PER_REP`), or its hold, or its minutes; a dose done on each side counts twice; the rest
    between sets counts once between each two sets. A dose without sets is one set; a dose without an
    amount takes no time (its drill is a routine whose length the dose does not say).
    """
    sets = low_end(dosage.get("sets")) or 1
    sides = 2 if dosage.get("side") == "each" else 1
    if dosage.get("reps") is not None:
        rep = sum(int(part) for part in dosage["tempo"].split("-")) if dosage.get("tempo") else SECONDS_PER_REP
        each = low_end(dosage["reps"]) * rep
    elif dosage.get("hold_seconds") is not None:
        each = low_end(dosage["hold_seconds"])
    elif dosage.get("duration_minutes") is not None:
        each = low_end(dosage["duration_minutes"]) * 60
    else:
        each = 0
    return sets * each * sides + (dosage.get("rest_seconds") or 0) * (sets - 1)
