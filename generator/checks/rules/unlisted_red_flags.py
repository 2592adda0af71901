"""E229: every red warning sign with a rule is listed by at least one phase, so a log can raise it.

A sign is evaluated only in the phases that list it; a red flag no phase lists would never
stop anyone, whatever the athlete records.
"""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...problems import Problem, error
from .protocol_links import missing_ids


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        if missing_ids(source, "warning_signs"):
            continue  # a phase lists a sign defined nowhere: E203 says so, and may be this one renamed
        protocol = source.data
        listed = {sign for phase in protocol["phases"] for sign in phase["warning_signs"]}
        for i, sign in enumerate(protocol["warning_signs"]):
            if sign["severity"] == "red" and "rule" in sign and sign["id"] not in listed:
                yield error("E229", source.file, source.value_position(("warning_signs", i, "id")),
                            f"the red sign '{sign['name']}' is listed by no phase, so no log can raise it; add "
                            f"'{sign['id']}' to the 'warning_signs' of every phase it applies to")
