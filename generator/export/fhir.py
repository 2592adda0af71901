"""The protocols as HL7 FHIR R4: one Bundle per protocol, following the CPG-on-FHIR guide.

The protocol is a PlanDefinition whose actions are the phases; each phase holds its drills (each an
ActivityDefinition of kind ServiceRequest) and its warning signs (each pointing to an ActivityDefinition of kind
CommunicationRequest that says what to do); measures are ObservationDefinitions, and a Library holds every rule in
the handbook's own language with the data they read. Exit criteria are goals and ``stop`` conditions; warning-sign
rules are ``applicability`` conditions behind a ``data-changed`` trigger. A condition is FHIRPath where FHIRPath
over the latest observations can say the rule, else the ``handbook-rule`` extension carries it.

Every resource has a canonical url and every entry a ``fullUrl`` (:mod:`.fhir_identity`): under the
handbook's address (``site_url``), or a ``urn:uuid:`` without one. The extensions and code systems the Bundle
uses are published beside it (:mod:`.fhir_definitions`). ``site_src/clinicians/fhir.md`` documents the
mapping. Nothing here knows about HTML or MkDocs.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

from ..content.prose import Target
from ..model import (
    ACTIONS,
    NBSP,
    Criterion,
    Drill,
    Evidence,
    Measure,
    Phase,
    Prescription,
    Protocol,
    Reference,
    Rule,
    RuleGroup,
    Sustained,
    WarningSign,
)
from .fhir_definitions import DOSE, OBSERVATION_DEFINITION, RULE, RULES_PAGE, Definitions, category_system, \
    measure_system
from .fhir_identity import URI_SYSTEM, Identity, fhir_id
from .fhir_text import escaped, markdown, plain

FORMAT = "fhir"
#: Bundle types the export writes: a collection to read, a transaction to load into a FHIR server.
BUNDLE_TYPES = ("collection", "transaction")
UCUM = "http://unitsofmeasure.org"
LOINC = "http://loinc.org"
EXERCISE_THERAPY = {"system": "http://snomed.info/sct", "code": "229065009", "display": "Exercise therapy"}
YES_NO = "http://terminology.hl7.org/CodeSystem/v2-0136"
QUALITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/evidence-quality"
QUALITY_OF_EVIDENCE = "http://hl7.org/fhir/StructureDefinition/cqf-qualityOfEvidence"
VARIABLE = "http://hl7.org/fhir/StructureDefinition/variable"
LOGIC_LIBRARY = {"system": "http://terminology.hl7.org/CodeSystem/library-type", "code": "logic-library",
                 "display": "Logic Library"}
#: measure kind -> UCUM code of its values.
UNITS = {"scale": "{score}", "seconds": "s", "minutes": "min", "percent": "%", "count": "{count}", "distance": "km"}
DATA_TYPES = {"boolean": "boolean", "categorical": "CodeableConcept"}
#: warning-sign severity -> request priority (routine < urgent < asap).
PRIORITIES = {"red": "asap", "amber": "urgent", "green": "routine"}
#: evidence level -> GRADE's starting rating for the design; trials and reviews are rated by judgement, not design.
QUALITY = {"cohort": ("low", "Low quality"), "case-control": ("low", "Low quality"),
           "cross-sectional": ("low", "Low quality"), "case-series": ("low", "Low quality"),
           "expert-opinion": ("very-low", "Very low quality"), "clinical-consensus": ("very-low", "Very low quality")}
COMPARATORS = {"<", "<=", ">=", ">"}
FHIRPATH_OPERATORS = {"<": "<", "<=": "<=", "==": "=", ">=": ">=", ">": ">"}
#: a handbook link (drill:clamshell) -> the path of its page under the site (drills/clamshell/), or None.
Pages = Callable[[Target], "str | None"]


def _pascal(value: str) -> str:
    return "".join(part.capitalize() for part in value.split("-"))


def _bounds(value) -> tuple[int, int | None]:
    """An amount's low and high ends: 12 -> (12, None), '10-15' -> (10, 15)."""
    low, _, high = str(value).partition("-")
    return int(low), int(high) if high else None


