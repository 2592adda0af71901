"""Golden tests: the Markdown generated for the fixture content, page by page.

After an intended change, regenerate the golden files with ``UPDATE_GOLDEN=1 pytest tests/site/test_golden.py``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.content.schemas import SchemaSet
from generator.model import load_handbook
from generator.site.pages import FIELDS
from generator.site.render import render_pages

GOLDEN = Path(__file__).resolve().parent / "golden"
#: pages that follow the schemas rather than the content; tested in test_fields.py.
NOT_GOLDEN = {FIELDS}


@pytest.fixture(scope="module")
def pages(new_project):
    project = new_project()
    rendered = render_pages(load_handbook(project), SchemaSet(project / "schemas").documents)
    return {path: text for path, text in rendered.items() if path not in NOT_GOLDEN}


def test_golden_files_match_the_pages(pages):
    if os.environ.get("UPDATE_GOLDEN"):
        for path, text in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert expected == set(pages), "pages added or removed: update the golden files"
    for path, text in pages.items():
        assert text == (GOLDEN / path).read_text(encoding="utf-8"), f"{path} differs from its golden file"


def test_a_drill_page_leads_with_the_dose_of_each_phase_then_the_general_dose(pages):
    page = pages["drills/clamshell.md"]
    heading, phase_dose = page.index("## Dose in each phase"), page.index("<td>2 × 10‑15 reps, each side")
    general = page.index('??? note "General dose, for when no phase sets one"')
    assert heading < phase_dose < general < page.index("## How to do it"), "the phases' doses come first"
    # folded, and its dose (which a phase may contradict) only inside
    assert "3 × 10‑15 reps" in page[general:page.index("## How to do it")].split("\n", 1)[1]
    assert "Default dose" not in page and "## Used in" not in page


def test_a_drill_no_phase_prescribes_shows_only_its_general_dose(new_project):
    project = new_project()
    handbook = load_handbook(project)
    handbook.drills["side-plank"].used_in.clear()
    page = render_pages(handbook, SchemaSet(project / "schemas").documents)["drills/side-plank.md"]
    assert "## Dose in each phase" not in page and "No phase prescribes this drill" in page
    assert "**Dose:** 3 × 20" in page and "for when no phase sets one" not in page
