"""Rules a program can evaluate (a measure against a threshold), put into words, and exit criteria."""

from __future__ import annotations

import operator as op
from dataclasses import dataclass, field
from typing import Any, Sequence

from .measures import Measure
from .references import Evidence, Reference
from .words import SESSIONS_OF, either, number

OPERATORS = {"<": (op.lt, "<"), "<=": (op.le, "≤"), "==": (op.eq, "="), ">=": (op.ge, "≥"), ">": (op.gt, ">")}


def look_back(days: int | None) -> str:
    """', in the last 7 days' for a rule's own look-back; nothing without one."""
    return f", {_in_the_last(days)}" if days else ""


def _in_the_last(days: int) -> str:
    return f"in the last {days} {'day' if days == 1 else 'days'}"


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

    :mod:`generator.evaluate.engine` evaluates rules against a log; here they are put into words.
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
    #: an exit criterion's rule, which reads the latest value (a warning sign's reads any moment of its look-back).
    latest: bool = False

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
            return f"{number(low)}-{self.measure.shown(high)}"
        return f"{OPERATORS[self.operator][1]} {self.measure.shown(self.value)}"

    def text(self, with_look_back: bool = True, each_kind: bool = False) -> str:
        """'Pain during running ≤ 2 /10 for 3 consecutive sessions, in the last 7 days', 'Pain during activity 3-5 /10',
        'Pain during activity, up on the previous week by ≥ 2 points'. A rule judged on each kind of session on its
        own (its ``by_activity``, or ``each_kind`` from the group it is in) says so: 'for 2 consecutive sessions of
        the same kind', or 'the latest of each kind of session'; a criterion's rule on some activities names the one
        session it reads: 'on the latest tempo run'."""
        activity = f" on {either(SESSIONS_OF[a] for a in self.activity)}" if self.activity else ""
        if self.activity and self.latest and not (self.sustained or self.change or self.increase):
            # the one value a criterion reads: 'on the latest tempo run', not 'on tempo runs' (each? any?)
            activity = f" on the latest {either(SESSIONS_OF[a].removesuffix('s') for a in self.activity)}"
        each = ", the latest of each kind of session" if self._each_kind(each_kind) and not self._same_kind(
            each_kind) else ""
        return self._words(each_kind) + activity + each + (look_back(self.within) if with_look_back else "")

    def _each_kind(self, each_kind: bool) -> bool:
        """Whether the rule is read on each kind of session on its own (as a warning sign reads it)."""
        return (self.by_activity or each_kind) and not self.change and not self.increase

    def _same_kind(self, each_kind: bool) -> bool:
        """Whether its consecutive sessions are of one kind: a rule on each kind's own sessions, held for several."""
        return self._each_kind(each_kind) and bool(self.sustained) and self.sustained.period == "sessions" \
            and self.sustained.count > 1

    def _change_words(self) -> str:
        """'Pain during activity, up on the previous week by ≥ 2 points', '..., up on the previous week' (any rise); a
        fall said as one; any other change compared as it is ('..., change from the previous week < 1/10')."""
        name, period = self.measure.name, self.change.removesuffix("s")
        if self.between:
            return f"{name}, change from the previous {period} {self.comparison()}"
        if self.value == 0 and self.operator in (">", "<"):
            return f"{name}, {'up' if self.operator == '>' else 'down'} on the previous {period}"
        if self.operator in (">", ">=") and self.value > 0:
            return f"{name}, up on the previous {period} by {OPERATORS[self.operator][1]} {self._difference(self.value)}"
        if self.operator in ("<", "<=") and self.value < 0:
            more = {"<": ">", "<=": ">="}[self.operator]
            return f"{name}, down on the previous {period} by {OPERATORS[more][1]} {self._difference(-self.value)}"
        return f"{name}, change from the previous {period} {self.comparison()}"

    def _difference(self, value) -> str:
        """A difference of this measure: on a scale out of 10, in points ('2 points'); else as a value ('5 km')."""
        if self.measure.unit and self.measure.unit.startswith("/"):
            return f"{number(value)} {'point' if value == 1 else 'points'}"
        return self.measure.shown(value)

    def _words(self, each_kind: bool = False) -> str:
        name = self.measure.name
        if self.increase:
            before = ("the week before" if self.increase == 1
                      else f"the weekly average of the {self.increase} weeks before")
            weeks = self.sustained.count if self.sustained else 1
            span = "last 7 days" if weeks == 1 else f"each of the last {weeks} weeks"
            return (f"{name}, {span} against {before}{' it' if weeks > 1 else ''}: "
                    f"{OPERATORS[self.operator][1]} {number(self.value)}%")  # as a measure in % shows it
        if self.change:
            return self._change_words()
        if self.measure.kind == "categorical" and not self.between:
            accepted = [v for v in self.measure.values if self.holds(v)]
            words = f"{name}: {' or '.join(accepted)}"
        elif self.measure.kind == "boolean":
            words = f"{name}: {self.measure.shown(self.value)}"
        else:
            words = f"{name} {self.comparison()}"
        if not self.sustained:
            return words
        return f"{words} {self.sustained.text()}" + (" of the same kind" if self._same_kind(each_kind) else "")


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

    def text(self, with_look_back: bool = True, each_kind: bool = False) -> str:
        """'Pain during activity 3-5/10; and Pain settled by the next morning: yes'. A look-back for every part comes
        first: 'In the last 14 days, Numbness or tingling in the leg: yes; or Fever or feeling unwell: yes'. A part's
        own words end at the semicolon, so a look-back is never read as the last part's alone; each part says whether
        it is read on each kind of session on its own (the group's ``by_activity``); groups inside go in brackets.
        Measures keep their names as written (an eponym such as 'Ober test' keeps its capital)."""
        each_kind = self.by_activity or each_kind
        joined = f"; {'and' if self.combine == 'all' else 'or'} "
        words = joined.join(f"({part.text(with_look_back, each_kind)})" if isinstance(part, RuleGroup)
                            else part.text(with_look_back, each_kind) for part in self.parts)
        return f"{_in_the_last(self.within).capitalize()}, {words}" if with_look_back and self.within else words


@dataclass(eq=False)
class Criterion:
    rule: Rule | RuleGroup
    text: str
    references: list[Reference] = field(default_factory=list)
    evidence: Evidence | None = None

    @property
    def threshold(self) -> str:
        return self.rule.text()
