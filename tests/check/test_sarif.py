"""``handbook check --format sarif``: a SARIF 2.1.0 log, valid against the official schema, for code scanning.

The schema is the SARIF 2.1.0 JSON Schema (rtm.5, the version the OASIS standard published) as Microsoft's
``@microsoft/jest-sarif`` npm package ships it (``lib/schemas/sarif-2.1.0-rtm.5.json``), installed by ``npm ci``
with the project's other node packages; nothing is downloaded by the test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from generator.problems import CODES, Fix

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "node_modules" / "@microsoft" / "jest-sarif" / "lib" / "schemas" / "sarif-2.1.0-rtm.5.json"
BAD = Path(__file__).parent / "fixtures" / "bad"


@pytest.fixture(scope="module")
def validator():
    assert SCHEMA.is_file(), f"the SARIF 2.1.0 schema is missing ({SCHEMA.relative_to(REPO)}): run 'npm ci'"
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def sarif(project, *args):
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(project.root), "--format", "sarif",
                          *args], capture_output=True, text=True)
    assert run.stderr == ""
    return run.returncode, json.loads(run.stdout)


def errors_of(validator, log) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


def test_a_clean_project_is_a_valid_log_with_no_results(project, validator):
    code, log = sarif(project)
    assert code == 0 and errors_of(validator, log) == []
    [run] = log["runs"]
    assert log["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "handbook"
    assert run["results"] == [] and run["invocations"] == [{"executionSuccessful": True,
                                                             "toolExecutionNotifications": []}]


def test_every_bad_file_at_once_gives_a_valid_log(project, validator):
    for fixture in sorted(BAD.iterdir()):
        project.use_bad(fixture.name, f"drills/{fixture.name}")
    project.use_bad("schema-errors.yaml", "drills/side plank.yaml")
    code, log = sarif(project)
    assert code == 1 and errors_of(validator, log) == []
    [run] = log["runs"]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == sorted(set(rules)) and {"E001", "E002", "E004", "E005", "E102"} <= set(rules)
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        assert result["ruleId"] in CODES and result["level"] == "error"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert "drills/side%20plank.yaml" in uris and "drills/latin1.yaml" in uris
    note = run["invocations"][0]["toolExecutionNotifications"][0]
    assert note["level"] == "note" and "checks skipped until" in note["message"]["text"]


def test_a_result_says_what_the_text_report_says_and_carries_its_edit(project, validator):
    project.edit("protocols/mini.yaml", 'operator: "<="', 'operator: "=<"')
    code, log = sarif(project)
    assert code == 1 and errors_of(validator, log) == []
    [error] = log["runs"][0]["results"]
    assert error["ruleId"] == "E104" and error["level"] == "error"
    assert error["message"]["text"].endswith("did you mean '<='?")
    assert error["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "protocols/mini.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 53, "startColumn": 19}}
    [change] = error["fixes"][0]["artifactChanges"]
    [replacement] = change["replacements"]
    region = replacement["deletedRegion"]
    fix = Fix((region["startLine"], region["startColumn"]), (region["endLine"], region["endColumn"]),
              replacement["insertedContent"]["text"])
    path = project.root / "protocols/mini.yaml"
    path.write_text(fix.apply(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert 'operator: "<="' in path.read_text(encoding="utf-8")
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_a_warning_is_a_warning_result(project, validator):
    project.edit("drills/clamshell.yaml", "references: [fredericson-2000]\n", "")
    code, log = sarif(project)
    assert code == 0 and errors_of(validator, log) == []
    [warning] = log["runs"][0]["results"]
    assert warning["level"] == "warning" and warning["ruleId"].startswith("W")
    [rule] = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule == {"id": warning["ruleId"], "shortDescription": {"text": CODES[warning["ruleId"]]},
                    "defaultConfiguration": {"level": "warning"}}


def test_the_log_names_no_path_of_the_machine(project):
    project.edit("protocols/mini.yaml", 'operator: "<="', 'operator: "=<"')
    _, log = sarif(project)
    assert str(project.root) not in json.dumps(log)
