"""The whole handbook, linked from checked content: every protocol and drill, references resolved by id."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..checks.run import CheckResult, check_project
from ..content.week import SESSION_PARTS, times_a_week
from ..problems import Problem
from .drills import Dosage, Drill, Prescription, Use
from .measures import Assessment, Measure
from .protocols import Education, Phase, Protocol, Release
from .references import Evidence, Reference
from .rules import Criterion, Rule, RuleGroup, Sustained
from .sessions import ReturnToRun, RunSession, Session
from .signs import WarningSign


class ContentError(Exception):
    """The content has errors; ``problems`` lists them, ``result`` is the whole check."""

    def __init__(self, result: CheckResult):
        super().__init__(f"{len(result.errors)} content error(s)")
        self.result = result
        self.problems = result.errors


@dataclass
class Handbook:
    """Every protocol and drill, with references by id (the first protocol that lists an id defines it)."""

    protocols: list[Protocol]
    drills: dict[str, Drill]
    references: dict[str, Reference]
    warnings: list[Problem] = field(default_factory=list)

    @property
    def review_date(self) -> str | None:
        """The latest clinical review date of any protocol (YYYY-MM-DD)."""
        return max((p.reviewed_date for p in self.protocols), default=None)

    def drills_by_category(self) -> dict[str, list[Drill]]:
        groups: dict[str, list[Drill]] = {}
        for drill in sorted(self.drills.values(), key=lambda d: (d.category, d.name.casefold(), d.id)):
            groups.setdefault(drill.category, []).append(drill)
        return groups


def load_handbook(root: Path) -> Handbook:
    """Check the content under ``root`` and build the handbook; raise :class:`ContentError` on any error."""
    result = check_project(root)
    if result.errors:
        raise ContentError(result)
    handbook = build_handbook([s.data for s in result.content.valid_drills()],
                              [s.data for s in result.content.valid_protocols()])
    handbook.warnings = result.warnings
    return handbook


def build_handbook(drills: list[dict], protocols: list[dict]) -> Handbook:
    """Link checked drill and protocol data (plain dicts, as in the YAML) into a :class:`Handbook`."""
    bibliographies = {data["id"]: {r["id"]: _reference(r, data["id"]) for r in data["references"]}
                      for data in protocols}
    references: dict[str, Reference] = {}
    for bibliography in bibliographies.values():
        for ref_id, reference in bibliography.items():
            references.setdefault(ref_id, reference)
    handbook = Handbook([], {}, references)
    cite = _citer(references)
    for data in drills:
        handbook.drills[data["id"]] = _with_citations(
            Drill, data, cite, dosage=Dosage.from_data(data["dosage"]), regression=None, progression=None, data=data)
    for data in drills:
        drill = handbook.drills[data["id"]]
        drill.regression = handbook.drills.get(data.get("regression"))
        drill.progression = handbook.drills.get(data.get("progression"))
    handbook.protocols = [_protocol(data, handbook.drills, _citer({**references, **bibliographies[data["id"]]}))
                          for data in protocols]
    return handbook


def _citer(references: dict[str, Reference]):
    """A function giving the references an item cites, resolved in ``references``."""
    def cite(data: dict) -> list[Reference]:
        return [references[ref] for ref in data.get("references", [])]
    return cite


def _evidence(data: dict) -> Evidence | None:
    return Evidence(**data["evidence"]) if "evidence" in data else None


def _reference(data: dict, protocol_id: str) -> Reference:
    return Reference(**{**data, "evidence": _evidence(data)}, protocol_id=protocol_id)


def _with_citations(cls, values: dict, cite, **resolved):
    """``cls`` built from ``values`` with its citations and evidence resolved and ``resolved`` fields replaced."""
    return cls(**{**values, "references": cite(values), "evidence": _evidence(values), **resolved})


def _rule(data: dict, measures: dict[str, Measure], latest: bool = False) -> Rule | RuleGroup:
    """The rule of a warning sign, or (``latest``) of an exit criterion, which reads the latest values."""
    within = data["within"]["days"] if "within" in data else None
    by_activity = data.get("by_activity", False)
    for combine in ("all", "any"):
        if combine in data:
            return RuleGroup(combine, [_rule(part, measures, latest) for part in data[combine]], within, by_activity)
    sustained = Sustained(**data["sustained"]) if "sustained" in data else None
    between = tuple(data["between"]) if "between" in data else None
    activity = tuple(data["activity"]) if "activity" in data else None
    increase = data["increase"]["weeks"] if "increase" in data else None
    return Rule(measures[data["measure"]], data.get("operator"), data.get("value"), sustained, between,
                data.get("change"), within, activity, increase, by_activity, latest)


def _protocol(data: dict, drills: dict[str, Drill], cite) -> Protocol:
    assessments = {a["id"]: Assessment(**{**a, "references": cite(a)}) for a in data.get("assessments", [])}
    measures = {}
    for m in data["measures"]:
        measure = Measure(**{**m, "references": cite(m), "assessment": assessments.get(m.get("assessment"))})
        if measure.assessment:
            measure.assessment.measures.append(measure)
        measures[measure.id] = measure
    signs = {s["id"]: _with_citations(WarningSign, s, cite, rule=_rule(s["rule"], measures) if "rule" in s else None)
             for s in data["warning_signs"]}
    protocol = Protocol(
        id=data["id"], title=data["title"], condition=data["condition"], summary=data.get("summary"),
        version=data["version"], status=data["status"], reviewed_date=data["reviewed"]["date"],
        reviewers=data["reviewed"]["reviewers"], measures=measures, assessments=list(assessments.values()),
        warning_signs=list(signs.values()), phases=[], references=cite({"references": [r["id"] for r in data["references"]]}),
        education=[_with_citations(Education, e, cite) for e in data.get("education", [])], data=data,
        next_review=data["reviewed"].get("next"),
        changes=[Release(**{**c, "phases": tuple(c["phases"]) if "phases" in c else None}) for c in data.get("changes", [])],
    )
    for item in protocol.assessments + protocol.warning_signs:
        item.protocol = protocol
    for number, p in enumerate(data["phases"], start=1):
        protocol.phases.append(_phase(p, number, protocol, drills, assessments, signs, cite))
    for before, after in zip(protocol.phases, protocol.phases[1:]):
        before.next, after.prev = after, before
    return protocol


def _phase(data: dict, number: int, protocol: Protocol, drills: dict[str, Drill], assessments: dict,
           signs: dict, cite) -> Phase:
    run = data.get("return_to_run")
    phase = Phase(
        id=data["id"], number=number, title=data["title"], summary=data.get("summary"), goals=data["goals"],
        min_weeks=data["typical_duration"]["min_weeks"], max_weeks=data["typical_duration"]["max_weeks"],
        allowed=data["activities"]["allowed"], avoid=data["activities"]["avoid"], prescriptions=[],
        exit_criteria=[_with_citations(Criterion, {"text": c["text"], **_only(c, "references", "evidence")}, cite,
                                       rule=_rule(c, protocol.measures, latest=True))
                       for c in data.get("exit_criteria", [])],
        warning_signs=[signs[s] for s in data["warning_signs"]],
        assessments=[assessments[a] for a in data.get("assessments", [])],
        education=[_with_citations(Education, e, cite) for e in data.get("education", [])],
        return_to_run=run and _with_citations(ReturnToRun, run, cite, sessions=[RunSession(**s) for s in run["sessions"]]),
        keywords=data.get("keywords", []), protocol=protocol,
    )
    weekly = times_a_week(data.get("sessions", []))
    for p in data["drills"]:
        drill = drills[p["drill"]]
        dosage = drill.dosage.merged(p.get("dosage"))
        if p["drill"] in weekly:
            dosage = replace(dosage, per_week=weekly[p["drill"]])
        phase.prescriptions.append(Prescription(drill, dosage, p.get("dosage", {}), p.get("note")))
        drill.used_in.append(Use(protocol, phase, dosage))
    prescribed = {p.drill.id: p for p in phase.prescriptions}
    phase.sessions = [_with_citations(Session, s, cite, **{part: [prescribed[d] for d in s.get(part, [])]
                                                           for part in SESSION_PARTS}) for s in data.get("sessions", [])]
    for item in phase.warning_signs + phase.assessments:
        item.phases.append(phase)
    return phase


def _only(data: dict, *keys: str) -> dict:
    return {k: data[k] for k in keys if k in data}
