"""Time the site build and the live preview (a script, not a test).

    python benchmarks/build.py [--protocols 4] [--drills 400] [--reloads 5] [--skip-reload]

1. On a synthetic corpus (benchmarks/corpus.py) and on the real content:
   the time to generate the pages (check, model, Markdown and JSON written)
   and the time of the MkDocs build, separately. Goal: generation at most
   10 % of the MkDocs build.
2. On the real content under ``handbook serve``: the time from saving a
   drill's YAML to the open page in Chromium showing the change. Goal: at
   most 2 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import make_corpus  # noqa: E402
from generator.build import DOCS_DIR, generate, mkdocs_build  # noqa: E402
from generator.serve import Preview  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def copy_project(source: Path, folder: Path, content: bool = True) -> Path:
    """The project's config, schemas and docs folder (and content) in ``folder``; old generated pages are
    removed by the first generation, through the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(source / "schemas", folder / "schemas", dirs_exist_ok=True)
    shutil.copytree(source / DOCS_DIR, folder / DOCS_DIR, dirs_exist_ok=True)
    for part in ("drills", "protocols") if content else ():
        shutil.copytree(source / part, folder / part, ignore=shutil.ignore_patterns("topic-maps"))
    return folder


def time_build(project: Path, label: str) -> None:
    """Generation the first time (every page written) and again (nothing changed), then the MkDocs build."""
    first = generate(project)
    again = generate(project)
    seconds = mkdocs_build(project, again, project / "site")
    pages = len(list((project / "site").rglob("index.html")))
    print(f"{label}: {pages} pages; generation {first.seconds:.2f} s first, {again.seconds:.2f} s again; "
          f"MkDocs build {seconds:.2f} s -> generation is {100 * first.seconds / seconds:.1f} % "
          f"({100 * again.seconds / seconds:.1f} % again) of the MkDocs build (goal <= 10 %)")


def time_reloads(project: Path, count: int) -> None:
    from playwright.sync_api import sync_playwright

    preview = Preview(project, port=8765, say=lambda *args, **kwargs: None)
    ready = threading.Event()
    threading.Thread(target=preview.serve, kwargs={"ready": ready}, daemon=True).start()
    ready.wait(60)
    drill = next(iter(preview.generated.handbook.drills.values()))
    path = project / "drills" / f"{drill.id}.yaml"
    original = path.read_text(encoding="utf-8")
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(f"{preview.url}drills/{drill.id}/", wait_until="load")
        for n in range(count):
            name = f"{drill.name} {n}"
            started = time.perf_counter()
            path.write_text(original.replace(f"name: {drill.name}", f"name: {name}", 1), encoding="utf-8")
            page.wait_for_function("name => document.querySelector('h1').textContent.startsWith(name)", arg=name,
                                   timeout=30000)
            times.append(time.perf_counter() - started)
            page.wait_for_load_state("load")
            time.sleep(0.5)
        browser.close()
    preview.stop()
    print(f"real content, edit to reloaded page under 'handbook serve' ({count} edits): "
          f"median {statistics.median(times):.2f} s, worst {max(times):.2f} s (goal <= 2 s)")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--protocols", type=int, default=4)
    options.add_argument("--drills", type=int, default=400)
    options.add_argument("--reloads", type=int, default=5)
    options.add_argument("--skip-reload", action="store_true", help="leave out the browser measurement")
    args = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as temp:
        synthetic = make_corpus(copy_project(ROOT, Path(temp) / "synthetic", content=False),
                                protocols=args.protocols, drills=args.drills)
        time_build(synthetic, f"synthetic corpus ({args.protocols} protocols, {args.drills} drills)")
        real = copy_project(ROOT, Path(temp) / "real")
        time_build(real, "real content")
        if not args.skip_reload:
            time_reloads(real, args.reloads)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
