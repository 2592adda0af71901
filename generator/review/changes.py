"""The vocabulary of a comparison: a change in words and the version bump it needs, and one side compared.

Beside its sentence, a change carries what other tools need (the field-level changes of ATT&CK's diffStix, in
the handbook's terms): the ids of the protocol, phase and item it lies in, the field, the old and new values as
data, and its class (:data:`CLASSES`).
"""

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
#: what a change did, in one word: an item added, removed, renamed or moved; a threshold tightened or loosened; a
#: dose more, less or mixed (some parts up, some down); a warning sign softened or strengthened; phases
#: restructured; a text reworded; or any other change.
CLASSES = ("added", "removed", "renamed", "moved", "tightened", "loosened", "more", "less", "mixed", "softened",
           "strengthened", "restructured", "reworded", "changed")


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
    #: what kind of item changed ('session', 'exit-criterion', 'drill' …) and its id within the phase or protocol.
    item_type: str | None = None
    item: str | None = None
    #: the field of the item that changed (None: the whole item), with its values before and after, as data.
    field: str | None = None
    old: object = None
    new: object = None
    #: one of :data:`CLASSES`.
    change_class: str = "changed"

    @property
    def kind(self) -> str:
        return "editorial" if self.bump == PATCH else "clinical"

    @property
    def text(self) -> str:
        return f"{self.place}: {self.what}"

    def short(self, limit: int = 160) -> str:
        """The sentence cut at a word to at most ``limit`` characters (for a message that quotes it)."""
        if len(self.text) <= limit:
            return self.text
        return self.text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"

    def as_json(self) -> dict:
        return {"protocol": self.protocol, "phase": self.phase, "item_type": self.item_type, "item": self.item,
                "field": self.field, "old": self.old, "new": self.new, "class": self.change_class,
                "place": self.place, "change": self.what, "text": self.text, "kind": self.kind, "bump": self.bump,
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
