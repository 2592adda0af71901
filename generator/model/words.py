"""Numbers and counts in words, as every page and printable shows them."""

from __future__ import annotations

NBSP = "\u00a0"


def number(value) -> str:
    """12 -> '12', 2.5 -> '2.5', 2.0 -> '2'."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def plural(count, word: str) -> str:
    return f"{number(count)} {word}{'' if count == 1 else 's'}"
