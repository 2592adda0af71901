"""Warning signs: what to watch for, how serious it is and what to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .references import Evidence, Reference
from .rules import Rule, RuleGroup

if TYPE_CHECKING:
    from .protocols import Phase, Protocol


SEVERITY_ORDER = ("red", "amber", "green")
ACTIONS = {
    "continue": "Carry on with the plan",
    "hold": "Hold: stay at the current level until it settles",
    "step-back": "Step back to the last level that felt fine",
    "regress-one-phase": "Go back one phase",
    "stop-and-contact-clinician": "Stop and contact your clinician",
}


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
