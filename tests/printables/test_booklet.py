"""The full-plan booklet: cover, every phase checklist on one page, drill sheets, assessments, warning signs."""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from generator.site.print_links import booklet_path, checklist_path


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_booklet_has_every_part_in_order(handbook, printed, pdf, paper):
    protocol = handbook.protocols[0]
    pages = pdf.pages(printed / booklet_path(protocol, paper))
    assert protocol.title in pages[0] and "Contents" in pages[0] and "Warning signs" in pages[0]
    assert f"content version {protocol.version}" in pages[0].lower()
    count = len(protocol.phases)
    for number, phase in enumerate(protocol.phases, start=1):
        # Each checklist is one page, right after the cover, as on its own.
        page = pages[number]
        assert f"phase {number} of {count}" in page and phase.heading in page and "Notes" in page, number
    rest = " ".join(pages[count + 1:])
    parts = ["Drill sheets", "Assessments", "Warning signs"]
    assert [rest.index(part) for part in parts] == sorted(rest.index(part) for part in parts)


def test_the_booklet_describes_every_drill_assessment_and_warning_sign(handbook, printed, pdf):
    protocol = handbook.protocols[0]
    text = pdf.text(printed / booklet_path(protocol, "a4"))
    drills = {p.drill for phase in protocol.phases for p in phase.prescriptions}
    for drill in drills:
        assert pdf.plain(drill.name) in text and pdf.plain(drill.steps[0]) in text, drill.id
    for assessment in protocol.assessments:
        assert pdf.plain(assessment.name) in text and pdf.plain(assessment.scoring) in text, assessment.id
    for sign in protocol.warning_signs:
        assert pdf.plain(sign.description) in text and sign.action_text in text, sign.id


def test_booklet_pages_are_numbered_and_the_contents_give_the_pages(handbook, printed, pdf, poppler):
    protocol = handbook.protocols[0]
    path = printed / booklet_path(protocol, "a4")
    pages = pdf.pages(path)
    assert pages[-1].endswith(f"Page {len(pages)} of {len(pages)}")
    drills_page = next(n for n, page in enumerate(pages, start=1) if page.startswith("Drill sheets"))
    cover = subprocess.run(["pdftotext", "-layout", "-l", "1", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert re.search(rf"^\s*Drill sheets\s+{drills_page}$", cover, re.MULTILINE)
    assert re.search(rf"^\s*{re.escape(protocol.phases[0].heading)}.*\s2$", cover, re.MULTILINE)


def test_the_booklet_shows_each_checklist_page_as_printed_alone_and_its_contents_link_there(handbook, printed, pdf):
    protocol = handbook.protocols[0]
    path = printed / booklet_path(protocol, "letter")
    pages, reader = pdf.pages(path), PdfReader(path)
    for number, phase in enumerate(protocol.phases, start=1):
        assert pages[number] == pdf.pages(printed / checklist_path(phase, "letter"))[0], phase.id
        assert reader.get_destination_page_number(reader.named_destinations[f"checklist-{phase.id}"]) == number
