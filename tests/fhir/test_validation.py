"""The real protocol's Bundle is valid FHIR R4: structure by fhir.resources' R4B models, and what they leave out
(codes of required bindings, empty values, R4B-only elements, ids, links between resources) checked here."""

from __future__ import annotations

import json
import re

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from generator.export.fhir import bundle, definitions

from .conftest import ADDRESS, PUBLISHER

#: FHIR R4 required bindings the Bundle uses: element name -> allowed codes.
REQUIRED_CODES = {
    "status": {"draft", "active", "retired", "unknown"},
    "kind": {"applicability", "start", "stop", "ServiceRequest", "CommunicationRequest"},
    "priority": {"routine", "urgent", "asap", "stat"},
    "relationship": {"before-start", "before", "before-end", "concurrent-with-start", "concurrent",
                     "concurrent-with-end", "after-start", "after", "after-end"},
    "comparator": {"<", "<=", ">=", ">"},
    "intent": {"proposal", "plan", "directive", "order", "original-order", "reflex-order", "filler-order",
               "instance-order", "option"},
    "periodUnit": {"s", "min", "h", "d", "wk", "mo", "a"},
    "durationUnit": {"s", "min", "h", "d", "wk", "mo", "a"},
    "permittedDataType": {"Quantity", "CodeableConcept", "string", "boolean", "integer", "Range", "Ratio",
                          "SampledData", "time", "dateTime", "Period"},
    "category": {"reference", "critical", "absolute"},
    "method": {"PUT"},
}
#: elements R4B added to these resources; R4 does not have them.
R4B_ONLY = {"subjectCanonical"}
#: where the code systems and extensions of HL7, UCUM and SNOMED CT live.
STANDARDS = ("http://hl7.org/fhir/", "http://terminology.hl7.org/", "http://unitsofmeasure.org", "http://snomed.info/",
             "http://loinc.org", "urn:ietf:rfc:3986")
FHIR_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")


def walk(value, key=None):
    """(key, value) of every element, depth first."""
    yield key, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item, key)


@pytest.fixture(scope="module", params=[ADDRESS, None], ids=["address", "no-address"])
def real_bundle(request, real_protocol):
    return bundle(real_protocol, request.param, publisher=PUBLISHER)


@pytest.fixture(scope="module", params=[ADDRESS, None], ids=["address", "no-address"])
def exported(request, real_protocol):
    """The address, the Bundle and the definitions published beside it."""
    address = request.param
    return address, bundle(real_protocol, address, publisher=PUBLISHER), definitions(real_protocol, address,
                                                                                   publisher=PUBLISHER)


def test_bundle_validates_with_fhir_resources(real_bundle):
    Bundle.model_validate(real_bundle)
    for entry in real_bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)


def test_definitions_validate_with_fhir_resources(exported):
    for resource in exported[2].values():
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)


def test_codes_of_required_bindings(real_bundle):
    for key, value in walk(real_bundle):
        if key in REQUIRED_CODES and isinstance(value, str):
            assert value in REQUIRED_CODES[key], f"{key}: {value!r}"


def test_no_empty_values_and_no_r4b_only_elements(real_bundle):
    for key, value in walk(real_bundle):
        assert value not in ([], {}, None, ""), f"empty {key}"
        assert key not in R4B_ONLY


def test_ids_are_fhir_ids_and_unique(real_bundle):
    ids = [entry["resource"]["id"] for entry in real_bundle["entry"]]
    assert all(FHIR_ID.match(i) for i in ids)
    assert len(ids) == len(set(ids))


