"""E232: a phase does not list the same exit criterion twice (a criterion pasted twice, its words and rule alike)."""

from __future__ import annotations

import json
from typing import Iterator

from ...content.load import Content
from ...problems import Problem, error

#: the fields that make what a criterion asks for; its evidence and references may differ in a copy.
ASKS = ("measure", "operator", "value", "between", "change", "sustained", "within", "activity", "increase",
        "by_activity", "all", "any")


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        for p, phase in enumerate(source.data["phases"]):
            seen: dict[str, int] = {}
            for i, criterion in enumerate(phase.get("exit_criteria", [])):
                key = json.dumps({k: criterion.get(k) for k in ASKS}, sort_keys=True)
                if key in seen:
                    yield error("E232", source.file, source.value_position(("phases", p, "exit_criteria", i, "text")),
                                f"this exit criterion of phase '{phase['id']}' asks the same as criterion "
                                f"{seen[key] + 1} above it; remove one of the two, or change the one that was "
                                "meant to ask something else")
                else:
                    seen[key] = i
