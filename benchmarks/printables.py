"""Time the printable PDFs of the real content (a script, not a test).

    python benchmarks/printables.py [--repeat 3]

Writes every phase checklist (A4 and Letter) and each protocol's booklet into a
temporary folder with one Printer shared by all, and prints the best time of
each over the repeats; then the whole step of `handbook build` (checklist pages,
PDFs and booklets, a process per paper size). Goal: at most 0.5 s per phase PDF.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.model import load_handbook  # noqa: E402
from generator.printables import (PAPERS, Printer, booklet_path, checklist_path, site_address,  # noqa: E402
                                  write_checklist)
from generator.printables.pdf import write  # noqa: E402
from generator.printables.site import write_site_printables  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOAL = 0.5


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def one_run(handbook, folder: Path) -> tuple[dict, dict, float]:
    """Seconds for each phase PDF and each booklet with a fresh Printer, and the Printer's start-up."""
    started = time.perf_counter()
    printer = Printer(site_address(ROOT))
    setup = time.perf_counter() - started
    phases = {(phase.id, paper): timed(lambda: write_checklist(phase, folder / checklist_path(phase, paper), paper,
                                                               printer=printer))
              for protocol in handbook.protocols for phase in protocol.phases for paper in PAPERS}
    booklets = {(protocol.id, paper): timed(lambda: write(printer.booklet(protocol, paper),
                                                          folder / booklet_path(protocol, paper)))
                for protocol in handbook.protocols for paper in PAPERS}
    return phases, booklets, setup


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=3)
    args = options.parse_args()
    handbook = load_handbook(ROOT)
    runs, site = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            runs.append(one_run(handbook, Path(tmp)))
            site.append(timed(lambda: write_site_printables(handbook, Path(tmp) / "site", site_address(ROOT))))
    phases = {key: min(run[0][key] for run in runs) for key in runs[0][0]}
    booklets = {key: min(run[1][key] for run in runs) for key in runs[0][1]}
    setup = runs[0][2]
    for (phase, paper), seconds in phases.items():
        print(f"  {phase:<28} {paper:<7} {seconds:.2f} s")
    mean, worst = sum(phases.values()) / len(phases), max(phases.values())
    print(f"phase PDFs: {len(phases)}, mean {mean:.2f} s, worst {worst:.2f} s "
          f"(goal <= {GOAL:.2f} s per phase PDF: mean {'met' if mean <= GOAL else 'MISSED'}, "
          f"worst {'met' if worst <= GOAL else 'MISSED'})")
    for (protocol, paper), seconds in booklets.items():
        print(f"booklet {protocol} {paper}: {seconds:.2f} s (checklists already fitted)")
    print(f"printer start-up, first time (WeasyPrint import, fonts, stylesheet): {setup:.2f} s")
    print(f"the build step (checklist pages, PDFs, booklets; a process per paper): {min(site):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
