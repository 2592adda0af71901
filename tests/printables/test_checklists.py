"""The real content's phase checklists: one page on A4 and on Letter, with every drill and exit criterion."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from generator.model import ACTIONS, SEVERITY_ORDER, Rule
from generator.printables.sheets import sign_groups
from generator.site.print_links import checklist_path

PAGE_SIZES = {"a4": (595, 842), "letter": (612, 792)}


@pytest.mark.parametrize("paper", sorted(PAGE_SIZES))
def test_each_phase_checklist_is_one_page_of_its_paper(printed, phases, pdf, paper):
    for phase in phases:
        assert pdf.sizes(printed / checklist_path(phase, paper)) == [PAGE_SIZES[paper]], phase.id


@pytest.mark.parametrize("paper", sorted(PAGE_SIZES))
def test_each_checklist_names_every_drill_and_exit_criterion(printed, phases, pdf, paper):
    for phase in phases:
        text = pdf.text(printed / checklist_path(phase, paper))
        for prescription in phase.prescriptions:
            assert pdf.plain(prescription.drill.name) in text, (phase.id, prescription.drill.id)
            assert pdf.plain(prescription.dosage.amount) in text, (phase.id, prescription.drill.id)
        for criterion in phase.exit_criteria:
            assert pdf.plain(criterion.text) in text, (phase.id, criterion.text)
            if isinstance(criterion.rule, Rule):  # a group of rules is said by the criterion's own words
                rule = criterion.rule.text(with_look_back=False)  # and so is the look-back
                assert pdf.plain(rule) in text, (phase.id, rule)


def test_each_checklist_has_header_warning_signs_log_and_footer(printed, phases, pdf):
    for phase in phases:
        protocol = phase.protocol
        text = pdf.text(printed / checklist_path(phase, "a4"))
        for words in (protocol.title, phase.heading, f"Content version {protocol.version}", "Athlete", "Start date",
                      "Daily log", "Pain next morning", "Notes", "itbs-handbook.example"):
            assert words in text, (phase.id, words)
        for sign in phase.warning_signs:
            assert pdf.plain(sign.name) in text and sign.action_text in text, (phase.id, sign.id)


def test_warning_signs_are_grouped_by_severity_red_first_then_by_urgency(phases):
    for phase in phases:
        groups = sign_groups(phase.warning_signs)
        assert [g.severity for g in groups] == sorted((g.severity for g in groups), key=SEVERITY_ORDER.index)
        for before, after in zip(groups, groups[1:]):
            if before.severity == after.severity:
                assert list(ACTIONS.values()).index(before.action) > list(ACTIONS.values()).index(after.action)
        assert sorted(s.id for g in groups for s in g.signs) == sorted(s.id for s in phase.warning_signs)


def test_a_preview_and_a_build_date_a_document_alike(phases, monkeypatch):
    """A build sets SOURCE_DATE_EPOCH to midnight of the review date; a preview or ``handbook print`` may not set
    it: the documents, and so their cache keys, are the same either way."""
    import datetime as dt

    from generator.printables.render import render_checklist
    from generator.printables.sheets import PAPERS, Checklist

    sheet = Checklist(phases[0], PAPERS["a4"])
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    unset = render_checklist(sheet, standalone=False)
    midnight = dt.datetime.fromisoformat(phases[0].protocol.reviewed_date).replace(tzinfo=dt.timezone.utc)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(midnight.timestamp())))
    assert render_checklist(sheet, standalone=False) == unset


def test_the_pdf_dates_are_the_review_date_and_it_has_a_title(printed, phases):
    info = PdfReader(printed / checklist_path(phases[0], "a4")).metadata
    review = phases[0].protocol.reviewed_date.replace("-", "")
    assert info["/CreationDate"].startswith(f"D:{review}") and info["/ModDate"].startswith(f"D:{review}")
    assert phases[0].heading in info["/Title"]
