"""Drill figures on paper: a small one beside each drill of a checklist, the positions on the booklet's drill sheets.

Each figure is an ``<img>`` of an SVG drawn in the printer's ink (an SVG image takes no colour from the page),
sized in millimetres, its ``alt`` naming it for screen readers. For a PDF the image's address is short and names
the drawing by its digest (``handbook-figure:<sha256>.svg``), which :func:`fetcher` answers from the drawings made
in this process: WeasyPrint then reads each drawing once (:class:`~.pdf.Printer` keeps what it read) and the HTML
it parses for every layout of a sheet stays small. A page for a browser holds the drawing in a ``data:`` address.
The digest is in the HTML a printable's cache key is made from, so a PDF is made again when, and only when, a
figure it shows changes. A checklist's small figures are sized by its density, as high as a row of one line.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from markupsafe import Markup, escape

from ..figures import small
from ..figures.flat import flat
from ..figures.words import POSITION_WORDS, position_text, small_text
from ..model import Drill

INK = "#1a1a1a"
SCHEME = "handbook-figure"
#: the drawings made in this process, by their address.
_DRAWN: dict[str, bytes] = {}
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


def _img(svg: str, label: str, css_class: str, width_mm: float, height_mm: float, inline: bool) -> Markup:
    data = svg.encode("utf-8")
    if inline:
        src = "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii")
    else:
        src = f"{SCHEME}:{hashlib.sha256(data).hexdigest()}.svg"
        _DRAWN[src] = data
    return Markup(f'<img class="{css_class}" src="{src}" alt="{escape(label)}" '
                  f'style="width: {width_mm:.2f}mm; height: {height_mm:.2f}mm">')


def fetcher():
    """WeasyPrint's fetcher of this module's drawings, which refuses every other address but inline ``data:``."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class Drawings(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith(SCHEME + ":"):
                if url not in _DRAWN:
                    raise ValueError(f"no figure was drawn at {url}")
                return URLFetcherResponse(url, _DRAWN[url], {"Content-Type": "image/svg+xml"})
            return super().fetch(url, headers)

    return Drawings(allowed_protocols=("data",))


@lru_cache(maxsize=1024)
def _small(key: str) -> str:
    return flat(small.drawn_by_key(key).thumbnail(None), INK)


def row_figure(drill: Drill, density: str, in_text: bool = False, inline: bool = False) -> Markup:
    """The drill's small figure for a checklist row in ``density``, or nothing; ``in_text``: one of several in a
    line of text (a session's warm-up), fitted into a narrower box; ``inline``: for a browser's page."""
    if not drill.figure:
        return Markup("")
    height = ROW_FIGURE_MM[density]
    aspect = small.aspect(drill.figure)
    height = min(height, height * (IN_TEXT_WIDEST if in_text else WIDEST) / aspect)
    return _img(_small(small.key(drill.figure)), small_text(drill.name, drill.figure, list(drill.steps)), "figure",
                height * aspect, height, inline)


@lru_cache(maxsize=256)
def _position(key: str, name: str) -> str:
    return flat(small.drawn_by_key(key).position(name, None), INK)


def sheet_figures(drill: Drill) -> list[tuple[str, Markup]]:
    """(caption, figure) of each of the drill's positions, for its drill sheet; none without a figure."""
    if not drill.figure:
        return []
    key, aspect = small.key(drill.figure), small.aspect(drill.figure)
    return [(POSITION_WORDS[name].removesuffix(" position").capitalize(),
             _img(_position(key, name), position_text(drill.name, drill.figure, name, list(drill.steps)), "figure",
                  SHEET_FIGURE_MM * aspect, SHEET_FIGURE_MM, inline=False))
            for name in small.drawn(drill.figure).names]
