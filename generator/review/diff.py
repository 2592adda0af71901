"""What changed between two versions of the content, in clinicians' words, and the version bump each change needs.

Both sides are checked content. Lists keyed by an id (measures, warning signs, a phase's drills and exit
criteria …) become maps so that DeepDiff compares items by id, not by place; DeepDiff finds what changed and
:mod:`generator.review.wording` says it: a threshold as 'Pain during activity ≤ 2/10 → ≤ 3/10', a drill moved
between phases, a red flag softened, a text reworded. Each change is classed by the version bump it needs:

- major: a threshold loosened, a criterion or red flag removed, a warning sign softened, phases restructured;
- minor: content added or tightened, or any other clinical change;
- patch: wording (editorial).
"""

from __future__ import annotations

from dataclasses import replace

from ..model import build_handbook
from .changes import BUMPS, META, PHASE_GROUPS, PHASE_ITEMS, SECTIONS, Change, Side
from .renames import drill_renames, renamed_drills, renamed_protocol
from .revisions import Revision
from .stages import aligned, order
from .wording import Wording


def _criterion_key(rule: dict) -> str:
    """A criterion's measure id; for one joining rules with all/any, 'all:' or 'any:' and its first rule's key."""
    for combine in ("all", "any"):
        if combine in rule:
            return f"{combine}:{_criterion_key(rule[combine][0])}"
    return rule["measure"]


def criterion_keys(criteria: list[dict]) -> list[str]:
    """Keys of a phase's exit criteria: the measure's id (see :func:`_criterion_key`), numbered when a phase has
    two on one measure."""
    keys, seen = [], {}
    for criterion in criteria:
        key = _criterion_key(criterion)
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return keys


def _keyed(items: list[dict], key: str = "id") -> dict:
    return {item[key]: item for item in items}


def phase_map(phase: dict) -> dict:
    """A phase with its lists of items as maps (its week's sessions by id); the walk-run sessions numbered from 1."""
    values = {k: v for k, v in phase.items() if k not in ("drills", "exit_criteria", "education", "return_to_run", "sessions")}
    values["typical_duration"] = dict(phase["typical_duration"])
    values["drills"] = _keyed(phase["drills"], "drill")
    values["exit_criteria"] = dict(zip(criterion_keys(phase.get("exit_criteria", [])), phase.get("exit_criteria", [])))
    values["education"] = _keyed(phase.get("education", []))
    values["sessions"] = _keyed(phase.get("sessions", []))
    run = phase.get("return_to_run")
    if run:
        values["return_to_run"] = {k: v for k, v in run.items() if k != "sessions"}
    values["run_sessions"] = {str(n): s for n, s in enumerate(run["sessions"], 1)} if run else {}
    values.setdefault("assessments", [])
    return values


def protocol_map(data: dict) -> dict:
    """A protocol as nested maps keyed by id, without its version and review fields."""
    values = {"protocol": {k: v for k, v in data.items() if k not in (*META, *SECTIONS, "phases")}}
    values.update({section: _keyed(data.get(section, [])) for section in SECTIONS})
    values["phases"] = {phase["id"]: phase_map(phase) for phase in data["phases"]}
    return values


def side(revision: Revision) -> Side:
    content = revision.result.content
    drills = [s.data for s in content.valid_drills()]
    protocols = [s.data for s in content.valid_protocols()]
    return Side(revision.name, build_handbook(drills, protocols), _keyed(drills),
                {p["id"]: protocol_map(p) for p in protocols},
                {s.data["id"]: s.file for s in content.valid_protocols()})


def item_of(path: list) -> tuple[tuple, object]:
    """(the item a changed path lies in, the field of the item that changed, or None for the whole item)."""
    if path[0] == "phases" and len(path) > 2 and path[2] in PHASE_ITEMS:
        depth = 4
    elif path[0] == "phases" and len(path) > 2 and path[2] in PHASE_GROUPS:
        depth = 3
    elif path[0] == "protocol":
        depth = 1
    else:
        depth = 2
    return tuple(path[:depth]), (path[depth] if len(path) > depth else None)


