"""The repository's own content passes `handbook check` with no errors and no warnings."""

from pathlib import Path

from generator.check import check_project

REPO = Path(__file__).resolve().parents[2]


def test_real_content_is_clean():
    result = check_project(REPO)
    assert [f"{p.file}:{p.line}: {p.code} {p.message}" for p in result.problems] == []
    assert len(result.content.protocols) >= 1
    assert len(result.content.drills) >= 8
