"""E213: a phase's title leaves out its number, which the handbook takes from the phase's place in the list."""

from __future__ import annotations

import re
from typing import Iterator

from ...content.load import Content
from ...content.schemas import yaml_text
from ...problems import Problem, error

_WORD = r"(?:phase|stage|step|part|block|level)"
_NUMBER = r"(?:\s*\d+[a-z]?|\s+(?:[ivx]+|one|two|three|four|five|six|seven|eight|nine|ten))(?:\s+of\s+\d+)?"
#: 'Phase 2: ', 'Stage III – ', '2. ' at the start, or ' (phase 2)' at the end of a title.
_NUMBERED = [
    re.compile(rf"^\s*{_WORD}{_NUMBER}\s*(?:[:.)|/,–—-]+\s*|\s+|$)", re.IGNORECASE),
    re.compile(r"^\s*\d+\s*(?:[:.)]|\s[–—-])\s+"),
    re.compile(rf"\s*(?:[:|,–—-]+\s*|[(\[]\s*|\s+){_WORD}{_NUMBER}\s*[)\]]?\s*$", re.IGNORECASE),
]


def unnumbered(title: str) -> tuple[str, str] | None:
    """(the number as written, the title without it) when ``title`` carries a phase number; else None."""
    for pattern in _NUMBERED:
        match = pattern.search(title)
        if match:
            return match[0].strip(), (title[:match.start()] + title[match.end():]).strip()
    return None


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        for p, phase in enumerate(source.data["phases"]):
            found = unnumbered(phase["title"])
            if found is None:
                continue
            number, rest = found
            path = ("phases", p, "title")
            message = (f"the title carries its own number ('{number}'), but the handbook numbers phases by their "
                       f"place in the list ('Phase {p + 1}: …'), so a number in the title shows twice, or wrongly once "
                       "phases move; ")
            if len(rest) < 2:
                yield error("E213", source.file, source.value_position(path),
                            message + "write what the phase is about instead")
            else:
                yield error("E213", source.file, source.value_position(path),
                            message + f"write only '{rest}'", source.value_fix(path, yaml_text(rest)))
