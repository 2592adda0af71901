"""Athlete logs judged by a sports physiotherapist (tests/vectors/scenarios.json), run against the real protocol.

Node runs the same file against the JavaScript engine (tests/js/scenarios.test.mjs): both must give the
clinician's verdict, and the phase it points to where the clinician named one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.evaluate.engine import evaluate_phase
from generator.model import load_handbook

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = json.loads((REPO / "tests" / "vectors" / "scenarios.json").read_text(encoding="utf-8"))["scenarios"]


@pytest.fixture(scope="module")
def protocol() -> dict:
    return load_handbook(REPO).protocols[0].data


def test_there_are_enough_scenarios():
    assert len(SCENARIOS) >= 25
    assert {case["expected"]["verdict"] for case in SCENARIOS} == {"move-on", "keep-going", "hold", "step-back", "stop"}


@pytest.mark.parametrize("case", SCENARIOS, ids=[case["name"] for case in SCENARIOS])
def test_the_clinicians_verdict(protocol, case):
    result = evaluate_phase(protocol, case["log"], case["phase"], case["today"])
    found = {"verdict": result["verdict"], "target": result["target"]}
    wanted = {key: found[key] for key in case["expected"]}
    assert wanted == case["expected"], f"{case['why']}\n{json.dumps(result['signs'] and result['signs'][0]['id'])}"
