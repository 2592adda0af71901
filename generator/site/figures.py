"""A drill's figure on a page: its positions side by side, an animation between them, a small figure for lists.

The SVG is written inline so that it takes the page's text colour (light or dark scheme, print); every label comes
from :mod:`generator.figures.words` and is escaped by the SVG writer. Drawings are kept by the figure's data, so a
rebuild draws again only a figure that changed; the site and the printables draw from one placed figure
(:func:`generator.figures.small.drawn`).
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup

from ..figures import small
from ..figures.words import POSITION_WORDS, position_text
from ..model import Drill

LABELS = {"start": "Start", "middle": "Middle", "end": "End"}


@lru_cache(maxsize=512)
def _positions(key: str, name: str, steps: tuple[str, ...]) -> str:
    figure = small.drawn_by_key(key)  # placed once for the site and the printables
    cells = []
    for position in figure.names:
        text = position_text(name, figure.data, position, list(steps))
        cells.append(f'<figure class="hb-figure-position">{figure.position(position, text)}'
                     f'<figcaption>{LABELS[position]}</figcaption></figure>')
    label = f"{name}: the movement from the start to the end position, shown in turn"
    cells.append(f'<figure class="hb-figure-position hb-figure-moving">{figure.animation(label)}'
                 '<figcaption>Movement</figcaption></figure>')
    return '<div class="hb-figures">' + "".join(cells) + "</div>"


def drill_figures(drill: Drill) -> Markup:
    """The drill's positions side by side (one above the other on a phone) and the movement, or nothing."""
    if not drill.figure:
        return Markup("")
    return Markup(_positions(small.key(drill.figure), drill.name, tuple(drill.steps)))


__all__ = ["drill_figures", "POSITION_WORDS"]
