"""``handbook build`` on the fixture content: escaping end to end, atomicity, incremental writes, exit codes."""

from __future__ import annotations

import json
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build.pipeline import DOCS_DIR, build_site, generate
from generator.content.schemas import SchemaSet
from generator.model import ContentError, load_handbook
from generator.site.render import Renderer, render_pages

HOSTILE = "Clam <script>alert(1)</script> shell"


def handbook(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_hostile_names_are_text_everywhere_in_the_built_site(fixture_site):
    _, site = fixture_site
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text, page
        assert 'href="javascript:' not in text and "<b>protocol</b>" not in text, page
    drill = (site / "drills" / "clamshell" / "index.html").read_text(encoding="utf-8")
    assert "<title>Clam &lt;script&gt;alert(1)&lt;/script&gt; shell - " in drill
    assert "&amp;lt;script" not in drill.split("<body", 1)[1].replace('aria-label="', "")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"] if doc["location"].startswith("drills/clamshell/")]
    assert titles and all("<script>" not in title for title in titles)


def test_content_errors_write_nothing_and_keep_the_old_site(tmp_path, new_project):
    project = new_project()
    site = build_site(project).site_dir
    before = {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    docs_before = {p: p.read_bytes() for p in sorted((project / DOCS_DIR).rglob("*")) if p.is_file()}
    (project / "drills" / "easy-run.yaml").write_text("id: easy-run\nname: [broken\n")
    result = handbook("build", cwd=project)
    assert result.returncode == 1
    assert re.search(r"^drills/easy-run\.yaml:\d+:\d+: E004 ", result.stdout, re.MULTILINE)
    assert "Traceback" not in result.stdout + result.stderr
    assert {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()} == before
    assert {p: p.read_bytes() for p in sorted((project / DOCS_DIR).rglob("*")) if p.is_file()} == docs_before


def test_a_failing_mkdocs_build_keeps_the_old_site(new_project):
    project = new_project()
    site = build_site(project).site_dir
    before = {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    (project / DOCS_DIR / "clinicians" / "index.md").write_text("# Contributing\n\n[broken](nowhere.md)\n")
    result = handbook("build", cwd=project)
    assert result.returncode == 2 and "nowhere.md" in result.stderr
    assert {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()} == before
    leftovers = [p for p in project.iterdir() if p.name.startswith(".site")]
    assert [p.name for p in leftovers] in ([], [".site-folders"]), "only the kept (empty) folders of the old site"
    assert not [f for p in leftovers for f in p.rglob("*") if f.is_file() and f.name != ".handbook-site"]


def test_only_changed_pages_are_rewritten_and_stale_ones_removed(new_project):
    project = new_project()
    assert generate(project).written
    assert generate(project).written == []
    drill = project / "drills" / "easy-run.yaml"
    drill.write_text(drill.read_text().replace("name: Easy run", "name: Easy jog"))
    written = generate(project).written
    assert [path for path in written if path.endswith(".md")] == ["test-protocol/return.md",
                                                                  "drills/category/running.md", "drills/easy-run.md"]
    assert {"data/test-protocol.json", "drills/library.json"} <= set(written)
    protocol = project / "protocols" / "test-protocol.yaml"
    protocol.write_text(protocol.read_text().replace("      - {drill: easy-run, dosage: {duration_minutes: \"10-20\"}}\n", ""))
    drill.unlink()
    assert "drills/easy-run.md" in generate(project).removed
    assert not (project / DOCS_DIR / "drills" / "easy-run.md").exists()
    assert (project / DOCS_DIR / "clinicians" / "index.md").exists()


def test_a_build_with_nothing_changed_leaves_the_site_as_it_is(new_project, monkeypatch):
    project = new_project()
    first = build_site(project)
    assert not first.current and stat.S_IMODE(first.site_dir.stat().st_mode) == 0o755, "a web server may read it"
    files = {p: p.stat().st_mtime_ns for p in first.site_dir.rglob("*") if p.is_file()}
    result = handbook("build", cwd=project)
    assert result.returncode == 0 and "site is up to date" in result.stdout.splitlines()[-1]
    assert {p: p.stat().st_mtime_ns for p in first.site_dir.rglob("*") if p.is_file()} == files
    changes = [
        (project / "drills" / "easy-run.yaml", "name: Easy run", "name: Easy jog"),
        (project / DOCS_DIR / "overrides" / "main.html", "{% extends", "{# a note #}\n{% extends"),
        (project / "mkdocs.yml", "site_name: ", "site_name: The "),
    ]
    for path, old, new in changes:
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        assert not build_site(project).current, path.name
        assert build_site(project).current, path.name
    assert "Easy jog" in (first.site_dir / "drills" / "easy-run" / "index.html").read_text(encoding="utf-8")
    monkeypatch.setenv("HANDBOOK_TODAY", "2031-01-01")
    assert not build_site(project).current, "a new day may change review warnings and printed dates"


def test_printing_starts_before_the_pages_are_generated_and_only_when_the_site_needs_building(new_project,
                                                                                              monkeypatch):
    from generator.build import pipeline

    steps = []
    monkeypatch.setattr(pipeline, "generate", lambda *a, **k: steps.append("generate") or generate(*a, **k))
    started = pipeline.SitePrintables.start
    monkeypatch.setattr(pipeline.SitePrintables, "start",
                        lambda self, handbook: steps.append("printing") or started(self, handbook))
    project = new_project()
    assert not build_site(project).current and steps == ["printing", "generate"]
    steps.clear()
    assert build_site(project).current and steps == ["generate"]  # nothing changed: nothing printed
    page = project / DOCS_DIR / "drills" / "easy-run.md"
    page.unlink()  # a generated page lost: generating makes it again, and the site is as it was built
    steps.clear()
    assert build_site(project).current and page.is_file() and steps == ["printing", "generate"]
    (project / "drills" / "easy-run.yaml").write_text(
        (project / "drills" / "easy-run.yaml").read_text(encoding="utf-8").replace("name: Easy run", "name: Jog"),
        encoding="utf-8")
    steps.clear()
    built = build_site(project)
    assert not built.current and steps == ["printing", "generate"]
    assert built.total >= built.generated.seconds + built.seconds * 0.99


def test_a_first_build_starts_its_printing_workers_while_it_loads_the_content(new_project, monkeypatch):
    """With nothing printed yet, the workers start before the content is loaded, and the PDFs they print carry
    the build's date all the same; once printables are kept, workers start only for what is left to print."""
    from pypdf import PdfReader

    from generator.build import pipeline
    from generator.printables import site

    steps = []
    started = site._Workers.start_now
    monkeypatch.setattr(site._Workers, "start_now", lambda self: steps.append("workers") or started(self))
    monkeypatch.setattr(pipeline, "load_handbook", lambda root: steps.append("load") or load_handbook(root))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    new_year = 1767225600  # 2026-01-01: the build's date, set once the content is loaded (after the workers start)
    monkeypatch.setattr(pipeline, "source_date_epoch", lambda handbook: str(new_year))
    project = new_project()
    built = build_site(project)
    assert steps == ["workers", "load"] and built.rendered
    booklet = next(built.site_dir.glob("print/*/*-plan-a4.pdf"))
    assert PdfReader(booklet).metadata.creation_date.timestamp() == new_year
    drill = project / "drills" / "easy-run.yaml"
    drill.write_text(drill.read_text(encoding="utf-8").replace("name: Easy run", "name: Jog"), encoding="utf-8")
    steps.clear()
    assert build_site(project).rendered and steps == ["load"]


def test_content_error_carries_the_check_problems(new_project):
    project = new_project()
    (project / "protocols" / "test-protocol.yaml").write_text("id: test-protocol\n")
    with pytest.raises(ContentError) as caught:
        generate(project)
    assert "E101" in {p.code for p in caught.value.problems}


def test_build_prints_no_mkdocs_banner(new_project):
    result = handbook("build", cwd=new_project())
    assert result.returncode == 0, result.stderr
    said = result.stdout + result.stderr
    # Material's banner (about MkDocs 2.0, end of life and its successor), whatever the timings read ("MkDocs 2.3 s")
    assert "│" not in said and "Material for MkDocs" not in said and "Zensical" not in said
    assert result.stdout.splitlines()[-1].startswith("Built ")


def test_a_kept_renderer_renders_again_only_the_pages_that_show_a_change(new_project):
    project = new_project()
    renderer = Renderer()
    generate(project, renderer)
    generate(project, renderer)
    assert renderer.fresh == set()
    drill = project / "drills" / "easy-run.yaml"
    drill.write_text(drill.read_text().replace("name: Easy run", "name: Easy jog"))
    generated = generate(project, renderer)
    assert renderer.fresh == {"test-protocol/return.md", "drills/index.md", "drills/category/running.md",
                              "drills/easy-run.md"}
    assert "drills/easy-run.md" in generated.written
    handbook, schemas = load_handbook(project), SchemaSet(project / "schemas").documents
    assert renderer.render(handbook, schemas) == render_pages(handbook, schemas)
