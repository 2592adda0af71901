"""``handbook print``: a personalised checklist; clear messages and exit codes for mistakes."""

from __future__ import annotations

import pytest

from generator.cli import main


def test_a_personalised_checklist_has_the_name_and_the_dated_days(made_up, pdf, tmp_path, capsys):
    handbook = made_up(4)
    root = tmp_path / "project"
    out = tmp_path / "sam.pdf"
    code = main(["--root", str(root), "print", "only", "--athlete", "Sam <O'Neil>", "--start", "2026-03-30",
                 "--week", "1", "--paper", "letter", "-o", str(out)])
    assert code == 0, capsys.readouterr()
    assert pdf.sizes(out) == [(612, 792)]
    text = pdf.text(out)
    assert "Sam <O'Neil>" in text and "Mon 30 Mar 2026" in text
    # The grid's days run from the start date, with the month where it changes.
    assert "Mon 30 Tue 31 Wed 1 Apr Thu 2 Fri 3 Sat 4 Sun 5" in text
    assert all(p.drill.name in text for p in handbook.protocols[0].phases[0].prescriptions)
    assert "https://handbook.test/" in text


def test_a_blank_checklist_has_the_weekdays_and_empty_blanks(made_up, pdf, tmp_path):
    made_up(2)
    out = tmp_path / "blank.pdf"
    assert main(["--root", str(tmp_path / "project"), "print", "only", "-o", str(out)]) == 0
    assert pdf.sizes(out) == [(595, 842)]
    assert "Mon Tue Wed Thu Fri Sat Sun" in pdf.text(out)


def test_an_unknown_phase_is_a_usage_error_that_lists_the_phases(made_up, tmp_path, capsys):
    made_up(2)
    code = main(["--root", str(tmp_path / "project"), "print", "settle", "-o", str(tmp_path / "x.pdf")])
    assert code == 2
    assert "'settle' is not a phase. Phases: only (made-up), after (made-up)" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_an_unknown_protocol_finds_no_phase(made_up, tmp_path, capsys):
    made_up(2)
    code = main(["--root", str(tmp_path / "project"), "print", "only", "--protocol", "other",
                 "-o", str(tmp_path / "x.pdf")])
    assert code == 2 and "Phases: none" in capsys.readouterr().err


def test_content_errors_are_reported_like_check_and_exit_1(made_up, tmp_path, capsys):
    made_up(2)
    root = tmp_path / "project"
    drill = root / "drills" / "drill-1.yaml"
    drill.write_text(drill.read_text().replace("name:", "nmae:"))
    code = main(["--root", str(root), "print", "only", "-o", str(tmp_path / "x.pdf")])
    out = capsys.readouterr()
    assert code == 1
    assert "drills/drill-1.yaml:" in out.out and "E10" in out.out and "error" in out.out
    assert "Traceback" not in out.out + out.err and not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("bad", [["--start", "30/03/2026"], ["--paper", "a5"], []])
def test_bad_arguments_are_usage_errors(made_up, tmp_path, capsys, bad):
    made_up(2)
    with pytest.raises(SystemExit) as exit_:
        main(["--root", str(tmp_path / "project"), "print", "only", *bad] + (["-o", "x.pdf"] if bad else []))
    assert exit_.value.code == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("handbook print: ") and line.endswith("(see 'handbook print --help')")


def test_a_file_that_cannot_be_written_is_a_clear_failure(made_up, tmp_path, capsys):
    made_up(2)
    (tmp_path / "taken").write_text("a file, not a folder")
    code = main(["--root", str(tmp_path / "project"), "print", "only", "-o", str(tmp_path / "taken" / "x.pdf")])
    assert code == 2
    assert f"handbook print: cannot write {tmp_path / 'taken' / 'x.pdf'}" in capsys.readouterr().err
