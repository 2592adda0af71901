"""``handbook build``: check → model → Markdown pages in site_src/ → MkDocs (strict) → site/.

The check runs first and nothing is written when it finds an error. Generated
files are rewritten only when their text changes, and files generated before
but no longer produced are removed (a manifest in site_src/ lists them, so
hand-written pages are never touched). The printable checklists and PDFs are
rendered in worker processes from the moment the content is loaded (a first
build starts the workers even before), beside the generation and MkDocs, which
run at a lower priority and build into a temporary folder; the printables are
added to it (print/), and it replaces site/ only when the whole build succeeded. The old site's folders, emptied of
files, are kept beside it (.site-folders) for the next build to build into.
A site built from the same inputs (:mod:`generator.build.fingerprint`) is left as it is.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..clock import dated
from ..content.schemas import SchemaSet
from ..export.fhir import render_fhir
from ..model import Handbook, load_handbook
from ..printables.site import PRINT_CACHE, SitePrintables
from ..project import site_address, site_name
from ..site import offline
from ..site.figure_files import figure_files
from ..site.search_index import PLUGIN as SEARCH_SECTIONS, search_sections_plugin
from ..site.links import site_pages
from ..site.pages import OUT_OF_NAV, navigation
from ..site.render import Renderer, render_data
from ..site.search_worker import search_worker
from ..system import require_font_subsetting
from .errors import BuildFailed
from .fingerprint import fingerprint, is_current, stamp
from .priority import behind_printing
from .site_dir import MARK, check_site_dir, mark, staging_folder
from .vendor import vendor_files

DOCS_DIR = "site_src"
SITE_DIR = "site"
MANIFEST = ".generated"
#: where the theme's compiled templates are kept between builds.
TEMPLATE_CACHE = Path(".cache") / "templates"

# Material prints a banner about MkDocs 2.0 on import unless this is set.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@dataclass
class Generated:
    """What one generation did: the handbook, its navigation, the files it generates and which of them changed."""

    handbook: Handbook
    nav: list
    files: set[str] = field(default_factory=set)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0


def generate(root: Path, renderer: Renderer | None = None, handbook: Handbook | None = None) -> Generated:
    """Check the content and write the generated pages and data into the docs folder.

    A ``renderer`` kept from an earlier generation renders again only the pages whose inputs changed; the
    other pages are taken to be in the docs folder as it wrote them. ``handbook``: the content of ``root``
    loaded already.
    Raises :class:`~generator.model.ContentError` (before writing anything) when the content has errors.
    """
    started = time.perf_counter()
    handbook = handbook or load_handbook(root)
    schemas = SchemaSet(root / "schemas").documents
    renderer = renderer or Renderer()
    address = site_address(root)
    published = {**render_data(handbook, schemas, address),
                 **render_fhir(handbook, address, site_name(root), site_pages(handbook)), **vendor_files(),
                 **figure_files(handbook), **search_worker()}
    files = {**renderer.render(handbook, schemas), **published}
    result = Generated(handbook, navigation(handbook), set(files))
    docs = root / DOCS_DIR
    for path in (path for path in files if path in renderer.fresh or path in published):
        target = docs / path
        data = files[path].encode("utf-8")
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            result.written.append(path)
    result.removed = _remove_stale(docs, set(files))
    result.seconds = time.perf_counter() - started
    return result


def _remove_stale(docs: Path, current: set[str]) -> list[str]:
    """Delete files listed in the previous manifest that are not generated any more; write the new manifest."""
    manifest = docs / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").split()) if manifest.is_file() else set()
    stale = sorted(previous - current)
    for path in stale:
        (docs / path).unlink(missing_ok=True)
        folder = (docs / path).parent
        while folder != docs and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    text = "".join(f"{path}\n" for path in sorted(current))
    if not manifest.is_file() or manifest.read_text(encoding="utf-8") != text:
        manifest.write_text(text, encoding="utf-8")
    return stale


def source_date_epoch(handbook: Handbook) -> str:
    """SOURCE_DATE_EPOCH as set by the caller, else midnight UTC of the latest clinical review."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    day = datetime.strptime(handbook.review_date or "2000-01-01", "%Y-%m-%d").replace(tzinfo=timezone.utc)
    return str(int(day.timestamp()))


