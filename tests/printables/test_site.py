"""``handbook build`` puts the printables into the site; each phase page links to them; pages print cleanly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build.pipeline import build_site
from generator.site.print_links import PRINT_DIR, booklet_path, checklist_path, site_link


def _print_links(page: Path) -> dict[str, Path]:
    """Label -> file of each link in the phase page's print bar."""
    bar = re.search(r'<p class="hb-print">(.*?)</p>', page.read_text(encoding="utf-8"), re.S).group(1)
    return {label: (page.parent / href).resolve() for href, label in re.findall(r'href="([^"]+)">([^<]+)</a>', bar)}


def test_each_phase_page_links_to_its_checklist_pdfs_and_the_booklet(built_site, pdf):
    handbook, _, site_dir = built_site
    phase = handbook.protocols[0].phases[0]
    links = _print_links(site_dir / phase.protocol.id / phase.id / "index.html")
    folder = (site_dir / PRINT_DIR).resolve()
    assert links == {
        "Print checklist": folder / checklist_path(phase, None),
        "Download PDF (A4)": folder / checklist_path(phase, "a4"),
        "PDF for US Letter": folder / checklist_path(phase, "letter"),
        "Full plan (PDF booklet)": folder / booklet_path(phase.protocol, "a4"),
    }
    for label, target in links.items():
        assert target.is_file(), label
    assert pdf.sizes(links["Download PDF (A4)"]) == [(595, 842)]
    assert pdf.sizes(links["PDF for US Letter"]) == [(612, 792)]
    assert (folder / booklet_path(phase.protocol, "letter")).is_file()


def test_the_checklist_page_stands_alone_and_links_to_its_pdfs(built_site):
    handbook, _, site_dir = built_site
    phase = handbook.protocols[0].phases[0]
    page = site_dir / PRINT_DIR / checklist_path(phase, None)
    html = page.read_text(encoding="utf-8")
    assert all(p.drill.name in html for p in phase.prescriptions)
    assert "size:" not in html.split("</style>")[0]  # the browser's paper, whatever it is
    for href in re.findall(r'<nav class="screen-only".*?</nav>', html, re.S)[0].split('href="')[1:]:
        assert (page.parent / href.split('"')[0]).is_file()


def test_every_page_has_the_print_stylesheet(built_site):
    _, _, site_dir = built_site
    css = site_dir / "assets" / "print.css"
    assert "@media print" in css.read_text(encoding="utf-8")
    pages = list(site_dir.rglob("index.html"))
    assert pages and all("assets/print.css" in p.read_text(encoding="utf-8") for p in pages)


def test_a_second_build_writes_the_same_printables(built_site):
    _, project, site_dir = built_site
    before = {p.relative_to(site_dir): p.read_bytes() for p in (site_dir / PRINT_DIR).rglob("*") if p.is_file()}
    build_site(project)
    after = {p.relative_to(site_dir): p.read_bytes() for p in (site_dir / PRINT_DIR).rglob("*") if p.is_file()}
    assert before == after and len(before) == 2 * 3 + 2  # two PDFs and a page per phase, two booklets


def test_a_build_after_another_takes_every_printable_from_the_cache(built_site, tmp_path):
    """Printing starts before MkDocs and ends after it: the documents' dates, and so their cache keys, are the
    same at both ends and on the next build, which renders nothing."""
    _, project, site_dir = built_site
    again = build_site(project, tmp_path / "again")
    assert again.rendered == []
    printed = [site_dir / PRINT_DIR, tmp_path / "again" / PRINT_DIR]
    first, second = ({p.relative_to(f): p.read_bytes() for p in f.rglob("*") if p.is_file()} for f in printed)
    assert first == second


def test_a_failure_while_printing_keeps_the_old_site(built_site, monkeypatch):
    _, project, site_dir = built_site
    old = sorted(p.relative_to(site_dir) for p in site_dir.rglob("*"))

    def broken(*args):
        raise RuntimeError("printer on fire")

    monkeypatch.setattr("generator.printables.site._Plan.finish", broken)  # as a worker's failure reaches the build
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")  # an input changed, so the build does not leave the site as it is
    with pytest.raises(RuntimeError):
        build_site(project)
    assert sorted(p.relative_to(site_dir) for p in site_dir.rglob("*")) == old
    assert not list(site_dir.parent.glob(f".{site_dir.name}-*"))


@pytest.mark.parametrize("page, expected", [
    ("itbs-runners/strength-and-control.md", "../../print/itbs-runners/strength-and-control-a4.pdf"),
    ("itbs-runners/index.md", "../print/itbs-runners/strength-and-control-a4.pdf"),
    ("index.md", "print/itbs-runners/strength-and-control-a4.pdf"),
])
def test_links_follow_the_directory_urls_of_the_site(handbook, page, expected):
    phase = next(p for p in handbook.protocols[0].phases if p.id == "strength-and-control")
    assert site_link(page, phase, "a4") == expected
