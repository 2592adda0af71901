"""``handbook serve``: a live preview that rebuilds only what a saved file changed and reloads the open page.

One watcher (inotify) follows the content, the schemas, the templates, the hand-written files of the docs
folder and mkdocs.yml. After a change, and a short quiet spell so that one save gives one rebuild:

* when content, schemas or templates changed, the pages whose inputs changed are rendered again and those
  whose text changed are written (:class:`~generator.site.render.Renderer`);
* MkDocs renders again only the pages whose Markdown changed and copies only the files that changed, keeping
  the rest of the site, the navigation and the search index from the previous build (:class:`SiteBuild`).
  It builds the whole site when files were added or removed, the navigation changed, a page in the
  navigation changed its title, or mkdocs.yml or the theme overrides changed;
* the printable plans are written into the preview's site by a thread of their own (:class:`Printing`),
  from the same cache as ``handbook build``, so that print links work without the preview waiting for them.

MkDocs' own ``serve`` command is not used: with click 8.2 and later its ``--livereload`` flag ends up off, so
pages never reload, and it builds the whole site on every change. This module drives MkDocs' live-reload
server directly.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from ..checks import report
from ..model import ContentError
from ..printables.site import PRINT_CACHE, write_site_printables
from ..project import site_address
from ..site.render import TEMPLATES, Renderer
from ..system import require_font_subsetting
from .pipeline import DOCS_DIR, MANIFEST, Generated, generate, mkdocs_config, mkdocs_logging

WATCHED_SOURCES = ("drills", "protocols", "schemas")
SOURCE_SUFFIXES = (".yaml", ".yml", ".json", ".j2")
THEME_OVERRIDES = "overrides/"


@dataclass
class Changes:
    """What changed since the last rebuild."""

    sources: bool = False
    config: bool = False
    docs: set[str] = field(default_factory=set)


class _Watch(FileSystemEventHandler):
    """Passes every saved, added, moved or deleted file to ``notice``."""

    def __init__(self, notice):
        self.notice = notice

    def on_any_event(self, event):
        if event.is_directory or event.event_type in ("opened", "closed", "closed_no_write"):
            return
        for path in {event.src_path, getattr(event, "dest_path", "")} - {""}:
            self.notice(Path(os.fsdecode(path)))


class SiteBuild:
    """The preview's MkDocs build, kept in memory so that a change rebuilds only the files it touched."""

    def __init__(self, root: Path, site_dir: Path, url: str, address: str):
        self.root, self.site_dir, self.url, self.address = root, site_dir, url, address
        self.config = self.kept = None

    def whole(self, nav: list) -> None:
        """Build the whole site."""
        from mkdocs.commands.build import build

        self.config = mkdocs_config(self.root, nav, self.site_dir, site_url=self.url, dev_addr=self.address)
        self.config.plugins["handbook-preview"] = self.kept = _kept()
        build(self.config, serve_url=self.url)

    def update(self, paths: set[str]) -> bool:
        """Build again only the files at ``paths`` (under the docs folder); False when a whole build is needed:
        a file is new, or a page in the navigation has a new title."""
        from mkdocs.commands.build import _build_page, _populate_page
        from mkdocs.structure.files import InclusionLevel

        config, files, nav = self.config, self.kept.files, self.kept.nav
        changed = [files.get_file_from_path(path) for path in sorted(paths)]
        if None in changed:
            return False
        pages = [file.page for file in changed if file.is_documentation_page()]
        in_nav = {id(page) for page in nav.pages}
        for page in pages:
            title = page.title
            _populate_page(page, config, files)
            if id(page) in in_nav and page.title != title:
                return False
        for file in changed:
            if not file.is_documentation_page():
                file.copy_file()
        search = next((plugin for plugin in config.plugins.values() if hasattr(plugin, "search_index")), None)
        if search:
            urls = {page.url for page in pages}
            search.search_index.entries = [entry for entry in search.search_index.entries
                                           if entry["location"].partition("#")[0] not in urls]
        documentation = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for page in pages:
            _build_page(page, config, documentation, nav, self.kept.env)
        if search:
            search.on_post_build(config=config)
        return True


