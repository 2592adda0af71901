"""PDFs with WeasyPrint: checklists fitted to one page, the full-plan booklet, the same bytes for the same input.

WeasyPrint runs in-process with local fonts; nothing is fetched (any URL in a
page is refused, with a warning). The PDF's dates come from ``dcterms`` meta tags the
templates fill from :func:`.sheets.document_date`, so no clock is read.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Phase, Protocol
from ..system import require_font_subsetting
from . import figures
from .render import CHECKLIST_MARGIN_MM, paper as paper_of, render_booklet, render_checklist, stylesheet
from .sheets import DENSITIES, Checklist, Paper, Person

if TYPE_CHECKING:
    from weasyprint.document import Document

    from .forms import Forms

#: Room a checklist keeps for notes, at the least (about two lines).
MIN_NOTES_MM = 12
_PX_PER_MM = 96 / 25.4
#: How much taller a checklist is, at the least, in each layout than in the next denser one (measured on the
#: content and on made-up phases of 3 to 30 drills): once a layout fits, the roomier one is tried only if it may.
ROOMIER_AT_LEAST = {"regular": 1.16, "compact": 1.12, "tight": 1.14}
#: A rough height of a checklist in the regular layout, in mm: the fixed parts, then per drill, exit criterion,
#: group of warning signs and walk-run session (a least-squares fit to the heights of the content's checklists
#: and of made-up ones). It only says where the fitting starts; the fit is always measured.
_ESTIMATE_MM = {"fixed": 83, "drill": 7.2, "criterion": 15.6, "signs": 15.1, "session": 4.5}
_FOOT_MM = 4.7
#: Blank checklists a Printer keeps laid out for the booklets that show them.
_KEPT = 32


class Printer:
    """Lays out and writes printables, sharing fonts, the parsed stylesheet and fitted layouts between documents."""

    def __init__(self, address: str | None = None, forms: Forms | None = None):
        require_font_subsetting()
        from weasyprint import CSS  # WeasyPrint takes a moment to load: only printing pays for it
        from weasyprint.text.fonts import FontConfiguration
        from weasyprint.urls import URLFetcher
        self.address, self.forms = address, forms
        self.offline = URLFetcher(allowed_protocols=("data",))  # refuses every URL but inline data: loads nothing
        self.fonts = FontConfiguration()
        self.css = CSS(string=stylesheet(), font_config=self.fonts)
        self._fitted: dict[tuple[str, str, str], Checklist] = {}  # (protocol, phase, paper) -> blank checklist
        self._laid_out: OrderedDict[tuple[str, str, str], Document] = OrderedDict()
        self._images: dict = {}  # images by address: each figure drawn once for every sheet (drawing.py)

    def render(self, html: str) -> Document:
        from weasyprint import HTML

        from .drawing import add_drawings

        add_drawings(self._images, figures.drawn(), self.forms)
        return HTML(string=html, url_fetcher=self.offline).render(stylesheets=[self.css], font_config=self.fonts,
                                                                  cache=self._images)

    def draw_ahead(self, addresses: list[str]) -> None:
        """Draw these figures now (or take them from the store), before a document needs them."""
        from .drawing import add_drawings

        add_drawings(self._images, figures.drawn(), self.forms)
        for address in addresses:
            self._images[address].prepare()

    def checklist(self, phase: Phase, paper: str | Paper = "a4", person: Person = Person()) -> tuple[Document, Checklist]:
        """The checklist in the roomiest density that fits one page and leaves room for notes.

        The search starts where an estimate of the height says, goes denser while a layout does not fit,
        and tries a roomier one only when the measured height leaves room for it. A phase too long even
        for the densest layout runs onto a second page. A blank one fitted before is not laid out again.
        """
        paper = paper_of(paper)
        if person != Person():
            return self._fit(Checklist(phase, paper, person))
        key, fitted = (phase.protocol.id, phase.id, paper.id), self._fitted_sheet(phase, paper)
        if fitted and key in self._laid_out:
            self._laid_out.move_to_end(key)
            return self._laid_out[key], fitted
        document, sheet = self._laid_out_sheet(fitted) if fitted else self._fit(Checklist(phase, paper))
        self._fitted[key] = sheet
        self._laid_out[key] = document
        while len(self._laid_out) > _KEPT:
            self._laid_out.popitem(last=False)
        return document, sheet

    def sheet(self, phase: Phase, paper: str | Paper = "a4", person: Person = Person()) -> Checklist:
        """The checklist as :meth:`checklist` fits it; a blank one fitted before is not laid out again."""
        paper = paper_of(paper)
        fitted = self._fitted_sheet(phase, paper) if person == Person() else None
        return fitted or self.checklist(phase, paper, person)[1]

    def remember(self, sheet: Checklist) -> None:
        """Take a blank checklist's fit as known (from an earlier build), so it is laid out only once."""
        if self._fitted_sheet(sheet.phase, sheet.paper) != sheet:
            key = (sheet.protocol.id, sheet.phase.id, sheet.paper.id)
            self._fitted[key] = sheet
            self._laid_out.pop(key, None)

    def booklet(self, protocol: Protocol, paper: str | Paper = "a4") -> Document:
        """The full-plan booklet: its own pages around the checklists' pages, each laid out once for both."""
        paper = paper_of(paper)
        checklists = [self.checklist(phase, paper) for phase in protocol.phases]
        sheets = [sheet for _, sheet in checklists]
        document = self.render(render_booklet(protocol, sheets, self.address))
        inserts = {f"checklist-{sheet.phase.id}": laid_out.pages for laid_out, sheet in checklists}
        pages, placeholders = [], 0
        for page in document.pages:  # each checklist stands in the booklet as blank pages, as many as it has
            found = next((inserts[anchor] for anchor in page.anchors if anchor in inserts), None)
            if found:
                pages += found
                placeholders = len(found)
            if placeholders:
                placeholders -= 1
            else:
                pages.append(page)
        return document.copy(pages)

    def _fit(self, sheet: Checklist) -> tuple[Document, Checklist]:
        """Lay out the sheet in densities until the roomiest one that fits is known (see :meth:`checklist`)."""
        names = list(DENSITIES)
        below, fits = -1, len(names)  # densities up to ``below`` do not fit one page, from ``fits`` on they do
        kept: dict[int, tuple[Document, Checklist]] = {}
        index = _first_guess(sheet)
        while below + 1 < fits:
            sheet = dataclasses.replace(sheet, density=names[index])
            document = self.render(render_checklist(sheet, self.address, standalone=False))
            height, room = _measure(document, sheet.phase.id)
            if len(document.pages) == 1 and height <= room:
                fits, kept[index] = index, (document, sheet)
                if index and height * ROOMIER_AT_LEAST[names[index - 1]] > room:
                    below = index - 1
            else:
                below = index
            share = DENSITIES[names[index]]
            likely = [i for i in range(below + 1, fits) if height * DENSITIES[names[i]] / share <= room]
            index = likely[0] if likely else fits - 1
        if fits < len(names):
            return kept[fits]
        return self._laid_out_sheet(dataclasses.replace(sheet, density=names[-1], flowing=True))

    def _laid_out_sheet(self, sheet: Checklist) -> tuple[Document, Checklist]:
        document = self.render(render_checklist(sheet, self.address, standalone=False))
        return document, dataclasses.replace(sheet, pages=len(document.pages))

    def _fitted_sheet(self, phase: Phase, paper: Paper) -> Checklist | None:
        """The blank checklist of this very phase fitted before, if any (another handbook may use the same ids)."""
        sheet = self._fitted.get((phase.protocol.id, phase.id, paper.id))
        return sheet if sheet and sheet.phase is phase else None


