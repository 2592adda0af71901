"""Walk-run stages matched across two versions of a phase, so that a stage put in or taken out is one change.

Stages have no id of their own: they are known by their place in the sequence. Matching them by place alone
would make one stage inserted at the start read as every later stage changed, so the two sequences are first
aligned on their content (as ``diff`` aligns lines) and a stage keeps the key of its place in the new sequence;
a stage that is only in the old one is keyed ``old:N``.
"""

from __future__ import annotations

import difflib
import json

REMOVED = "old:"


def _fingerprint(stage: dict) -> str:
    return json.dumps(stage, sort_keys=True, default=str)


def aligned(old: list[dict], new: list[dict]) -> tuple[dict[str, dict], dict[str, dict]]:
    """The stages of both sides keyed alike: a stage the same or edited in place shares its key (its number in
    the new sequence) with its old version; a stage added has a key only on the new side, one removed only
    (``old:N``, its old number) on the old side."""
    before, after = {}, {}
    matcher = difflib.SequenceMatcher(None, [_fingerprint(s) for s in old], [_fingerprint(s) for s in new],
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        paired = min(i2 - i1, j2 - j1) if tag in ("equal", "replace") else 0
        for k in range(paired):
            before[str(j1 + k + 1)] = old[i1 + k]
        for i in range(i1 + paired, i2):
            before[f"{REMOVED}{i + 1}"] = old[i]
        for j in range(j1, j2):
            after[str(j + 1)] = new[j]
    return before, after


def number(key: str) -> str:
    """The stage's number as a reader counts it ('3' for a new stage 3 or an old stage 3 removed)."""
    return key.removeprefix(REMOVED)


def order(key: str) -> tuple[int, int]:
    """Stages in their order: by number, an old stage removed just before the new stage of its number."""
    return int(number(key)), 0 if key.startswith(REMOVED) else 1
