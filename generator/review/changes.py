"""The vocabulary of a comparison: a change in words and the version bump it needs, and one side compared."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Handbook, Phase, Protocol

MAJOR, MINOR, PATCH = "major", "minor", "patch"
BUMPS = (PATCH, MINOR, MAJOR)
#: fields that only say who reviewed the content and which version it is: never a change of content.
META = ("id", "version", "reviewed", "changes")
#: protocol sections that are lists of items with an id.
SECTIONS = ("measures", "assessments", "warning_signs", "education", "references")
#: a phase's lists of items, keyed by what identifies an item in them.
PHASE_ITEMS = ("drills", "exit_criteria", "education", "run_sessions", "sessions")
#: a phase's fields that are groups of fields.
PHASE_GROUPS = ("activities", "return_to_run")


@dataclass(frozen=True)
class Change:
    """One change, as a sentence: ``place`` ('Phase 3 exit') and what changed there."""

    protocol: str | None
    phase: str | None
    place: str
    what: str
    bump: str
    #: the text's word diff, for editorial changes: (op, words) with op '=', '-' or '+'.
    words: tuple[tuple[str, str], ...] = ()
    #: the protocols whose version this change counts towards.
    affects: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return "editorial" if self.bump == PATCH else "clinical"

    @property
    def text(self) -> str:
        return f"{self.place}: {self.what}"

    def as_json(self) -> dict:
        return {"protocol": self.protocol, "phase": self.phase, "place": self.place, "change": self.what,
                "text": self.text, "kind": self.kind, "bump": self.bump,
                "words": [list(part) for part in self.words], "affects": list(self.affects)}


@dataclass
class Side:
    """One side of the comparison: the data as maps keyed by id, and the linked handbook for the words."""

    name: str
    handbook: Handbook
    drills: dict[str, dict]
    protocols: dict[str, dict]
    files: dict[str, str] = field(default_factory=dict)

    def protocol(self, protocol_id: str) -> Protocol | None:
        return next((p for p in self.handbook.protocols if p.id == protocol_id), None)

    def phase(self, protocol_id: str, phase_id: str) -> Phase | None:
        protocol = self.protocol(protocol_id)
        return next((p for p in protocol.phases if p.id == phase_id), None) if protocol else None
