"""Printable plans (render stage): a one-page checklist per phase and a full-plan booklet per protocol.

In: the model. Out: HTML and PDF documents (WeasyPrint) and iCalendar files.

    printer = Printer(address="https://example.org/handbook/")
    write_phase_pdfs(handbook, out_dir, printer=printer)      # <protocol>/<phase>-a4.pdf, -letter.pdf
    write_booklets(handbook, out_dir, printer=printer)        # <protocol>/<protocol>-plan-a4.pdf, ...
    checklist_html(phase, "letter", Person("Sam", date(2026, 3, 2)))
"""

from __future__ import annotations

from pathlib import Path

from ..model import Handbook, Phase
from ..project import site_address
from ..site.print_links import booklet_path, checklist_path
from .pdf import Printer, write
from .render import render_checklist
from .sheets import PAPERS, SHORTEST, Paper, Person

__all__ = ["PAPERS", "Paper", "Person", "Printer", "checklist_html", "site_address",
           "write_booklets", "write_checklist", "write_phase_pdfs", "write_weeks"]


def checklist_html(phase: Phase, paper: str | Paper | None = None, person: Person = Person(), *,
                   printer: Printer | None = None, pdfs: dict[str, str] | None = None) -> str:
    """A standalone HTML page of the checklist, laid out as its PDF on ``paper``.

    With no ``paper`` the page is for any paper a browser prints on: laid out for the shortest one,
    the size left to the printer. ``pdfs`` (paper label -> link) are shown above the sheet on screen.
    """
    printer = printer or Printer()
    sheet = printer.sheet(phase, paper or SHORTEST, person)
    return render_checklist(sheet, printer.address, any_paper=paper is None, pdfs=pdfs)


def write_checklist(phase: Phase, path: Path, paper: str | Paper = "a4", person: Person = Person(), *,
                    printer: Printer | None = None) -> int:
    """Write one checklist PDF; returns its number of pages (1 unless the phase is too long for a page)."""
    document, _ = (printer or Printer()).checklist(phase, paper, person)
    write(document, path)
    return len(document.pages)


def write_weeks(phase: Phase, path: Path, paper: str | Paper, people: list[Person], *,
                printer: Printer | None = None) -> int:
    """Write one PDF of a checklist for each of ``people`` (the same athlete, one week each) in turn; returns its
    number of pages (one a week unless the phase is too long for a page)."""
    printer = printer or Printer()
    documents = [printer.checklist(phase, paper, person)[0] for person in people]
    write(documents[0].copy([page for document in documents for page in document.pages]), path)
    return sum(len(document.pages) for document in documents)


def write_phase_pdfs(handbook: Handbook, out_dir: Path, papers=tuple(PAPERS), *,
                     printer: Printer | None = None) -> list[Path]:
    """Every phase's blank checklist on every paper size, under ``out_dir``; returns the files written."""
    printer = printer or Printer()
    return [write(printer.checklist(phase, paper)[0], out_dir / checklist_path(phase, paper))
            for protocol in handbook.protocols for phase in protocol.phases for paper in papers]


def write_booklets(handbook: Handbook, out_dir: Path, papers=tuple(PAPERS), *,
                   printer: Printer | None = None) -> list[Path]:
    """Every protocol's full-plan booklet on every paper size, under ``out_dir``; returns the files written."""
    printer = printer or Printer()
    return [write(printer.booklet(protocol, paper), out_dir / booklet_path(protocol, paper))
            for protocol in handbook.protocols for paper in papers]
