"""The printables in the built site, and the links to them from the site's pages.

Under ``print/`` in the site, for each phase: ``<protocol>/<phase>.html`` (the
checklist to print from a browser) and ``<phase>-a4.pdf``, ``<phase>-letter.pdf``;
for each protocol: the booklets ``<protocol>-plan-a4.pdf``, ``-letter.pdf``.

A document is rendered again only when its inputs change: every PDF and every
checklist's fitted layout is kept in a :class:`~.cache.Store` outside the site
(``.cache/printables`` in the project). What is missing is rendered a lane per
task, spread over the cores: a protocol's checklists on one paper, then its
booklet, which shows their pages as laid out for their own PDFs. The lanes of a
protocol share the drawing of its figures: each draws its share first, into the
store, where the others find it (:mod:`.forms`).
"""

from __future__ import annotations

import atexit
import gc
import json
import multiprocessing
import os
import posixpath
import sys
import time
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..clock import dated
from ..model import Handbook, Phase, Protocol
from ..site.print_links import PRINT_DIR, booklet_path, checklist_path
from . import PAPERS, figures
from .cache import Store, digest, fingerprint
from .forms import Forms
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
    with SitePrintables(address, cache) as printables:
        printables.start(handbook)
        printables(site_dir)
    return printables.printed


def _fit(sheet: Checklist) -> dict:
    return {"density": sheet.density, "flowing": sheet.flowing, "pages": sheet.pages}


@dataclass
class _Lane:
    """The printables of one protocol on one paper: its checklists, then the booklet that shows them all.

    A lane is one task: the worker that fits and lays out the checklists reuses their laid-out pages in the
    booklet. ``fits`` holds each checklist's fit where it is known, ``todo`` which checklists to render."""

    protocol: Protocol
    paper: Paper
    fits: list[dict | None]
    todo: list[bool]
    booklet: bool = False
    ahead: list[str] = field(default_factory=list)  # the figures it draws first, its share of its protocol's

    @property
    def idle(self) -> bool:
        return not self.booklet and not any(self.todo)


