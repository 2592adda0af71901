"""The same content gives the same bytes; the PDF's dates come from SOURCE_DATE_EPOCH or the review date."""

from __future__ import annotations

from pypdf import PdfReader

from generator.printables import Printer, write_booklets, write_phase_pdfs


def test_a_second_build_writes_identical_pdfs(handbook, printer, printed, tmp_path):
    again = Printer(printer.address)
    written = write_phase_pdfs(handbook, tmp_path, printer=again)
    written += write_booklets(handbook, tmp_path, papers=("a4",), printer=again)
    assert len(written) == 2 * sum(len(p.phases) for p in handbook.protocols) + len(handbook.protocols)
    for path in written:
        assert path.read_bytes() == (printed / path.relative_to(tmp_path)).read_bytes(), path.name


def test_source_date_epoch_sets_the_pdf_dates(made_up, monkeypatch, tmp_path):
    handbook = made_up(2)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    printer = Printer()
    written = write_phase_pdfs(handbook, tmp_path, papers=("a4",), printer=printer)
    written += write_booklets(handbook, tmp_path, papers=("a4",), printer=printer)
    for path in written:
        info = PdfReader(path).metadata
        assert info["/CreationDate"].startswith("D:20260101000000") and info["/ModDate"] == info["/CreationDate"]
