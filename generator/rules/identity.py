"""E206/E207: ids are unique (within a protocol, and across files) and each file is named after the id it holds."""

from __future__ import annotations

from typing import Iterator

from ..content import Content
from ..problems import Problem, error
from .known import file_id

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


def check(content: Content) -> Iterator[Problem]:
    for sources in (content.valid_drills(), content.valid_protocols()):
        repeats = list(_files_sharing_ids(sources))
        yield from repeats
        repeated = {p.file for p in repeats}
        for source in sources:
            named, doc_id = file_id(source), source.data["id"]
            if doc_id != named and source.file not in repeated:
                yield error("E207", source.file, source.value_position(("id",)),
                            f"the id '{doc_id}' differs from the file name '{named}.yaml'; "
                            f"make them the same (rename the file to '{doc_id}.yaml' or change the id)")
    for source in content.valid_protocols():
        for what, hint, entries in _groups(source.data):
            first: dict[str, tuple] = {}
            for path, item_id in entries:
                if item_id in first:
                    line = source.value_position(first[item_id])[0]
                    yield error("E206", source.file, source.value_position(path),
                                f"'{item_id}' appears twice in {what} (first at line {line}); {hint}")
                first.setdefault(item_id, path)
