"""E231: a drill the phase's sessions do far less or far more often than its dose's times a week.

When the phase writes no ``per_week`` for a drill, the drill's own dose says how often it is done, and the
site shows the sessions' days instead: a drill dosed 4 times a week that the sessions put on Wednesday alone is
done a quarter as often as its dose means, and nothing says so. "Far" is fewer than half, or more than twice,
the times a week of the dose; a smaller difference is an ordinary fit of a dose to a week. A ``per_week`` the
phase writes is compared exactly, by :mod:`.session_counts` (E221). Drills only in ``optional`` lists, or in no
session, are extras and are not counted.
"""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...problems import Problem, error
from .session_counts import scheduled_in

#: A count of days this many times smaller or larger than the dose's is far from it.
FAR = 2


def is_far(days: int, per_week: int) -> bool:
    """Whether ``days`` a week is fewer than half, or more than twice, ``per_week``."""
    return days * FAR < per_week or days > per_week * FAR


def _often(days: int) -> str:
    return {1: "once a week", 2: "twice a week"}.get(days, f"{days} times a week")


def check(content: Content) -> Iterator[Problem]:
    doses = {source.data["id"]: (source.file, source.data["dosage"]) for source in content.valid_drills()}
    for source in content.valid_protocols():
        for p, phase in enumerate(source.data["phases"]):
            for drill in scheduled_in(phase) or []:
                if "per_week" in phase["drills"][drill.index].get("dosage", {}) or drill.drill not in doses:
                    continue  # the phase's own count (E221), or a drill file that could not be checked
                file, dose = doses[drill.drill]
                per_week, days = dose.get("per_week"), len(drill.days)
                if per_week is None or not is_far(days, per_week):
                    continue
                if days < per_week:
                    far, change = "less than half", "add it to sessions on more days"
                else:
                    far, change = "more than twice", "take it out of some sessions or days"
                yield error("E231", source.file, source.value_position(("phases", p, "drills", drill.index, "drill")),
                            f"in the phase '{phase['title']}', the sessions {drill.where}: {far} the {per_week} "
                            f"times a week that the dose of '{drill.drill}' ({file}) asks for; {change}, or, if "
                            f"{_often(days)} is meant, give the phase its own dose: dosage: {{per_week: {days}}}")
