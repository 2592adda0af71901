"""The shared CSV log vectors (tests/vectors/logs.json) read and written by generator/evaluate/log.py; node runs the same
file against the browser's log.js (tests/js/log.test.mjs)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from generator.content.schemas import SchemaSet
from generator.evaluate.log import LogError, read_log, to_csv

REPO = Path(__file__).resolve().parents[2]
VECTORS = json.loads((REPO / "tests" / "vectors" / "logs.json").read_text(encoding="utf-8"))
SCHEMAS = SchemaSet(REPO / "schemas")
TODAY = dt.date.fromisoformat(VECTORS["today"])


@pytest.mark.parametrize("case", VECTORS["read"], ids=lambda case: case["name"])
def test_reading(tmp_path, case):
    path = tmp_path / "log.csv"
    path.write_bytes(case["csv"].encode("utf-8"))
    assert read_log(path, VECTORS["protocol"], SCHEMAS, TODAY) == case["entries"]


@pytest.mark.parametrize("case", VECTORS["write"], ids=lambda case: case["name"])
def test_writing(case):
    assert to_csv(case["entries"], VECTORS["protocol"]) == case["csv"]


@pytest.mark.parametrize("case", VECTORS["refuse"], ids=lambda case: case["name"])
def test_refusing(tmp_path, case):
    path = tmp_path / case["file"]
    path.write_bytes(case["text"].encode("utf-8"))
    with pytest.raises(LogError) as refused:
        read_log(path, VECTORS["protocol"], SCHEMAS, TODAY)
    first = refused.value.problems[0]
    assert first.line == case["line"] and all(words in first.message for words in case["says"]), first
