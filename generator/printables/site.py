"""The printables in the built site, and the links to them from the site's pages.

Under ``print/`` in the site, for each phase: ``<protocol>/<phase>.html`` (the
checklist to print from a browser) and ``<phase>-a4.pdf``, ``<phase>-letter.pdf``;
for each protocol: the booklets ``<protocol>-plan-a4.pdf``, ``-letter.pdf``.
"""

from __future__ import annotations

import multiprocessing
import os
import posixpath
import time
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path

from jinja2 import pass_context
from markupsafe import Markup, escape

from ..model import Handbook, Phase, Protocol
from . import PAPERS, Printer, booklet_path, checklist_html, checklist_path, write_booklets, write_phase_pdfs
from .sheets import SHORTEST

PRINT_DIR = "print"


def write_site_printables(handbook: Handbook, site_dir: Path, address: str | None = None) -> list[Path]:
    """Write every checklist page, checklist PDF and booklet into ``site_dir``/print; returns the files written.

    Each paper size is printed in a process of its own when there is a core to spare; the files are the
    same either way.
    """
    folder = site_dir / PRINT_DIR
    papers = list(PAPERS)
    if min(len(papers), os.cpu_count() or 1) == 1:
        return [path for paper in papers for path in _print_on(paper, handbook, folder, address)]
    with ProcessPoolExecutor(len(papers), mp_context=multiprocessing.get_context("spawn")) as pool:
        done = pool.map(_print_on, papers, repeat(handbook), repeat(folder), repeat(address))
        return [path for paths in done for path in paths]


def _print_on(paper: str, handbook: Handbook, folder: Path, address: str | None) -> list[Path]:
    """The phase PDFs and booklets on one paper size, and on the shortest paper also the checklist pages
    (they are laid out for it, so that they print on any paper)."""
    printer = Printer(address)
    written = write_phase_pdfs(handbook, folder, (paper,), printer=printer)
    if paper == SHORTEST.id:
        for phase in (phase for protocol in handbook.protocols for phase in protocol.phases):
            page = folder / checklist_path(phase, None)
            pdfs = {p.label: posixpath.basename(checklist_path(phase, p)) for p in PAPERS.values()}
            page.write_text(checklist_html(phase, printer=printer, pdfs=pdfs), encoding="utf-8")
            written.append(page)
    return written + write_booklets(handbook, folder, (paper,), printer=printer)


def site_link(from_page: str, item: Phase | Protocol, paper: str | None = None) -> str:
    """The relative address of a printable from a generated page (a path under the docs folder, served with
    directory URLs as MkDocs does): a phase's checklist page, or its PDF on ``paper``; a protocol's booklet."""
    target = checklist_path(item, paper) if isinstance(item, Phase) else booklet_path(item, paper or "a4")
    page = from_page.removesuffix(".md")
    folder = posixpath.dirname(page) if posixpath.basename(page) == "index" else page
    return posixpath.relpath(f"{PRINT_DIR}/{target}", folder or ".")


@pass_context
def print_href(context, item: Phase | Protocol, paper: str | None = None) -> Markup:
    """:func:`site_link` from the page a site template is rendering (its ``page_path``)."""
    return escape(site_link(context["page_path"], item, paper))


class SitePrintables:
    """The build step that adds the printables to a new site folder; ``seconds`` is how long it took."""

    def __init__(self, handbook: Handbook, address: str | None = None):
        self.handbook, self.address = handbook, address
        self.seconds = 0.0

    def __call__(self, site_dir: Path) -> None:
        started = time.perf_counter()
        write_site_printables(self.handbook, site_dir, self.address)
        self.seconds = time.perf_counter() - started
