"""What a printed page shows, worked out from the model: paper, the week's days, rows and groups.

No HTML here: the templates in ``templates/print`` lay these out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field
from itertools import groupby

from ..model import ACTIONS, SEVERITY_ORDER, Drill, Phase, Prescription, Protocol, WarningSign

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Paper:
    id: str
    label: str
    size: str  # CSS @page size
    height_mm: float


PAPERS = {paper.id: paper for paper in (Paper("a4", "A4", "A4", 297), Paper("letter", "US Letter", "letter", 279.4))}
#: Checklist pages for browsers are laid out for it, so that they print on either paper.
SHORTEST = min(PAPERS.values(), key=lambda paper: paper.height_mm)

#: Checklist layouts from roomiest to densest (type stays at 8 pt or more), each with its typical height as a
#: share of the regular layout's: a guess of which one fits, to lay out first; the fit is always measured.
DENSITIES = {"regular": 1.0, "compact": 0.81, "tight": 0.675, "dense": 0.575}


@dataclass(frozen=True)
class Person:
    """Who a personalised sheet is for; both are optional."""

    athlete: str | None = None
    start: dt.date | None = None


@dataclass(frozen=True)
class Day:
    weekday: str
    date: dt.date | None = None


@dataclass(frozen=True)
class Row:
    """A drill on the checklist: its name and the dose in the model's words, without technique details."""

    prescription: Prescription
    dose: str


@dataclass(frozen=True)
class SignGroup:
    """Warning signs that call for the same action, at one severity."""

    severity: str
    action: str
    signs: list[WarningSign]


@dataclass
class Checklist:
    """One phase's checklist on one paper size, possibly for one athlete."""

    phase: Phase
    paper: Paper
    person: Person = field(default_factory=Person)
    density: str = "regular"
    flowing: bool = False  # runs onto another page: for a phase too long for one even at the densest
    pages: int = 1  # as laid out: more than one only when flowing

    @property
    def protocol(self) -> Protocol:
        return self.phase.protocol

    @property
    def days(self) -> list[Day]:
        return week(self.person.start)

    @property
    def rows(self) -> list[Row]:
        return [Row(p, dataclasses.replace(p.dosage, tempo=None, rest_seconds=None).text())
                for p in self.phase.prescriptions]

    @property
    def sign_groups(self) -> list[SignGroup]:
        return sign_groups(self.phase.warning_signs)


def week(start: dt.date | None) -> list[Day]:
    """The seven days of a weekly grid: Monday to Sunday, or dated from ``start``."""
    if start is None:
        return [Day(name) for name in WEEKDAYS]
    dates = [start + dt.timedelta(days=n) for n in range(7)]
    return [Day(WEEKDAYS[d.weekday()], d) for d in dates]


def sign_groups(signs: list[WarningSign]) -> list[SignGroup]:
    """Signs grouped by severity (red first) and action (most urgent first), each group in written order."""
    urgency = list(reversed(ACTIONS))  # the model lists actions from carrying on to stopping
    ordered = sorted(signs, key=lambda s: (SEVERITY_ORDER.index(s.severity), urgency.index(s.action)))
    groups = []
    for (severity, _), members in groupby(ordered, key=lambda s: (s.severity, s.action)):
        members = list(members)
        groups.append(SignGroup(severity, members[0].action_text, members))
    return groups


def document_date(protocol: Protocol) -> str:
    """The date written into a PDF's metadata: ``SOURCE_DATE_EPOCH`` if set, else the protocol's review date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return protocol.reviewed_date


@dataclass(frozen=True)
class DrillSheet:
    """A drill and how each phase of one protocol prescribes it."""

    drill: Drill
    uses: list[tuple[Phase, Prescription]]


def drill_sheets(protocol: Protocol) -> list[DrillSheet]:
    """Every drill the protocol prescribes, in the order it first appears."""
    uses: dict[str, list[tuple[Phase, Prescription]]] = {}
    for phase in protocol.phases:
        for prescription in phase.prescriptions:
            uses.setdefault(prescription.drill.id, []).append((phase, prescription))
    return [DrillSheet(found[0][1].drill, found) for found in uses.values()]
