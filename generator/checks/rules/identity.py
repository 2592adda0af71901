"""E206/E207/E218: ids are unique (within a protocol, and across files), each file is named after the id it holds,
and no two drills share a name."""

from __future__ import annotations

import difflib
from typing import Iterator

from ...content.load import Content
from ...content.source import Source
from ...problems import Problem, error
from .drill_links import LINKS
from .known import file_id, value_at
from .protocol_links import USED_SECTIONS, missing_ids

#: protocol sections whose items carry ids that must be unique within the protocol.
SECTIONS = ("measures", "assessments", "warning_signs", "phases", "references")
NEW_ID = "give each item its own id"


def _groups(protocol: dict):
    """(what, hint, [(path, id)]) for every set of ids that must not repeat."""
    for section in SECTIONS:
        yield f"'{section}'", NEW_ID, [((section, i, "id"), item["id"]) for i, item in enumerate(protocol.get(section, []))]
    education = [(("education", i, "id"), item["id"]) for i, item in enumerate(protocol.get("education", []))]
    for p, phase in enumerate(protocol["phases"]):
        education += [(("phases", p, "education", i, "id"), item["id"]) for i, item in enumerate(phase.get("education", []))]
        yield (f"the drills of phase '{phase['id']}'", "keep one entry and put the whole dosage there",
               [(("phases", p, "drills", i, "drill"), rx["drill"]) for i, rx in enumerate(phase["drills"])])
    yield "the education items (protocol-wide and in phases)", NEW_ID, education


def _files_sharing_ids(sources: list) -> Iterator[Problem]:
    """E206 for every file that repeats the id of another, named after the first file holding it."""
    holders: dict[str, list] = {}
    for source in sources:
        holders.setdefault(source.data["id"], []).append(source)
    for doc_id, files in holders.items():
        first = next((s for s in files if file_id(s) == doc_id), files[0])
        for source in files:
            if source is not first:
                yield error("E206", source.file, source.value_position(("id",)),
                            f"the id '{doc_id}' is already used by {first.file}; if this file is a copy, give it "
                            "its own id and name the file after it, otherwise delete it")


def _drills_sharing_names(drills: list) -> Iterator[Problem]:
    """E218 for every drill named like another, which the library and the phases would show twice."""
    named: dict[str, list[Source]] = {}
    for source in drills:
        named.setdefault(" ".join(source.data["name"].lower().split()), []).append(source)
    for name, sources in ((name, sources) for name, sources in named.items() if len(sources) > 1):
        first = max(sources, key=lambda s: _likeness(s.data["id"], name))
        for source in sources:
            if source.data["id"] != first.data["id"]:
                yield error("E218", source.file, source.value_position(("name",)),
                            f"the name '{source.data['name']}' is already used by {first.file}; give this drill a "
                            "name of its own, so that athletes can tell the two apart")


def _misnamed(source: Source, cited: set[str]) -> Problem:
    """E207 for a file whose id differs from its name: change what nothing cites to what is cited."""
    named, doc_id = file_id(source), source.data["id"]
    message = f"the id '{doc_id}' differs from the file name '{named}.yaml'; "
    if named in cited and doc_id not in cited:
        return error("E207", source.file, source.value_position(("id",)),
                     message + f"the handbook refers to it as '{named}', so change the id back: id: {named}",
                     source.value_fix(("id",), named))
    if doc_id in cited and named not in cited:
        return error("E207", source.file, source.value_position(("id",)),
                     message + f"the handbook refers to it as '{doc_id}', so rename the file to '{doc_id}.yaml'")
    return error("E207", source.file, source.value_position(("id",)),
                 message + f"make them the same (rename the file to '{doc_id}.yaml' or change the id)")


def _drills_cited(content: Content) -> set[str]:
    """Every drill id that a phase prescribes or a drill links to."""
    prescribed = {rx["drill"] for source in content.valid_protocols() for phase in source.data["phases"]
                  for rx in phase["drills"]}
    return prescribed | {s.data[link] for s in content.valid_drills() for link in LINKS if link in s.data}


def check(content: Content) -> Iterator[Problem]:
    yield from _drills_sharing_names(content.valid_drills())
    for sources, cited in ((content.valid_drills(), _drills_cited(content)), (content.valid_protocols(), set())):
        repeats = list(_files_sharing_ids(sources))
        yield from repeats
        repeated = {p.file for p in repeats}
        for source in sources:
            if source.data["id"] != file_id(source) and source.file not in repeated:
                yield _misnamed(source, cited)
    for source in content.valid_protocols():
        for what, hint, entries in _groups(source.data):
            first: dict[str, tuple] = {}
            for path, item_id in entries:
                if item_id in first:
                    yield _repeated(source, what, hint, first[item_id], path)
                first.setdefault(item_id, path)


def _repeated(source: Source, what: str, hint: str, first: tuple, path: tuple) -> Problem:
    """E206 for an id given twice; when the section has lost exactly one id that the protocol still uses, the
    repeat is most likely that id, copied over: at the item whose name fits it best, change it back."""
    item_id = value_at(source.data, path)
    missing = missing_ids(source, path[0]) if path[0] in USED_SECTIONS else {}
    if len(missing) != 1:
        line = source.value_position(first)[0]
        return error("E206", source.file, source.value_position(path),
                     f"'{item_id}' appears twice in {what} (first at line {line}); {hint}")
    lost, used_at = next(iter(missing.items()))
    copy, other = sorted((path, first), key=lambda at: -_likeness(lost, value_at(source.data, at[:-1]).get("name", "")))
    return error("E206", source.file, source.value_position(copy),
                 f"'{item_id}' appears twice in {what} (also at line {source.value_position(other)[0]}), and "
                 f"'{lost}', used at line {source.value_position(used_at)[0]}, is no longer defined; this item is "
                 f"most likely '{lost}': change its id back to {lost}", source.value_fix(copy, lost))


def _likeness(item_id: str, name: str) -> float:
    """How alike an id and a name read: 'pain-after-activity' and 'Pain after activity' are alike."""
    return difflib.SequenceMatcher(None, item_id, "-".join(name.lower().split())).ratio()
