"""What a log records (measures) and the tests that produce some of them (assessments)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .references import Reference
from .words import NBSP, either, number

if TYPE_CHECKING:
    from .protocols import Phase, Protocol
    from .rules import Criterion


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
    #: the LOINC code of exactly this measurement, where the content gives one (for the FHIR export).
    loinc: str | None = None

    @property
    def scale_text(self) -> str:
        """What values the measure takes: '0-10 /10', 'yes or no', 'good, fair or poor', 'min'."""
        if self.kind == "boolean":
            return "yes or no"
        if self.kind == "categorical":
            return either(self.values)
        if self.kind == "scale":
            low, high = number(self.min if self.min is not None else 0), number(self.max if self.max is not None else 10)
            return f"{low}-{high}" if not self.unit or self.unit.startswith("/") else f"{low}-{high}{NBSP}{self.unit}"
        return self.unit or self.kind

    def shown(self, value) -> str:
        """A value of this measure in words: '2 /10', 'yes', 'good'."""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, str):
            return value
        if not self.unit:
            return number(value)
        return f"{number(value)}{'' if self.unit[0] in '/%' else NBSP}{self.unit}"


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
