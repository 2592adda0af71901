"""Drills, their dose in words, and a drill as a phase prescribes it."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from ..content.week import merged_dosage
from .references import Evidence, Reference
from .words import NBSP

if TYPE_CHECKING:
    from .protocols import Phase, Protocol


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
class Prescription:
    """A drill as a phase prescribes it, with the effective dosage (default merged with the phase's override)."""

    drill: Drill
    dosage: Dosage
    override: dict = field(default_factory=dict)
    note: str | None = None


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
