"""Hostile content that passes the check: built, served and opened in Chromium, it stays text.

Every free-text field of the fixture content is filled with markup, scripts, quotes, right-to-left
marks and a 3,000-character word (within the field's length limit); every long text also carries
every Markdown construct the subset allows. The content must pass ``handbook check``, build, and
then no dialog may open on any page, in search or on clicking any link; nothing may be shown
double-escaped; and no printed text may run off its page.
"""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from generator.build.pipeline import build_site
from generator.checks.run import check_project
from generator.content.schemas import SchemaSet

from .conftest import FIXTURE, make_project, serving

pytestmark = pytest.mark.browser

LONG_WORD = "Iliotibial" * 300
SCRIPT = '<script>alert("x")</script>'
PLAIN = (f'{SCRIPT} <img src=x onerror=alert(1)> & "double" \'single\' \u202eevil\u202c '
         '[link](javascript:alert(2)) `code` {: onclick=alert(3)} ')
LONG = ("Intro with **bold**, *italic* and [a web page](https://example.org/a?b=1&c=<2>) "
        "and [mail](mailto:clinic@example.org) and the [side plank](drill:side-plank).\n\n"
        "- first item with &lt;escaped&gt; text and \u202eRTL\u202c\n"
        "- second item \"quoted\" & 'single'\n\n"
        "1. numbered\n2. again\n")


def _hostile(schema: dict, number: int) -> str | None:
    """The hostile text for the ``number``-th field, or None for fields with a fixed form (ids, dates, choices)."""
    if any(key in schema for key in ("pattern", "enum", "const", "format")):
        return None
    if schema.get("contentMediaType") == "text/markdown":
        return f"{number} {LONG}" + (f"\n{LONG_WORD}\n" if number % 8 == 0 else "")
    text = f"{number} {PLAIN}{LONG_WORD if number % 8 == 0 else ''}"  # the word in some fields: paper layout is slow
    return text[:schema.get("maxLength", len(text))].rstrip()


def _set(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def hostile_content(folder: Path) -> Path:
    schemas = SchemaSet(Path(__file__).resolve().parents[2] / "schemas")
    numbers = itertools.count()
    for kind, part in (("drill", "drills"), ("protocol", "protocols")):
        (folder / part).mkdir(parents=True)
        for path in sorted((FIXTURE / part).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            texts = [(where, {key: about for part in parts for key, about in part.items()})
                     for where, parts, value in schemas.marked(kind, data, "type", "string")
                     if isinstance(value, str) and where[-1] != "unit"]
            for where, sub in texts:
                text = _hostile(sub, next(numbers))
                if text is not None:
                    _set(data, where, text)
            (folder / part / path.name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                   encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    content = hostile_content(tmp_path_factory.mktemp("hostile-content"))
    project = make_project(tmp_path_factory.mktemp("hostile") / "project", content)
    result = check_project(project)
    assert result.errors == [], "\n".join(map(str, result.errors))
    site = build_site(project).site_dir
    with serving(site) as url:
        yield site, url


@pytest.fixture
def watched(browser):
    """A page that records every dialog (alert, confirm, prompt) instead of showing it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html")
                  if "print" not in p.parts)


def test_no_dialog_opens_on_any_page_and_nothing_is_double_escaped(hostile_site, watched):
    site, url = hostile_site
    pages = _pages(site)
    assert len(pages) >= 10
    for path in pages:
        watched.goto(url + path, wait_until="load")
        assert watched.dialogs == [], path
        text = watched.locator("body").inner_text()
        assert "&lt;script" not in text and "&amp;amp;" not in text and "&amp;lt;" not in text, path
        for label in watched.eval_on_selector_all("[aria-label], [title]", "els => els.map(e => e.outerHTML.slice(0, "
                                                  "80) + ' :: ' + (e.getAttribute('aria-label') || '') + "
                                                  "(e.getAttribute('title') || ''))"):
            assert not re.search(r"&(amp|lt|gt|quot|#x?[0-9a-f]+);", label.split(" :: ", 1)[1]), (path, label)
        for code in watched.eval_on_selector_all(".md-content code", "els => els.map(e => e.textContent)"):
            assert not re.search(r"&(amp|lt|gt|quot);", code), (path, code)
    drill = (site / "drills" / "clamshell" / "index.html").read_text(encoding="utf-8")
    watched.goto(url + "drills/clamshell/", wait_until="load")
    shown = watched.locator(".md-content").inner_text()
    assert SCRIPT in shown and "<img src=x onerror=alert(1)>" in shown, "markup must be shown as the text written"
    assert "<script>alert" not in drill


def test_every_link_is_allowed_and_clicking_each_opens_no_dialog(hostile_site, watched):
    site, url = hostile_site
    hrefs: set[str] = set()
    for path in _pages(site):
        watched.goto(url + path, wait_until="load")
        for href in watched.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", href)
            assert scheme is None or scheme.group(1).lower() in ("http", "https", "mailto"), (path, href)
        hrefs.update((path, href) for href in watched.eval_on_selector_all(
            ".md-content a[href]", "els => els.map(e => e.getAttribute('href'))"))
    assert any("drills/side-plank" in href for _, href in hrefs), "handbook links must become page links"
    targets = {}
    for path, href in sorted(hrefs):
        if not href.startswith(("http", "mailto")):
            targets.setdefault(urljoin(url + path, href).split("#")[0], (path, href))
    assert len(targets) >= 5
    for target in targets:  # relative links only (no script addresses, asserted above): following one is loading it
        watched.goto(target, wait_until="load")
        assert watched.dialogs == [], target


def test_searching_hostile_words_opens_no_dialog(hostile_site, watched):
    _, url = hostile_site
    watched.goto(url, wait_until="load")
    watched.wait_for_function("document.querySelector('.md-search-result__meta') &&"
                              " !/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)",
                              timeout=15000)
    for query in ("script", "alert", "img onerror", "javascript", "numbered"):
        watched.click(".md-search__input")
        watched.keyboard.press("Control+A")
        watched.keyboard.type(query)
        watched.wait_for_timeout(600)
        assert watched.dialogs == [], query
    watched.locator(".md-search-result__item").first.wait_for(timeout=15000)


def _off_the_page(pdf: Path) -> list[str]:
    """The words of ``pdf`` that reach past the edge of their page."""
    layout = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', layout, re.S):
        width, height = float(page.group(1)), float(page.group(2))
        for box in re.finditer(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)',
                               page.group(3)):
            x0, y0, x1, y1 = map(float, box.groups()[:4])
            if x0 < 0 or y0 < 0 or x1 > width + 0.5 or y1 > height + 0.5:
                found.append(f"{pdf.name}: {box.group(5)!r} at {x0:.0f}-{x1:.0f} of {width:.0f}")
    return found


@pytest.mark.parametrize("kind", ["checklists", "booklets"])
def test_no_printed_text_runs_off_its_page(hostile_site, kind, poppler):
    site, _ = hostile_site
    pdfs = [pdf for pdf in sorted((site / "print").rglob("*.pdf")) if ("-plan-" in pdf.name) == (kind == "booklets")]
    assert pdfs
    assert [word for pdf in pdfs for word in _off_the_page(pdf)] == []
