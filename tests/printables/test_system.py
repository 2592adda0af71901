"""Without HarfBuzz's font subsetting the same plan would give different PDF bytes: printing stops at the start
with one line that names the library and the command that installs it."""

from __future__ import annotations

import pytest
import weasyprint.text.ffi

from generator.cli import main

INSTALL = "sudo apt-get install libharfbuzz-subset0"


@pytest.fixture
def without_subsetting(monkeypatch):
    monkeypatch.setattr(weasyprint.text.ffi, "harfbuzz_subset", None)


@pytest.mark.parametrize("command", [["print", "only", "-o", "{out}/sam.pdf"], ["build", "--site-dir", "{out}/site"]])
def test_printing_or_building_without_the_library_stops_before_any_work(made_up, tmp_path, capsys,
                                                                         without_subsetting, command):
    made_up(2)
    out = tmp_path / "out"
    out.mkdir()
    code = main(["--root", str(tmp_path / "project"), *(part.format(out=out) for part in command)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "HarfBuzz's font subsetting library" in err and INSTALL in err
    assert "Traceback" not in err
    assert list(out.iterdir()) == []


def test_with_the_library_printing_goes_ahead(made_up, tmp_path):
    made_up(2)
    assert main(["--root", str(tmp_path / "project"), "print", "only", "-o", str(tmp_path / "sam.pdf")]) == 0