def test_every_entry_has_a_full_url_and_every_link_resolves_inside_the_bundle(exported):
    address, data, published = exported
    full_urls = [entry["fullUrl"] for entry in data["entry"]]
    assert len(set(full_urls)) == len(full_urls)
    for entry in data["entry"]:
        resource = entry["resource"]
        if "url" in resource:
            assert resource["url"] == entry["fullUrl"]
        else:  # R4's ObservationDefinition has no url: its address is its identifier
            assert resource["identifier"] == [{"system": "urn:ietf:rfc:3986", "value": entry["fullUrl"]}]
        if address:
            assert entry["fullUrl"] == f"{address}fhir/{resource['resourceType']}/{resource['id']}"
        else:
            assert re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
                                entry["fullUrl"])
    by_url = {entry["fullUrl"]: entry["resource"] for entry in data["entry"]}
    plan = data["entry"][0]["resource"]
    goals = {goal["id"] for goal in plan["goal"]}
    phases = {action["id"] for action in plan["action"]}
    linked = {"ActivityDefinition": 0, "ObservationDefinition": 0, "Library": 0}
    for key, value in walk(data):
        if key in ("definitionCanonical", "library", "reference") and isinstance(value, str):
            assert value in by_url, f"{key} {value} resolves to no entry"
            linked[by_url[value]["resourceType"]] += 1
        if key == "goalId" and isinstance(value, str):
            assert value in goals
        if key == "actionId":
            assert value in phases
    observations = {url for url, r in by_url.items() if r["resourceType"] == "ObservationDefinition"}
    referenced = {v for k, v in walk(data) if k == "reference"}
    assert observations <= referenced, "every ObservationDefinition is linked from the data its rules read"
    assert all(linked.values())


def test_extensions_and_code_systems_used_are_published_beside_the_bundle(exported, real_protocol):
    address, data, published = exported
    definitions_by_url = {resource["url"]: resource for resource in published.values()}
    assert all(name == f"{r['resourceType']}-{r['id']}.json" for name, r in published.items())
    used = set()
    for key, value in walk(data):
        if key == "extension" and isinstance(value, dict) and ":" in value["url"] \
                and not value["url"].startswith(STANDARDS):  # a part of a complex extension has a bare name
            definition = definitions_by_url[value["url"]]
            used.add(definition["id"])
            assert definition["resourceType"] == "StructureDefinition" and definition["type"] == "Extension"
            allowed = {e["sliceName"] for e in definition["differential"]["element"] if "sliceName" in e}
            assert {part["url"] for part in value.get("extension", [])} <= allowed
        if key in ("coding", "code") and isinstance(value, dict) and "system" in value \
                and not value["system"].startswith(STANDARDS):
            system = definitions_by_url[value["system"]]
            used.add(system["id"])
            assert value["code"] in {concept["code"] for concept in system["concept"]}
    text = json.dumps(data)
    categories = {f"itbs-runners-{m.id}": m for m in real_protocol.measures.values() if m.kind == "categorical"}
    for resource in published.values():
        if resource["id"] in categories:  # the codes an observation of a categorical measure carries
            assert [c["code"] for c in resource["concept"]] == categories[resource["id"]].values
        else:
            assert resource["url"] in text, f"{resource['id']} is published but the Bundle does not use it"
    assert used <= {resource["id"] for resource in published.values()}
    dose = published["StructureDefinition-exercise-dose.json"]
    assert dose["url"] == (f"{address}fhir/StructureDefinition/exercise-dose" if address else dose["url"])
    assert dose["context"] == [{"type": "element", "expression": "Dosage"}]
    assert dose["experimental"] is (address is None) and dose["publisher"] == PUBLISHER
    measures = published["CodeSystem-itbs-runners-measure.json"]
    assert measures["content"] == "complete" and measures["count"] == len(measures["concept"]) > 10


def test_canonical_urls_under_the_address_and_uuids_without_it(real_protocol):
    with_address = bundle(real_protocol, ADDRESS)
    for entry in with_address["entry"]:
        assert entry["fullUrl"].startswith(f"{ADDRESS}fhir/")
    without = bundle(real_protocol, None)
    citations = {reference.link for reference in real_protocol.references}
    addresses = {v for k, v in walk(without) if k in ("url", "system", "reference", "definitionCanonical")
                 and isinstance(v, str)}
    made_up = {a for a in addresses - citations if ":" in a  # not the bare name of a part of an extension
               and not a.startswith(STANDARDS) and not a.startswith("urn:uuid:")}
    assert made_up == set(), "without site_url no address is made up"
    assert bundle(real_protocol, None) == without, "the same content gives the same uuids"
