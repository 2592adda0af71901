"""A test that cannot run for want of a tool fails and says what to install, unless it was opted out by name."""

from pathlib import Path

import pytest

CONFTEST = (Path(__file__).parent / "conftest.py").read_text(encoding="utf-8")


@pytest.fixture
def without_poppler(pytester, monkeypatch, tmp_path):
    """A test needing Poppler, run where no program can be found."""
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile("def test_reads_a_pdf(poppler):\n    pass\n")
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("HANDBOOK_SKIP", raising=False)
    return pytester


def test_a_missing_tool_stops_the_test_and_names_the_package_to_install(without_poppler):
    result = without_poppler.runpytest_inprocess()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*Poppler's pdftotext and pdftoppm are not installed: install with "
                                 "'sudo apt-get install poppler-utils'*HANDBOOK_SKIP=poppler*"])
    assert "Traceback" not in result.stdout.str()


def test_a_test_is_skipped_only_when_its_group_is_opted_out_by_name(without_poppler, monkeypatch):
    monkeypatch.setenv("HANDBOOK_SKIP", "browser")
    without_poppler.runpytest_inprocess().assert_outcomes(errors=1)
    monkeypatch.setenv("HANDBOOK_SKIP", "browser,poppler")
    result = without_poppler.runpytest_inprocess("-rs")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*HANDBOOK_SKIP=poppler*"])
