"""The build's printables are kept between builds: a document is rendered again only when its inputs change, a
kept PDF is the same bytes as a fresh one, a damaged entry is never served and the store keeps only what is used."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from generator.model import load_handbook
from generator.printables import Printer, site_address, write_booklets, write_phase_pdfs
from generator.printables.site import PRINT_DIR, write_site_printables

ONLY = ["made-up/only-a4.pdf", "made-up/only-letter.pdf"]
BOOKLETS = ["made-up/made-up-plan-a4.pdf", "made-up/made-up-plan-letter.pdf"]
AFTER = ["made-up/after-a4.pdf", "made-up/after-letter.pdf"]
EVERY_PDF = sorted(ONLY + BOOKLETS + AFTER)


@pytest.fixture
def project(made_up, tmp_path) -> Path:
    made_up(5)
    return tmp_path / "project"


def printed(project: Path, site: Path):
    """Build the printables of ``project`` into ``site`` with the project's cache; what the run did."""
    return write_site_printables(load_handbook(project), site, site_address(project), project / ".cache")


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site / PRINT_DIR).as_posix(): p.read_bytes() for p in (site / PRINT_DIR).rglob("*")
            if p.is_file()}


def test_a_build_with_nothing_changed_renders_nothing_and_writes_the_same_bytes(project, tmp_path):
    first = printed(project, tmp_path / "one")
    assert first.rendered == EVERY_PDF
    again = printed(project, tmp_path / "two")
    assert again.rendered == [] and len(again.written) == len(first.written) == 6 + 2
    assert files(tmp_path / "one") == files(tmp_path / "two")
    assert not multiprocessing.active_children()  # the workers are joined


def test_kept_pdfs_are_the_bytes_of_fresh_ones(project, tmp_path):
    printed(project, tmp_path / "one")
    assert printed(project, tmp_path / "two").rendered == []
    kept = files(tmp_path / "two")
    handbook = load_handbook(project)
    printer = Printer(site_address(project))
    fresh = tmp_path / "fresh"
    write_phase_pdfs(handbook, fresh, printer=printer)
    write_booklets(handbook, fresh, printer=printer)
    assert {p.relative_to(fresh).as_posix(): p.read_bytes() for p in fresh.rglob("*.pdf")} == \
        {path: data for path, data in kept.items() if path.endswith(".pdf")}


def test_an_edit_to_one_drill_renders_only_the_documents_that_show_it(project, tmp_path):
    printed(project, tmp_path / "one")
    drill = project / "drills" / "drill-2.yaml"  # in the first phase only; drill-1 is in both
    drill.write_text(drill.read_text().replace("Made-up drill number 2", "Renamed drill"))
    again = printed(project, tmp_path / "two")
    assert again.rendered == sorted(BOOKLETS + ONLY)
    assert b"Renamed drill" not in files(tmp_path / "two")["made-up/after-a4.pdf"]


def test_every_input_of_a_document_is_in_its_key(project, tmp_path, monkeypatch):
    printed(project, tmp_path / "one")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert printed(project, tmp_path / "dated").rendered == EVERY_PDF
    monkeypatch.setattr("generator.printables.site.fingerprint", lambda: "another WeasyPrint, font or stylesheet")
    assert printed(project, tmp_path / "engine").rendered == EVERY_PDF


@pytest.mark.parametrize("damage", [lambda data: data[: len(data) // 2], lambda data: data.replace(b"0", b"1", 1),
                                    lambda data: b""])
def test_a_damaged_entry_is_never_served(project, tmp_path, damage):
    printed(project, tmp_path / "one")
    entries = sorted((project / ".cache").glob("*.pdf"), key=lambda p: p.stat().st_size)
    largest = entries[-1]  # a booklet
    largest.write_bytes(damage(largest.read_bytes()))
    again = printed(project, tmp_path / "two")
    assert len(again.rendered) == 1
    assert files(tmp_path / "one") == files(tmp_path / "two")


def test_the_store_keeps_only_what_the_latest_build_used(project, tmp_path):
    printed(project, tmp_path / "one")
    cache = project / ".cache"
    (cache / ".left-by-a-killed-build.tmp").write_bytes(b"half")
    before = {p.name for p in cache.iterdir()}
    assert len(before) == 4 * 2 + 2 + 1  # a fit and a PDF per checklist, the booklets, the leftover
    drill = project / "drills" / "drill-2.yaml"
    drill.write_text(drill.read_text().replace("Made-up drill number 2", "Renamed drill"))
    printed(project, tmp_path / "two")
    after = {p.name for p in cache.iterdir()}
    assert len(after) == 4 * 2 + 2 and len(after - before) == 2 + 2 + 2  # only's fits, PDFs and the booklets
