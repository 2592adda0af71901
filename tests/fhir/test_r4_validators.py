"""The export passes FHIR tools that share no code with it: HL7's official R4 JSON schema, run by Ajv, and the
profile validator of FHIR.js (``r4_validators.cjs``, offline, from node_modules) - the Bundle as a collection and
as a transaction, with the handbook's address and without, and the definitions published beside it."""

from __future__ import annotations

import copy
import json
import re
import subprocess

import pytest

from generator.export.fhir import bundle, definitions

from .conftest import ADDRESS, PUBLISHER, REPO

SCRIPT = REPO / "tests" / "fhir" / "r4_validators.cjs"
#: FHIR.js cannot expand these terminologies (SNOMED CT, LOINC, UCUM are not in its package), so a code from them
#: is a warning that the code was not found in the element's value set, as is a code of the handbook's own systems.
EXTERNAL = ("http://snomed.info/sct", "http://loinc.org", "http://unitsofmeasure.org")
NOT_FOUND = re.compile(r'^Code "[^"]+" \((?P<system>[^)]+)\) not found in value set$')


def validate(files: dict[str, dict], folder) -> dict:
    for name, document in files.items():
        (folder / name).write_text(json.dumps(document), encoding="utf-8")
    done = subprocess.run(["node", str(SCRIPT), *(str(folder / name) for name in files)], cwd=REPO,
                          capture_output=True, text=True, timeout=300, check=True)
    report = json.loads(done.stdout)
    return {name: report[str(folder / name)] for name in files}


@pytest.fixture(scope="module")
def verdicts(real_protocol, tmp_path_factory):
    files = {}
    for label, address in (("address", ADDRESS), ("no-address", None)):
        for kind in ("collection", "transaction"):
            files[f"{label}.{kind}.json"] = bundle(real_protocol, address, publisher=PUBLISHER, kind=kind)
        for name, resource in definitions(real_protocol, address, publisher=PUBLISHER).items():
            files[f"{label}.{name}"] = resource
    return files, validate(files, tmp_path_factory.mktemp("r4"))


def test_every_file_passes_the_official_r4_json_schema(verdicts):
    files, found = verdicts
    assert len(files) == 2 * (2 + 8)
    assert {name: verdict["schema"] for name, verdict in found.items() if verdict["schema"]} == {}


def test_fhir_js_finds_no_error_and_warns_only_of_terminology_it_does_not_hold(verdicts):
    files, found = verdicts
    for name, verdict in found.items():
        own = {resource["url"] for resource in files.values() if resource.get("resourceType") == "CodeSystem"}
        for message in verdict["fhirjs"]:
            assert message["severity"] in ("warning", "info"), f"{name}: {message}"
            if message["severity"] == "warning":
                match = NOT_FOUND.match(message["message"])
                assert match and (match["system"] in EXTERNAL or match["system"] in own), f"{name}: {message}"


def test_the_validators_catch_what_the_export_used_to_write(real_protocol, tmp_path):
    """A rule carried as an invalid expression language; an element of R4B that R4 lacks; a required status left
    out."""
    broken = bundle(real_protocol, ADDRESS, publisher=PUBLISHER)
    condition = broken["entry"][0]["resource"]["action"][0]["condition"][0]
    condition["expression"] = {"description": "a rule", "language": "application/json", "expression": "{}"}
    no_status = copy.deepcopy(broken)
    del no_status["entry"][1]["resource"]["status"]
    r4b = copy.deepcopy(no_status)
    r4b["entry"][0]["resource"]["subjectCanonical"] = f"{ADDRESS}fhir/Group/runners"
    found = validate({"language.json": broken, "status.json": no_status, "r4b.json": r4b}, tmp_path)
    assert found["language.json"]["schema"] == [
        "entry[0].resource PlanDefinition.action[0].condition[0].expression.language: should be equal to one of "
        "the allowed values (text/cql, text/fhirpath, application/x-fhir-query)"]
    assert any(m["severity"] == "error" and "status" in m["location"] for m in found["status.json"]["fhirjs"])
    assert "entry[0].resource PlanDefinition: should NOT have additional properties (subjectCanonical)" in \
        found["r4b.json"]["schema"]
