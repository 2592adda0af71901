"""A larger library does not make pages larger: drills are listed by category pages, not by every page's menu."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.build.pipeline import DOCS_DIR, generate, mkdocs_build
from generator.site.pages import PER_PAGE

REPO = Path(__file__).resolve().parents[2]
#: enough drills for every category to need a second page.
LARGE = 8 * PER_PAGE


def _corpus():
    """benchmarks/corpus.py, which writes synthetic content of any size (the benchmarks are not a package)."""
    spec = importlib.util.spec_from_file_location("corpus", REPO / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def built(folder: Path, drills: int) -> Path:
    """A synthetic corpus of two protocols and ``drills`` drills, generated and built (without printables)."""
    project = _corpus().make_corpus(folder, protocols=2, drills=drills)
    shutil.copytree(REPO / DOCS_DIR / "clinicians", project / DOCS_DIR / "clinicians", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("fields.md"))
    shutil.copytree(REPO / DOCS_DIR / "assets", project / DOCS_DIR / "assets", dirs_exist_ok=True)
    shutil.copytree(REPO / DOCS_DIR / "overrides", project / DOCS_DIR / "overrides", dirs_exist_ok=True)
    mkdocs_build(project, generate(project), project / "site")
    return project / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    return {count: built(tmp_path_factory.mktemp(f"corpus-{count}"), count) for count in (20, LARGE)}


def size(site: Path, url: str) -> int:
    return (site / url / "index.html").stat().st_size


def test_a_drill_page_does_not_grow_with_the_library(sites):
    small, large = sites[20], sites[LARGE]
    assert size(large, "drills/drill-00011") <= size(small, "drills/drill-00011") * 1.02
    assert size(large, "") <= size(small, "") * 1.02
    drill_links = re.findall(r'href="\.\./drill-\d+/"', (large / "drills/drill-00011/index.html").read_text())
    assert len(drill_links) <= 2, "a drill page links only to its easier and harder versions"


def test_no_page_is_larger_than_100_kb(sites):
    largest = max(sites[LARGE].rglob("*.html"), key=lambda page: page.stat().st_size)
    assert largest.stat().st_size <= 100_000, largest


def test_every_drill_is_listed_on_a_page_of_its_category(sites):
    site = sites[LARGE]
    library = json.loads((site / "drills" / "library.json").read_text())
    listed = {link for page in (site / "drills" / "category").rglob("index.html")
              for link in re.findall(r'href="\.\./\.\./(drill-\d+)/"', page.read_text())}
    assert listed == {entry["url"].strip("/") for entry in library["drills"]}
    pages = sorted(p.parent.name for p in (site / "drills" / "category").rglob("index.html"))
    assert "strength-2" in pages and all(len(re.findall(r'<tr>', (site / "drills" / "category" / name /
                                                                   "index.html").read_text())) <= PER_PAGE + 1
                                         for name in pages)
