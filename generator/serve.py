"""``handbook serve``: a live preview that regenerates pages and reloads the browser when a file is saved.

Two watchers, so that each change is built once:

* content, schemas and templates (inotify): regenerate the Markdown pages;
  only pages whose text changed are written into the docs folder;
* the docs folder and mkdocs.yml (MkDocs' live-reload server): rebuild the
  site and tell open pages to reload.

MkDocs' own ``serve`` command is not used: with click 8.2 and later its
``--livereload`` flag ends up off, so pages never reload. This module drives
MkDocs' live-reload server directly.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from pathlib import Path
from typing import Callable

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from . import report
from .build import DOCS_DIR, Generated, generate, mkdocs_config, mkdocs_logging
from .model import ContentError

TEMPLATES = Path(__file__).resolve().parent / "templates"
WATCHED_SOURCES = ("drills", "protocols", "schemas")


class _Regenerate(FileSystemEventHandler):
    """Regenerate the pages after a content or template file changes."""

    def __init__(self, run: Callable[[], None]):
        self.run = run
        self.lock = threading.Lock()

    def on_any_event(self, event):
        if event.is_directory or event.event_type in ("opened", "closed", "closed_no_write"):
            return
        with self.lock:
            self.run()


class Preview:
    """The preview of the project at ``root``; :meth:`serve` blocks until interrupted."""

    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 8000, say=print):
        self.root, self.host, self.port, self.say = root, host, port, say
        self.generated: Generated = generate(root)
        self.site_dir = Path(tempfile.mkdtemp(prefix="handbook-preview-"))
        self.url = f"http://{host}:{port}/"
        self.server = None

    def regenerate(self) -> None:
        """Write the pages again; on content errors, report them and keep the last good pages."""
        try:
            self.generated = generate(self.root)
        except ContentError as exc:
            self.say(report.text(exc.result), file=sys.stderr)
            return
        if self.generated.written or self.generated.removed:
            self.say(f"Regenerated {len(self.generated.written) + len(self.generated.removed)} page(s) "
                     f"in {self.generated.seconds:.2f} s")

    def build(self) -> None:
        from mkdocs.commands.build import build

        with mkdocs_logging() as messages:
            try:
                build(mkdocs_config(self.root, self.generated.nav, self.site_dir, site_url=self.url,
                                    dev_addr=f"{self.host}:{self.port}"), serve_url=self.url)
            finally:
                for message in messages:
                    self.say(message, file=sys.stderr)

    def serve(self, ready: threading.Event | None = None) -> None:
        from mkdocs.livereload import LiveReloadServer

        self.build()
        self.server = LiveReloadServer(builder=self.build, host=self.host, port=self.port, root=str(self.site_dir),
                                       polling_interval=0.1)
        self.server.build_delay = 0.05
        self.server.watch(str(self.root / DOCS_DIR))
        self.server.watch(str(self.root / "mkdocs.yml"), recursive=False)
        observer = Observer()
        handler = _Regenerate(self.regenerate)
        for folder in [self.root / name for name in WATCHED_SOURCES] + [TEMPLATES]:
            if folder.is_dir():
                observer.schedule(handler, str(folder), recursive=True)
        observer.start()
        self.say(f"Serving the handbook on {self.url} (Ctrl+C to stop)")
        if ready:
            ready.set()
        try:
            self.server.serve()
        finally:
            observer.stop()
            self.server.shutdown()
            observer.join()
            shutil.rmtree(self.site_dir, ignore_errors=True)

    def stop(self) -> None:
        """Stop a :meth:`serve` running in another thread."""
        if self.server:
            self.server.shutdown()
