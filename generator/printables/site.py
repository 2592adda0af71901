"""The printables in the built site, and the links to them from the site's pages.

Under ``print/`` in the site, for each phase: ``<protocol>/<phase>.html`` (the
checklist to print from a browser) and ``<phase>-a4.pdf``, ``<phase>-letter.pdf``;
for each protocol: the booklets ``<protocol>-plan-a4.pdf``, ``-letter.pdf``.

A document is rendered again only when its inputs change: every PDF and every
checklist's fitted layout is kept in a :class:`~.cache.Store` outside the site
(``.cache/printables`` in the project). What is missing is rendered one document
per task, spread over the cores; a booklet waits for its checklists' fits.
"""

from __future__ import annotations

import atexit
import json
import multiprocessing
import os
import posixpath
import sys
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..model import Handbook, Phase, Protocol
from ..site.print_links import PRINT_DIR, booklet_path, checklist_path
from . import PAPERS
from .cache import Store, digest, fingerprint
from .pdf import Printer, pdf_bytes
from .render import render_booklet, render_checklist
from .sheets import SHORTEST, Checklist, Paper

#: Where, in the project, rendered printables are kept between builds.
PRINT_CACHE = Path(".cache") / "printables"


@dataclass
class Printed:
    """What one run wrote into the site, and which documents (paths under print/) it had to render."""

    written: list[Path] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)


def write_site_printables(handbook: Handbook, site_dir: Path, address: str | None, cache: Path) -> Printed:
    """Write every checklist page, checklist PDF and booklet into ``site_dir``/print, rendering only the
    documents not found in the ``cache`` folder; entries this run did not use are removed from it."""
    store = Store(cache)
    plan = _Plan(handbook, address, store)
    plan.render()
    printed = plan.write(site_dir / PRINT_DIR)
    store.prune()
    return printed


def _fit(sheet: Checklist) -> dict:
    return {"density": sheet.density, "flowing": sheet.flowing, "pages": sheet.pages}


class _Plan:
    """The site's printables: which are in the store, and the tasks that render the rest."""

    def __init__(self, handbook: Handbook, address: str | None, store: Store):
        self.handbook, self.address, self.store = handbook, address, store
        self.engine = fingerprint()
        self.sheets: dict[tuple[str, str, str], Checklist] = {}  # (protocol, phase, paper) -> fitted checklist
        self.pdfs: dict[str, bytes] = {}  # path under print/ -> PDF
        self.rendered: list[str] = []
        self.checklists: list[tuple[Phase, Paper, dict | None]] = []  # to render, with their fit if known
        for protocol in handbook.protocols:
            for paper in PAPERS.values():
                for phase in protocol.phases:
                    self._look_up(phase, paper)

    def _fit_key(self, phase: Phase, paper: Paper) -> str:
        return digest(self.engine, render_checklist(Checklist(phase, paper), self.address, standalone=False))

    def _pdf_key(self, sheet: Checklist) -> str:
        return digest(self.engine, render_checklist(sheet, self.address, standalone=False))

    def _booklet_key(self, protocol: Protocol, sheets: list[Checklist]) -> str:
        return digest(self.engine, render_booklet(protocol, sheets, self.address),
                      *(render_checklist(sheet, self.address, standalone=False) for sheet in sheets))

    def _look_up(self, phase: Phase, paper: Paper) -> None:
        found = self.store.get(self._fit_key(phase, paper), ".fit")
        fit = json.loads(found) if found else None
        pdf = self.store.get(self._pdf_key(Checklist(phase, paper, **fit)), ".pdf") if fit else None
        if pdf is None:
            self.checklists.append((phase, paper, fit))
        else:
            self._checklist_done(Checklist(phase, paper, **fit), pdf)

    def _checklist_done(self, sheet: Checklist, pdf: bytes) -> None:
        self.sheets[sheet.protocol.id, sheet.phase.id, sheet.paper.id] = sheet
        self.pdfs[checklist_path(sheet.phase, sheet.paper)] = pdf

    def _booklet_sheets(self, protocol: Protocol, paper: Paper) -> list[Checklist] | None:
        sheets = [self.sheets.get((protocol.id, phase.id, paper.id)) for phase in protocol.phases]
        return None if None in sheets else sheets

    def render(self) -> None:
        """Render what the store does not have, a document per task; a booklet once its checklists are fitted."""
        booklets = [(protocol, paper) for protocol in self.handbook.protocols for paper in PAPERS.values()
                    if not self._stored_booklet(protocol, paper)]
        jobs = len(self.checklists) + len(booklets)
        if not jobs:
            return
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        with _Workers(self.handbook, self.address, min(cores, jobs)) as workers:
            pending: dict[Future, Callable] = {
                workers.submit("checklist", phase.protocol.id, phase.id, paper.id, fit):
                    partial(self._checklist_rendered, phase, paper)
                for phase, paper, fit in self.checklists}
            booklets = self._start_booklets(booklets, workers, pending)
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    pending.pop(future)(future.result())
                booklets = self._start_booklets(booklets, workers, pending)

    def _stored_booklet(self, protocol: Protocol, paper: Paper) -> bool:
        """Whether the booklet's checklists are fitted and the store has it (then it is taken)."""
        sheets = self._booklet_sheets(protocol, paper)
        pdf = self.store.get(self._booklet_key(protocol, sheets), ".pdf") if sheets else None
        if pdf is not None:
            self.pdfs[booklet_path(protocol, paper)] = pdf
        return pdf is not None

    def _start_booklets(self, booklets: list, workers: _Workers, pending: dict) -> list:
        """Start rendering the booklets whose checklists are all fitted (unless the store has them under those
        fits); return the others."""
        waiting = []
        for protocol, paper in booklets:
            sheets = self._booklet_sheets(protocol, paper)
            if sheets is None:
                waiting.append((protocol, paper))
            elif not self._stored_booklet(protocol, paper):
                future = workers.submit("booklet", protocol.id, paper.id, [_fit(sheet) for sheet in sheets])
                pending[future] = partial(self._booklet_rendered, protocol, paper, self._booklet_key(protocol, sheets))
        return waiting

    def _checklist_rendered(self, phase: Phase, paper: Paper, result: tuple[dict, bytes]) -> None:
        fit, pdf = result
        sheet = Checklist(phase, paper, **fit)
        self.store.put(self._fit_key(phase, paper), ".fit", json.dumps(fit).encode("utf-8"))
        self.store.put(self._pdf_key(sheet), ".pdf", pdf)
        self._checklist_done(sheet, pdf)
        self.rendered.append(checklist_path(phase, paper))

    def _booklet_rendered(self, protocol: Protocol, paper: Paper, key: str, pdf: bytes) -> None:
        self.store.put(key, ".pdf", pdf)
        self.pdfs[booklet_path(protocol, paper)] = pdf
        self.rendered.append(booklet_path(protocol, paper))

    def write(self, folder: Path) -> Printed:
        """Write the PDFs, and each phase's checklist page laid out for the shortest paper (so that it prints on
        any), linking to its PDFs."""
        files: dict[str, bytes] = dict(self.pdfs)
        for protocol in self.handbook.protocols:
            for phase in protocol.phases:
                pdfs = {p.label: posixpath.basename(checklist_path(phase, p)) for p in PAPERS.values()}
                sheet = self.sheets[protocol.id, phase.id, SHORTEST.id]
                html = render_checklist(sheet, self.address, any_paper=True, pdfs=pdfs)
                files[checklist_path(phase, None)] = html.encode("utf-8")
        written = []
        for path, data in sorted(files.items()):
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(target)
        return Printed(written, sorted(self.rendered))


