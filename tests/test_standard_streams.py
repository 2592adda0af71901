"""'-' for standard input and output: ``export -o -``, ``print -o -`` and ``--ics -`` write there (never a file
named '-'), ``evaluate -`` reads the log from standard input, in the form given or recognised."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LOGS = REPO / "tests" / "evaluate" / "logs"


def handbook(*args, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    as_of = ["--as-of", "2026-10-14"] if args[0] == "evaluate" else []
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(REPO), *args, *as_of],
                          capture_output=True, cwd=cwd, input=stdin)


def test_export_to_standard_output_writes_no_file_named_dash(tmp_path):
    run = handbook("export", "--format", "fhir", "--protocol", "itbs-runners", "-o", "-", cwd=tmp_path)
    assert run.returncode == 0 and run.stderr == b""
    bundle = json.loads(run.stdout)
    assert bundle["resourceType"] == "Bundle" and bundle["id"] == "itbs-runners"
    assert list(tmp_path.iterdir()) == []
    to_file = handbook("export", "--format", "fhir", "--protocol", "itbs-runners", "-o", "b.json", cwd=tmp_path)
    assert (tmp_path / "b.json").read_bytes() == run.stdout and to_file.stderr.startswith(b"Wrote b.json")


@pytest.mark.parametrize("log", ["not-yet.csv", "red-flag.json"])
def test_evaluate_reads_the_log_from_standard_input_recognising_its_form(tmp_path, log):
    from_file = handbook("evaluate", str(LOGS / log), "--protocol", "itbs-runners", "--format", "json", cwd=tmp_path)
    piped = handbook("evaluate", "-", "--protocol", "itbs-runners", "--format", "json", cwd=tmp_path,
                     stdin=(LOGS / log).read_bytes())
    assert piped.returncode == from_file.returncode == 0
    assert json.loads(piped.stdout) == json.loads(from_file.stdout)
    form = "CSV" if log.endswith(".csv") else "JSON"
    assert piped.stderr.decode() == (f"handbook evaluate: read standard input as {form} (say --log-format "
                                     f"{'json' if form == 'CSV' else 'csv'} if it is not)\n")


def test_evaluate_takes_the_form_it_is_told(tmp_path):
    csv = (LOGS / "not-yet.csv").read_bytes()
    told = handbook("evaluate", "-", "--protocol", "itbs-runners", "--log-format", "csv", cwd=tmp_path, stdin=csv)
    assert told.returncode == 0 and told.stderr == b"" and b"Verdict:" in told.stdout
    wrong = handbook("evaluate", "-", "--protocol", "itbs-runners", "--log-format", "json", cwd=tmp_path, stdin=csv)
    assert wrong.returncode == 1 and wrong.stdout.startswith(b"(standard input):1:")
    assert b"Traceback" not in wrong.stdout + wrong.stderr


def test_evaluate_problems_name_standard_input(tmp_path):
    log = b"date,pain-during-activty\n2026-10-01,2\n"
    run = handbook("evaluate", "-", "--protocol", "itbs-runners", cwd=tmp_path, stdin=log)
    assert run.returncode == 1
    assert run.stdout.decode().startswith("(standard input):1:2: E202 'pain-during-activty' is not a measure")


def test_evaluate_with_nothing_piped_in_says_how(tmp_path):
    run = handbook("evaluate", "-", "--protocol", "itbs-runners", cwd=tmp_path, stdin=b"")
    assert run.returncode == 2 and run.stdout == b""
    assert run.stderr.decode() == ("handbook evaluate: '-' reads the log from standard input, but nothing came in; "
                                   "pipe it in, for example: handbook evaluate - < log.csv\n")


def test_a_log_too_large_on_standard_input_is_refused(tmp_path):
    from generator.evaluate.log import MAX_LOG_BYTES

    run = handbook("evaluate", "-", "--protocol", "itbs-runners", cwd=tmp_path,
                   stdin=b"date\n" + b"2026-10-01\n" * (MAX_LOG_BYTES // 11 + 2))
    assert run.returncode == 1 and b"E003" in run.stdout and b"a log may hold" in run.stdout


def test_print_writes_the_pdf_or_the_calendar_to_standard_output(tmp_path):
    pdf = handbook("print", "strength-and-control", "--athlete", "Sam", "-o", "-", cwd=tmp_path)
    assert pdf.returncode == 0 and pdf.stdout.startswith(b"%PDF-") and pdf.stdout.rstrip().endswith(b"%%EOF")
    assert pdf.stderr == b"Wrote the checklist to standard output.\n"
    ics = handbook("print", "strength-and-control", "--start", "2026-10-05", "--ics", "-", cwd=tmp_path)
    assert ics.returncode == 0 and ics.stdout.startswith(b"BEGIN:VCALENDAR") and b"DTSTART" in ics.stdout
    assert list(tmp_path.iterdir()) == []


def test_print_cannot_send_both_to_standard_output(tmp_path):
    run = handbook("print", "strength-and-control", "-o", "-", "--ics", "-", cwd=tmp_path)
    assert run.returncode == 2 and run.stdout == b""
    assert run.stderr.decode().startswith("handbook print: only one of -o and --ics can go to standard output")


def test_a_site_cannot_go_to_standard_output(tmp_path):
    run = handbook("build", "--site-dir", "-", cwd=tmp_path)
    assert run.returncode == 2 and b"cannot go to standard output" in run.stderr
    assert list(tmp_path.iterdir()) == []
