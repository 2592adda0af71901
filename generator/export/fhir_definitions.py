"""The definitions a handbook Bundle uses, published beside it: its extensions and its code systems.

Three extensions (StructureDefinitions): ``exercise-dose`` (sets, reps, hold, rest, tempo and side on a Dosage),
``handbook-rule`` (a rule FHIRPath cannot say, on a PlanDefinition action's condition) and
``observation-definition`` (the ObservationDefinition of a DataRequirement's measure). Code systems: the
protocol's measures, and the categories of each categorical measure. Each is a resource of its own, written as
``<Type>-<id>.json`` as FHIR packages name their files. The StructureDefinitions leave ``fhirVersion`` out (it is
optional): HL7's R4 JSON schema lists no 4.0.1 among its values, and 4.0.0 would not be true.
"""

from __future__ import annotations

from dataclasses import dataclass

from .fhir_identity import Identity
from .fhir_text import plain
from ..model import Measure, Protocol

EXTENSION = "http://hl7.org/fhir/StructureDefinition/Extension"
DOSE = "exercise-dose"
RULE = "handbook-rule"
OBSERVATION_DEFINITION = "observation-definition"
RULES_PAGE = "clinicians/rules/"


@dataclass(frozen=True)
class Part:
    """One part of a complex extension: its name, the types of its value, what it holds."""

    name: str
    types: tuple[str, ...]
    short: str
    required: bool = False


DOSE_PARTS = (
    Part("sets", ("integer", "Range"), "Sets: a number, or a range such as 2-3"),
    Part("reps", ("integer", "Range"), "Repetitions per set: a number, or a range such as 10-15"),
    Part("hold", ("Quantity", "Range"), "How long each repetition is held, in seconds (UCUM s)"),
    Part("rest", ("Quantity", "Range"), "Rest between sets, in seconds (UCUM s)"),
    Part("tempo", ("string",), "The tempo of each repetition, in words"),
    Part("side", ("code",), "each (one side, then the other) or both"),
)
RULE_PARTS = (
    Part("text", ("string",), "The rule in words", required=True),
    Part("rule", ("string",), "The rule as JSON in the handbook's rule language", required=True),
)


