"""W301/W302: drills no phase uses and references nothing cites (warnings)."""

from __future__ import annotations

from typing import Iterator

from ..content import Content
from ..problems import Problem, warning
from .citations import cited


def check(content: Content) -> Iterator[Problem]:
    prescribed = {p["drill"] for s in content.valid_protocols() for phase in s.data["phases"] for p in phase["drills"]}
    linked = {s.data.get(link) for s in content.valid_drills() for link in ("regression", "progression")}
    for source in content.valid_drills():
        if source.data["id"] not in prescribed:
            note = " (it is only reachable as a regression or progression)" if source.data["id"] in linked else ""
            yield warning("W301", source.file, source.value_position(("id",)),
                          f"no phase prescribes the drill '{source.data['id']}'{note}; add it to a phase's 'drills' "
                          "or remove the file")
    citations = {ref for s in content.valid_drills() + content.valid_protocols() for _, ref in cited(s.data)}
    for source in content.valid_protocols():
        for i, reference in enumerate(source.data["references"]):
            if reference["id"] not in citations:
                yield warning("W302", source.file, source.value_position(("references", i, "id")),
                              f"nothing cites the reference '{reference['id']}'; cite it where it supports a claim "
                              "or remove it")
