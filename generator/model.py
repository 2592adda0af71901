"""The handbook as linked objects, built from checked content.

Ids are resolved to objects (a phase holds its drills, criteria hold their
measure), dosages are merged, and the plain-words wording of dosages and
rules lives here so that the site and the printable plans say the same thing.
Nothing here knows about HTML or Markdown.
"""

from __future__ import annotations

import operator as op
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Sequence

from .check import CheckResult, check_project
from .clock import today
from .problems import Problem
from .prose import in_text
from .week import SESSION_PARTS, TRAINING, WEEKDAYS, merged_dosage, times_a_week

SEVERITY_ORDER = ("red", "amber", "green")
ACTIONS = {
    "continue": "Carry on with the plan",
    "hold": "Hold: stay at the current level until it settles",
    "step-back": "Step back to the last level that felt fine",
    "regress-one-phase": "Go back one phase",
    "stop-and-contact-clinician": "Stop and contact your clinician",
}
NBSP = "\u00a0"
OPERATORS = {"<": (op.lt, "<"), "<=": (op.le, "≤"), "==": (op.eq, "="), ">=": (op.ge, "≥"), ">": (op.gt, ">")}


class ContentError(Exception):
    """The content has errors; ``problems`` lists them, ``result`` is the whole check."""

    def __init__(self, result: CheckResult):
        super().__init__(f"{len(result.errors)} content error(s)")
        self.result = result
        self.problems = result.errors


