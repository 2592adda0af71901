"""The site publishes, beside each protocol's Bundle, the definitions it uses, and the Bundle's handbook links are
absolute links to the site's pages once site_url is set."""

from __future__ import annotations

import json
import re

from generator.build.pipeline import generate
from generator.export.fhir import definitions
from tests.site.conftest import make_project

from .conftest import ADDRESS


def test_generate_publishes_the_bundle_and_its_definitions_beside_it(tmp_path):
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*$", "", config.read_text(encoding="utf-8"))
                      + f"\nsite_url: {ADDRESS}\n", encoding="utf-8")
    generated = generate(project)
    protocol = generated.handbook.protocols[0]
    docs = project / "site_src" / "fhir"
    names = set(definitions(protocol, ADDRESS))
    assert {path.name for path in docs.iterdir()} == {f"{protocol.id}.json", *names}
    data = json.loads((docs / f"{protocol.id}.json").read_text(encoding="utf-8"))
    assert data["entry"][0]["fullUrl"] == f"{ADDRESS}fhir/PlanDefinition/{protocol.id}"
    assert data["entry"][0]["resource"]["publisher"] == "ITBS rehab handbook"
    dose = json.loads((docs / "StructureDefinition-exercise-dose.json").read_text(encoding="utf-8"))
    assert dose["url"] == f"{ADDRESS}fhir/StructureDefinition/exercise-dose"
    text = json.dumps(data)
    assert dose["url"] in text
    measures = json.loads((docs / f"CodeSystem-{protocol.id}-measure.json").read_text(encoding="utf-8"))
    assert {concept["code"] for concept in measures["concept"]} == set(protocol.measures)