def source_date(handbook: Handbook):
    """Set SOURCE_DATE_EPOCH (see :func:`source_date_epoch`) for what runs inside, as it was afterwards: the
    dates in the site and in the printables' PDFs, and so the printables' cache keys, are the same on every build."""
    return dated(source_date_epoch(handbook))


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


@contextmanager
def mkdocs_logging():
    """Collect MkDocs' warnings and errors instead of printing them; yield the list."""
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    saved = logger.handlers[:], logger.propagate, logger.level
    logger.handlers, logger.propagate = [collect], False
    logger.setLevel(logging.INFO)
    try:
        yield collect.messages
    finally:
        logger.handlers, logger.propagate = saved[0], saved[1]
        logger.setLevel(saved[2])


def _compiled_templates(folder: Path):
    """A MkDocs plugin that keeps the theme's templates compiled in ``folder`` between builds (compiling them
    is a third of a small site's build)."""
    from jinja2 import FileSystemBytecodeCache
    from mkdocs.plugins import BasePlugin

    class CompiledTemplates(BasePlugin):
        def on_env(self, env, *, config, files):
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(folder))

    return CompiledTemplates()


def mkdocs_config(root: Path, nav: list, site_dir: Path, **overrides):
    """The project's mkdocs.yml with the generated navigation and the given site folder."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"), nav=nav,
                         not_in_nav="\n".join(f"/{folder}/" for folder in OUT_OF_NAV), site_dir=str(site_dir),
                         strict=True, **overrides)
    config.plugins["handbook-compiled-templates"] = _compiled_templates(root / TEMPLATE_CACHE)
    config.plugins[SEARCH_SECTIONS] = search_sections_plugin()
    return config


def mkdocs_build(root: Path, generated: Generated, site_dir: Path,
                 before_swap: Callable[[Path], None] | None = None) -> float:
    """Build the site into ``site_dir`` (replacing it only on success); return the seconds it took.

    ``before_swap`` adds to the new site folder before it replaces the old one.
    """
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    started = time.perf_counter()
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = _staging(site_dir)
    try:
        with source_date(generated.handbook), mkdocs_logging() as messages:
            try:
                config = mkdocs_config(root, generated.nav, staging)
                config.plugins[offline.PLUGIN] = offline.offline_plugin()
                with _reused_folders():
                    build(config, dirty=True)
            except (MkDocsException, SystemExit) as exc:
                raise BuildFailed(messages + [str(exc)]) from None
        if before_swap:
            before_swap(staging)
        _remove_empty_folders(staging)
        _swap(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return time.perf_counter() - started


def _kept(site_dir: Path) -> Path:
    """Where the folders of the site before are kept for the next build to build into."""
    return site_dir.with_name(f".{site_dir.name}-folders")


def _staging(site_dir: Path) -> Path:
    """The folder to build into: the kept folders of the site before (emptied of files), else a new one.

    Removing a folder is the slowest step of replacing a large site on some disks (about 3 ms each on an ext4
    volume mounted with ``discard``: 7 to 18 s for the 2,300 pages of 2,000 drills), so the folders are
    reused rather than removed and made again.
    """
    kept = _kept(site_dir)
    if kept.is_dir() and not kept.is_symlink() and (kept / MARK).is_file():
        _empty(kept)
        return kept
    return staging_folder(site_dir)


def _empty(folder: Path) -> None:
    """Delete every file under ``folder`` but its mark, keeping the folders."""
    for parent, folders, files in os.walk(folder):
        links = [name for name in folders if os.path.islink(os.path.join(parent, name))]
        for name in files + links:
            if not (name == MARK and parent == str(folder)):
                os.unlink(os.path.join(parent, name))


def _remove_empty_folders(folder: Path) -> None:
    """Remove the folders under ``folder`` that the new build left empty (those of pages gone since)."""
    for parent, _, _ in os.walk(folder, topdown=False):
        if parent != str(folder) and not os.listdir(parent):
            os.rmdir(parent)


@contextmanager
def _reused_folders():
    """Let MkDocs build into kept folders: built ``dirty``, it keeps them (a clean build removes them), and
    since they hold no files it still writes every file; its warning about dirty builds does not apply."""
    def not_dirty_warning(record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")

    logger = logging.getLogger("mkdocs.commands.build")
    logger.addFilter(not_dirty_warning)
    try:
        yield
    finally:
        logger.removeFilter(not_dirty_warning)


def _swap(new: Path, site_dir: Path) -> None:
    """Put ``new`` in place of ``site_dir``; the old site stays until the new one is in place, then its folders
    are kept, emptied of files, for the next build."""
    old, kept = site_dir.with_name(f".{site_dir.name}-old"), _kept(site_dir)
    if (old / MARK).is_file():
        shutil.rmtree(old)
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    if not old.exists():
        return
    if kept.exists():
        shutil.rmtree(old, ignore_errors=True)
        return
    old.rename(kept)
    mark(kept)
    _empty(kept)


@dataclass
class Built:
    generated: Generated
    site_dir: Path
    mkdocs_seconds: float = 0.0
    printables_seconds: float = 0.0  # from their start, beside MkDocs, until written
    seconds: float = 0.0  # MkDocs and the printables, from MkDocs' start until the site is in place
    #: the printables rendered (paths under print/); the others were taken from the cache.
    rendered: list[str] = field(default_factory=list)
    #: whether the site in place was already built from the same inputs, and left as it was.
    current: bool = False
    total: float = 0.0  # the whole build, from checking the content until the site is in place


def build_site(root: Path, site_dir: Path | None = None) -> Built:
    """The whole ``handbook build``: check and generate, then build the site into ``site_dir`` (default:
    root/site), unless the site there was built from the same inputs.

    When something a build reads has changed since the site was built, the printables start rendering as soon
    as the content is loaded, so that they run while the pages are generated and MkDocs builds the site (on a
    thread of lower priority, :mod:`.priority`). With nothing printed yet, the printing workers start at once.
    """
    started = time.perf_counter()
    site_dir = check_site_dir(root, site_dir or root / SITE_DIR)
    require_font_subsetting()
    generated = None
    with ExitStack() as printing:
        # with nothing printed yet (a first build), the printing workers start now, while the content is loaded
        printables = printing.enter_context(SitePrintables(site_address(root), root / PRINT_CACHE))
        if is_current(site_dir, fingerprint(root)):  # nothing changed, unless generating the pages changes them
            generated = generate(root)
            if not (generated.written or generated.removed):
                return Built(generated, site_dir, current=True)
        handbook = generated.handbook if generated else load_handbook(root)
        with source_date(handbook):  # dated as the site is
            printables.start(handbook)
        return behind_printing(lambda: _pages(root, site_dir, handbook, generated, printables, started))


def _pages(root: Path, site_dir: Path, handbook: Handbook, generated: Generated | None, printables: SitePrintables,
           started: float) -> Built:
    """The pages generated and built by MkDocs beside the printing, which is added to the new site at the end."""
    generated = generated or generate(root, handbook=handbook)
    inputs = fingerprint(root)
    if is_current(site_dir, inputs):  # generating restored pages to what the site was built from
        return Built(generated, site_dir, current=True)

    def finish(staging: Path) -> None:
        printables(staging)
        stamp(staging, inputs)

    with source_date(handbook):
        seconds = mkdocs_build(root, generated, site_dir, before_swap=finish)
    return Built(generated, site_dir, seconds - printables.waited, printables.seconds, seconds,
                 printables.printed.rendered, total=time.perf_counter() - started)