def changed_items(old: dict, new: dict) -> dict[tuple, set]:
    """Each item that differs between two maps, with the fields that differ (None: added or removed)."""
    from deepdiff import DeepDiff  # here, not above: it takes as long to import as a whole check of the content

    items: dict[tuple, set] = {}
    for changes in DeepDiff(old, new, view="tree").values():
        for change in changes:
            path = change.path(output_format="list")
            if path[0] == "phases" and len(path) == 3 and path[2] in PHASE_ITEMS:
                # a phase's whole list of items replaced at once: say it item by item
                before, after = (side["phases"].get(path[1], {}).get(path[2], {}) for side in (old, new))
                for key in dict.fromkeys([*before, *after]):
                    if before.get(key) != after.get(key):
                        items.setdefault(tuple(path) + (key,), set()).add(None)
                continue
            item, name = item_of(path)
            items.setdefault(item, set()).add(name)
    return items


def _item_order(item: tuple) -> tuple:
    """Changed items in a stable order: walk-run stages by number, anything else by its path."""
    if len(item) == 4 and item[2] == "run_sessions":
        return (*item[:3], order(item[3]))
    return item


def _aligned_stages(old: dict, new: dict) -> None:
    """Key the walk-run stages of each phase on both sides alike (see :mod:`generator.review.stages`)."""
    for phase_id in old["phases"].keys() & new["phases"].keys():
        before, after = old["phases"][phase_id], new["phases"][phase_id]
        before["run_sessions"], after["run_sessions"] = aligned(list(before["run_sessions"].values()),
                                                                list(after["run_sessions"].values()))


def matched(old: Side, new: Side) -> tuple[Side, Side, dict[str, str]]:
    """Both sides with their items matched: renamed drills under their new ids on the old side, walk-run stages
    aligned; and the renames (old id → new id)."""
    renames = drill_renames(old.drills, new.drills)
    old_protocols = {k: renamed_protocol(v, renames) for k, v in old.protocols.items()}
    new_protocols = dict(new.protocols)
    for protocol_id in old_protocols.keys() & new_protocols.keys():
        old_protocols[protocol_id] = {**old_protocols[protocol_id],
                                      "phases": {k: dict(v) for k, v in old_protocols[protocol_id]["phases"].items()}}
        new_protocols[protocol_id] = {**new_protocols[protocol_id],
                                      "phases": {k: dict(v) for k, v in new_protocols[protocol_id]["phases"].items()}}
        _aligned_stages(old_protocols[protocol_id], new_protocols[protocol_id])
    return (replace(old, protocols=old_protocols, drills=renamed_drills(old.drills, renames)),
            replace(new, protocols=new_protocols), renames)


def compare(old: Side, new: Side) -> list[Change]:
    """Every change of content from ``old`` to ``new``, grouped by protocol, in phase order."""
    old, new, renames = matched(old, new)
    changes: list[Change] = []
    for protocol_id in sorted(old.protocols.keys() | new.protocols.keys()):
        wording = Wording(old, new, protocol_id, renames)
        if protocol_id not in old.protocols or protocol_id not in new.protocols:
            changes.append(wording.whole_protocol())
            continue
        items = changed_items(old.protocols[protocol_id], new.protocols[protocol_id])
        changes += wording.phase_order()
        for item in sorted(items, key=_item_order):
            changes += wording.item(item, items[item])
    wording = Wording(old, new, None, renames)
    changes += [wording.renamed_drill(old_id, new_id) for old_id, new_id in sorted(renames.items())]
    library = changed_items({"drills": old.drills}, {"drills": new.drills})
    for item in sorted(library):
        changes += wording.library_drill(item[1], library[item])
    return sorted(changes, key=_order(old, new))


def _order(old: Side, new: Side):
    def key(change: Change):
        place = new.phase(change.protocol, change.phase) or old.phase(change.protocol, change.phase) \
            if change.protocol and change.phase else None
        return (change.protocol is None, change.protocol or "", place.number if place else 0)
    return key


def needed_bump(changes: list[Change], protocol_id: str) -> str | None:
    """The version bump the changes need for a protocol, or None when none of them touch it."""
    bumps = [BUMPS.index(c.bump) for c in changes if protocol_id in c.affects]
    return BUMPS[max(bumps)] if bumps else None
