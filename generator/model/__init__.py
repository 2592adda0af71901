"""The handbook as linked objects, built from checked content (model stage).

In: the drill and protocol data that :mod:`generator.checks` passed. Out: a :class:`Handbook` whose ids are
resolved to objects (a phase holds its drills, criteria hold their measure), with doses merged. The wording of
doses and rules lives here so that the site, the printables and the exports say the same thing. Nothing here
knows about HTML or Markdown. One module per noun: drills, measures, rules, signs, sessions, protocols.
"""

from .drills import Dosage, Drill, Prescription, Use
from .handbook import ContentError, Handbook, build_handbook, load_handbook
from .measures import Assessment, Measure
from .protocols import Education, Phase, Protocol, Release
from .references import Evidence, Reference
from .rules import OPERATORS, Criterion, Rule, RuleGroup, Sustained, look_back
from .sessions import DayPlan, ReturnToRun, RunSession, Session
from .signs import ACTIONS, SEVERITY_ORDER, WarningSign
from .words import NBSP

__all__ = ["ACTIONS", "NBSP", "OPERATORS", "SEVERITY_ORDER", "Assessment", "ContentError", "Criterion", "DayPlan",
           "Dosage", "Drill", "Education", "Evidence", "Handbook", "Measure", "Phase", "Prescription", "Protocol",
           "Reference", "Release", "ReturnToRun", "Rule", "RuleGroup", "RunSession", "Session", "Sustained", "Use",
           "WarningSign", "build_handbook", "load_handbook", "look_back"]
