"""A phase's week: its sessions, the days they fall on, and the walk-run stages of the return to running."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content.week import TRAINING, WEEKDAYS
from .drills import Prescription
from .references import Evidence, Reference
from .words import number


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
            return f"run {number(self.run_minutes * self.repeats)} min"
        return f"{self.repeats} × (run {number(self.run_minutes)} min, walk {number(self.walk_minutes)} min)"


@dataclass(eq=False)
class ReturnToRun:
    progression_rule: str
    sessions: list[RunSession]
    rest_days_between: int | None = None
    repeat_each: int | None = None
    references: list[Reference] = field(default_factory=list)
    evidence: Evidence | None = None


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
