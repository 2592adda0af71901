"""E201/E208: regression and progression links name real drills and never loop."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...problems import Problem, error
from .known import known_drills, unknown

LINKS = ("regression", "progression")


def check(content: Content) -> Iterator[Problem]:
    drills = known_drills(content)
    valid = {s.data["id"]: s for s in content.valid_drills()}
    for link in LINKS:
        for source in valid.values():
            target = source.data.get(link)
            if target is not None and target not in drills:
                yield unknown("E201", source, (link,), target, drills,
                              f"the {link} '{target}' is not a drill in drills/")
        yield from _loops(link, valid)


def _loops(link: str, valid: dict) -> Iterator[Problem]:
    """Report each loop once: at a drill whose link points back to where its opposite link points (the link that
    was set the wrong way), else at the drill of the loop that sorts first; the message names every link of it."""
    opposite = LINKS[LINKS.index(link) - 1]
    reported: set[str] = set()
    for start in sorted(valid):
        chain, current = [], start
        while current in valid and current not in chain:
            chain.append(current)
            current = valid[current].data.get(link)
        if current != start or start in reported:
            continue
        reported.update(chain)
        both_ways = [d for d in chain if valid[d].data[link] == valid[d].data.get(opposite)]
        source = valid[(both_ways or [start])[0]]
        links = ", ".join(f"{d} → {valid[d].data[link]} ({valid[d].file}:{valid[d].value_position((link,))[0]})"
                          for d in chain)
        yield error("E208", source.file, source.value_position((link,)),
                    f"the {link} links go round in a loop: {links}; each {link} must lead to a different drill that "
                    "does not lead back, so change or remove the wrong link"
                    + (f" (this one is also the drill's {opposite})" if both_ways else ""))
