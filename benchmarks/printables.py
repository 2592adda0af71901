"""Time the printables (a script, not a test).

    python benchmarks/printables.py [--repeat 3]

On a copy of the real content: each phase checklist PDF (A4, then Letter) and each booklet, written one after
the other by one fresh Printer (best of the repeats); the printables step of ``handbook build`` with an empty
cache (cold: every document rendered, a document per task over the cores) and again with the cache it filled
(warm: nothing changed); and ``handbook build`` end to end with nothing changed (median of the repeats).
For ``make bench``'s table (benchmarks/table.py), :func:`columns` gives the same figures for any project.

Goals: at most 0.3 s per phase PDF (mean); a build with nothing changed at most 1.5 s end to end.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.table import SIZES, Size, make_project, run_measured  # noqa: E402
from benchmarks.table import handbook as command
from generator.model import Handbook, load_handbook  # noqa: E402
from generator.printables import PAPERS, Printer, site_address, write_checklist  # noqa: E402
from generator.printables.pdf import write  # noqa: E402
from generator.printables.site import write_site_printables  # noqa: E402
from generator.site.print_links import booklet_path, checklist_path  # noqa: E402

PHASE_GOAL = 0.3
NO_CHANGE_GOAL = 1.5
#: Phase PDFs and booklets are timed one by one for this many protocols (all of them for the real content).
SAMPLE_PROTOCOLS = 2


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def documents(handbook: Handbook, folder: Path, address: str | None, protocols: int | None = None
              ) -> tuple[dict, dict]:
    """Seconds of each phase PDF and each booklet of the first ``protocols``, written by one fresh Printer."""
    printer = Printer(address)
    chosen = handbook.protocols[:protocols]
    phases = {(phase.id, paper): timed(lambda: write_checklist(phase, folder / checklist_path(phase, paper), paper,
                                                               printer=printer))
              for protocol in chosen for phase in protocol.phases for paper in PAPERS}
    booklets = {(protocol.id, paper): timed(lambda: write(printer.booklet(protocol, paper),
                                                          folder / booklet_path(protocol, paper)))
                for protocol in chosen for paper in PAPERS}
    return phases, booklets


def build_step(handbook: Handbook, address: str | None, folder: Path) -> tuple[float, float, int]:
    """Seconds of the build's printables step with an empty cache, then with the cache it filled; documents."""
    cache = folder / "cache"
    cold = timed(lambda: write_site_printables(handbook, folder / "cold", address, cache))
    started = time.perf_counter()
    printed = write_site_printables(handbook, folder / "warm", address, cache)
    return cold, time.perf_counter() - started, len(printed.written)


def no_change_builds(project: Path, repeat: int) -> list[float]:
    """Seconds of ``handbook build`` end to end, each after one that built the same content."""
    run_measured(command(project, "build"), project)
    return [run_measured(command(project, "build"), project)[0] for _ in range(repeat)]


def _mean(seconds: dict) -> float:
    return sum(seconds.values()) / len(seconds)


def columns(project: Path, size: Size, options) -> dict[str, str]:
    """The printables' columns of ``make bench``'s table (phase PDFs and booklets of a sample of protocols)."""
    handbook, address = load_handbook(project), site_address(project)
    with tempfile.TemporaryDirectory(prefix="handbook-bench-print-") as folder:
        phases, booklets = documents(handbook, Path(folder) / "one-by-one", address, SAMPLE_PROTOCOLS)
        cold, warm, count = build_step(handbook, address, Path(folder))
    return {"phase PDF (mean)": f"{_mean(phases):.2f} s", "booklet (mean)": f"{_mean(booklets):.2f} s",
            "printables cold": f"{cold:.1f} s ({count} files)", "printables warm": f"{warm:.2f} s"}


def notes(rows: dict[str, dict[str, str]]) -> list[str]:
    means = {label: float(row["phase PDF (mean)"].split()[0]) for label, row in rows.items()
             if "phase PDF (mean)" in row}
    return [f"Phase PDF mean, {label}: {mean:.2f} s (goal ≤ {PHASE_GOAL} s)." for label, mean in means.items()]


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=3)
    args = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="handbook-bench-print-") as folder:
        project = make_project(SIZES["1x"], Path(folder) / "project")
        handbook, address = load_handbook(project), site_address(project)
        runs = [documents(handbook, Path(folder) / "one-by-one", address) for _ in range(args.repeat)]
        steps = [build_step(handbook, address, Path(folder) / f"step-{n}") for n in range(args.repeat)]
        builds = no_change_builds(project, args.repeat)
    phases = {key: min(run[0][key] for run in runs) for key in runs[0][0]}
    booklets = {key: min(run[1][key] for run in runs) for key in runs[0][1]}
    for (phase, paper), seconds in phases.items():
        print(f"  {phase:<28} {paper:<7} {seconds:.2f} s")
    mean, worst = _mean(phases), max(phases.values())
    print(f"phase PDFs: {len(phases)}, mean {mean:.2f} s, worst {worst:.2f} s "
          f"(goal <= {PHASE_GOAL:.2f} s mean: {'met' if mean <= PHASE_GOAL else 'MISSED'})")
    for (protocol, paper), seconds in booklets.items():
        print(f"booklet {protocol} {paper}: {seconds:.2f} s (its checklists' pages laid out already)")
    cold, warm = min(step[0] for step in steps), min(step[1] for step in steps)
    print(f"the build's printables step ({steps[0][2]} files): cold {cold:.2f} s, warm (nothing changed) {warm:.2f} s")
    build = statistics.median(builds)
    print(f"`handbook build` with nothing changed, end to end: median {build:.2f} s of {len(builds)} "
          f"(goal <= {NO_CHANGE_GOAL} s: {'met' if build <= NO_CHANGE_GOAL else 'MISSED'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
