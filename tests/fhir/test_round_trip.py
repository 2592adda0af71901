"""Round trip: every phase, drill, criterion threshold and warning sign of the real content is in the Bundle."""

from __future__ import annotations

import base64
import json

import pytest

from generator.cli import main
from generator.export.fhir import bundle, bundle_json, definitions
from generator.model import load_handbook
from generator.project import site_name
from generator.site.links import site_pages

from .conftest import ADDRESS, REPO


def resources(data: dict, kind: str) -> dict:
    return {e["fullUrl"]: e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == kind}


def said(condition: dict) -> str:
    """A condition's rule in words: in its FHIRPath expression, or in the handbook-rule extension."""
    if "expression" in condition:
        return condition["expression"]["description"]
    (rule,) = condition["extension"]
    return next(part["valueString"] for part in rule["extension"] if part["url"] == "text")


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
            assert said(condition) == criterion.rule.text().replace("\u00a0", " ")
        assert len(action.get("goalId", [])) == len(phase.exit_criteria)
        for sign in phase.warning_signs:
            found = subactions[f"{phase.id}.warning-sign.{sign.id}"]
            assert found["title"] == sign.name
            assert sign.action_text in found["textEquivalent"]
            assert sign.severity.capitalize() in found["textEquivalent"]
            if sign.rule:
                assert said(found["condition"][0]) == sign.rule.text().replace("\u00a0", " ")
                assert found["trigger"][0]["type"] == "data-changed"
    codes = {entry["resource"]["code"]["text"] for entry in data["entry"]
             if entry["resource"]["resourceType"] == "ObservationDefinition"}
    assert codes == {measure.name for measure in real_protocol.measures.values()}


@pytest.mark.parametrize("address", [ADDRESS, None], ids=["address", "no-address"])
def test_rules_that_fhirpath_cannot_say_are_in_the_rule_extension(real_protocol, address):
    data = bundle(real_protocol, address)
    plan = data["entry"][0]["resource"]
    conditions = [c for a in plan["action"] for c in a.get("condition", [])]
    conditions += [c for a in plan["action"] for sign in a.get("action", []) for c in sign.get("condition", [])]
    languages = {c["expression"]["language"] for c in conditions if "expression" in c}
    assert languages == {"text/fhirpath"}
    carried = [c for c in conditions if "expression" not in c]
    assert carried, "the real content has rules with a window, a change or an activity"
    extension_url = f"{ADDRESS}fhir/StructureDefinition/handbook-rule" if address else carried[0]["extension"][0]["url"]
    for condition in carried:
        (extension,) = condition["extension"]
        assert extension["url"] == extension_url
        parts = {part["url"]: part["valueString"] for part in extension["extension"]}
        assert set(parts) == {"text", "rule"}
        written = parts["rule"]
        json.loads(written)
        assert any(f'"{field}"' in written for field in ("sustained", "change", "increase", "activity", "by_activity"))
    # the Library holds every rule, FHIRPath or not, in the handbook's form
    library = next(e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Library")
    assert plan["library"] == [library["url"]]
    rules = json.loads(base64.b64decode(library["content"][0]["data"]))
    assert sum(map(len, rules["exit_criteria"].values())) == sum(len(p.exit_criteria) for p in real_protocol.phases)
    assert set(rules["warning_signs"]) == {s.id for s in real_protocol.warning_signs if s.rule}


def test_the_same_content_gives_the_same_bytes(real_protocol):
    assert bundle_json(real_protocol, ADDRESS) == bundle_json(real_protocol, ADDRESS)


def test_export_command_writes_the_bundle_and_its_definitions(tmp_path, capsys, real_protocol):
    target = tmp_path / "itbs.json"
    export = ["--root", str(REPO), "export", "--format", "fhir", "--protocol"]
    assert main([*export, "itbs-runners", "-o", str(target)]) == 0
    assert "and, beside it, the 8 definitions it uses" in capsys.readouterr().err
    assert main([*export, "itbs-runners"]) == 0
    out = capsys.readouterr().out
    expected = bundle_json(real_protocol, None, publisher=site_name(REPO), pages=site_pages(load_handbook(REPO)))
    assert target.read_text(encoding="utf-8") == out == expected
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == sorted(["itbs.json", *definitions(real_protocol, None)])
    assert "StructureDefinition-exercise-dose.json" in written and "CodeSystem-itbs-runners-measure.json" in written
    assert main([*export, "nope"]) == 2


def test_export_command_writes_a_transaction_on_request(capsys, real_protocol):
    export = ["--root", str(REPO), "export", "--format", "fhir"]
    assert main(export) == 0
    collection = json.loads(capsys.readouterr().out)
    assert collection["type"] == "collection" and all("request" not in e for e in collection["entry"])
    assert main([*export, "--bundle", "transaction"]) == 0
    transaction = json.loads(capsys.readouterr().out)
    assert transaction["type"] == "transaction"
    for plain_entry, entry in zip(collection["entry"], transaction["entry"], strict=True):
        resource = entry["resource"]
        assert entry["request"] == {"method": "PUT", "url": f"{resource['resourceType']}/{resource['id']}"}
        assert {k: v for k, v in entry.items() if k != "request"} == plain_entry


def test_loinc_beside_the_own_code_only_for_the_0_10_pain_ratings(real_protocol):
    data = bundle(real_protocol, ADDRESS)
    observations = {e["resource"]["code"]["coding"][0]["code"]: e["resource"] for e in data["entry"]
                    if e["resource"]["resourceType"] == "ObservationDefinition"}
    with_loinc = {code: [c["code"] for c in o["code"]["coding"] if c["system"] == "http://loinc.org"]
                  for code, o in observations.items()}
    assert {code: found for code, found in with_loinc.items() if found} == {
        "pain-during-activity": ["72514-3"], "pain-after-activity": ["72514-3"]}
    for code in ("pain-during-activity", "pain-after-activity"):
        measure = real_protocol.measures[code]
        assert (measure.kind, measure.min, measure.max) == ("scale", 0, 10)
        own = observations[code]["code"]["coding"][0]
        assert own == {"system": f"{ADDRESS}fhir/CodeSystem/itbs-runners-measure", "code": code,
                       "display": measure.name}
