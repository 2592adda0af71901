"""A weekly session's plan changed, said field by field: its days, its drills, its length.

Each says only what moved ('days Tue, Thu, Sat → Tue, Thu, Sun', 'main drills: Clamshell added'), never the
whole session again, with its class: more or less (days, minutes), moved (the same number of days, other
days), added, removed or changed (drills).
"""

from __future__ import annotations

from typing import Callable

from ..content.week import WEEKDAYS

PART_LABELS = {"warm_up": "warm-up", "drills": "main drills", "optional": "optional drills",
               "cool_down": "cool-down"}


def _days(days: list[str]) -> str:
    return ", ".join(WEEKDAYS[day][:3] for day in days) or "none"


def days_change(old: list[str], new: list[str]) -> tuple[str, str]:
    """(words, class) of a session's days changed."""
    words = f"days {_days(old)} → {_days(new)}"
    if len(new) == len(old):
        return words, "moved"
    way = "more" if len(new) > len(old) else "less"
    return f"{words} ({way}: {len(new)} day{'s' if len(new) != 1 else ''} a week)", way


def minutes_change(old: int, new: int) -> tuple[str, str]:
    """(words, class) of a session's length changed."""
    way = "more" if new > old else "less"
    return f"length {old} → {new} min ({'longer' if new > old else 'shorter'})", way


def drills_change(part: str, old: list[str], new: list[str], name: Callable[[str], str]) -> tuple[str, str]:
    """(words, class) of one of a session's lists of drills changed: the drills added and taken out by name, or
    the new order when only the order changed."""
    added = [name(d) for d in new if d not in old]
    removed = [name(d) for d in old if d not in new]
    parts = [f"{', '.join(added)} added"] if added else []
    parts += [f"{', '.join(removed)} taken out"] if removed else []
    if not parts:
        return f"{PART_LABELS[part]} reordered: {', '.join(name(d) for d in new)}", "changed"
    cls = "changed" if added and removed else "added" if added else "removed"
    return f"{PART_LABELS[part]}: {'; '.join(parts)}", cls
