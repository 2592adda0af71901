"""What a printed page shows, worked out from the model: paper, the week's days, rows and groups.

No HTML here: the templates in ``templates/print`` lay these out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field
from itertools import groupby

from ..content.week import WEEKDAYS as DAY_NAMES
from ..model import ACTIONS, SEVERITY_ORDER, Drill, Phase, Prescription, Protocol, Session, WarningSign

WEEKDAYS = tuple(name[:3] for name in DAY_NAMES.values())


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
    """Who a personalised sheet is for and which week of the phase it is; all are optional."""

    athlete: str | None = None
    start: dt.date | None = None
    week: int = 1

    @property
    def first_day(self) -> dt.date | None:
        """The first day of this week of the phase: the start date, a week later for week 2, and so on."""
        return self.start + dt.timedelta(weeks=self.week - 1) if self.start else None


@dataclass(frozen=True)
class Day:
    weekday: str
    date: dt.date | None = None

    @property
    def key(self) -> str:
        """'mon', as the content writes weekdays."""
        return self.weekday.lower()


@dataclass(frozen=True)
class Row:
    """A line of tick boxes: a drill (or a session's warm-up or cool-down) and its dose in the model's words,
    without technique details, with a box on the weekdays it is done (every day when ``days`` is None)."""

    names: tuple[str, ...]
    dose: str
    days: frozenset[str] | None = None
    part: str | None = None  # 'Warm-up' or 'Cool-down' for a row holding a session's whole warm-up or cool-down
    drills: tuple[Drill, ...] = field(default=(), compare=False)  # the drill of each name, for its figure

    def ticks(self, day: Day) -> bool:
        return self.days is None or day.key in self.days


@dataclass(frozen=True)
class Group:
    """The rows of one session (``session`` None: drills in no session, or a phase without sessions)."""

    rows: list[Row]
    session: Session | None = None
    title: str | None = None

    @property
    def optional(self) -> list[str]:
        """The session's optional drills with their amounts: 'Dead bug 3 × 8-10 reps'."""
        return [f"{p.drill.name} {p.dosage.amount}" for p in self.session.optional] if self.session else []


def _dose(prescription: Prescription, weekly: bool = True) -> str:
    return dataclasses.replace(prescription.dosage, tempo=None, rest_seconds=None).text(weekly)


def _session_group(session: Session) -> Group:
    days = frozenset(session.days)

    def together(part: str, prescriptions: list[Prescription]) -> list[Row]:
        """A warm-up or cool-down in one row: each drill's name and amount."""
        if not prescriptions:
            return []
        return [Row(tuple(f"{p.drill.name} {p.dosage.amount}" for p in prescriptions), "", days, part,
                    tuple(p.drill for p in prescriptions))]

    rows = [Row((p.drill.name,), _dose(p, weekly=False), days, drills=(p.drill,)) for p in session.drills]
    return Group(together("Warm-up", session.warm_up) + rows + together("Cool-down", session.cool_down), session,
                 f"{session.title} · about {session.minutes} min · {session.days_text}")


def groups(phase: Phase) -> list[Group]:
    """The phase's drills by session, then those in no session; all in one group when it has no sessions."""
    if not phase.sessions:
        return [Group([Row((p.drill.name,), _dose(p), drills=(p.drill,)) for p in phase.prescriptions])]
    found = [_session_group(session) for session in phase.sessions]
    if phase.extras:
        found.append(Group([Row((p.drill.name,), _dose(p), drills=(p.drill,)) for p in phase.extras],
                           title="Optional extras, any day"))
    return found


@dataclass(frozen=True)
class SignGroup:
    """Warning signs that call for the same action, at one severity."""

    severity: str
    action: str
    signs: list[WarningSign]


#: more letters than in any word of the content: a longer run has no place to end a line.
RUN_ON = 30


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
        return week(self.person.first_day)

    @property
    def groups(self) -> list[Group]:
        return groups(self.phase)

    @property
    def rows(self) -> list[Row]:
        return [row for group in self.groups for row in group.rows]

    @property
    def drills(self) -> list[Drill]:
        """The drills of its rows, in order (a drill in several sessions as often as it is shown)."""
        return [drill for row in self.rows for drill in row.drills]

    @property
    def sign_groups(self) -> list[SignGroup]:
        return sign_groups(self.phase.warning_signs)

    @property
    def run_on(self) -> bool:
        """Whether a text of the sheet's tables has a word longer than any word of the language (then any
        place in a word may end a line: laying out every cell so is slow, so only such a sheet is)."""
        texts = [self.person.athlete or "", *(t for g in self.groups for t in (g.title or "", *g.optional))]
        texts += [text for row in self.rows for text in (*row.names, row.dose, row.part or "")]
        return any(len(word) > RUN_ON for text in texts for word in text.split())


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
    """The date written into a PDF's metadata: ``SOURCE_DATE_EPOCH`` if set, else midnight UTC of the protocol's
    review date, written the same way (so that a build, which sets it to that moment, and a preview or
    ``handbook print``, which may not, make the same documents and share their cache)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else
              dt.datetime.fromisoformat(protocol.reviewed_date).replace(tzinfo=dt.timezone.utc))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


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
