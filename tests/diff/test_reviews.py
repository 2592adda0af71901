"""Review dates (W304/W305, today fixed through HANDBOOK_TODAY), the changelog's phase names (E403), the
"What's new" page and the review line of the site, and the published address (E404)."""

from __future__ import annotations

import pytest

from generator.checks.run import check_project
from generator.content.schemas import SchemaSet
from generator.model import load_handbook
from generator.review.publishing import with_address_problem
from generator.site.render import render_pages

NEXT = "  reviewers: [Sports physiotherapist]\n"


@pytest.fixture
def due_2027(repository):
    repository.edit(NEXT, NEXT + "  next: 2027-01-15\n")
    return repository


def _review_problems(root):
    return [(p.code, p.line, p.message) for p in check_project(root).problems if p.code in ("W304", "W305")]


@pytest.mark.parametrize("today, expected", [
    ("2026-12-01", []),
    ("2026-12-16", [("W305", "the clinical review is due on 2027-01-15, in 30 days: plan it with the reviewers")]),
    ("2027-01-15", [("W305", "the clinical review is due on 2027-01-15, in 0 days: plan it with the reviewers")]),
    ("2027-01-16", [("W304", "the clinical review was due on 2027-01-15, 1 day ago: review the protocol, then set "
                             "'reviewed: date' to the review's date and 'next' to the next one")]),
])
def test_review_warnings(due_2027, monkeypatch, today, expected):
    monkeypatch.setenv("HANDBOOK_TODAY", today)
    assert [(code, message) for code, _, message in _review_problems(due_2027.root)] == expected
    assert all(line == 9 for _, line, _ in _review_problems(due_2027.root))


def test_changelog_naming_an_unknown_phase(repository):
    repository.edit("reviewed:", "changes:\n  - version: \"1.0.0\"\n    date: 2026-11-01\n    kind: major\n"
                                  "    summary: First version.\n    phases: [setle]\nreviewed:")
    [problem] = [p for p in check_project(repository.root).problems if p.code == "E403"]
    assert problem.message == ("the changelog entry for version 1.0.0 names phase 'setle', which the protocol does "
                               "not have — did you mean 'settle'?")
    assert problem.fix.text == "settle"


def _pages(root):
    return render_pages(load_handbook(root), SchemaSet(root / "schemas").documents)


def test_whats_new_page_and_phase_versions(due_2027, monkeypatch):
    due_2027.edit("reviewed:", "changes:\n  - version: \"1.1.0\"\n    date: 2026-12-01\n    kind: minor\n"
                               "    summary: Stricter gate to **Load**.\n    phases: [settle]\n"
                               "  - version: \"1.0.0\"\n    date: 2026-11-01\n    kind: major\n"
                               "    summary: First version.\nreviewed:")
    due_2027.edit('version: "1.0.0"', 'version: "1.1.0"')
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-01")
    pages = _pages(due_2027.root)
    changes = pages["mini/changes.md"]
    assert changes.index("## Version 1\\.1.0") < changes.index("## Version 1\\.0.0")
    assert "*2026-12-01 · minor · [phase 1](settle.md)*" in changes and "Stricter gate to **Load**." in changes
    assert "*2026-11-01 · major · whole protocol*" in changes
    assert "this phase last changed in [version 1\\.1.0](changes.md) (2026-12-01)" in pages["mini/settle.md"]
    assert "this phase last changed in [version 1\\.0.0](changes.md) (2026-11-01)" in pages["mini/load.md"]
    assert "reviewed on 2026-11-01, next review due 2027-01-15" in pages["mini/index.md"]
    assert "Clinical review overdue" not in pages["mini/index.md"]
    monkeypatch.setenv("HANDBOOK_TODAY", "2027-01-16")
    assert '!!! danger "Clinical review overdue"' in _pages(due_2027.root)["mini/settle.md"]


def test_the_published_address_must_be_site_url(repository):
    result = with_address_problem(repository.root, "https://handbook.test", check_project(repository.root))
    assert not result.errors
    result = with_address_problem(repository.root, "https://clinic.github.io/handbook/", check_project(repository.root))
    assert [(p.code, p.message) for p in result.errors] == [
        ("E404", "the handbook is published at https://clinic.github.io/handbook/ but site_url is "
                 "'https://handbook.test/': write 'site_url: https://clinic.github.io/handbook/' in mkdocs.yml")]