def _kept():
    """A MkDocs plugin that keeps what a build gathered: its files, navigation and theme environment."""
    from mkdocs.plugins import BasePlugin

    class Kept(BasePlugin):
        files = nav = env = None

        def on_nav(self, nav, *, config, files):
            self.nav, self.files = nav, files

        def on_env(self, env, *, config, files):
            self.env = env

    return Kept()


class Printing:
    """Writes the printable plans into the preview's site, one run at a time, in a thread of its own. A run
    asked for while one is under way follows it, with the handbook as it is then."""

    def __init__(self, root: Path, site_dir: Path, say):
        self.root, self.site_dir, self.say = root, site_dir, say
        self.wanted = threading.Condition()
        self.handbook = None
        self.closing = False
        self.thread = threading.Thread(target=self._run, name="handbook-printing", daemon=True)

    def request(self, handbook) -> None:
        with self.wanted:
            self.handbook = handbook
            self.wanted.notify()
        if not self.thread.is_alive() and not self.closing:
            self.thread.start()

    def close(self) -> None:
        """Stop after the run under way, if any, and wait for it."""
        with self.wanted:
            self.closing = True
            self.wanted.notify()
        if self.thread.is_alive():
            self.thread.join()

    def _run(self) -> None:
        try:  # below the preview's rebuilds (on Linux this thread alone, and the processes it starts)
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        except (AttributeError, OSError):
            pass
        first = True
        while True:
            with self.wanted:
                self.wanted.wait_for(lambda: self.closing or self.handbook is not None)
                if self.closing:
                    return
                handbook, self.handbook = self.handbook, None
            started = time.perf_counter()
            try:
                printed = write_site_printables(handbook, self.site_dir, site_address(self.root),
                                               self.root / PRINT_CACHE)
            except Exception as exc:  # noqa: BLE001 - the preview reports it and keeps serving
                self.say(f"ERROR: the printable plans were not written: {exc}", file=sys.stderr)
                continue
            if printed.rendered and first:
                self.say(f"The printable plans are ready: {len(printed.rendered)} document(s) made in "
                         f"{time.perf_counter() - started:.0f} s (kept in {PRINT_CACHE}/, so later builds reuse them)")
            elif printed.rendered:
                self.say(f"Printed {len(printed.rendered)} document(s) again: {', '.join(printed.rendered)}")
            first = False


