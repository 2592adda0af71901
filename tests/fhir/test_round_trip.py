"""Round trip: every phase, drill, criterion threshold and warning sign of the real content is in the Bundle."""

from __future__ import annotations

import json

from generator.cli import main
from generator.export.fhir import bundle, bundle_json

from .conftest import ADDRESS, REPO


def resources(data: dict, kind: str) -> dict:
    return {e["resource"].get("url") or f"{kind}/{e['resource']['id']}": e["resource"]
            for e in data["entry"] if e["resource"]["resourceType"] == kind}


def test_every_phase_drill_criterion_and_warning_sign_is_in_the_bundle(real_protocol):
    data = bundle(real_protocol, ADDRESS)
    plan = data["entry"][0]["resource"]
    activities = resources(data, "ActivityDefinition")
    goals = {goal["id"]: goal for goal in plan["goal"]}
    assert [action["id"] for action in plan["action"]] == [phase.id for phase in real_protocol.phases]
    for phase, action in zip(real_protocol.phases, plan["action"]):
        assert action["title"] == phase.heading
        assert (action["timingRange"]["low"]["value"], action["timingRange"]["high"]["value"]) == (
            phase.min_weeks, phase.max_weeks)
        subactions = {sub["id"]: sub for sub in action.get("action", [])}
        for prescription in phase.prescriptions:
            activity = activities[subactions[f"{phase.id}.drill.{prescription.drill.id}"]["definitionCanonical"]]
            assert activity["code"]["text"] == prescription.drill.name
            assert activity["code"]["coding"][0]["code"] == "229065009"
            assert activity["dosage"][0]["text"] == prescription.dosage.text().replace("\u00a0", " ")
        for criterion, goal_id, condition in zip(phase.exit_criteria, action.get("goalId", []),
                                                 action.get("condition", [])):
            assert criterion.threshold.replace("\u00a0", " ") in goals[goal_id]["description"]["text"]
            assert criterion.text in goals[goal_id]["description"]["text"]
            assert condition["kind"] == "stop"
            assert condition["expression"]["description"] == criterion.rule.text().replace("\u00a0", " ")
        assert len(action.get("goalId", [])) == len(phase.exit_criteria)
        for sign in phase.warning_signs:
            found = subactions[f"{phase.id}.warning-sign.{sign.id}"]
            assert found["title"] == sign.name
            assert sign.action_text in found["textEquivalent"]
            assert sign.severity.capitalize() in found["textEquivalent"]
            if sign.rule:
                assert found["condition"][0]["expression"]["description"] == sign.rule.text().replace("\u00a0", " ")
                assert found["trigger"][0]["type"] == "data-changed"
    codes = {entry["resource"]["code"]["text"] for entry in data["entry"]
             if entry["resource"]["resourceType"] == "ObservationDefinition"}
    assert codes == {measure.name for measure in real_protocol.measures.values()}


def test_rules_that_fhirpath_cannot_say_keep_the_handbook_form(real_protocol):
    plan = bundle(real_protocol, ADDRESS)["entry"][0]["resource"]
    expressions = [c["expression"] for a in plan["action"] for c in a.get("condition", [])]
    signs = [sub for action in plan["action"] for sub in action.get("action", [])]
    expressions += [c["expression"] for sign in signs for c in sign.get("condition", [])]
    assert {e["language"] for e in expressions} == {"text/fhirpath", "application/json"}
    for expression in expressions:
        if expression["language"] == "application/json":
            rule = json.loads(expression["expression"])
            written = json.dumps(rule)
            assert any(f'"{field}"' in written for field in ("sustained", "change", "increase", "activity", "by_activity"))


def test_the_same_content_gives_the_same_bytes(real_protocol):
    assert bundle_json(real_protocol, ADDRESS) == bundle_json(real_protocol, ADDRESS)


def test_export_command_writes_the_bundle(tmp_path, capsys, real_protocol):
    target = tmp_path / "itbs.json"
    export = ["--root", str(REPO), "export", "--format", "fhir", "--protocol"]
    assert main([*export, "itbs-runners", "-o", str(target)]) == 0
    assert main([*export, "itbs-runners"]) == 0
    out = capsys.readouterr().out
    assert target.read_text(encoding="utf-8") == out == bundle_json(real_protocol, None)
    assert main([*export, "nope"]) == 2
