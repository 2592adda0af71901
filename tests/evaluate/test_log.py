"""Logs in JSON and CSV: a round trip through either form loses nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator.content.schemas import SchemaSet
from generator.evaluate.log import read_log, to_csv, to_json

REPO = Path(__file__).resolve().parents[2]
PROTOCOL = yaml.safe_load((REPO / "protocols" / "itbs-runners.yaml").read_text(encoding="utf-8"))
SCHEMAS = SchemaSet(REPO / "schemas")
TODAY = dt.date(2026, 11, 1)


@pytest.mark.parametrize("log", sorted((Path(__file__).parent / "logs").iterdir()), ids=lambda p: p.name)
def test_round_trip_through_csv_and_json_loses_nothing(tmp_path, log):
    entries = read_log(log, PROTOCOL, SCHEMAS, TODAY)
    as_csv = tmp_path / "log.csv"
    as_csv.write_text(to_csv(entries, PROTOCOL), encoding="utf-8")
    from_csv = read_log(as_csv, PROTOCOL, SCHEMAS, TODAY)
    assert from_csv == entries
    as_json = tmp_path / "log.json"
    as_json.write_text(to_json(from_csv), encoding="utf-8")
    assert read_log(as_json, PROTOCOL, SCHEMAS, TODAY) == entries


def test_every_kind_of_value_survives_csv(tmp_path):
    entries = [{"date": "2026-10-01", "time": "07:05", "phase": "return-to-running", "session": "walk-run, 3",
                "drills": ["clamshell", "side-plank"], "note": 'Said "ouch", then fine\non the way home',
                "values": {"pain-during-activity": 2.5, "pain-after-activity": 0, "morning-pain-settled": False,
                           "knee-swelling": "mild", "side-plank-hold": 45, "hip-abduction-lsi": 92.25}},
               {"date": "2026-10-02", "values": {}}]
    path = tmp_path / "log.csv"
    path.write_text(to_csv(entries, PROTOCOL), encoding="utf-8")
    assert read_log(path, PROTOCOL, SCHEMAS, TODAY) == entries
    assert type(read_log(path, PROTOCOL, SCHEMAS, TODAY)[0]["values"]["pain-after-activity"]) is int