class _Plan:
    """The site's printables: which are in the store, and the lanes that render the rest."""

    def __init__(self, handbook: Handbook, address: str | None, store: Store, forms: Forms):
        self.handbook, self.address, self.store, self.forms = handbook, address, store, forms
        self.engine = forms.engine
        self.pdfs: dict[str, bytes] = {}  # path under print/ -> PDF
        self.sheets: dict[tuple[str, str, str], Checklist] = {}  # (protocol, phase, paper) -> fitted checklist
        self.rendered: list[str] = []
        self.lanes = [self._lane(protocol, paper) for protocol in handbook.protocols for paper in PAPERS.values()]
        self.pending: dict[Future, _Lane] = {}
        for protocol in handbook.protocols:
            self._share_figures(protocol)

    def _share_figures(self, protocol: Protocol) -> None:
        """Keep the drawn figures of the protocol's printables in the store, and share the drawing of them out
        between its lanes to render, each drawing its share first so that the others find it drawn."""
        shown = figures.printed(protocol)
        for svg in shown.values():
            self.forms.keep(self.store, svg)
        lanes = [lane for lane in self.lanes if lane.protocol is protocol and not lane.idle]
        for number, lane in enumerate(lanes):
            lane.ahead = sorted(shown)[number::len(lanes)]

    def _fit_key(self, phase: Phase, paper: Paper) -> str:
        return digest(self.engine, render_checklist(Checklist(phase, paper), self.address, standalone=False))

    def _pdf_key(self, sheet: Checklist) -> str:
        return digest(self.engine, render_checklist(sheet, self.address, standalone=False))

    def _booklet_key(self, protocol: Protocol, sheets: list[Checklist]) -> str:
        return digest(self.engine, render_booklet(protocol, sheets, self.address),
                      *(render_checklist(sheet, self.address, standalone=False) for sheet in sheets))

    def _lane(self, protocol: Protocol, paper: Paper) -> _Lane:
        """What the store holds of a protocol's printables on ``paper``, and what is left to render.

        A checklist not fitted before has new content, so its booklet is new too; with every fit known, the
        booklet is looked up under them."""
        lane = _Lane(protocol, paper, fits=[], todo=[])
        for phase in protocol.phases:
            found = self.store.get(self._fit_key(phase, paper), ".fit")
            fit = json.loads(found) if found else None
            pdf = self.store.get(self._pdf_key(Checklist(phase, paper, **fit)), ".pdf") if fit else None
            if pdf is not None:
                self._checklist_done(Checklist(phase, paper, **fit), pdf)
            lane.fits.append(fit)
            lane.todo.append(pdf is None)
        if None in lane.fits:
            lane.booklet = True
        else:
            sheets = [Checklist(phase, paper, **fit) for phase, fit in zip(protocol.phases, lane.fits)]
            pdf = self.store.get(self._booklet_key(protocol, sheets), ".pdf")
            lane.booklet = pdf is None
            if pdf is not None:
                self.pdfs[booklet_path(protocol, paper)] = pdf
        return lane

    def _checklist_done(self, sheet: Checklist, pdf: bytes) -> None:
        self.sheets[sheet.protocol.id, sheet.phase.id, sheet.paper.id] = sheet
        self.pdfs[checklist_path(sheet.phase, sheet.paper)] = pdf

    def start(self, workers: _Workers) -> None:
        """Start rendering what the store does not have, a lane per task."""
        date = os.environ.get("SOURCE_DATE_EPOCH")
        self.pending = {workers.submit(lane.protocol, lane.paper.id, lane.fits, lane.todo, lane.booklet, lane.ahead,
                                       figures.inked_of(lane.protocol), date): lane  # not placed again in a worker
                        for lane in self.lanes if not lane.idle}

    def finish(self) -> None:
        """Wait for the lanes started, keeping what they rendered."""
        for future in as_completed(self.pending):
            self._lane_rendered(self.pending[future], *future.result())

    def _lane_rendered(self, lane: _Lane, fits: list[dict], checklists: list[bytes | None],
                       booklet: bytes | None) -> None:
        sheets = [Checklist(phase, lane.paper, **fit) for phase, fit in zip(lane.protocol.phases, fits)]
        for sheet, pdf in zip(sheets, checklists):
            if pdf is not None:
                self.store.put(self._fit_key(sheet.phase, sheet.paper), ".fit", json.dumps(_fit(sheet)).encode())
                self.store.put(self._pdf_key(sheet), ".pdf", pdf)
                self._checklist_done(sheet, pdf)
                self.rendered.append(checklist_path(sheet.phase, sheet.paper))
        if booklet is not None:
            self.store.put(self._booklet_key(lane.protocol, sheets), ".pdf", booklet)
            self.pdfs[booklet_path(lane.protocol, lane.paper)] = booklet
            self.rendered.append(booklet_path(lane.protocol, lane.paper))

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

    def __init__(self, address: str | None, forms: Forms):
        self.printer = Printer(address, forms)

    def lane(self, protocol: Protocol, paper_id: str, fits: list[dict | None], todo: list[bool], booklet: bool,
             ahead: list[str], inked: dict[str, figures.Inked], date: str | None
             ) -> tuple[list[dict], list[bytes | None], bytes | None]:
        """Each checklist's fit, the PDFs of those in ``todo`` (the others None) and the booklet's if asked for.
        A checklist is fitted unless its fit is known; each is laid out once, for its PDF and the booklet.
        The figures ``ahead`` are drawn first; ``inked``: the figures the build inked; ``date``: the build's
        SOURCE_DATE_EPOCH, which dates the PDFs."""
        figures.take_inked(inked)
        paper = PAPERS[paper_id]
        with dated(date):  # as the build set it: a worker may have started before it was set
            figures.printed(protocol)  # notes the protocol's figures as drawn for PDFs, by their address
            self.printer.draw_ahead(ahead)
            for phase, fit in zip(protocol.phases, fits):
                if fit:
                    self.printer.remember(Checklist(phase, paper, **fit))
            pdfs = [pdf_bytes(self.printer.checklist(phase, paper)[0]) if wanted else None
                    for phase, wanted in zip(protocol.phases, todo)]
            fitted = [_fit(self.printer.sheet(phase, paper)) for phase in protocol.phases]
            return fitted, pdfs, pdf_bytes(self.printer.booklet(protocol, paper)) if booklet else None