def _amount(value) -> dict:
    """A dose amount as an extension value: 12 -> valueInteger, '10-15' -> valueRange."""
    low, high = _bounds(value)
    if high is None:
        return {"valueInteger": low}
    return {"valueRange": {"low": {"value": low}, "high": {"value": high}}}


def _seconds(value) -> dict:
    """A time in seconds as an extension value: valueQuantity, or valueRange for '20-30'."""
    low, high = _bounds(value)
    if high is None:
        return {"valueQuantity": _quantity_s(low)}
    return {"valueRange": {"low": _quantity_s(low), "high": _quantity_s(high)}}


def _quantity_s(value: int) -> dict:
    return {"value": value, "unit": "s", "system": UCUM, "code": "s"}


class Export:
    """One protocol's Bundle; ``address`` is the handbook's web address ending in '/', or None; ``publisher`` the
    handbook's name; ``pages`` places handbook links on the site."""

    def __init__(self, protocol: Protocol, address: str | None, publisher: str | None = None,
                 pages: Pages | None = None):
        self.protocol = protocol
        self.ids = Identity(address)
        self.address = address
        self.publisher = publisher
        self.definitions = Definitions(self.ids, publisher)
        self.pages = pages
        self.drills: dict[str, dict] = {}
        self.messages: dict[str, dict] = {}

    # -- addresses, codes and texts -----------------------------------------------------------------------------

    def url(self, kind: str, resource_id: str) -> str:
        return self.ids.url(kind, resource_id)

    def identity(self, kind: str, resource_id: str) -> dict:
        return {"resourceType": kind, "id": resource_id, "url": self.url(kind, resource_id)}

    def shareable(self, name: str) -> dict:
        """The elements HL7's shareable and computable profiles ask of a definition, beside its url and version."""
        return {"name": name, "experimental": not self.ids.published,
                **({"publisher": self.publisher} if self.publisher else {})}

    def page(self, target: Target) -> str | None:
        """A handbook link's absolute address on the site, or None (then the link is its words)."""
        path = self.pages(target) if self.pages else None
        return self.ids.page(path) if path else None

    def markdown(self, text: str | None) -> str | None:
        return markdown(text, self.page) if text else None

    def measure_concept(self, measure: Measure) -> dict:
        """The measure's code in the protocol's code system, and LOINC's code where the content gives one."""
        own = {"system": self.definitions.code_system_url(measure_system(self.protocol)), "code": measure.id,
               "display": measure.name}
        loinc = [{"system": LOINC, "code": measure.loinc}] if measure.loinc else []
        return {"coding": [own, *loinc], "text": measure.name}

    def value_system(self, measure: Measure) -> str:
        return self.definitions.code_system_url(category_system(self.protocol, measure))

    def observation_url(self, measure: Measure) -> str:
        return self.url("ObservationDefinition", fhir_id(self.protocol.id, measure.id))

    # -- the Bundle ---------------------------------------------------------------------------------------------

    def bundle(self, kind: str = "collection") -> dict:
        plan = self.plan()
        resources = [plan, self.library(), *self.drills.values(),
                     *(self.messages[a] for a in ACTIONS if a in self.messages),
                     *(self.observation(m) for m in self.protocol.measures.values())]
        entries = [{"fullUrl": self.url(r["resourceType"], r["id"]), "resource": r,
                    **({"request": {"method": "PUT", "url": f"{r['resourceType']}/{r['id']}"}}
                       if kind == "transaction" else {})}
                   for r in resources]
        return _pruned({"resourceType": "Bundle", "id": self.protocol.id, "type": kind, "entry": entries})

    def plan(self) -> dict:
        p = self.protocol
        return {
            **self.identity("PlanDefinition", p.id),
            "version": p.version, **self.shareable(_pascal(p.id)), "title": p.title,
            "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/plan-definition-type",
                                 "code": "clinical-protocol", "display": "Clinical Protocol"}]},
            "status": p.status,
            **({"date": p.changes[0].date} if p.changes else {}),
            "description": self.markdown(p.summary),
            "useContext": [{"code": {"system": "http://terminology.hl7.org/CodeSystem/usage-context-type",
                                     "code": "focus", "display": "Clinical Focus"},
                            "valueCodeableConcept": {"text": p.condition}}],
            "lastReviewDate": p.reviewed_date,
            "reviewer": [{"name": name} for name in p.reviewers],
            "relatedArtifact": [self.citation(r) for r in p.references],
            "library": [self.url("Library", self.library_id)],
            "goal": [self.goal(phase, n, c) for phase in p.phases for n, c in enumerate(phase.exit_criteria, 1)],
            "action": [self.phase(phase) for phase in p.phases],
        }

    @property
    def library_id(self) -> str:
        return fhir_id(self.protocol.id, "rules")

    def library(self) -> dict:
        """The protocol's rules in the handbook's own language (JSON), with the observations they read."""
        p = self.protocol
        rules = {"exit_criteria": {phase.id: [rule_data(c.rule) for c in phase.exit_criteria]
                                   for phase in p.phases if phase.exit_criteria},
                 "warning_signs": {sign.id: rule_data(sign.rule) for sign in p.warning_signs if sign.rule}}
        data = json.dumps(rules, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
        rules_page = self.ids.page(RULES_PAGE)
        meaning = f"[How rules are evaluated]({rules_page})" if rules_page else "the handbook's page How rules are evaluated"
        return {
            **self.identity("Library", self.library_id), "version": p.version,
            **self.shareable(_pascal(p.id) + "Rules"), "title": f"{p.title}: rules",
            "status": p.status, "type": {"coding": [LOGIC_LIBRARY]},
            "description": "Every exit criterion and warning-sign rule of the protocol in the handbook's rule "
                           f"language, as JSON; {meaning} gives their meaning.",
            "relatedArtifact": [{"type": "documentation", "display": "How rules are evaluated", "url": rules_page}]
            if rules_page else [],
            "dataRequirement": [self.data(m) for m in p.measures.values()],
            "content": [{"contentType": "application/json", "data": base64.b64encode(data).decode("ascii"),
                         "title": "Rules"}],
        }

    # -- phases, drills, warning signs --------------------------------------------------------------------------

    def phase(self, phase: Phase) -> dict:
        words = [plain(phase.summary)] if phase.summary else []
        words.append("Goals: " + " ".join(plain(goal) for goal in phase.goals))
        rules = [c.rule for c in phase.exit_criteria]
        return {
            "extension": self.variables(rules),
            "id": phase.id, "title": phase.heading, "description": "\n\n".join(words),
            "goalId": [self.goal_id(phase, n) for n in range(1, len(phase.exit_criteria) + 1)],
            "input": self.inputs(rules),
            "condition": [self.condition("stop", c.rule) for c in phase.exit_criteria],
            **({"relatedAction": [{"actionId": phase.prev.id, "relationship": "after-end"}]} if phase.prev else {}),
            "timingRange": {"low": self.weeks(phase.min_weeks), "high": self.weeks(phase.max_weeks)},
            "action": [self.prescription(phase, p) for p in phase.prescriptions]
                      + [self.warning_sign(phase, s) for s in phase.warning_signs],
        }

    @staticmethod
    def weeks(count: int) -> dict:
        return {"value": count, "unit": "weeks", "system": UCUM, "code": "wk"}

    @staticmethod
    def goal_id(phase: Phase, number: int) -> str:
        return f"{phase.id}.exit-{number}"

    def goal(self, phase: Phase, number: int, criterion: Criterion) -> dict:
        """An exit criterion: its words and threshold (with any sustained window) and the targets R4 can hold."""
        return {
            "id": self.goal_id(phase, number),
            **self.evidence(criterion.evidence),
            "description": {"text": f"{plain(criterion.text)} ({criterion.threshold})"},
            "target": self.targets(criterion.rule),
            "documentation": [self.citation(r) for r in criterion.references],
        }

    def prescription(self, phase: Phase, prescription: Prescription) -> dict:
        drill = prescription.drill
        resource_id = fhir_id(self.protocol.id, phase.id, drill.id)
        self.drills[resource_id] = self.activity(resource_id, phase, prescription)
        return {"id": f"{phase.id}.drill.{drill.id}", "title": drill.name,
                **({"description": plain(prescription.note)} if prescription.note else {}),
                "textEquivalent": f"{drill.name}: {prescription.dosage.text()}",
                "definitionCanonical": self.url("ActivityDefinition", resource_id)}

    def activity(self, resource_id: str, phase: Phase, prescription: Prescription) -> dict:
        """A drill as a phase prescribes it: exercise therapy with the phase's dose and weekly timing."""
        drill, dosage = prescription.drill, prescription.dosage
        return {
            **self.identity("ActivityDefinition", resource_id),
            **self.evidence(drill.evidence),
            "version": self.protocol.version, **self.shareable(_pascal(f"{phase.id}-{drill.id}")),
            "title": f"{drill.name} ({phase.heading})",
            "status": self.protocol.status,
            "description": self.markdown(drill.summary),
            "relatedArtifact": [self.citation(r) for r in drill.references],
            "kind": "ServiceRequest", "intent": "proposal",
            "code": {"coding": [EXERCISE_THERAPY], "text": drill.name},
            **self.timing(dosage),
            "dosage": [{**self.dose(dosage), "text": dosage.text(), **self.instructions(drill)}],
        }

    @staticmethod
    def timing(dosage) -> dict:
        """Sessions per week and each session's length as a Timing; nothing when the dose gives neither."""
        repeat = {}
        if dosage.duration_minutes is not None:
            low, high = _bounds(dosage.duration_minutes)
            repeat.update({"duration": low, **({"durationMax": high} if high else {}), "durationUnit": "min"})
        if dosage.per_week:
            repeat.update({"frequency": dosage.per_week, "period": 1, "periodUnit": "wk"})
        return {"timingTiming": {"repeat": repeat}} if repeat else {}

    def dose(self, dosage) -> dict:
        """Sets, reps, hold, rest, tempo and side in the handbook's dose extension (R4 has no element for them)."""
        parts = [{"url": "sets", **_amount(dosage.sets)} if dosage.sets is not None else None,
                 {"url": "reps", **_amount(dosage.reps)} if dosage.reps is not None else None,
                 {"url": "hold", **_seconds(dosage.hold_seconds)} if dosage.hold_seconds is not None else None,
                 {"url": "rest", **_seconds(dosage.rest_seconds)} if dosage.rest_seconds is not None else None,
                 {"url": "tempo", "valueString": dosage.tempo} if dosage.tempo else None,
                 {"url": "side", "valueCode": dosage.side} if dosage.side else None]
        parts = [part for part in parts if part]
        if not parts:
            return {}
        return {"extension": [{"url": self.definitions.extension_url(DOSE), "extension": parts}]}

    @staticmethod
    def instructions(drill: Drill) -> dict:
        steps = [f"{n}. {plain(step)}" for n, step in enumerate(drill.steps, 1)]
        return {"patientInstruction": "\n".join(steps)} if steps else {}

    def warning_sign(self, phase: Phase, sign: WarningSign) -> dict:
        """A warning sign: watched for when its measures change, with its action as a message to the athlete."""
        said = f"{sign.severity.capitalize()} warning sign: {sign.action_text}."
        rule = sign.rule
        return {
            "extension": [*self.evidence(sign.evidence).get("extension", []), *self.variables([rule] if rule else [])],
            "id": f"{phase.id}.warning-sign.{sign.id}", "title": sign.name, "description": plain(sign.description),
            "textEquivalent": f"{said} {plain(sign.advice)}" if sign.advice else said,
            "priority": PRIORITIES[sign.severity],
            "documentation": [self.citation(r) for r in sign.references],
            **({"trigger": [{"type": "data-changed", "name": sign.id, "data": [self.data(m) for m in rule.measures]}],
                "condition": [self.condition("applicability", rule)]} if rule else {}),
            "definitionCanonical": self.message(sign.action),
        }

    def message(self, action: str) -> str:
        resource_id = fhir_id(self.protocol.id, action)
        self.messages.setdefault(action, {
            **self.identity("ActivityDefinition", resource_id), "version": self.protocol.version,
            **self.shareable(_pascal(action)), "title": ACTIONS[action], "status": self.protocol.status,
            "description": ACTIONS[action], "kind": "CommunicationRequest", "intent": "proposal",
        })
        return self.url("ActivityDefinition", resource_id)

    def data(self, measure: Measure) -> dict:
        """Observations of a measure, found by its codes, with a link to the measure's ObservationDefinition."""
        return {"type": "Observation",
                "extension": [{"url": self.definitions.extension_url(OBSERVATION_DEFINITION),
                               "valueReference": {"reference": self.observation_url(measure),
                                                  "display": measure.name}}],
                "codeFilter": [{"path": "code", "code": self.measure_concept(measure)["coding"]}]}

    def inputs(self, rules: list) -> list[dict]:
        """The observations ``rules`` read, one data requirement per measure, in the order the rules name them."""
        measures = {m.id: m for rule in rules for m in rule.measures}
        return [self.data(m) for m in measures.values()]

    # -- rules --------------------------------------------------------------------------------------------------

    def targets(self, rule: Rule | RuleGroup) -> list[dict]:
        """Goal targets for a rule; none for what a target cannot mean (a change, 'any of'), which the goal's
        words carry."""
        if isinstance(rule, RuleGroup):
            parts = [self.targets(part) for part in rule.parts]
            return [t for part in parts for t in part] if rule.combine == "all" and all(parts) else []
        if rule.change:
            return []
        return [{"measure": self.measure_concept(rule.measure), **self.detail(rule)}]

    def detail(self, rule: Rule) -> dict:
        measure = rule.measure
        if measure.kind == "boolean":
            code, display = ("Y", "Yes") if rule.value else ("N", "No")
            return {"detailCodeableConcept": {"coding": [{"system": YES_NO, "code": code, "display": display}],
                                              "text": measure.shown(rule.value)}}
        if measure.kind == "categorical":
            accepted = [v for v in measure.values if rule.holds(v)]
            coding = [{"system": self.value_system(measure), "code": accepted[0]}] if len(accepted) == 1 else []
            return {"detailCodeableConcept": {"coding": coding, "text": " or ".join(accepted)}}
        if rule.between:
            return {"detailRange": {"low": self.quantity(measure, rule.between[0]),
                                    "high": self.quantity(measure, rule.between[1])}}
        comparator = {"comparator": rule.operator} if rule.operator in COMPARATORS else {}
        return {"detailQuantity": {"value": rule.value, **comparator, **self.quantity(measure, None)}}

    @staticmethod
    def quantity(measure: Measure, value) -> dict:
        code = UNITS[measure.kind]
        return {**({"value": value} if value is not None else {}), "unit": measure.unit or code, "system": UCUM,
                "code": code}

    def condition(self, kind: str, rule: Rule | RuleGroup) -> dict:
        """A condition of ``kind``: FHIRPath where it can say the rule, else the rule in the handbook-rule
        extension (its words, and its own form as JSON, which the rules page explains)."""
        path = self.fhirpath(rule)
        if path:
            return {"kind": kind, "expression": {"description": rule.text(), "language": "text/fhirpath",
                                                 "expression": path}}
        written = json.dumps(rule_data(rule), ensure_ascii=False, separators=(",", ":"))
        return {"extension": [{"url": self.definitions.extension_url(RULE), "extension": [
            {"url": "text", "valueString": rule.text()}, {"url": "rule", "valueString": written}]}], "kind": kind}

    def fhirpath(self, rule: Rule | RuleGroup) -> str | None:
        """FHIRPath over the latest observation of each measure (see :meth:`variables`), or None when the rule
        needs a window of periods or a change from the period before, which FHIRPath over one value cannot say."""
        if isinstance(rule, RuleGroup):
            if rule.by_activity:
                return None
            parts = [self.fhirpath(part) for part in rule.parts]
            joined = f" {'and' if rule.combine == 'all' else 'or'} "
            return joined.join(f"({part})" for part in parts) if all(parts) else None
        if rule.change or rule.increase or rule.activity or rule.by_activity or rule.sustained not in (None, Sustained(1, "sessions")):
            return None
        value = f"%{_variable(rule.measure)}.entry.resource.value"
        kind = rule.measure.kind
        if kind == "boolean":
            return f"{value} = {'true' if rule.value else 'false'}"
        if kind == "categorical":
            accepted = " | ".join(f"'{v}'" for v in rule.measure.values if rule.holds(v))
            return f"{value}.coding.where(system = '{self.value_system(rule.measure)}').code in ({accepted})"
        if rule.between:
            return f"{value}.value >= {rule.between[0]} and {value}.value <= {rule.between[1]}"
        return f"{value}.value {FHIRPATH_OPERATORS[rule.operator]} {rule.value}"

    def variables(self, rules: list) -> list[dict]:
        """For each measure a FHIRPath condition of ``rules`` reads: a variable holding its latest observation."""
        measures = {m.id: m for rule in rules if self.fhirpath(rule) for m in rule.measures}
        return [{"url": VARIABLE, "valueExpression": {
            "name": _variable(m), "language": "application/x-fhir-query",
            "expression": "Observation?code=" + ",".join(f"{c['system']}|{c['code']}"
                                                         for c in self.measure_concept(m)["coding"])
                          + "&subject=Patient/{{%subject.id}}&_sort=-date&_count=1"}}
            for m in sorted(measures.values(), key=lambda m: m.id)]

    # -- measures, citations, evidence --------------------------------------------------------------------------

    def observation(self, measure: Measure) -> dict:
        """A measure: its code, the type of its values, their UCUM unit and range, and how it is taken. R4's
        ObservationDefinition has no url: its canonical address is its identifier (and the entry's fullUrl)."""
        resource_id = fhir_id(self.protocol.id, measure.id)
        how = plain(measure.how)
        if measure.kind == "categorical":
            how += f"\n\nValues, best first: {', '.join(measure.values)}."
        numeric = measure.kind in UNITS
        low = measure.min if measure.min is not None else 0 if measure.kind == "scale" else None
        high = measure.max if measure.max is not None else 10 if measure.kind == "scale" else None
        interval = {k: self.quantity(measure, v) for k, v in (("low", low), ("high", high)) if v is not None}
        return {
            "resourceType": "ObservationDefinition", "id": resource_id,
            "identifier": [{"system": URI_SYSTEM, "value": self.observation_url(measure)}],
            "code": self.measure_concept(measure),
            "permittedDataType": ["Quantity" if numeric else DATA_TYPES[measure.kind]],
            "method": {"text": how},
            **({"quantitativeDetails": {"unit": {"coding": [{"system": UCUM, "code": UNITS[measure.kind]}],
                                                 "text": measure.unit or UNITS[measure.kind]}}} if numeric else {}),
            **({"qualifiedInterval": [{"category": "absolute", "range": interval}]} if interval else {}),
        }

    def citation(self, reference: Reference) -> dict:
        return {**self.evidence(reference.evidence), "type": "citation", "label": reference.short,
                "display": reference.title, "citation": escaped(reference.citation()),
                **({"url": reference.link} if reference.link else {})}

    @staticmethod
    def evidence(evidence: Evidence | None) -> dict:
        """The CPG quality-of-evidence extension: GRADE's rating where the design gives it, the level in words."""
        if evidence is None:
            return {}
        words = f"{evidence.level_text}: {plain(evidence.note)}" if evidence.note else evidence.level_text
        quality = QUALITY.get(evidence.level)
        coding = {"coding": [{"system": QUALITY_SYSTEM, "code": quality[0], "display": quality[1]}]} if quality else {}
        return {"extension": [{"url": QUALITY_OF_EVIDENCE, "valueCodeableConcept": {**coding, "text": words}}]}


def _pruned(value):
    """``value`` without empty lists and objects, which FHIR does not allow, and with plain spaces in texts."""
    if isinstance(value, str):
        return value.replace(NBSP, " ")
    if isinstance(value, dict):
        value = {key: _pruned(item) for key, item in value.items()}
        return {key: item for key, item in value.items() if item not in ([], {}, None)}
    if isinstance(value, list):
        return [item for item in map(_pruned, value) if item not in ([], {}, None)]
    return value


def _variable(measure: Measure) -> str:
    """A measure's id as a FHIRPath name: 'pain-run' -> 'painRun'."""
    first, *rest = measure.id.split("-")
    return first + "".join(part.capitalize() for part in rest)


def rule_data(rule: Rule | RuleGroup) -> dict:
    """A rule in the handbook's own form, as the protocol's YAML and published JSON write it."""
    if isinstance(rule, RuleGroup):
        return {rule.combine: [rule_data(part) for part in rule.parts],
                **({"within": {"days": rule.within}} if rule.within else {}),
                **({"by_activity": True} if rule.by_activity else {})}
    data = {"measure": rule.measure.id}
    if rule.between:
        data["between"] = list(rule.between)
    else:
        data.update(operator=rule.operator, value=rule.value)
    if rule.change:
        data["change"] = rule.change
    if rule.sustained:
        data["sustained"] = {"count": rule.sustained.count, "period": rule.sustained.period}
    if rule.increase:
        data["increase"] = {"weeks": rule.increase}
    if rule.activity:
        data["activity"] = list(rule.activity)
    if rule.by_activity:
        data["by_activity"] = True
    if rule.within:
        data["within"] = {"days": rule.within}
    return data


def bundle(protocol: Protocol, address: str | None = None, *, publisher: str | None = None,
           pages: Pages | None = None, kind: str = "collection") -> dict:
    """The protocol as a FHIR R4 Bundle of type ``kind``: a collection, or a transaction with a PUT per entry."""
    return Export(protocol, address, publisher, pages).bundle(kind)


def as_json(resource: dict) -> str:
    return json.dumps(resource, indent=2, ensure_ascii=False) + "\n"


def bundle_json(protocol: Protocol, address: str | None = None, **options) -> str:
    return as_json(bundle(protocol, address, **options))


def definitions(protocol: Protocol, address: str | None = None, *, publisher: str | None = None) -> dict[str, dict]:
    """File name -> resource of each extension and code system the protocol's Bundle uses, to publish beside it."""
    return {name: _pruned(resource)
            for name, resource in Definitions(Identity(address), publisher).published(protocol).items()}


def render_fhir(handbook, address: str | None = None, publisher: str | None = None,
                pages: Pages | None = None) -> dict[str, str]:
    """Path under the docs folder -> JSON text: each protocol's Bundle (``fhir/<protocol>.json``) and, beside
    it, the definitions it uses (``fhir/StructureDefinition-exercise-dose.json`` …)."""
    files = {}
    for protocol in handbook.protocols:
        files[f"fhir/{protocol.id}.json"] = bundle_json(protocol, address, publisher=publisher, pages=pages)
        files.update({f"fhir/{name}": as_json(resource)
                      for name, resource in definitions(protocol, address, publisher=publisher).items()})
    return files
