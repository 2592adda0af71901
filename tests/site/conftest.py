"""Shared fixtures for the site tests: projects in temporary folders, sites built once per session, a browser."""

from __future__ import annotations

import functools
import http.server
import shutil
import socketserver
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.build.pipeline import DOCS_DIR, MANIFEST, build_site

REPO = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"
CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def _hand_written(docs: Path):
    """A copytree ignore function that leaves out the generated files listed in the docs folder's manifest."""
    manifest = docs / MANIFEST
    generated = set(manifest.read_text().split()) if manifest.is_file() else set()

    def ignore(folder, names):
        here = Path(folder).relative_to(docs).as_posix()
        return {n for n in names if (n if here == "." else f"{here}/{n}") in generated or n == MANIFEST}
    return ignore


def make_project(folder: Path, content: Path = FIXTURE) -> Path:
    """A project in ``folder``: the repository's schemas, site config and hand-written pages, with ``content``."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "schemas", folder / "schemas")
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(REPO / DOCS_DIR, folder / DOCS_DIR, ignore=_hand_written(REPO / DOCS_DIR))
    for part in ("drills", "protocols"):
        shutil.copytree(content / part, folder / part, ignore=shutil.ignore_patterns("topic-maps"))
    return folder


@pytest.fixture(scope="session")
def new_project(tmp_path_factory):
    """make_project for tests: ``new_project(content=FIXTURE)`` gives a fresh project folder."""
    return lambda content=FIXTURE: make_project(tmp_path_factory.mktemp("project") / "project", content)


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture
def fixture_project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The fixture content, built once: (project folder, site folder)."""
    project = make_project(tmp_path_factory.mktemp("fixture") / "project")
    return project, build_site(project).site_dir


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The repository's real content, built once in a temporary copy: (project folder, site folder)."""
    project = make_project(tmp_path_factory.mktemp("real") / "project", REPO)
    return project, build_site(project).site_dir


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A browser that drops a connection it no longer needs (a broken pipe) is not the site's error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serving(site: Path):
    """``site`` served on 127.0.0.1 while in the block: its address."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(real_site):
    """The real site served on 127.0.0.1 for the browser tests."""
    with serving(real_site[1]) as url:
        yield url


def _missing_browser() -> tuple[str, str] | None:
    """What the browser tests lack, and the command that installs it; None when nothing is missing."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed", ".venv/bin/pip install -e '.[test]'"
    if not CHROMIUM.is_file():
        return f"Chromium is not installed at {CHROMIUM}", "sudo apt-get install chromium"
    if not AXE.is_file():
        return "axe-core is not installed", "npm ci"
    return None


@pytest.fixture(scope="session")
def browser(unavailable):
    """Debian's Chromium driven by Playwright; without it the tests fail and say what to install."""
    missing = _missing_browser()
    if missing:
        unavailable("browser", *missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and failed requests in ``page.problems``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    # a request the browser dropped because the page was left before it finished is no fault of the site
    page.on("requestfailed", lambda request: request.failure == "net::ERR_ABORTED"
            or page.problems.append(f"failed: {request.url} ({request.failure})"))
    yield page
    context.close()


#: the colour scheme a device prefers, for each of Material's schemes: a page opened on it is in that scheme from the
#: start, with no switch (and no colour transition) under way while it is measured.
PREFERRED = {"default": "light", "slate": "dark"}


@pytest.fixture(scope="session")
def axe():
    """A function that runs axe-core in a page and lists its serious and critical violations."""
    script = AXE.read_text(encoding="utf-8")

    def run(page) -> list[str]:
        page.add_script_tag(content=script)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        return [f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}: {node['failureSummary']}"
                for v in result["violations"] if v["impact"] in ("serious", "critical") for node in v["nodes"]]
    return run
