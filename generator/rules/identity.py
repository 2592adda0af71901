"""E206/E207: ids are unique and each file is named after the id it holds."""

from __future__ import annotations

from typing import Iterator

from ..content import Content
from ..problems import Problem, error

#: protocol sections whose items carry ids that must be unique within the protocol.
SECTIONS = ("measures", "assessments", "warning_signs", "phases", "education", "references")


def check(content: Content) -> Iterator[Problem]:
    for source in content.drills + content.protocols:
        file_id = source.file.rsplit("/", 1)[-1].removesuffix(".yaml")
        doc_id = source.data.get("id")
        if isinstance(doc_id, str) and doc_id != file_id:
            yield error("E207", source.file, source.value_position(("id",)),
                        f"the id '{doc_id}' differs from the file name '{file_id}.yaml'; "
                        f"make them the same (rename the file to '{doc_id}.yaml' or change the id)")
    for source in content.valid_protocols():
        for section in SECTIONS:
            seen: dict[str, int] = {}
            for i, item in enumerate(source.data.get(section, [])):
                if item["id"] in seen:
                    line = source.value_position((section, seen[item["id"]]))[0]
                    yield error("E206", source.file, source.value_position((section, i, "id")),
                                f"the id '{item['id']}' is used twice in '{section}' (first at line {line}); "
                                "give each item its own id")
                seen.setdefault(item["id"], i)
        for phase_index, phase in enumerate(source.data["phases"]):
            seen_drills: set[str] = set()
            for i, prescription in enumerate(phase["drills"]):
                if prescription["drill"] in seen_drills:
                    yield error("E206", source.file, source.value_position(("phases", phase_index, "drills", i, "drill")),
                                f"the drill '{prescription['drill']}' is listed twice in phase '{phase['id']}'; "
                                "keep one entry and put the whole dosage there")
                seen_drills.add(prescription["drill"])
