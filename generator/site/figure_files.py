"""The small figures of the drills as files of the site, and the ``<img>`` that shows one beside a drill.

Each drill with a figure gets ``figures/<drill id>.svg``, drawn from the figure's data alone
(:mod:`generator.figures.small`), so a file changes when, and only when, its data changes; a page shows it with an
``<img>`` whose alternative text comes from the drill's pose and steps. The drawing is in ``currentColor``, which an
``<img>`` shows black: the site's stylesheet turns it light on the dark scheme. Today reads where each figure is,
with its text, from the protocol's published data (:func:`figure_entry`).
"""

from __future__ import annotations

import posixpath

from jinja2 import pass_context
from markupsafe import Markup, escape

from ..figures import small
from ..figures.words import small_text
from ..model import Drill, Handbook

FIGURES_DIR = "figures"
#: the box an ``<img>`` of a small figure is given, in CSS pixels (the stylesheet sizes it; the figure is fitted in).
BOX = (80, 48)


def figure_path(drill: Drill) -> str:
    """Where a drill's small figure is in the site: 'figures/clamshell.svg'."""
    return f"{FIGURES_DIR}/{drill.id}.svg"


def figure_files(handbook: Handbook) -> dict[str, str]:
    """Path under the docs folder -> SVG text of every drill's small figure."""
    return {figure_path(drill): small.file_text(drill.figure)
            for drill in sorted(handbook.drills.values(), key=lambda d: d.id) if drill.figure}


def alt_text(drill: Drill) -> str:
    """The small figure's alternative text, on one line."""
    return " ".join(small_text(drill.name, drill.figure, list(drill.steps)).split())


def figure_entry(drill: Drill) -> dict | None:
    """What Today needs to show a drill's small figure: its address from the site's root and its text."""
    if not drill.figure:
        return None
    return {"src": figure_path(drill), "alt": alt_text(drill)}


def _page_folder(page_path: str) -> str:
    """The folder a page (a path under the docs folder) is served from with directory URLs."""
    page = page_path.removesuffix(".md")
    return (posixpath.dirname(page) if posixpath.basename(page) == "index" else page) or "."


@pass_context
def drill_figure(context, drill: Drill) -> Markup:
    """The ``<img>`` of the drill's small figure, from the page a site template is rendering, or nothing."""
    if not drill.figure:
        return Markup("")
    src = posixpath.relpath(figure_path(drill), _page_folder(context["page_path"]))
    width, height = BOX
    alt = str(escape(alt_text(drill))).replace("|", "&#124;")  # a bar would end a Markdown table's cell
    return Markup(f'<img class="hb-fig" src="{escape(src)}" alt="{alt}" width="{width}" '
                  f'height="{height}" loading="lazy" decoding="async">')