_press: _Press | None = None  # a worker process's own


#: A worker's garbage collection thresholds: laying out a document makes millions of short-lived objects, and at
#: Python's defaults the collector, scanning the documents a lane holds again and again, takes a fifth of the time.
WORKER_GC_THRESHOLDS = (20_000, 50, 100)


def _start_worker(address: str | None, forms: Forms) -> None:
    global _press
    _press = _Press(address, forms)
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    atexit.register(_leave)


def _leave() -> None:
    """End a worker at once when its pool lets it go: its results are sent, and freeing the laid-out documents
    it holds object by object would take longer than the OS takes to drop them."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _work(*args):
    return _press.lane(*args)


def _started() -> None:
    """A task that does nothing: submitted to start a worker before there is work for it."""


class _Workers:
    """Worker processes (spawned, so WeasyPrint starts clean in each) when there are jobs for two or more,
    else this process; both shut down and joined on leaving. Workers start when the first jobs are given
    them, or at once when :meth:`start_now` asks."""

    def __init__(self, address: str | None, forms: Forms, count: int):
        self.start = (address, forms)
        self.count = count
        self.pool: ProcessPoolExecutor | None = None
        self.press: _Press | None = None

    def __enter__(self) -> _Workers:
        if self.count >= 2:
            self.pool = ProcessPoolExecutor(self.count, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_start_worker, initargs=self.start)
        return self

    def start_now(self) -> None:
        """Start every worker now (a pool starts one for each job given it while none is idle)."""
        for _ in range(self.count if self.pool else 0):
            self.pool.submit(_started)

    def submit(self, *args) -> Future:
        """Render a lane (see :meth:`_Press.lane`)."""
        if self.pool:
            return self.pool.submit(_work, *args)
        self.press = self.press or _Press(*self.start)
        future: Future = Future()
        try:
            future.set_result(self.press.lane(*args))
        except Exception as exc:  # handed to the caller by future.result(), as from a worker
            future.set_exception(exc)
        return future

    def __exit__(self, *exc) -> None:
        if self.pool:
            self.pool.shutdown(wait=True, cancel_futures=True)


class SitePrintables:
    """The build step that adds the printables to a new site folder, keeping rendered ones in ``cache``.

    Entered with an empty cache (a first build: everything is to print), it starts its worker processes at once,
    so that they start while the content is loaded. :meth:`start` starts rendering what the cache lacks in
    worker processes, so that printing runs while the rest of the site is built; called with the new site
    folder, it waits for them and writes the printables. ``seconds`` is how long they took from the start,
    ``waited`` how long the call waited, ``printed`` what it did."""

    def __init__(self, address: str | None, cache: Path):
        self.address, self.store = address, Store(cache)
        self.seconds = self.waited = 0.0
        self.printed = Printed()
        self.workers: _Workers | None = None

    @cached_property
    def forms(self) -> Forms:
        return Forms(self.store.folder, fingerprint())

    def __enter__(self) -> SitePrintables:
        if self.store.empty():
            self.workers = _Workers(self.address, self.forms, _cores()).__enter__()
            self.workers.start_now()
        return self

    def start(self, handbook: Handbook) -> None:
        """Plan the printables of ``handbook`` and start rendering what the cache lacks."""
        self.started = time.perf_counter()
        self.plan = _Plan(handbook, self.address, self.store, self.forms)
        if self.workers is None:
            lanes = sum(not lane.idle for lane in self.plan.lanes)
            self.workers = _Workers(self.address, self.forms, min(_cores(), lanes)).__enter__()
        self.plan.start(self.workers)

    def __call__(self, site_dir: Path) -> None:
        called = time.perf_counter()
        self.plan.finish()
        self.printed = self.plan.write(site_dir / PRINT_DIR)
        self.store.prune()
        self.seconds = time.perf_counter() - self.started
        self.waited = time.perf_counter() - called

    def __exit__(self, *exc) -> None:
        if self.workers:
            self.workers.__exit__()


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