def _number(value) -> str:
    """12 -> '12', 2.5 -> '2.5', 2.0 -> '2'."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _plural(count, word: str) -> str:
    return f"{_number(count)} {word}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class Evidence:
    level: str
    note: str | None = None

    @property
    def level_text(self) -> str:
        return self.level.replace("-", " ").capitalize()


@dataclass(frozen=True)
class Dosage:
    """How much of a drill to do; amounts are whole numbers or ranges such as '10-15'."""

    sets: int | str | None = None
    reps: int | str | None = None
    hold_seconds: int | str | None = None
    duration_minutes: int | str | None = None
    tempo: str | None = None
    rest_seconds: int | None = None
    per_week: int | None = None
    side: str | None = None
    note: str | None = None

    @classmethod
    def from_data(cls, data: dict) -> Dosage:
        return cls(**data)

    def merged(self, override: dict | None) -> Dosage:
        """This dosage with ``override``'s fields on top; an override's amount replaces any other amount."""
        return Dosage(**merged_dosage(self.as_dict(), override))

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}

    @property
    def amount(self) -> str:
        """'3 × 10-15 reps', '3 × 30 s hold', '20 min'."""
        if self.reps is not None:
            each = f"{self.reps} reps"
        elif self.hold_seconds is not None:
            each = f"{self.hold_seconds}{NBSP}s hold"
        elif self.duration_minutes is not None:
            each = f"{self.duration_minutes}{NBSP}min"
        else:
            each = ""
        if self.sets is None:
            return each
        sets = f"{self.sets} set{'' if self.sets == 1 else 's'}"
        return f"{self.sets} × {each}" if each else sets

    def text(self, weekly: bool = True) -> str:
        """The whole dose in words: '3 × 10-15 reps, each side, tempo 3-1-1, rest 60 s, 3×/week';
        without the times a week when not ``weekly`` (inside a session, whose days say it)."""
        parts = [self.amount]
        if self.side:
            parts.append("each side" if self.side == "each" else "both sides together")
        if self.tempo:
            parts.append(f"tempo {self.tempo}")
        if self.rest_seconds is not None:
            parts.append(f"rest {self.rest_seconds}{NBSP}s")
        if self.per_week and weekly:
            parts.append(f"{self.per_week}×/week")
        return ", ".join(p for p in parts if p)


@dataclass(eq=False)
class Reference:
    id: str
    authors: str
    year: int
    title: str
    source: str
    protocol_id: str
    doi: str | None = None
    url: str | None = None
    evidence: Evidence | None = None

    @property
    def link(self) -> str | None:
        """Where the source can be read: its DOI address, else its web address."""
        return f"https://doi.org/{self.doi}" if self.doi else self.url

    def citation(self) -> str:
        return f"{self.authors} ({self.year}). {self.title}. {self.source}."

    @property
    def short(self) -> str:
        """In-text form: 'Fredericson et al., 2000', 'Fredericson & Wolf, 2005', 'Noble, 1980'."""
        return in_text(self.authors, self.year)


@dataclass(eq=False)
class Assessment:
    id: str
    name: str
    purpose: str
    instructions: list[str]
    scoring: str
    who: str | None = None
    equipment: list[str] = field(default_factory=list)
    schedule: str | None = None
    references: list[Reference] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list, repr=False)
    phases: list[Phase] = field(default_factory=list, repr=False)
    protocol: Protocol | None = field(default=None, repr=False)

    @property
    def criteria(self) -> list[tuple[Phase, Criterion]]:
        """(phase, criterion) of every exit criterion whose measure this test produces."""
        return [(phase, criterion) for phase in self.protocol.phases for criterion in phase.exit_criteria
                if any(measure.assessment is self for measure in criterion.rule.measures)]


@dataclass(eq=False)
class Measure:
    id: str
    name: str
    kind: str
    how: str
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    values: list[str] = field(default_factory=list)
    assessment: Assessment | None = None
    references: list[Reference] = field(default_factory=list)
    #: a condition on another measure of the same entry, without which a value is set aside (plain data).
    counts_when: dict | None = None

    @property
    def scale_text(self) -> str:
        """What values the measure takes: '0-10 /10', 'yes or no', 'good, fair or poor', 'min'."""
        if self.kind == "boolean":
            return "yes or no"
        if self.kind == "categorical":
            return ", ".join(self.values[:-1]) + f" or {self.values[-1]}"
        if self.kind == "scale":
            low, high = _number(self.min if self.min is not None else 0), _number(self.max if self.max is not None else 10)
            return f"{low}-{high}" if not self.unit or self.unit.startswith("/") else f"{low}-{high}{NBSP}{self.unit}"
        return self.unit or self.kind

    def shown(self, value) -> str:
        """A value of this measure in words: '2 /10', 'yes', 'good'."""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, str):
            return value
        if not self.unit:
            return _number(value)
        return f"{_number(value)}{'' if self.unit[0] in '/%' else NBSP}{self.unit}"


def look_back(days: int | None) -> str:
    """', in the last 7 days' for a rule's own look-back; nothing without one."""
    return f", in the last {days} {'day' if days == 1 else 'days'}" if days else ""


@dataclass(frozen=True)
class Sustained:
    count: int
    period: str

    def text(self) -> str:
        if self.count == 1:
            return f"for 1 {self.period.removesuffix('s')}"
        return f"for {self.count} consecutive {self.period}"


