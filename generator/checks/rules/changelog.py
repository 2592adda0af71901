"""E403: a changelog entry names a phase the protocol does not have."""

from __future__ import annotations

import difflib
from typing import Iterator

from ...content.load import Content
from ...problems import Problem, error


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        phases = sorted(phase["id"] for phase in source.data["phases"])
        for number, entry in enumerate(source.data.get("changes", [])):
            for index, phase in enumerate(entry.get("phases", [])):
                if phase in phases:
                    continue
                path = ("changes", number, "phases", index)
                close = difflib.get_close_matches(phase, phases, n=1, cutoff=0.6)
                advice = f"did you mean '{close[0]}'?" if close else f"the phases are {', '.join(phases)}"
                yield error("E403", source.file, source.value_position(path),
                            f"the changelog entry for version {entry['version']} names phase '{phase}', which the "
                            f"protocol does not have — {advice}", source.value_fix(path, close[0]) if close else None)