class Preview:
    """The preview of the project at ``root``; :meth:`serve` blocks until interrupted. ``printables`` False
    leaves the printable plans out (print links then fail)."""

    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 8000, say=print, printables: bool = True):
        self.root, self.host, self.port, self.say = root.resolve(), host, port, say
        if printables:
            require_font_subsetting()
        self.sources = [self.root / name for name in WATCHED_SOURCES] + [TEMPLATES]
        self.started = time.perf_counter()
        say("Checking the content and building the handbook (the first build takes a few seconds) …")
        self.renderer = Renderer()
        self.generated: Generated = generate(self.root, self.renderer)
        self.site_dir = Path(tempfile.mkdtemp(prefix="handbook-preview-"))
        self.url = f"http://{host}:{port}/"
        self.site = SiteBuild(self.root, self.site_dir, self.url, f"{host}:{port}")
        self.printing = Printing(self.root, self.site_dir, say) if printables else None
        self.changes = Changes()
        self.lock = threading.Lock()
        self.server = None

    def notice(self, path: Path) -> None:
        """Note a changed file and ask for a rebuild; generated pages and editors' temporary files are left
        to the change that made them."""
        docs = self.root / DOCS_DIR
        if path.name.startswith(".") or path.name.endswith("~"):
            return
        with self.lock:
            if path == self.root / "mkdocs.yml":
                self.changes.config = True
            elif docs in path.parents:
                name = path.relative_to(docs).as_posix()
                if name in self.generated.files or name == MANIFEST:
                    return
                if name.startswith(THEME_OVERRIDES):
                    self.changes.config = True
                else:
                    self.changes.docs.add(name)
            elif path.suffix in SOURCE_SUFFIXES and any(folder in path.parents for folder in self.sources):
                self.changes.sources = True
            else:
                return
        if self.server:
            self.server.request_build()

    def regenerate(self) -> Generated | None:
        """Write the changed pages again; on content errors, report them and keep the last good pages."""
        try:
            generated = generate(self.root, self.renderer)
        except ContentError as exc:
            self.say(report.text(exc.result), file=sys.stderr)
            return None
        if generated.written or generated.removed:
            self.say(f"Regenerated {len(generated.written) + len(generated.removed)} file(s) "
                     f"in {generated.seconds:.2f} s")
        return generated

    def rebuild(self) -> None:
        """Bring the site up to date with the changes noticed since the last rebuild."""
        started = time.perf_counter()
        with self.lock:
            changes, self.changes = self.changes, Changes()
        paths, whole, content = set(changes.docs), changes.config, False
        if changes.sources and (generated := self.regenerate()):
            paths |= set(generated.written)
            whole = whole or bool(generated.removed) or generated.nav != self.generated.nav
            content = bool(generated.written or generated.removed)
            self.generated = generated
        if not (paths or whole):
            if self.server:
                self.server.keep_pages()
            return
        with mkdocs_logging() as messages:
            try:
                whole = whole or not self.site.update(paths)
                if whole:
                    self.site.whole(self.generated.nav)
            except Exception as exc:  # noqa: BLE001 - the preview reports a failed build and keeps serving
                messages.append(f"ERROR: the site was not rebuilt: {exc}")
            for message in messages:
                self.say(message, file=sys.stderr)
        if self.printing and (whole or content):  # a whole build empties the site; new content prints anew
            self.printing.request(self.generated.handbook)
        self.say(f"Rebuilt {'the whole site' if whole else f'{len(paths)} file(s)'} "
                 f"in {time.perf_counter() - started:.2f} s")

    def serve(self, ready: threading.Event | None = None) -> None:
        """Build, then serve until stopped; ``ready`` is set once the server takes connections."""
        with mkdocs_logging() as messages:
            self.site.whole(self.generated.nav)
        for message in messages:
            self.say(message, file=sys.stderr)
        if self.printing:
            self.printing.request(self.generated.handbook)
        self.server = _server(self.rebuild, self.host, self.port, self.site_dir, listening=ready)
        self.server.watch(str(self.root / "mkdocs.yml"), recursive=False)
        observer = Observer()
        watch = _Watch(self.notice)
        for folder in [*self.sources, self.root / DOCS_DIR]:
            if folder.is_dir():
                observer.schedule(watch, str(folder), recursive=True)
        observer.schedule(watch, str(self.root), recursive=False)
        observer.start()
        self.say(f"Built in {time.perf_counter() - self.started:.1f} s. Serving the handbook on {self.url} "
                 "(Ctrl+C to stop)")
        try:
            self.server.serve()
        finally:
            observer.stop()
            self.server.shutdown()
            observer.join()
            if self.printing:
                self.printing.close()
            shutil.rmtree(self.site_dir, ignore_errors=True)

    def stop(self) -> None:
        """Stop a :meth:`serve` running in another thread."""
        if self.server:
            self.server.shutdown()


def _server(builder, host: str, port: int, site_dir: Path, listening: threading.Event | None = None):
    """MkDocs' live-reload server for ``site_dir``, rebuilding with ``builder`` when asked to. Its own polling
    watcher, which would read the whole docs folder every time it looks, is left to mkdocs.yml alone (the
    server adds the reload script to pages only when it watches something). ``listening`` is set once it takes
    connections."""
    from mkdocs.livereload import LiveReloadServer

    class Server(LiveReloadServer):
        def request_build(self) -> None:
            """What the server's own watcher does on a change: rebuild once the files are quiet, then reload."""
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        def server_activate(self) -> None:
            super().server_activate()
            if listening:
                listening.set()

        def keep_pages(self) -> None:
            """Called by the builder when it changed nothing (a content error, say): open pages stay as they are
            instead of reloading."""
            self._wanted_epoch = self._visible_epoch

    server = Server(builder=builder, host=host, port=port, root=str(site_dir))
    server.build_delay = 0.05
    return server