@dataclass(eq=False)
class Rule:
    """A condition a program can evaluate: a measure compared with a threshold (operator and value) or a range
    (``between``), optionally as the ``change`` from the previous period, and how long it must hold.

    :mod:`generator.evaluate` evaluates rules against a log; here they are put into words.
    """

    measure: Measure
    operator: str | None
    value: Any
    sustained: Sustained | None = None
    between: tuple | None = None
    change: str | None = None
    #: how many days back the rule looks (its own look-back; a group's applies to the rules inside it).
    within: int | None = None
    #: the activities whose entries count, when the rule is about some only.
    activity: tuple[str, ...] | None = None
    #: with how many weeks before the last 7 days' total is compared (a load rule).
    increase: int | None = None
    #: a warning sign judged on the latest value of each activity on its own.
    by_activity: bool = False

    @property
    def measures(self) -> list[Measure]:
        return [self.measure]

    def holds(self, observed) -> bool:
        """Whether one observed value satisfies the comparison.

        Categorical values compare by their place in the measure's list (best first),
        so ``<= fair`` means good or fair.
        """
        if self.between:
            return self.between[0] <= observed <= self.between[1]
        compare = OPERATORS[self.operator][0]
        if self.measure.kind == "categorical":
            order = self.measure.values
            if observed not in order:
                raise ValueError(f"{observed!r} is not one of {', '.join(order)}")
            return compare(order.index(observed), order.index(self.value))
        return compare(observed, self.value)

    def met_by(self, history: Sequence) -> bool:
        """Whether the latest observations (oldest first) satisfy the rule for as long as it must hold."""
        needed = self.sustained.count if self.sustained else 1
        recent = list(history)[-needed:]
        return len(recent) == needed and all(self.holds(v) for v in recent)

    def comparison(self) -> str:
        """'≤ 2 /10', '3-5 /10'."""
        if self.between:
            low, high = self.between
            return f"{_number(low)}-{self.measure.shown(high)}"
        return f"{OPERATORS[self.operator][1]} {self.measure.shown(self.value)}"

    def text(self, with_look_back: bool = True) -> str:
        """'Pain during running ≤ 2 /10 for 3 consecutive sessions, in the last 7 days', 'Pain during activity 3-5 /10',
        'Pain during activity, change from the previous week > 0 /10'."""
        activity = f" on {' or '.join(a.replace('-', ' ') + 's' for a in self.activity)}" if self.activity else ""
        each = ", the latest of each kind of session" if self.by_activity else ""
        return self._words() + activity + each + (look_back(self.within) if with_look_back else "")

    def _words(self) -> str:
        name = self.measure.name
        if self.increase:
            return (f"{name}, last 7 days against the weekly average of the {self.increase} weeks before: "
                    f"{OPERATORS[self.operator][1]} {_number(self.value)}{NBSP}%")
        if self.change:
            return f"{name}, change from the previous {self.change.removesuffix('s')} {self.comparison()}"
        if self.measure.kind == "categorical" and not self.between:
            accepted = [v for v in self.measure.values if self.holds(v)]
            words = f"{name}: {' or '.join(accepted)}"
        elif self.measure.kind == "boolean":
            words = f"{name}: {self.measure.shown(self.value)}"
        else:
            words = f"{name} {self.comparison()}"
        return f"{words} {self.sustained.text()}" if self.sustained else words


@dataclass(eq=False)
class RuleGroup:
    """Rules joined: ``all`` of them must hold, or ``any`` one of them."""

    combine: str
    parts: list
    within: int | None = None
    by_activity: bool = False

    @property
    def measures(self) -> list[Measure]:
        return list({id(m): m for part in self.parts for m in part.measures}.values())

    @property
    def measure(self) -> Measure:
        """The measure of the first rule: the one whose test the criterion points to."""
        return self.measures[0]

    def text(self, with_look_back: bool = True) -> str:
        """'Pain during activity 3-5 /10 and Pain settled by the next morning: yes'; groups inside in brackets."""
        joined = f" {'and' if self.combine == 'all' else 'or'} "
        words = joined.join(f"({part.text(with_look_back)})" if isinstance(part, RuleGroup) else
                            part.text(with_look_back) for part in self.parts)
        each = ", the latest of each kind of session" if self.by_activity else ""
        return words + each + (look_back(self.within) if with_look_back else "")


@dataclass(eq=False)
class Criterion:
    rule: Rule | RuleGroup
    text: str
    references: list[Reference] = field(default_factory=list)
    evidence: Evidence | None = None

    @property
    def threshold(self) -> str:
        return self.rule.text()


@dataclass(eq=False)
class WarningSign:
    id: str
    name: str
    description: str
    severity: str
    action: str
    advice: str | None = None
    rule: Rule | RuleGroup | None = None
    references: list[Reference] = field(default_factory=list)
    evidence: Evidence | None = None
    keywords: list[str] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list, repr=False)
    protocol: Protocol | None = field(default=None, repr=False)

    @property
    def action_text(self) -> str:
        return ACTIONS[self.action]

    @property
    def severity_rank(self) -> int:
        """0 for red, 1 for amber, 2 for green: the order of triage."""
        return SEVERITY_ORDER.index(self.severity)


