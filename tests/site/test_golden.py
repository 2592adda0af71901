"""Golden tests: the Markdown generated for the fixture content, page by page.

After an intended change, regenerate the golden files with ``UPDATE_GOLDEN=1 pytest tests/site/test_golden.py``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.model import load_handbook
from generator.schemas import SchemaSet
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
