"""Which way an amount changed: more, less, mixed (some parts up, some down), or not a matter of more or less.

A dose is compared part by part (sets, reps, hold, minutes, times a week), a walk-run stage by its runs, walk
breaks and repeats, as a threshold is said to be tightened or loosened. An amount written as a range ('10-15')
is more than another when neither end is lower and one is higher; ranges that cross ('10-15' → '8-20') are
neither.
"""

from __future__ import annotations

from dataclasses import dataclass

#: a dose's parts: (field, the words when it grows, the words when it shrinks).
DOSE_PARTS = (("sets", "more sets", "fewer sets"), ("reps", "more reps", "fewer reps"),
              ("hold_seconds", "longer holds", "shorter holds"), ("duration_minutes", "more minutes", "fewer minutes"),
              ("per_week", "more days a week", "fewer days a week"))
#: a walk-run stage's parts; a longer walk break is less running, so its words are the other way round.
STAGE_PARTS = (("run_minutes", "longer runs", "shorter runs"), ("walk_minutes", "longer walk breaks",
                                                                "shorter walk breaks"),
               ("repeats", "more repeats", "fewer repeats"))
LESS_WHEN_MORE = {"walk_minutes"}
#: the one amount a dose has: doses with different ones (reps → a hold) are not more or less of each other.
AMOUNTS = ("reps", "hold_seconds", "duration_minutes")


@dataclass(frozen=True)
class Direction:
    """'more', 'less', 'mixed', 'changed' (no order) or 'same', with the parts that moved in words."""

    way: str
    parts: tuple[str, ...] = ()

    @property
    def words(self) -> str:
        """' (less: fewer sets, fewer reps)', or '' when the change is not a matter of more or less."""
        if self.way not in ("more", "less", "mixed"):
            return ""
        return f" ({self.way}: {', '.join(self.parts)})"


def _span(value) -> tuple[float, float] | None:
    """(low, high) of an amount: 3 → (3, 3), '10-15' → (10, 15); None when there is none."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value), float(value)
    low, _, high = str(value).partition("-")
    try:
        return float(low), float(high or low)
    except ValueError:
        return None


def _compare(old, new) -> int | None:
    """1 when ``new`` is more, -1 when less, 0 when the same, None when the two cannot be ordered."""
    a, b = _span(old), _span(new)
    if a is None or b is None:
        return 0 if a == b else None
    if a == b:
        return 0
    if b[0] >= a[0] and b[1] >= a[1]:
        return 1
    if b[0] <= a[0] and b[1] <= a[1]:
        return -1
    return None


def direction(old: dict, new: dict, parts=DOSE_PARTS) -> Direction:
    """Which way ``new`` differs from ``old`` over ``parts`` (field, words when more, words when less)."""
    moved, unordered = [], False
    for name, more, less in parts:
        step = _compare(old.get(name), new.get(name))
        if step is None:
            unordered = True
        elif step:
            grew = step > 0
            moved.append((grew != (name in LESS_WHEN_MORE), more if grew else less))
    if unordered or not moved:
        return Direction("changed" if unordered else "same")
    ways = {up for up, _ in moved}
    way = "mixed" if len(ways) == 2 else "more" if ways == {True} else "less"
    return Direction(way, tuple(words for _, words in moved))


def dose_direction(old: dict, new: dict) -> Direction:
    """Which way a dose changed; a dose without sets is one set, and one whose amount changed kind (reps to a
    hold) is not more or less of the other."""
    if [a for a in AMOUNTS if a in old] != [a for a in AMOUNTS if a in new]:
        return Direction("changed")
    with_sets = [{"sets": 1, **dose} for dose in (old, new)]
    return direction(*with_sets)


def stage_direction(old: dict, new: dict) -> Direction:
    """Which way a walk-run stage changed: more running (longer runs, shorter walk breaks, more repeats) or less."""
    return direction(old, new, STAGE_PARTS)
