"""HTML of the printables from the Jinja2 templates in ``templates/print``.

Autoescaping is on, so every YAML value is shown as text; the ``inline`` and
``blocks`` filters render the content's simple Markdown, escaped first.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..model import Protocol
from . import text
from .figures import SHEET_GAP_MM, figure_box_mm, figure_symbols, row_figure, sheet_figures
from .qr import page_qr
from .sheets import PAPERS, Checklist, Paper, document_date, drill_sheets

STYLESHEET = "print.css"
#: Page margin of a checklist and the spacing of its note lines, in millimetres.
CHECKLIST_MARGIN_MM = 9
NOTE_LINE_MM = 6.5


def _date(value, form: str = "{d.day} {d:%b %Y}") -> str:
    """'2026-11-20' or a date -> '20 Nov 2026', or another ``str.format`` form of ``d``."""
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return form.format(d=day)


@cache
def environment() -> Environment:
    env = Environment(loader=PackageLoader("generator", "templates/print"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(inline=text.inline, blocks=text.blocks, date=_date)
    env.globals.update(margin_mm=CHECKLIST_MARGIN_MM, note_line_mm=NOTE_LINE_MM, page_qr=page_qr, row_figure=row_figure,
                       figure_box_mm=figure_box_mm, sheet_figures=sheet_figures,
                       figure_symbols=figure_symbols, sheet_gap_mm=SHEET_GAP_MM)
    return env


def stylesheet() -> str:
    """The CSS shared by every printable (inlined into standalone pages, parsed once for PDFs)."""
    return environment().loader.get_source(environment(), STYLESHEET)[0]


def paper(paper_id: str | Paper) -> Paper:
    return paper_id if isinstance(paper_id, Paper) else PAPERS[paper_id]


def render_checklist(sheet: Checklist, address: str | None = None, standalone: bool = True, any_paper: bool = False,
                     pdfs: dict[str, str] | None = None) -> str:
    """A whole HTML document holding one checklist; ``standalone`` inlines the stylesheet.

    ``any_paper`` leaves the paper size to the browser's printer; ``pdfs`` (paper label -> link) are
    shown above the sheet on screen.
    """
    return environment().get_template("checklist.html.j2").render(
        sheet=sheet, address=address, standalone=standalone, any_paper=any_paper, pdfs=pdfs,
        date_meta=document_date(sheet.protocol))


def render_booklet(protocol: Protocol, sheets: list[Checklist], address: str | None = None) -> str:
    """The full-plan booklet of ``protocol`` for WeasyPrint (the stylesheet is given to it, not inlined), with its
    phases' checklists ``sheets`` laid out to fit their page."""
    return environment().get_template("booklet.html.j2").render(
        protocol=protocol, paper=sheets[0].paper, sheets=sheets, drills=drill_sheets(protocol), address=address,
        standalone=False, date_meta=document_date(protocol))
