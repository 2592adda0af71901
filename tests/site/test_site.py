"""The real content, built once: every item has its page or anchor, no link is broken, builds are reproducible."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from generator.build.pipeline import build_site
from generator.content.schemas import SchemaSet
from generator.model import load_handbook
from generator.site.fields import POSE_SECTIONS, FieldReference


class _Page(HTMLParser):
    """The ids and link targets of one HTML page."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def site(real_site):
    project, site_dir = real_site
    return project, site_dir, {p: parse(p) for p in site_dir.rglob("*.html")}


@pytest.fixture(scope="module")
def handbook(real_site):
    return load_handbook(real_site[0])


def page_of(site_dir: Path, url: str) -> Path:
    return site_dir / url.strip("/") / "index.html"


def test_every_phase_drill_sign_assessment_and_reference_has_its_page_or_anchor(site, handbook):
    _, site_dir, pages = site
    assert handbook.protocols and handbook.drills
    for protocol in handbook.protocols:
        overview = pages[page_of(site_dir, protocol.id)]
        assert overview is not None
        for phase in protocol.phases:
            assert page_of(site_dir, f"{protocol.id}/{phase.id}").is_file(), phase.id
        for name, items in (("warning-signs", protocol.warning_signs), ("assessments", protocol.assessments),
                            ("references", protocol.references)):
            ids = pages[page_of(site_dir, f"{protocol.id}/{name}")].ids
            assert {item.id for item in items} <= ids, name
    for drill in handbook.drills.values():
        assert page_of(site_dir, f"drills/{drill.id}").is_file(), drill.id


def test_no_internal_link_is_broken(site):
    _, site_dir, pages = site
    broken = []
    for path, page in pages.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
                continue
            target, anchor = urldefrag(link)
            base = site_dir if target.startswith("/") else path.parent
            file = (base / unquote(target).lstrip("/")).resolve() if target else path
            if file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{path.relative_to(site_dir)} -> {link}")
            elif anchor and file.suffix == ".html" and anchor not in pages[file].ids:
                broken.append(f"{path.relative_to(site_dir)} -> {link} (no anchor)")
    assert not broken, "\n".join(broken[:20])


def test_nothing_is_loaded_from_outside_the_site(site):
    _, site_dir, pages = site
    for path, page in pages.items():
        external = [link for link in page.links if urlsplit(link).scheme in ("http", "https")
                    and not link.endswith((".json",)) and "/assets/" in link]
        assert not external, path
    for css in site_dir.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8")
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "cdn.jsdelivr" not in text and "unpkg.com" not in text


def test_no_page_of_the_real_site_weighs_more_than_100_kb(real_site):
    """A page a runner opens on a phone, the checklists to print included, stays under 100 KB."""
    _, site_dir = real_site
    pages = sorted(site_dir.rglob("*.html"), key=lambda page: page.stat().st_size)
    assert any(page.parent.name == "itbs-runners" and page.parent.parent.name == "print" for page in pages)
    assert pages[-1].stat().st_size <= 100_000, pages[-1]


def test_two_builds_are_byte_identical(real_site, tmp_path):
    project, first = real_site
    second = build_site(project, tmp_path / "again").site_dir
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    different = [str(f) for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert not different


def test_published_data_validates_against_its_schema(real_site, handbook):
    _, site_dir = real_site
    data_dir = site_dir / "data"
    documents = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in data_dir.glob("*.schema.json")}
    registry = Registry().with_resources((doc.get("$id", name), Resource.from_contents(doc))
                                         for name, doc in documents.items())
    schema = json.loads((data_dir / "protocol-data.schema.json").read_text(encoding="utf-8"))
    for protocol in handbook.protocols:
        data = json.loads((data_dir / f"{protocol.id}.json").read_text(encoding="utf-8"))
        Draft202012Validator(schema, registry=registry).validate(data)
        prescribed = {p.drill.id for phase in protocol.phases for p in phase.prescriptions}
        assert {d["id"] for d in data["drills"]} == prescribed


def test_field_reference_lists_every_field_of_every_schema(real_site):
    project, site_dir = real_site
    sections = FieldReference(SchemaSet(project / "schemas").documents).sections()
    for section in sections:
        # a drill figure's tables are on the page on writing a pose; every other table on the field reference
        page = site_dir / "clinicians" / ("poses" if section.anchor in POSE_SECTIONS else "fields") / "index.html"
        assert section.anchor in parse(page).ids, (page.parent.name, section.anchor)
        text = page.read_text(encoding="utf-8")
        for row in section.rows:
            assert f"<code>{row.name}</code>" in text
            assert row.description, f"{section.title}.{row.name} has no description in the schema"
    names = {(s.anchor, r.name) for s in sections for r in s.rows}
    assert ("drill", "aliases") in names and ("criterion", "sustained") in names and ("dosage", "side") in names


def test_aliases_are_in_the_search_index(real_site, handbook):
    _, site_dir = real_site
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = {doc["location"]: doc["text"] for doc in index["docs"]}
    for drill in handbook.drills.values():
        for alias in drill.aliases:
            assert alias in text[f"drills/{drill.id}/"], (drill.id, alias)


def test_drill_pages_are_reached_from_their_category_page_not_from_every_menu(site, handbook):
    _, site_dir, pages = site
    home = pages[page_of(site_dir, "")]
    assert not [link for link in home.links if link.startswith("drills/") and link.count("/") == 2
                and not link.startswith("drills/category/")], "the home page's menu lists drills"
    for drill in handbook.drills.values():
        category = page_of(site_dir, f"drills/category/{drill.category}")
        assert f"../../{drill.id}/" in pages[category].links, drill.id
        assert "../" in pages[page_of(site_dir, f"drills/{drill.id}")].links


def test_the_home_page_lists_each_protocol_with_its_condition_and_status(site, handbook):
    _, site_dir, _ = site
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    for protocol in handbook.protocols:
        row = home.split(f'<td><a href="{protocol.id}/">', 1)[1].split("</tr>", 1)[0]
        assert protocol.condition.replace("(", "").split()[0] in row and "In use" in row, protocol.id