def _first_guess(sheet: Checklist) -> int:
    """The roomiest density a rough estimate of the sheet's height says fits its paper."""
    phase, run = sheet.phase, sheet.phase.return_to_run
    counts = {"fixed": 1, "drill": len(sheet.rows) + len(sheet.groups), "criterion": len(phase.exit_criteria),
              "signs": len(sheet.sign_groups), "session": len(run.sessions) if run else 0}
    regular = sum(_ESTIMATE_MM[part] * count for part, count in counts.items())
    room = sheet.paper.height_mm - 2 * CHECKLIST_MARGIN_MM - MIN_NOTES_MM - _FOOT_MM
    return next((i for i, share in enumerate(DENSITIES.values()) if regular * share <= room), len(DENSITIES) - 1)


def _measure(document: Document, phase_id: str) -> tuple[float, float]:
    """(height of a checklist's content, room for it above the footer less the notes' share), in CSS pixels."""
    first = document.pages[0]
    top = first.anchors[f"checklist-{phase_id}"][1]
    area = first.height - 2 * top  # the sheet starts at the top margin; the bottom one is as wide
    end_page, end = next((n, page.anchors[f"end-{phase_id}"][1]) for n, page in enumerate(document.pages)
                         if f"end-{phase_id}" in page.anchors)
    foot = document.pages[-1].anchors[f"foot-{phase_id}"]
    return end_page * area + end - top, area - (foot[3] - foot[1]) - MIN_NOTES_MM * _PX_PER_MM


def pdf_bytes(document: Document) -> bytes:
    """A tagged PDF (its structure is there for screen readers)."""
    return document.write_pdf(pdf_tags=True)


def write(document: Document, path: Path) -> Path:
    """Write the document's PDF, making its folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf_bytes(document))
    return path
