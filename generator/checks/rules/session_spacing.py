"""E222: strength sessions never fall on two days in a row, nor do runs (the week wraps round, Sunday to Monday)."""

from __future__ import annotations

import copy
from typing import Iterator

from ...content.load import Content
from ...content.week import SPACED, WEEKDAYS, back_to_back, previous_day, rest_days
from ...problems import Problem, error


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        for p, phase in enumerate(source.data["phases"]):
            sessions = phase.get("sessions", [])
            for kind, words in SPACED.items():
                clashes = back_to_back(sessions, kind)
                if clashes:
                    s, i, day = clashes[-1]  # the later day written: the one most likely added last
                    yield _too_close(source, ("phases", p, "sessions", s, "days", i), sessions, s, i, day, words)


def _too_close(source, path: tuple, sessions: list[dict], s: int, i: int, day: str, words: str) -> Problem:
    before = WEEKDAYS[previous_day(day)]
    message = (f"{sessions[s]['title']} on {WEEKDAYS[day]} follows other {words} on {before}: {words} need a day "
               f"between them")
    free = _free_day(sessions, s, i)
    if free is None:
        return error("E222", source.file, source.value_position(path), f"{message}; spread them over the week")
    # moving a day is a choice of the plan's, not a slip of the pen: suggested in words, not made as an edit
    return error("E222", source.file, source.value_position(path),
                 f"{message}; move one of them, for example write {free} instead of {day}")


def _free_day(sessions: list[dict], s: int, i: int) -> str | None:
    """A weekday for day ``i`` of session ``s`` with no session of its kind yet, that leaves no two of its kind in a
    row and keeps a rest day."""
    kind = sessions[s]["kind"]
    taken = {d for session in sessions if session["kind"] == kind for d in session["days"]}
    for day in WEEKDAYS:
        moved = copy.deepcopy(sessions)
        if day in taken:  # not onto a day that already has a session of its kind
            continue
        moved[s]["days"][i] = day
        if not any(back_to_back(moved, kind) for kind in SPACED) and rest_days(moved):
            return day
    return None