class Definitions:
    """The definitions of one protocol's export, with the urls, status and publisher of that export."""

    def __init__(self, identity: Identity, publisher: str | None):
        self.identity = identity
        self.publisher = publisher

    def url(self, kind: str, resource_id: str) -> str:
        return self.identity.url(kind, resource_id)

    def extension_url(self, name: str) -> str:
        return self.url("StructureDefinition", name)

    def code_system_url(self, name: str) -> str:
        return self.url("CodeSystem", name)

    def shared(self, resource_id: str, kind: str, name: str, title: str) -> dict:
        """What every definition has: identity, name, status, and who publishes it."""
        return {"resourceType": kind, "id": resource_id, "url": self.url(kind, resource_id), "name": name,
                "title": title, "status": "active", "experimental": not self.identity.published,
                **({"publisher": self.publisher} if self.publisher else {})}

    # -- extensions ---------------------------------------------------------------------------------------------

    def extensions(self) -> list[dict]:
        rules_page = self.identity.page(RULES_PAGE)
        rule_meaning = f" Its meaning is given at {rules_page}." if rules_page else \
            " Its meaning is given on the handbook's page How rules are evaluated."
        return [
            self.complex_extension(
                DOSE, "ExerciseDose", "Exercise dose", "Dosage",
                "How much of an exercise to do, in the parts FHIR R4's Dosage has no element for. The dose is also "
                "given in words in Dosage.text.", DOSE_PARTS),
            self.complex_extension(
                RULE, "HandbookRule", "Handbook rule", "PlanDefinition.action.condition",
                "A rule that FHIRPath over one observation cannot say (a look-back window, a value sustained over "
                "sessions, a change from the period before, one kind of activity), in words and in the handbook's "
                "own rule language, as JSON." + rule_meaning, RULE_PARTS),
            self.simple_extension(
                OBSERVATION_DEFINITION, "ObservationDefinitionOfData", "Observation definition of the data",
                "DataRequirement",
                "The ObservationDefinition of the measure whose observations a data requirement asks for: its "
                "code, unit, range and how it is taken.",
                {"code": "Reference", "targetProfile": ["http://hl7.org/fhir/StructureDefinition/ObservationDefinition"]}),
        ]

    def structure(self, resource_id: str, name: str, title: str, context: str, description: str,
                  elements: list[dict], value: dict) -> dict:
        """An extension's StructureDefinition; its differential in the order of the base Extension's elements
        (extension, url, value[x])."""
        return {
            **self.shared(resource_id, "StructureDefinition", name, title),
            "description": description, "kind": "complex-type", "abstract": False,
            "context": [{"type": "element", "expression": context}],
            "type": "Extension", "baseDefinition": EXTENSION, "derivation": "constraint",
            "differential": {"element": [
                {"id": "Extension", "path": "Extension", "short": title, "definition": description},
                *elements,
                {"id": "Extension.url", "path": "Extension.url", "fixedUri": self.extension_url(resource_id)},
                {"id": "Extension.value[x]", "path": "Extension.value[x]", **value},
            ]},
        }

    def complex_extension(self, resource_id: str, name: str, title: str, context: str, description: str,
                          parts: tuple[Part, ...]) -> dict:
        elements = [{"id": "Extension.extension", "path": "Extension.extension",
                     "slicing": {"discriminator": [{"type": "value", "path": "url"}], "rules": "closed"}}]
        for part in parts:
            at = f"Extension.extension:{part.name}"
            elements += [
                {"id": at, "path": "Extension.extension", "sliceName": part.name, "short": part.short,
                 "definition": part.short, "min": 1 if part.required else 0, "max": "1"},
                {"id": f"{at}.extension", "path": "Extension.extension.extension", "max": "0"},
                {"id": f"{at}.url", "path": "Extension.extension.url", "fixedUri": part.name},
                {"id": f"{at}.value[x]", "path": "Extension.extension.value[x]", "min": 1,
                 "type": [{"code": code} for code in part.types]},
            ]
        return self.structure(resource_id, name, title, context, description, elements, {"max": "0"})

    def simple_extension(self, resource_id: str, name: str, title: str, context: str, description: str,
                         value_type: dict) -> dict:
        return self.structure(resource_id, name, title, context, description,
                              [{"id": "Extension.extension", "path": "Extension.extension", "max": "0"}],
                              {"min": 1, "type": [value_type]})

    # -- code systems -------------------------------------------------------------------------------------------

    def code_systems(self, protocol: Protocol) -> list[dict]:
        measures = list(protocol.measures.values())
        found = [self.code_system(
            measure_system(protocol), protocol, "Measure", f"{protocol.title}: measures",
            "What the protocol asks the athlete to record; each measure's id is its code.",
            [{"code": m.id, "display": m.name, "definition": plain(m.how)} for m in measures])]
        for measure in measures:
            if measure.kind == "categorical":
                found.append(self.code_system(
                    category_system(protocol, measure), protocol, _pascal(measure.id), f"{measure.name}: categories",
                    f"The values of the measure {measure.name}, best first.",
                    [{"code": value, "display": value} for value in measure.values]))
        return found

    def code_system(self, resource_id: str, protocol: Protocol, name: str, title: str, description: str,
                    concepts: list[dict]) -> dict:
        return {
            **self.shared(resource_id, "CodeSystem", _pascal(protocol.id) + name, title),
            "version": protocol.version, "status": protocol.status, "description": description,
            "caseSensitive": True, "content": "complete", "count": len(concepts), "concept": concepts,
        }

    def published(self, protocol: Protocol) -> dict[str, dict]:
        """File name (``<Type>-<id>.json``) -> resource, for every definition the protocol's Bundle uses."""
        resources = [*self.extensions(), *self.code_systems(protocol)]
        return {f"{r['resourceType']}-{r['id']}.json": r for r in resources}


def measure_system(protocol: Protocol) -> str:
    return f"{protocol.id}-measure"


def category_system(protocol: Protocol, measure: Measure) -> str:
    return f"{protocol.id}-{measure.id}"


def _pascal(value: str) -> str:
    return "".join(part.capitalize() for part in value.split("-"))
