"""Drill figures on paper: a small one beside each drill of a checklist, the positions on the booklet's drill sheets.

Figures are inline SVG in the printer's ink (WeasyPrint draws an SVG apart from the colour of the text around it),
sized in millimetres: a checklist's small figures by its density, so the densest layout keeps a drill's row one line
high. Each is made from the figure's data, which is so part of the HTML a printable's cache key is made from.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup

from ..figures import small
from ..figures.words import POSITION_WORDS, position_text, small_text
from ..model import Drill

INK = "#1a1a1a"
#: height of a checklist's small figures in each density, in mm: a little under its row of one line of text (print.css).
ROW_FIGURE_MM = {"regular": 6.8, "compact": 5.5, "tight": 4.4, "dense": 3.4}
#: a small figure is fitted into a box this many times as wide as it is high.
WIDEST = 2.4
#: the same for a figure in a line of text, where width is dearer.
IN_TEXT_WIDEST = 1.6
#: height of a position on a drill sheet, in mm.
SHEET_FIGURE_MM = 15.0


def figure_box_mm(density: str) -> float:
    """Width of the box a checklist row keeps for its drill's small figure, so the names after it line up."""
    return round(ROW_FIGURE_MM[density] * WIDEST, 2)


def row_figure(drill: Drill, density: str, in_text: bool = False) -> Markup:
    """The drill's small figure for a checklist row in ``density``, labelled for readers, or nothing; ``in_text``:
    one of several in a line of text (a session's warm-up), fitted into a narrower box."""
    if not drill.figure:
        return Markup("")
    height = ROW_FIGURE_MM[density]
    height = min(height, height * (IN_TEXT_WIDEST if in_text else WIDEST) / small.aspect(drill.figure))
    return Markup(small.inline(drill.figure, small_text(drill.name, drill.figure, list(drill.steps)), round(height, 2),
                               INK))


@lru_cache(maxsize=256)
def _position(key: str, name: str, label: str) -> str:
    return small.drawn_by_key(key).position(name, label, SHEET_FIGURE_MM, INK)


def sheet_figures(drill: Drill) -> list[tuple[str, Markup]]:
    """(caption, figure) of each of the drill's positions, for its drill sheet; none without a figure."""
    if not drill.figure:
        return []
    key = small.key(drill.figure)
    return [(POSITION_WORDS[name].removesuffix(" position").capitalize(),
             Markup(_position(key, name, position_text(drill.name, drill.figure, name, list(drill.steps)))))
            for name in small.drawn(drill.figure).names]
