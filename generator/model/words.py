"""Numbers, counts and lists in words, as every page and printable shows them."""

from __future__ import annotations

NBSP = "\u00a0"


def number(value) -> str:
    """12 -> '12', 2.5 -> '2.5', 2.0 -> '2'."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def plural(count, word: str) -> str:
    return f"{number(count)} {word}{'' if count == 1 else 's'}"


def either(items) -> str:
    """['a'] -> 'a', ['a', 'b'] -> 'a or b', ['a', 'b', 'c'] -> 'a, b or c'."""
    items = list(items)
    return ", ".join(items[:-1]) + f" or {items[-1]}" if len(items) > 1 else "".join(items)


#: each activity a log records (common.schema.json), as the sessions of it a rule counts.
SESSIONS_OF = {"walk": "walks", "walk-run": "walk-runs", "run": "runs", "tempo-run": "tempo runs",
               "downhill-run": "downhill runs", "strength": "strength sessions",
               "cross-training": "cross-training sessions", "mobility": "mobility sessions", "test": "tests",
               "rest": "rest days"}
