"""Content version numbers (MAJOR.MINOR.PATCH) and the step from one to another, in the clinicians' words:
a major step is a change in clinical approach, minor new or tightened content, patch a wording change."""

from __future__ import annotations

#: the step that changing each part of a version takes, from the first part.
STEPS = ("major", "minor", "patch")


def parse(version: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in version.split("."))
    return major, minor, patch


def bump_between(old: str, new: str) -> str | None:
    """'major', 'minor' or 'patch' when ``new`` is above ``old``, else None."""
    before, after = parse(old), parse(new)
    if after <= before:
        return None
    return STEPS[next(i for i in range(3) if after[i] != before[i])]


def raised(version: str, bump: str) -> str:
    """``version`` with ``bump`` applied: raised('1.2.3', 'minor') == '1.3.0'."""
    major, minor, patch = parse(version)
    return {"major": f"{major + 1}.0.0", "minor": f"{major}.{minor + 1}.0", "patch": f"{major}.{minor}.{patch + 1}"}[bump]
