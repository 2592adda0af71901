"""The shared rule vectors, run against the Python evaluator (node runs the same file against the JavaScript one)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from generator.evaluate.engine import evaluate_phase, evaluate_rule

VECTORS = json.loads((Path(__file__).resolve().parents[1] / "vectors" / "rules.json").read_text(encoding="utf-8"))
MEASURES = {measure["id"]: measure for measure in VECTORS["measures"]}


def matches(expected, found, where: str = "result") -> None:
    """Every field of ``expected`` is in ``found`` with the same value (numbers to within 1e-9), recursively."""
    if isinstance(expected, dict):
        assert isinstance(found, dict), f"{where}: expected fields, found {found!r}"
        for key, value in expected.items():
            assert key in found, f"{where}: no '{key}'"
            matches(value, found[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(found, list) and len(found) == len(expected), f"{where}: expected {expected!r}, found {found!r}"
        for i, (one, other) in enumerate(zip(expected, found)):
            matches(one, other, f"{where}[{i}]")
    elif isinstance(expected, (int, float)) and not isinstance(expected, bool) and expected is not None:
        assert isinstance(found, (int, float)) and not isinstance(found, bool) and math.isclose(
            found, expected, abs_tol=1e-9), f"{where}: expected {expected!r}, found {found!r}"
    else:
        assert found == expected and type(found) is type(expected), f"{where}: expected {expected!r}, found {found!r}"


def summary(result: dict) -> dict:
    """What a phase vector checks: the verdict, the phase evaluated and pointed to, signs present, criteria states."""
    return {"verdict": result["verdict"], "action": result["action"], "target": result["target"],
            "evaluated": result["phase"], "signs": [sign["id"] for sign in result["signs"]], "also": result["also"],
            "early": result["early"] and result["early"]["phase"],
            "criteria": [criterion["result"]["state"] for criterion in result["criteria"]]}


def test_there_are_enough_vectors():
    assert len(VECTORS["rules"]) + len(VECTORS["phases"]) >= 80


@pytest.mark.parametrize("case", VECTORS["rules"], ids=[case["name"] for case in VECTORS["rules"]])
def test_rule(case):
    matches(case["expected"], evaluate_rule(case["rule"], MEASURES, case["log"], case.get("today"), case.get("how", "now")))


@pytest.mark.parametrize("case", VECTORS["phases"], ids=[case["name"] for case in VECTORS["phases"]])
def test_phase(case):
    matches(case["expected"], summary(evaluate_phase(VECTORS["protocol"], case["log"], case["phase"], case.get("today"))))