class _Press:
    """Renders the site's documents in one process (a worker's, or the build's own)."""

    def __init__(self, handbook: Handbook, address: str | None):
        self.protocols = {protocol.id: protocol for protocol in handbook.protocols}
        self.printer = Printer(address)

    def _phase(self, protocol_id: str, phase_id: str) -> Phase:
        return next(phase for phase in self.protocols[protocol_id].phases if phase.id == phase_id)

    def checklist(self, protocol_id: str, phase_id: str, paper_id: str, fit: dict | None) -> tuple[dict, bytes]:
        """A blank checklist's fit and PDF; fitted again unless its ``fit`` is known."""
        phase = self._phase(protocol_id, phase_id)
        if fit:
            self.printer.remember(Checklist(phase, PAPERS[paper_id], **fit))
        document, sheet = self.printer.checklist(phase, paper_id)
        return _fit(sheet), pdf_bytes(document)

    def booklet(self, protocol_id: str, paper_id: str, fits: list[dict]) -> bytes:
        protocol = self.protocols[protocol_id]
        for phase, fit in zip(protocol.phases, fits):
            self.printer.remember(Checklist(phase, PAPERS[paper_id], **fit))
        return pdf_bytes(self.printer.booklet(protocol, paper_id))


_press: _Press | None = None  # a worker process's own


def _start_worker(handbook: Handbook, address: str | None) -> None:
    global _press
    _press = _Press(handbook, address)
    atexit.register(_leave)


def _leave() -> None:
    """End a worker at once when its pool lets it go: its results are sent, and freeing the laid-out documents
    it holds object by object would take longer than the OS takes to drop them."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _work(method: str, *args):
    return getattr(_press, method)(*args)


class _Workers:
    """Worker processes (spawned, so WeasyPrint starts clean in each) when there are jobs for two or more,
    else this process; both shut down and joined on leaving."""

    def __init__(self, handbook: Handbook, address: str | None, count: int):
        self.start = (handbook, address)
        self.count = count
        self.pool: ProcessPoolExecutor | None = None
        self.press: _Press | None = None

    def __enter__(self) -> _Workers:
        if self.count >= 2:
            self.pool = ProcessPoolExecutor(self.count, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_start_worker, initargs=self.start)
        return self

    def submit(self, method: str, *args) -> Future:
        if self.pool:
            return self.pool.submit(_work, method, *args)
        self.press = self.press or _Press(*self.start)
        future: Future = Future()
        try:
            future.set_result(getattr(self.press, method)(*args))
        except Exception as exc:  # handed to the caller by future.result(), as from a worker
            future.set_exception(exc)
        return future

    def __exit__(self, *exc) -> None:
        if self.pool:
            self.pool.shutdown(wait=True, cancel_futures=True)


class SitePrintables:
    """The build step that adds the printables to a new site folder, keeping rendered ones in ``cache``;
    ``seconds`` is how long it took and ``printed`` what it did."""

    def __init__(self, handbook: Handbook, address: str | None, cache: Path):
        self.handbook, self.address, self.cache = handbook, address, cache
        self.seconds = 0.0
        self.printed = Printed()

    def __call__(self, site_dir: Path) -> None:
        started = time.perf_counter()
        self.printed = write_site_printables(self.handbook, site_dir, self.address, self.cache)
        self.seconds = time.perf_counter() - started
