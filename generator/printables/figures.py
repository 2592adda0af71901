"""Drill figures on paper: a small one beside each drill of a checklist, the positions on the booklet's drill sheets.

Each figure is an ``<img>`` of an SVG drawn in the printer's ink (an SVG image takes no colour from the page),
sized in millimetres, its ``alt`` naming it for screen readers. For a PDF the image's address is short and names
the drawing by its digest (``handbook-figure:<sha256>.svg``); :func:`drawn` holds the drawings made in this
process by their address, which a :class:`~.pdf.Printer` hands to WeasyPrint as images drawn once
(:mod:`.drawing`), so the HTML it parses for every layout of a sheet stays small. A page for a browser holds each
drawing once, as a ``<symbol>`` that every row showing it uses.
The digest is in the HTML a printable's cache key is made from, so a PDF is made again when, and only when, a
figure it shows changes. A checklist's small figures are sized by its density, as high as a row of one line.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..figures import small
from ..figures.flat import flat
from ..figures.words import POSITION_WORDS, position_text, small_text
from ..model import Drill, Protocol
from .sheets import drill_sheets, groups

INK = "#1a1a1a"
SCHEME = "handbook-figure"
#: the drawings made in this process, by their address: the SVG, and a short id that names it in a PDF.
_DRAWN: dict[str, tuple[bytes, str]] = {}
#: height of a checklist's small figures in each density, in mm: a little under its row of one line of text (print.css).
ROW_FIGURE_MM = {"regular": 6.8, "compact": 5.5, "tight": 4.4, "dense": 3.4}
#: height of a small figure in a line of text (a session's warm-up) in each density, in mm: a little under the line
#: (font size × line height in print.css), so that a line that wraps keeps its figures off the lines above and below.
IN_TEXT_MM = {"regular": 4.0, "compact": 3.6, "tight": 3.4, "dense": 3.1}
#: a small figure is fitted into a box this many times as wide as it is high.
WIDEST = 2.4
#: the same for a figure in a line of text, where width is dearer.
IN_TEXT_WIDEST = 1.6
#: height of a position on a drill sheet, in mm, where its positions side by side fit the row below.
SHEET_FIGURE_MM = 60.0
#: the width a drill sheet's positions share, in mm (narrower than the text on either paper), and the gap between two.
SHEET_ROW_MM = 168.0
SHEET_GAP_MM = 8.0


def figure_box_mm(density: str) -> float:
    """Width of the box a checklist row keeps for its drill's small figure, so the names after it line up."""
    return round(ROW_FIGURE_MM[density] * WIDEST, 2)


def _drawn(svg: str) -> str:
    """Note the figure as drawn for PDFs, and return its address."""
    data = svg.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    src = f"{SCHEME}:{digest}.svg"
    _DRAWN[src] = (data, digest[:16])
    return src


def _img(svg: str, label: str, width_mm: float, height_mm: float) -> Markup:
    src = _drawn(svg)
    return Markup(f'<img class="figure" src="{src}" alt="{escape(label)}" '
                  f'style="width: {width_mm:.2f}mm; height: {height_mm:.2f}mm">')


def _symbol_id(svg: str) -> str:
    return "figure-" + hashlib.sha256(svg.encode("utf-8")).hexdigest()[:16]


def _shown(svg: str, label: str, width_mm: float, height_mm: float) -> Markup:
    """A figure of a browser's page: an ``<svg>`` named for screen readers that shows the page's symbol of it."""
    return Markup(f'<svg class="figure" role="img" aria-label="{escape(label)}" '
                  f'style="width: {width_mm:.2f}mm; height: {height_mm:.2f}mm"><use href="#{_symbol_id(svg)}"/></svg>')


def drawn() -> Mapping[str, tuple[bytes, str]]:
    """The figures drawn for PDFs in this process, by their address: each one's SVG and a short id."""
    return _DRAWN


@dataclass(frozen=True)
class Inked:
    """A drill's figure in the printer's ink: its small figure, each of its positions in order, and its width over
    its height (the same for all of them)."""

    small: str
    positions: dict[str, str]
    aspect: float


#: the figures inked in this process, by their data (:func:`small.key`); a build hands its workers those it inked.
_INKED: dict[str, Inked] = {}
_KEEP_INKED = 1024


