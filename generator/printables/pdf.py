"""PDFs with WeasyPrint: checklists fitted to one page, the full-plan booklet, the same bytes for the same input.

WeasyPrint runs in-process with local fonts; nothing is fetched (any URL in a
page is refused, with a warning). The PDF's dates come from ``dcterms`` meta tags the
templates fill from :func:`.sheets.document_date`, so no clock is read.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Phase, Protocol
from .render import paper as paper_of, render_booklet, render_checklist, stylesheet
from .sheets import DENSITIES, Checklist, Paper, Person

if TYPE_CHECKING:
    from weasyprint.document import Document

#: Room a checklist keeps for notes, at the least (about two lines).
MIN_NOTES_MM = 12
_PX_PER_MM = 96 / 25.4


class Printer:
    """Lays out and writes printables, sharing fonts, the parsed stylesheet and fitted layouts between documents."""

    def __init__(self, address: str | None = None):
        from weasyprint import CSS  # WeasyPrint takes a moment to load: only printing pays for it
        from weasyprint.text.fonts import FontConfiguration
        from weasyprint.urls import URLFetcher

        self.address = address
        self.offline = URLFetcher(allowed_protocols=())  # refuses every URL: a page loads nothing
        self.fonts = FontConfiguration()
        self.css = CSS(string=stylesheet(), font_config=self.fonts)
        self._fitted: dict[tuple[str, str, str], Checklist] = {}  # (protocol, phase, paper) -> blank checklist

    def render(self, html: str) -> Document:
        from weasyprint import HTML

        return HTML(string=html, url_fetcher=self.offline).render(stylesheets=[self.css], font_config=self.fonts)

    def checklist(self, phase: Phase, paper: str | Paper = "a4", person: Person = Person()) -> tuple[Document, Checklist]:
        """The checklist in the roomiest density that fits one page and leaves room for notes.

        The search starts at the density a taller paper needed, if one was laid out, and skips
        densities that cannot fit by their height hint. A phase too long even for the densest
        layout runs onto a second page.
        """
        paper = paper_of(paper)
        names = list(DENSITIES)
        taller = [names.index(sheet.density) for (protocol, phase_id, _), sheet in self._fitted.items()
                  if (protocol, phase_id) == (phase.protocol.id, phase.id) and sheet.paper.height_mm >= paper.height_mm]
        index = max(taller, default=0)
        while True:
            sheet = Checklist(phase, paper, person, names[index])
            document = self.render(render_checklist(sheet, self.address, standalone=False))
            height, room = _measure(document, phase.id)
            if len(document.pages) == 1 and height <= room:
                break
            if index == len(names) - 1:
                sheet = dataclasses.replace(sheet, flowing=True)
                document = self.render(render_checklist(sheet, self.address, standalone=False))
                break
            regular = height / DENSITIES[names[index]]
            index = next((i for i in range(index + 1, len(names)) if regular * DENSITIES[names[i]] <= room),
                         len(names) - 1)
        if person == Person():
            self._fitted[phase.protocol.id, phase.id, paper.id] = sheet
        return document, sheet

    def sheet(self, phase: Phase, paper: str | Paper = "a4", person: Person = Person()) -> Checklist:
        """The checklist as :meth:`checklist` fits it; a blank one fitted before is not laid out again."""
        paper = paper_of(paper)
        fitted = self._fitted.get((phase.protocol.id, phase.id, paper.id)) if person == Person() else None
        return fitted or self.checklist(phase, paper, person)[1]

    def booklet(self, protocol: Protocol, paper: str | Paper = "a4") -> Document:
        paper = paper_of(paper)
        sheets = [self.sheet(phase, paper) for phase in protocol.phases]
        return self.render(render_booklet(protocol, sheets, self.address))


def _measure(document: Document, phase_id: str) -> tuple[float, float]:
    """(height of a checklist's content, room for it above the footer less the notes' share), in CSS pixels."""
    first = document.pages[0]
    top = first.anchors[f"checklist-{phase_id}"][1]
    area = first.height - 2 * top  # the sheet starts at the top margin; the bottom one is as wide
    end_page, end = next((n, page.anchors[f"end-{phase_id}"][1]) for n, page in enumerate(document.pages)
                         if f"end-{phase_id}" in page.anchors)
    foot = document.pages[-1].anchors[f"foot-{phase_id}"]
    return end_page * area + end - top, area - (foot[3] - foot[1]) - MIN_NOTES_MM * _PX_PER_MM


def write(document: Document, path: Path) -> Path:
    """Write a tagged PDF (its structure is there for screen readers), making its folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(document.write_pdf(pdf_tags=True))
    return path