@dataclass(eq=False)
class Education:
    id: str
    title: str
    text: str
    references: list[Reference] = field(default_factory=list)
    evidence: Evidence | None = None


@dataclass(frozen=True)
class RunSession:
    run_minutes: float
    walk_minutes: float
    repeats: int
    surface: str
    total_minutes: float
    note: str | None = None

    def text(self) -> str:
        """'5 × (run 1 min, walk 4 min)' or 'run 30 min' when there are no walk breaks."""
        if not self.walk_minutes:
            return f"run {_number(self.run_minutes * self.repeats)} min"
        return f"{self.repeats} × (run {_number(self.run_minutes)} min, walk {_number(self.walk_minutes)} min)"


@dataclass(eq=False)
class ReturnToRun:
    progression_rule: str
    sessions: list[RunSession]
    rest_days_between: int | None = None
    repeat_each: int | None = None
    references: list[Reference] = field(default_factory=list)
    evidence: Evidence | None = None


@dataclass(eq=False)
class Prescription:
    """A drill as a phase prescribes it, with the effective dosage (default merged with the phase's override)."""

    drill: Drill
    dosage: Dosage
    override: dict = field(default_factory=dict)
    note: str | None = None


@dataclass(eq=False)
class Session:
    """A session of the phase's week: its drills in the order they are done, its length and weekdays."""

    id: str
    title: str
    kind: str
    minutes: int
    days: list[str]
    drills: list[Prescription]
    warm_up: list[Prescription] = field(default_factory=list)
    optional: list[Prescription] = field(default_factory=list)
    cool_down: list[Prescription] = field(default_factory=list)
    note: str | None = None
    references: list[Reference] = field(default_factory=list)
    evidence: Evidence | None = None

    @property
    def parts(self) -> list[tuple[str, list[Prescription]]]:
        """('Warm-up', drills), ('Main', drills), ('Optional', drills), ('Cool-down', drills): the parts it has."""
        named = (("Warm-up", self.warm_up), ("Main", self.drills), ("Optional", self.optional),
                 ("Cool-down", self.cool_down))
        return [(name, drills) for name, drills in named if drills]

    @property
    def scheduled(self) -> list[Prescription]:
        """Every drill of the session but the optional ones, in order."""
        return self.warm_up + self.drills + self.cool_down

    @property
    def days_text(self) -> str:
        """'Mon, Thu' or 'every day'."""
        if len(self.days) == 7:
            return "every day"
        return ", ".join(WEEKDAYS[day][:3] for day in self.days)


@dataclass(frozen=True)
class DayPlan:
    """One weekday of the phase's week and the sessions that fall on it."""

    day: str
    sessions: list[Session]

    @property
    def name(self) -> str:
        return WEEKDAYS[self.day]

    @property
    def rest(self) -> bool:
        """No strength, run or cross-training session on this day."""
        return not any(session.kind in TRAINING for session in self.sessions)

    @property
    def minutes(self) -> int:
        return sum(session.minutes for session in self.sessions)


