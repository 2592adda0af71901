"""Time the site build and the live preview (a script, not a test).

    python benchmarks/build.py [--sizes 1x,500,2000] [--reloads 10]

For each row of the table (benchmarks/table.py): the time of ``handbook check``; of the page generation
(check, model, every Markdown and JSON file written) and of the MkDocs build, in process; of a ``handbook
build`` with nothing changed (after a first one), with the peak memory of its whole process tree over both
builds; the site's size, its largest page and its search index; and, in Chromium under ``handbook serve``,
the median time from saving a drill's YAML to the open page showing the change.

Goals: generation at most 10 % of the MkDocs build; MkDocs at 2,000 drills at most 4.5 times the time at
500; the largest page at most 100 KB; edit-to-reload at most 1 s on the real content and 2 s at 2,000 drills.
"""

from __future__ import annotations

import json
import re
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.table import Size, handbook, kilobytes, main, megabytes, run_measured  # noqa: E402
from generator.build.pipeline import SITE_DIR, generate, mkdocs_build  # noqa: E402
from generator.build.serve import Preview  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def columns(project: Path, size: Size, options) -> dict[str, str]:
    check, _ = run_measured(handbook(project, "check"), project)
    generated = generate(project)
    with tempfile.TemporaryDirectory(prefix="handbook-bench-site-") as folder:
        mkdocs = mkdocs_build(project, generated, Path(folder) / "site")
    first, first_peak = run_measured(handbook(project, "build"), project)
    again, again_peak = run_measured(handbook(project, "build"), project)
    site = project / SITE_DIR
    pages = {page: page.stat().st_size for page in site.rglob("*.html")}
    largest = max(pages, key=pages.get)
    row = {
        "check": f"{check:.2f} s",
        "generation": f"{generated.seconds:.2f} s",
        "MkDocs": f"{mkdocs:.2f} s",
        "first build": f"{first:.1f} s",
        "no-change rebuild": f"{again:.2f} s",
        "site size": megabytes(sum(f.stat().st_size for f in site.rglob("*") if f.is_file())),
        "largest page": f"{kilobytes(pages[largest])} ({largest.parent.relative_to(site).as_posix() or 'home'})",
        "search index": megabytes((site / "search" / "search_index.json").stat().st_size),
        "peak memory": megabytes(max(first_peak, again_peak)),
    }
    if options.reloads:
        row["edit to reload"] = reloads(project, options.reloads)
    return row


def notes(rows: dict[str, dict[str, str]]) -> list[str]:
    """The MkDocs time at 2,000 drills against 500, measured in the same run."""
    times = {label: float(row["MkDocs"].split()[0]) for label, row in rows.items() if "MkDocs" in row}
    if {"500 drills", "2,000 drills"} <= set(times):
        ratio = times["2,000 drills"] / times["500 drills"]
        return [f"\nMkDocs at 2,000 drills takes {ratio:.1f}× its time at 500 (goal ≤ 4.5×)."]
    return []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def renamed(text: str, name: str) -> str:
    """A drill file's text with a new ``name``."""
    return re.sub(r"^name:.*$", f"name: {json.dumps(name)}", text, count=1, flags=re.MULTILINE)


def reloads(project: Path, count: int) -> str:
    """Save a drill ``count`` times under ``handbook serve``; the median and worst time until the open page in
    Chromium shows the new name."""
    from playwright.sync_api import sync_playwright

    preview = Preview(project, port=_free_port(), say=lambda *args, **kwargs: None)
    ready = threading.Event()
    thread = threading.Thread(target=preview.serve, kwargs={"ready": ready}, daemon=True)
    thread.start()
    drill = next(iter(preview.generated.handbook.drills.values()))
    path = project / "drills" / f"{drill.id}.yaml"
    original = path.read_text(encoding="utf-8")
    times = []
    try:
        if not ready.wait(300):
            raise RuntimeError("the preview did not start")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(f"{preview.url}drills/{drill.id}/", wait_until="load")
            for n in range(count):
                name = f"{drill.name} {n}"
                started = time.perf_counter()
                path.write_text(renamed(original, name), encoding="utf-8")
                page.wait_for_function("name => (document.querySelector('h1')?.textContent || '').startsWith(name)",
                                       arg=name, timeout=30000)
                times.append(time.perf_counter() - started)
                page.wait_for_load_state("load")
                time.sleep(0.3)
            browser.close()
    finally:
        path.write_text(original, encoding="utf-8")
        preview.stop()
        thread.join()  # the preview stops once the printing under way is written
    return f"{statistics.median(times):.2f} s (worst {max(times):.2f} s)"


if __name__ == "__main__":
    raise SystemExit(main(sources=("build",)))
