"""The real protocol's Bundle is valid FHIR R4: structure by fhir.resources' R4B models, and what they leave out
(codes of required bindings, empty values, R4B-only elements, ids, links between resources) checked here."""

from __future__ import annotations

import re

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from generator.export.fhir import bundle

from .conftest import ADDRESS

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
}
#: elements R4B added to these resources; R4 does not have them.
R4B_ONLY = {"subjectCanonical"}
#: where the code systems and extensions of HL7, UCUM and SNOMED CT live.
STANDARDS = ("http://hl7.org/fhir/", "http://terminology.hl7.org/", "http://unitsofmeasure.org", "http://snomed.info/")
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
    return bundle(real_protocol, request.param)


def test_bundle_validates_with_fhir_resources(real_bundle):
    Bundle.model_validate(real_bundle)
    for entry in real_bundle["entry"]:
        resource = entry["resource"]
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


def test_links_resolve_inside_the_bundle(real_bundle):
    plan = real_bundle["entry"][0]["resource"]
    named = {entry["resource"].get("url") or f"{entry['resource']['resourceType']}/{entry['resource']['id']}"
             for entry in real_bundle["entry"]}
    goals = {goal["id"] for goal in plan["goal"]}
    phases = {action["id"] for action in plan["action"]}
    for key, value in walk(plan):
        if isinstance(value, list):
            continue
        if key == "definitionCanonical":
            assert value in named
        if key == "goalId":
            assert value in goals
        if key == "actionId":
            assert value in phases


def test_canonical_urls_under_the_address_and_none_without_it(real_protocol):
    with_address = bundle(real_protocol, ADDRESS)
    for entry in with_address["entry"]:
        resource = entry["resource"]
        assert entry["fullUrl"] == f"{ADDRESS}fhir/{resource['resourceType']}/{resource['id']}"
        assert resource.get("url", entry["fullUrl"]) == entry["fullUrl"]
    without = bundle(real_protocol, None)
    assert all("fullUrl" not in entry and "url" not in entry["resource"] for entry in without["entry"])
    citations = {reference.link for reference in real_protocol.references}
    addresses = {v for k, v in walk(without) if k in ("url", "system", "reference") and isinstance(v, str)}
    assert {a for a in addresses - citations if not a.startswith(STANDARDS)} == set()
