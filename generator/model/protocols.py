"""A protocol, its phases and its changelog."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..clock import today
from ..content.week import WEEKDAYS
from .drills import Prescription
from .measures import Assessment, Measure
from .references import Evidence, Reference
from .rules import Criterion
from .sessions import DayPlan, ReturnToRun, Session
from .signs import WarningSign
from .words import plural


@dataclass(eq=False)
class Education:
    id: str
    title: str
    text: str
    references: list[Reference] = field(default_factory=list)
    evidence: Evidence | None = None


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
            return plural(self.max_weeks, "week")
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
