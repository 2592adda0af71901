"""Fitting a checklist to one page: roomy when there is room, denser when there are many drills, two pages at worst."""

from __future__ import annotations

import re

import pytest

from generator.printables import PAPERS, Person, checklist_html, write_checklist
from generator.printables.sheets import DENSITIES

PAPER_IDS = sorted(PAPERS)


def test_a_short_phase_gets_the_roomiest_layout(made_up, printer):
    phase = made_up(3).protocols[0].phases[0]
    for paper in PAPER_IDS:
        document, sheet = printer.checklist(phase, paper)
        assert (len(document.pages), sheet.density) == (1, "regular")


def test_thirty_drills_still_fit_one_page_in_a_denser_layout(made_up, printer, pdf, tmp_path):
    phase = made_up(30, names={7: "A drill with a rather long name that wraps"}).protocols[0].phases[0]
    for paper in PAPER_IDS:
        document, sheet = printer.checklist(phase, paper)
        assert len(document.pages) == 1 and sheet.density != "regular" and not sheet.flowing
        path = tmp_path / f"thirty-{paper}.pdf"
        assert write_checklist(phase, path, paper, printer=printer) == 1
        assert "A drill with a rather long name that wraps" in pdf.text(path)


def test_a_phase_too_long_for_a_page_runs_onto_a_second_in_the_densest_layout(made_up, printer, pdf, tmp_path):
    phase = made_up(70).protocols[0].phases[0]
    path = tmp_path / "seventy.pdf"
    assert write_checklist(phase, path, "letter", printer=printer) == 2
    text = pdf.text(path)
    assert all(p.drill.name in text for p in phase.prescriptions)
    assert "Pain at most 2/10 for a week." in text and "Notes" in text
    assert printer.checklist(phase, "letter")[1].density == list(DENSITIES)[-1]


@pytest.mark.parametrize("names, athlete, breaks_anywhere", [
    ({}, "Sam", False),
    ({1: "Side plank with a long name that is still made of words"}, "Alexandra Featherstonehaugh", False),
    ({1: "Sideplank" * 5}, "Sam", True),
    ({}, "Sam" * 11, True),
])
def test_only_a_sheet_with_a_run_on_word_breaks_words_anywhere(made_up, printer, names, athlete, breaks_anywhere):
    """Breaking anywhere keeps a run-on word on the paper, but makes laying out the table three times slower."""
    phase = made_up(2, names=names).protocols[0].phases[0]
    html = checklist_html(phase, "a4", Person(athlete), printer=printer)
    assert (re.search(r'class="checklist [a-z]+ run-on"', html) is not None) == breaks_anywhere