def inked(figure: dict) -> Inked:
    """The figure in the printer's ink, placed and drawn once for its data."""
    key = small.key(figure)
    if key not in _INKED:
        drawn = small.drawn_by_key(key)
        _keep(key, Inked(flat(drawn.thumbnail(None), INK),
                         {name: flat(drawn.position(name, None), INK) for name in drawn.names}, drawn.aspect))
    return _INKED[key]


def take_inked(found: dict[str, Inked]) -> None:
    """Take figures inked by another process, so that they are not placed and drawn again in this one."""
    for key, figure in found.items():
        _keep(key, figure)


def _keep(key: str, figure: Inked) -> None:
    """Keep an inked figure, forgetting the one kept longest when as many are kept as :data:`_KEEP_INKED`."""
    _INKED.pop(key, None)
    if len(_INKED) >= _KEEP_INKED:
        del _INKED[next(iter(_INKED))]
    _INKED[key] = figure


def _printed_drills(protocol: Protocol) -> tuple[list[Drill], list[Drill]]:
    """The drills with a figure in the protocol's checklists' rows, and on its booklet's drill sheets."""
    rows = {drill.id: drill for phase in protocol.phases for group in groups(phase) for row in group.rows
            for drill in row.drills if drill.figure}
    return list(rows.values()), [sheet.drill for sheet in drill_sheets(protocol) if sheet.drill.figure]


def printed(protocol: Protocol) -> dict[str, bytes]:
    """Every figure the protocol's printables show, by address: the small figure of each drill in a checklist's
    rows, and the positions of each drill on the booklet's drill sheets."""
    rows, sheets = _printed_drills(protocol)
    svgs = [inked(drill.figure).small for drill in rows]
    svgs += [svg for drill in sheets for svg in inked(drill.figure).positions.values()]
    return {address: _DRAWN[address][0] for address in map(_drawn, svgs)}


def inked_of(protocol: Protocol) -> dict[str, Inked]:
    """The protocol's printed figures inked, by their data, to hand to another process (:func:`take_inked`)."""
    rows, sheets = _printed_drills(protocol)
    return {small.key(drill.figure): inked(drill.figure) for drill in rows + sheets}


def row_figure(drill: Drill, density: str, in_text: bool = False, inline: bool = False) -> Markup:
    """The drill's small figure for a checklist row in ``density``, or nothing; ``in_text``: one of several in a
    line of text (a session's warm-up), fitted into a narrower box; ``inline``: for a browser's page."""
    if not drill.figure:
        return Markup("")
    height, figure = (IN_TEXT_MM if in_text else ROW_FIGURE_MM)[density], inked(drill.figure)
    aspect = figure.aspect
    height = min(height, height * (IN_TEXT_WIDEST if in_text else WIDEST) / aspect)
    svg, label = figure.small, small_text(drill.name, drill.figure, list(drill.steps))
    if inline:
        return _shown(svg, label, height * aspect, height)
    return _img(svg, label, height * aspect, height)


def figure_symbols(drills: list[Drill]) -> Markup:
    """For a browser's page: a hidden ``<svg>`` holding each of the drills' small figures once, as a symbol that
    every row showing it uses (a drill in several sessions is drawn into the page once)."""
    symbols = {}
    for drill in drills:
        if drill.figure:
            svg = inked(drill.figure).small
            ident, view = _symbol_id(svg), ET.fromstring(svg).get("viewBox")
            inner = svg[svg.index(">") + 1:svg.rindex("</svg>")]  # what the figure draws, inside its <svg>
            symbols[ident] = f'<symbol id="{ident}" viewBox="{view}">{inner}</symbol>'
    if not symbols:
        return Markup("")
    return Markup('<svg class="figure-symbols" aria-hidden="true" width="0" height="0" style="position: absolute">'
                  + "".join(symbols[key] for key in sorted(symbols)) + "</svg>")


def sheet_figures(drill: Drill) -> list[tuple[str, float, Markup]]:
    """(caption, width in mm, figure) of each of the drill's positions, for its drill sheet, all drawn to one
    scale and side by side within :data:`SHEET_ROW_MM`; none without a figure."""
    if not drill.figure:
        return []
    figure = inked(drill.figure)
    aspect, count = figure.aspect, len(figure.positions)
    height = min(SHEET_FIGURE_MM, (SHEET_ROW_MM - SHEET_GAP_MM * (count - 1)) / (aspect * count))
    return [(POSITION_WORDS[name].removesuffix(" position").capitalize(), round(height * aspect, 2),
             _img(svg, position_text(drill.name, drill.figure, name, list(drill.steps)), height * aspect, height))
            for name, svg in figure.positions.items()]
