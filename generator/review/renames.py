"""Drills renamed: the same drill under a new id, with every use of it updated.

A drill whose file left under one id and came back under another with nothing else changed is a rename, not a
drill removed and another added. Before the two sides are compared, the old side is written with the new ids
(in the phases that prescribe the drill, the sessions that list it, the drills that progress or regress to it
and the links to its page), so that the comparison sees only what else changed, and the rename is one change.
"""

from __future__ import annotations

import re

from ..content.week import SESSION_PARTS

#: a drill's fields that name another drill.
DRILL_LINKS = ("regression", "progression")
_LINK = re.compile(r"\]\(drill:([^)#\s]+)")


def drill_renames(old: dict[str, dict], new: dict[str, dict]) -> dict[str, str]:
    """Old id → new id of each drill only in ``old`` whose content, but for its id, is that of exactly one drill
    only in ``new`` (and no other drill only in ``old`` has it too)."""
    gone, came = [k for k in old if k not in new], [k for k in new if k not in old]

    def content(drill: dict) -> dict:
        return {k: v for k, v in drill.items() if k != "id"}

    renames = {}
    for old_id in gone:
        matches = [new_id for new_id in came if content(new[new_id]) == content(old[old_id])]
        twins = [other for other in gone if content(old[other]) == content(old[old_id])]
        if len(matches) == 1 and len(twins) == 1:
            renames[old_id] = matches[0]
    return renames


def _links(value, renames: dict[str, str]):
    """``value`` with the links to a renamed drill's page in its texts pointing at the new id."""
    if isinstance(value, str):
        return _LINK.sub(lambda m: f"](drill:{renames.get(m.group(1), m.group(1))}", value)
    if isinstance(value, dict):
        return {k: _links(v, renames) for k, v in value.items()}
    if isinstance(value, list):
        return [_links(v, renames) for v in value]
    return value


def renamed_protocol(values: dict, renames: dict[str, str]) -> dict:
    """A protocol map (see :func:`generator.review.diff.protocol_map`) with the new ids of renamed drills."""
    if not renames:
        return values
    values = _links(values, renames)
    for phase in values["phases"].values():
        phase["drills"] = {renames.get(k, k): {**v, "drill": renames.get(v["drill"], v["drill"])}
                           for k, v in phase["drills"].items()}
        for session in phase["sessions"].values():
            for part in SESSION_PARTS:
                if part in session:
                    session[part] = [renames.get(d, d) for d in session[part]]
    return values


def renamed_drills(drills: dict[str, dict], renames: dict[str, str]) -> dict[str, dict]:
    """The drill library keyed and written with the new ids of renamed drills."""
    if not renames:
        return drills
    library = {}
    for key, drill in _links(drills, renames).items():
        drill = {**drill, "id": renames.get(drill["id"], drill["id"])}
        for link in DRILL_LINKS:
            if link in drill:
                drill[link] = renames.get(drill[link], drill[link])
        library[renames.get(key, key)] = drill
    return library