@dataclass(eq=False)
class Phase:
    id: str
    number: int
    title: str
    goals: list[str]
    min_weeks: int
    max_weeks: int
    allowed: list[str]
    avoid: list[str]
    prescriptions: list[Prescription]
    exit_criteria: list[Criterion]
    warning_signs: list[WarningSign]
    protocol: Protocol = field(repr=False)
    summary: str | None = None
    assessments: list[Assessment] = field(default_factory=list)
    education: list[Education] = field(default_factory=list)
    return_to_run: ReturnToRun | None = None
    sessions: list[Session] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    prev: Phase | None = field(default=None, repr=False)
    next: Phase | None = field(default=None, repr=False)

    @property
    def heading(self) -> str:
        """'Phase 2: Load and condition': the number comes from the phase's place alone (titles carry none)."""
        return f"Phase {self.number}: {self.title}"

    @property
    def duration_text(self) -> str:
        if self.min_weeks == self.max_weeks:
            return _plural(self.max_weeks, "week")
        return f"{self.min_weeks}-{self.max_weeks} weeks"

    @property
    def week(self) -> list[DayPlan]:
        """Monday to Sunday, each with its sessions in the order the phase lists them; empty without sessions."""
        if not self.sessions:
            return []
        return [DayPlan(day, [s for s in self.sessions if day in s.days]) for day in WEEKDAYS]

    @property
    def extras(self) -> list[Prescription]:
        """The phase's drills that are in no session: optional extras."""
        if not self.sessions:
            return []
        placed = {id(p) for s in self.sessions for p in s.scheduled + s.optional}
        return [p for p in self.prescriptions if id(p) not in placed]

    @property
    def changed_in(self) -> Release | None:
        """The newest changelog entry that names this phase, or that changed the whole protocol (names no phase)."""
        return next((r for r in self.protocol.changes if r.phases is None or self.id in r.phases), None)


@dataclass(frozen=True)
class Release:
    """A changelog entry: a version, its date, the kind of change and what changed in plain words."""

    version: str
    date: str
    kind: str
    summary: str
    #: the phases the version changed; None when it changed the whole protocol.
    phases: tuple[str, ...] | None = None


@dataclass(eq=False)
class Protocol:
    id: str
    title: str
    condition: str
    version: str
    status: str
    reviewed_date: str
    reviewers: list[str]
    measures: dict[str, Measure]
    assessments: list[Assessment]
    warning_signs: list[WarningSign]
    phases: list[Phase]
    references: list[Reference]
    summary: str | None = None
    education: list[Education] = field(default_factory=list)
    data: dict = field(default_factory=dict, repr=False)
    next_review: str | None = None
    #: the changelog, newest first.
    changes: list[Release] = field(default_factory=list)

    @property
    def review_overdue(self) -> bool:
        return bool(self.next_review) and self.next_review < today().isoformat()

    @property
    def triage(self) -> list[WarningSign]:
        """Warning signs, red first, then amber, then green, each group in written order."""
        return sorted(self.warning_signs, key=lambda sign: sign.severity_rank)


@dataclass(frozen=True)
class Use:
    """A phase that prescribes a drill, and the dose it prescribes."""

    protocol: Protocol
    phase: Phase
    dosage: Dosage


@dataclass(eq=False)
class Drill:
    id: str
    name: str
    category: str
    targets: list[str]
    dosage: Dosage
    steps: list[str]
    cues: list[str]
    aliases: list[str] = field(default_factory=list)
    summary: str | None = None
    regions: list[str] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)
    common_errors: list[str] = field(default_factory=list)
    stop_if: list[str] = field(default_factory=list)
    evidence: Evidence | None = None
    #: the pose data the drill's figure is drawn from (see :mod:`generator.figures`).
    figure: dict | None = field(default=None, repr=False)
    regression: Drill | None = field(default=None, repr=False)
    progression: Drill | None = field(default=None, repr=False)
    references: list[Reference] = field(default_factory=list)
    used_in: list[Use] = field(default_factory=list, repr=False)
    data: dict = field(default_factory=dict, repr=False)


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


def _rule(data: dict, measures: dict[str, Measure]) -> Rule | RuleGroup:
    within = data["within"]["days"] if "within" in data else None
    by_activity = data.get("by_activity", False)
    for combine in ("all", "any"):
        if combine in data:
            return RuleGroup(combine, [_rule(part, measures) for part in data[combine]], within, by_activity)
    sustained = Sustained(**data["sustained"]) if "sustained" in data else None
    between = tuple(data["between"]) if "between" in data else None
    activity = tuple(data["activity"]) if "activity" in data else None
    increase = data["increase"]["weeks"] if "increase" in data else None
    return Rule(measures[data["measure"]], data.get("operator"), data.get("value"), sustained, between,
                data.get("change"), within, activity, increase, by_activity)


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
                                       rule=_rule(c, protocol.measures)) for c in data.get("exit_criteria", [])],
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
