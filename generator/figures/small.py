"""The small figure beside a drill wherever the drill is listed, drawn once per figure's data.

The site shows it as a file of its own (an ``<img>`` whose alternative text the page gives); paper shows it inline,
at the height its layout gives and in the printer's ink. Both are made from the figure's data alone, so a small
figure changes when, and only when, its data (or the drawing code) changes.
"""

from __future__ import annotations

import json
from functools import lru_cache

from .svg import Figure


def key(figure: dict) -> str:
    """The figure's data as one canonical text: equal data, equal key."""
    return json.dumps(figure, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@lru_cache(maxsize=1024)
def _drawn(data: str) -> Figure:
    return Figure(json.loads(data))


def drawn(figure: dict) -> Figure:
    """The figure placed once for its data, to draw as each kind of picture."""
    return _drawn(key(figure))


def drawn_by_key(data: str) -> Figure:
    """:func:`drawn` of the figure whose :func:`key` is ``data``."""
    return _drawn(data)


def file_text(figure: dict) -> str:
    """The small figure as a standalone SVG file, in ``currentColor`` (black where nothing sets a colour)."""
    return _drawn(key(figure)).thumbnail(None) + "\n"


def aspect(figure: dict) -> float:
    """Width over height of the small figure."""
    return _drawn(key(figure)).aspect


@lru_cache(maxsize=1024)
def _inline(data: str, label: str, height_mm: float, ink: str) -> str:
    return _drawn(data).thumbnail(label, height_mm, ink)


def inline(figure: dict, label: str, height_mm: float, ink: str) -> str:
    """The small figure as inline SVG labelled for readers, ``height_mm`` high, drawn in ``ink``."""
    return _inline(key(figure), label, height_mm, ink)
