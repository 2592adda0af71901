"""The one table ``make bench`` prints: a row per content size, columns from each benchmark (a script, not a test).

    python benchmarks/table.py [--sizes 1x,500,2000] [--sources build,printables]

A row is a project in a temporary folder: the real content (1x) or a synthetic corpus of 20 protocols
(benchmarks/corpus.py). Every module named in :data:`SOURCES` that defines

    columns(project: Path, size: Size, options: argparse.Namespace) -> dict[str, str]

adds its columns to each row; the modules run one after the other on the same project, in the order listed.
A module may also define ``notes(rows) -> list[str]``: lines printed under the table (ratios, goals).
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import make_corpus  # noqa: E402

SOURCES = ("build", "printables")


@dataclass(frozen=True)
class Size:
    """A row of the table: the real content (``drills`` None) or a synthetic corpus."""

    label: str
    drills: int | None = None
    protocols: int = 20


SIZES = {"1x": Size("1× (real content)"), "500": Size("500 drills", 500), "2000": Size("2,000 drills", 2000)}


def make_project(size: Size, folder: Path) -> Path:
    """A project in ``folder`` with the repository's configuration, schemas and hand-written pages, and the
    content of ``size``; pages generated in the repository are removed by the first generation (manifest)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "schemas", folder / "schemas", dirs_exist_ok=True)
    shutil.copytree(ROOT / "site_src", folder / "site_src", dirs_exist_ok=True)
    if size.drills is None:
        for part in ("drills", "protocols"):
            shutil.copytree(ROOT / part, folder / part, ignore=shutil.ignore_patterns("topic-maps"))
        return folder
    return make_corpus(folder, protocols=size.protocols, drills=size.drills)


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants, from /proc."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:  # a process may end while it is looked at
            tasks = list(Path(f"/proc/{current}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                todo += [int(child) for child in (task / "children").read_text().split()]
            except OSError:
                pass
    return found


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def run_measured(command: list[str], cwd: Path) -> tuple[float, int]:
    """Run ``command``; return its wall-clock seconds and the peak of the summed resident memory of its whole
    process tree (sampled every 20 ms)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak, done = 0, threading.Event()

    def sample():
        nonlocal peak
        while not done.wait(0.02):
            peak = max(peak, sum(_rss(pid) for pid in _tree(process.pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{output.decode(errors='replace')[-2000:]}")
    return seconds, peak


def handbook(project: Path, *args: str) -> list[str]:
    """The command line of ``handbook`` on ``project``."""
    return [sys.executable, "-m", "generator", "--root", str(project), *args]


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def kilobytes(size: int) -> str:
    return f"{size / 1e3:.0f} KB"


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown CPU")
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def markdown(rows: dict[str, dict[str, str]]) -> str:
    """The rows as a Markdown table; columns in the order they first appear."""
    columns = list(dict.fromkeys(column for row in rows.values() for column in row))
    lines = ["| content | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    lines += [f"| {label} | " + " | ".join(row.get(column, "–") for column in columns) + " |"
              for label, row in rows.items()]
    return "\n".join(lines)


def main(sources=SOURCES) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(SIZES), help=f"rows to measure, of {', '.join(SIZES)}")
    parser.add_argument("--sources", default=",".join(sources), help="benchmark modules giving the columns")
    parser.add_argument("--reloads", type=int, default=10, help="edits timed in the browser for each row")
    options = parser.parse_args()
    modules = [module for module in (importlib.import_module(f"benchmarks.{name}")
                                     for name in options.sources.split(",")) if hasattr(module, "columns")]
    rows = {}
    for size in (SIZES[name] for name in options.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="handbook-bench-", ignore_cleanup_errors=True) as folder:
            project = make_project(size, Path(folder) / "project")
            rows[size.label] = {}
            for module in modules:
                try:
                    columns = module.columns(project, size, options)
                except Exception as exc:  # noqa: BLE001 - one failed measurement leaves the others standing
                    columns = {f"{module.__name__} failed": str(exc).splitlines()[0]}
                rows[size.label].update(columns)
                print(f"{size.label}: {columns}", file=sys.stderr, flush=True)
    print(f"Measured on {machine()}.\n")
    print(markdown(rows))
    for module in modules:
        for line in getattr(module, "notes", lambda rows: [])(rows):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
