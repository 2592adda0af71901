"""`handbook evaluate` on the example logs: the verdict and the values that decide it; bad logs at file:line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.schemas import SchemaSet
from generator.evaluate.log import read_log, to_csv
from generator.model import load_handbook

REPO = Path(__file__).resolve().parents[2]
LOGS = Path(__file__).parent / "logs"


def evaluate(capsys, *args, as_of: str = "2026-10-14"):
    code = main(["--root", str(REPO), "evaluate", *map(str, args), "--protocol", "itbs-runners", "--as-of", as_of])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys, log: Path, *args, as_of: str = "2026-10-14") -> dict:
    code, out, err = evaluate(capsys, log, "--format", "json", *args, as_of=as_of)
    assert code == 0, out + err
    return json.loads(out)


def test_ready_to_move_on(capsys):
    result = as_json(capsys, LOGS / "ready-to-move-on.json")
    assert (result["phase"], result["verdict"], result["target"]) == ("load-and-condition", "move-on",
                                                                       "strength-and-control")
    walk, plank, settled = (criterion["result"] for criterion in result["criteria"])
    assert [p["values"] for p in walk["periods"]] == [[30], [34]]
    assert plank["periods"][-1]["values"] == [35]
    pain, mornings, swelling = settled["parts"]
    assert (mornings["held"], mornings["needed"], mornings["period"], mornings["within"]) == (3, 3, "sessions", 7)
    assert [p["values"] for p in swelling["periods"]] == [["none"], ["none"]]
    assert [sign["id"] for sign in result["signs"]] == ["pain-safe-zone"]
    code, out, _ = evaluate(capsys, LOGS / "ready-to-move-on.json")
    assert code == 0 and out.rstrip().endswith("Verdict: ready to move on to Phase 3: Strength and movement control.")


def test_a_log_read_weeks_later_is_no_longer_evidence(capsys):
    result = as_json(capsys, LOGS / "ready-to-move-on.json", as_of="2026-11-30")
    assert result["verdict"] == "keep-going" and result["today"] == "2026-11-30"
    assert {c["result"]["state"] for c in result["criteria"]} == {"no-data"}
    _, out, _ = evaluate(capsys, LOGS / "ready-to-move-on.json", as_of="2026-11-30")
    assert "the latest value (2026-10-14) is older than 7 days, so it no longer counts: record it again" in out
    assert "To record next: pain-free brisk walking, side-plank hold, pain during activity, pain settled by the next morning, swelling at the outside of the knee." in out


def test_not_yet_from_a_csv_log(capsys):
    result = as_json(capsys, LOGS / "not-yet.csv", as_of="2026-10-07")
    assert result["verdict"] == "keep-going" and result["target"] == "load-and-condition"
    assert [c["result"]["state"] for c in result["criteria"]] == ["not-met", "no-data", "no-data"]
    assert [part["state"] for part in result["criteria"][2]["result"]["parts"]] == ["met", "met", "no-data"]
    walk = result["criteria"][0]["result"]
    assert (walk["held"], walk["needed"]) == (1, 2)
    _, out, _ = evaluate(capsys, LOGS / "not-yet.csv", as_of="2026-10-07")
    assert "1 of the last 2 sessions ≥ 30\u00a0min (30\u00a0min, 25\u00a0min); needs 2 in a row" in out
    assert "no data  Side-plank hold" in out and "nothing logged in the last 28 days" in out


def test_amber_sign_steps_back(capsys):
    result = as_json(capsys, LOGS / "amber-sign.json")
    assert (result["phase"], result["verdict"], result["action"]) == ("return-to-running", "step-back", "step-back")
    assert [sign["id"] for sign in result["signs"]] == ["pain-above-5-during"]
    latest = result["signs"][0]["result"]["parts"][0]
    assert latest["periods"][-1] == {"start": "2026-10-14", "end": "2026-10-14", "values": [6], "holds": True}
    _, out, _ = evaluate(capsys, LOGS / "amber-sign.json")
    assert "AMBER  Pain above 5/10 during activity" in out and "6/10 on 2026-10-14" in out


def test_a_bad_session_is_not_hidden_by_an_easy_one_after_it(capsys, tmp_path):
    log = write(tmp_path, "log.json", json.dumps({"entries": [
        {"date": "2026-10-13", "phase": "return-to-running", "activity": "walk-run", "values": {"pain-during-activity": 6}},
        {"date": "2026-10-13", "time": "19:00", "activity": "strength", "values": {"pain-during-activity": 1}},
        {"date": "2026-10-14", "activity": "cross-training", "values": {"pain-during-activity": 0}}]}))
    result = as_json(capsys, log)
    assert result["verdict"] == "step-back" and result["signs"][0]["id"] == "pain-above-5-during"


def test_red_flag_stops(capsys):
    result = as_json(capsys, LOGS / "red-flag.json", as_of="2026-10-11")
    assert (result["verdict"], result["action"]) == ("stop", "stop-and-contact-clinician")
    assert result["signs"][0]["id"] == "swelling-marked" and result["signs"][0]["severity"] == "red"
    assert [sign["id"] for sign in result["signs"]] == ["swelling-marked"]  # no "hold" beside the "stop"
    assert result["also"] == ["pain-acceptable-zone", "swelling-mild"]
    _, out, _ = evaluate(capsys, LOGS / "red-flag.json", as_of="2026-10-11")
    assert "RED    Marked swelling" in out and out.rstrip().endswith("Verdict: stop and contact your clinician.")


def test_an_unknown_measure_names_the_nearest_ones(capsys, tmp_path):
    log = write(tmp_path, "log.json", '{"entries": [{"date": "2026-10-01", "values": {"night-pain": true}}]}')
    status, out, _ = evaluate(capsys, log)
    assert status == 1 and "spelling" not in out
    assert "the nearest measures are 'night-or-rest-pain' (Knee pain at night or at rest)" in out, out


def test_the_phase_asked_for(capsys):
    result = as_json(capsys, LOGS / "ready-to-move-on.json", "--phase", "assess-and-settle")
    assert result["phase"] == "assess-and-settle"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("entries,line,code,words", [
    ('[{"date": "2026-10-01", "values": {"pain-during-activity": 12}}]', 3, "E501", ["runs from 0 to 10"]),
    ('[{"date": "2026-10-01", "values": {"knee-swelling": "big"}}]', 3, "E501", ["none, mild, marked, not 'big'"]),
    ('[{"date": "2026-10-01", "values": {"morning-pain-settled": 1}}]', 3, "E501", ["true or false"]),
    ('[{"date": "2026-10-01", "values": {"pain-durng-activity": 1}}]', 3, "E202",
     ["the nearest measures are 'pain-during-activity'"]),
    ('[{"date": "2999-01-01", "values": {}}]', 3, "E502", ["after today"]),
    ('[{"date": "2026-10-02", "values": {}},\n {"date": "2026-10-01", "values": {}}]', 4, "E503",
     ["comes after one of 2026-10-02"]),
    ('[{"date": "2026-10-01", "time": "18:00", "values": {}},\n {"date": "2026-10-01", "time": "07:00", "values": {}}]',
     4, "E503", ["2026-10-01 07:00"]),
    ('[{"date": "2026-10-01", "phase": "load", "values": {}}]', 3, "E504", ["not a phase of itbs-runners"]),
    ('[{"date": "2026-02-30", "values": {}}]', 3, "E105", ["day 30 does not exist"]),
    ('[{"date": "2026-10-01", "value": {}}]', 3, "E102", ["did you mean 'values'?"]),
])
def test_bad_json_log_is_one_message_at_its_line(capsys, tmp_path, entries, line, code, words):
    log = write(tmp_path, "log.json", '{\n  "entries":\n' + entries + "\n}\n")
    status, out, err = evaluate(capsys, log)
    assert status == 1 and "Traceback" not in out + err and "not evaluated" in err
    [problem] = out.splitlines()
    assert problem.startswith(f"{log}:{line}:") and f" {code} " in problem and all(w in problem for w in words), problem


@pytest.mark.parametrize("rows,where,code,words", [
    ("date,pain-during-activity\n2026-10-01,eleven\n", "2:2", "E501", ["must be a number (found 'eleven')"]),
    ("date,knee-swelling\n2026-10-01,none\n2026-10-02,huge\n", "3:2", "E501", ["not 'huge'"]),
    ("date,morning-pain-settled\n2026-10-01,maybe\n", "2:2", "E501", ["true or false"]),
    ("date,time,pain-during-activity\n2026-10-02,,1\n2026-10-01,,1\n", "3:1", "E503", ["date order"]),
    ("date,pain-durng\n2026-10-01,1\n", "1:2", "E202", ["not a measure of itbs-runners", "'pain-during-activity'"]),
    ("pain-during-activity\n1\n", "1:1", "E101", ["'date' first"]),
])
def test_bad_csv_log_is_one_message_at_its_row_and_column(capsys, tmp_path, rows, where, code, words):
    log = write(tmp_path, "log.csv", rows)
    status, out, _ = evaluate(capsys, log)
    [problem] = out.splitlines()
    assert status == 1 and problem.startswith(f"{log}:{where}: {code} ") and all(w in problem for w in words), problem


def test_usage_mistakes_exit_2(capsys, tmp_path):
    assert evaluate(capsys, tmp_path / "missing.json")[0] == 2
    code, _, err = evaluate(capsys, LOGS / "red-flag.json", "--phase", "phase-9")
    assert code == 2 and "is not a phase of itbs-runners" in err


@pytest.mark.parametrize("value,words", [("1e309", "is not a value it can take"), ("99999", "runs from 0 to 1440")])
def test_a_number_no_measure_can_take_is_refused_with_the_range(capsys, tmp_path, value, words):
    log = write(tmp_path, "log.csv", f"date,pain-free-walk-minutes\n2026-10-01,{value}\n")
    status, out, _ = evaluate(capsys, log)
    assert status == 1 and "E501" in out and words in out, out


def test_a_log_larger_than_a_log_can_be_is_refused_before_reading(capsys, tmp_path):
    log = tmp_path / "huge.csv"
    with log.open("w", encoding="utf-8") as out:
        out.write("date,pain-during-activity,note\n")
        for i in range(60_000):
            out.write(f"2026-10-01,1,{'x' * 30}\n")
    status, out, _ = evaluate(capsys, log)
    assert status == 1 and " E003 " in out and "more than the 2 MB a log may hold" in out and "anchor" not in out


def test_csv_text_a_spreadsheet_would_run_is_written_inert_and_read_back_as_written():
    entries = [{"date": "2026-10-01", "session": "=HYPERLINK(\"http://x\")", "values": {}, "note": "+cmd|' /C calc'!A0"},
               {"date": "2026-10-02", "values": {}, "note": "-2 degrees, @home"}]
    text = to_csv(entries)
    assert "'=HYPERLINK" in text and "'+cmd" in text and "'-2 degrees" in text
    assert all(not line.split(",")[4].startswith(("=", "+", "-", "@")) for line in text.splitlines()[1:])
    assert read_entries(text) == entries


def read_entries(text: str) -> list[dict]:
    """The entries of a CSV log, read as ``handbook evaluate`` reads one."""
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.csv"
        path.write_text(text, encoding="utf-8")
        return read_log(path, load_handbook(REPO).protocols[0].data, SchemaSet(REPO / "schemas"))


def test_a_json_number_is_read_as_json_reads_it(capsys, tmp_path):
    log = write(tmp_path, "log.json", '{"entries": [{"date": "2026-10-01", "values": {"pain-free-walk-minutes": 3e1}}]}')
    assert evaluate(capsys, log)[0] == 0
    log = write(tmp_path, "log.json", '{"entries": [{"date": "2026-10-01", "values": {"pain-free-walk-minutes": NaN}}]}')
    status, out, _ = evaluate(capsys, log)
    assert status == 1 and "E501" in out and "must be a number" in out, out


def test_a_move_past_a_gate_the_log_showed_unmet_sends_back_a_phase(capsys, tmp_path):
    log = write(tmp_path, "log.json", json.dumps({"entries": [
        {"date": "2026-10-01", "phase": "strength-and-control", "activity": "test",
         "values": {"noble-test-positive": True, "pain-during-activity": 1}},
        {"date": "2026-10-03", "phase": "return-to-running", "activity": "walk-run", "values": {"pain-during-activity": 1}}]}))
    result = as_json(capsys, log, as_of="2026-10-04")
    assert (result["verdict"], result["action"], result["target"]) == ("step-back", "regress-one-phase", "strength-and-control")
    assert result["early"]["criteria"] == [
        "The Noble compression test no longer brings on your usual pain, tested in the last 4 weeks."]
    _, out, _ = evaluate(capsys, log, as_of="2026-10-04")
    assert "Moved on too early: on 2026-10-03" in out and out.rstrip().endswith("go back to Phase 3: Strength and movement control.")


def test_evaluate_reads_the_log_as_of_handbook_today(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-25")
    code = main(["--root", str(REPO), "evaluate", str(LOGS / "ready-to-move-on.json"), "--protocol", "itbs-runners",
                 "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["today"] == "2026-11-25" and result["verdict"] == "keep-going"  # October is too old
    log = write(tmp_path, "log.json", '{"entries": [{"date": "2026-11-26", "values": {"pain-during-activity": 1}}]}')
    assert main(["--root", str(REPO), "evaluate", str(log), "--protocol", "itbs-runners"]) == 1
    assert "after today (2026-11-25)" in capsys.readouterr().out


def test_a_broken_json_log_is_called_json_where_it_breaks(capsys, tmp_path):
    log = write(tmp_path, "log.json", '{"entries": [\n  {"date": "2026-10-01", "values": {}},\n]}')
    status, out, _ = evaluate(capsys, log)
    assert status == 1 and "log.json:3:1: E004 the log is not JSON" in out, out
    assert "YAML" not in out


def test_a_bad_time_does_not_hide_the_other_problems(capsys, tmp_path):
    log = write(tmp_path, "log.json", '{"entries": [{"date": "2026-10-01", "time": "7h", "values": {}},'
                                      ' {"date": "2026-10-02", "values": {"pain-during-activity": 30}}]}')
    status, out, _ = evaluate(capsys, log)
    assert status == 1 and "E105 'time'" in out and "E501 'Pain during activity' runs from 0 to 10" in out, out


def test_a_semicolon_separated_csv_is_told_so(capsys, tmp_path):
    log = write(tmp_path, "log.csv", "date;pain-during-activity\n2026-10-01;3\n")
    status, out, _ = evaluate(capsys, log)
    assert status == 1 and "separated by semicolons" in out and "commas" in out, out
