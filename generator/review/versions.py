"""The version rules: a protocol whose content changed raises its version by at least the bump the changes need,
and its changelog (``changes``) has an entry for the new version naming the phases that changed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..checks.run import CheckResult
from ..content.version_numbers import bump_between, raised
from ..problems import Problem, error
from .changes import BUMPS, Change
from .diff import compare, needed_bump, side
from .revisions import Revision, load_revision

WHAT = {"major": "a change in clinical approach", "minor": "new or tightened content", "patch": "a wording change"}
#: how long a message may quote a change.
QUOTED = 160


def version_problems(before: Revision, after: Revision, changes: list[Change]) -> list[Problem]:
    """E401 for a version not raised enough, E402 for a changelog without the entry the new version needs."""
    old_versions = {s.data["id"]: s.data["version"] for s in before.result.content.valid_protocols()}
    problems = []
    for source in after.result.content.valid_protocols():
        protocol_id, version = source.data["id"], source.data["version"]
        if protocol_id not in old_versions:
            continue
        needed = needed_bump(changes, protocol_id)
        actual = bump_between(old_versions[protocol_id], version)
        if needed and (actual is None or BUMPS.index(actual) < BUMPS.index(needed)):
            problems.append(_not_raised(source, old_versions[protocol_id], needed, changes))
        elif needed or actual:
            problems += _changelog(source, [c for c in changes if protocol_id in c.affects])
            problems += _kind(source, needed, [c for c in changes if protocol_id in c.affects], after.result.problems)
    return problems


def _not_raised(source, old: str, needed: str, changes: list[Change]) -> Problem:
    protocol_id = source.data["id"]
    reasons = [c for c in changes if protocol_id in c.affects and c.bump == needed]
    target = raised(old, needed)
    return error("E401", source.file, source.value_position(("version",)),
                 f"the changes since version {old} need a {needed} version ({WHAT[needed]}: {_quoted(reasons)}); "
                 f"write \"{target}\" and add it to the changelog", source.value_fix(("version",), f'"{target}"'))


def _quoted(reasons: list[Change]) -> str:
    """The first of the changes that decide, cut short, and how many more there are."""
    others = len(reasons) - 1
    return reasons[0].short(QUOTED) + (f", and {others} more like it" if others else "")


def _kind(source, needed: str | None, changes: list[Change], found: list[Problem]) -> list[Problem]:
    """E408 when the new version's changelog entry gives a smaller kind than its changes need (a loosened
    threshold recorded as 'patch' tells readers nothing changed clinically). Left to E407 when the entry's kind
    already disagrees with the step its version takes."""
    version = source.data["version"]
    entries = source.data.get("changes", [])
    index = next((i for i, e in enumerate(entries) if e["version"] == version), None)
    if index is None or not needed or BUMPS.index(entries[index]["kind"]) >= BUMPS.index(needed):
        return []
    at = ("changes", index, "kind")
    line, column = source.value_position(at)
    if any(p.code == "E407" and p.file == source.file and p.line == line for p in found):
        return []
    kind = entries[index]["kind"]
    reasons = [c for c in changes if c.bump == needed]
    return [error("E408", source.file, (line, column),
                  f"the entry for version {version} says 'kind: {kind}' ({WHAT[kind]}), but its changes are "
                  f"{WHAT[needed]} ({_quoted(reasons)}); write 'kind: {needed}' so that readers of the changelog "
                  f"know", source.value_fix(at, needed))]


def _changelog(source, changes: list[Change]) -> list[Problem]:
    version = source.data["version"]
    entry = next((e for e in source.data.get("changes", []) if e["version"] == version), None)
    if entry is None:
        where = ("changes",) if "changes" in source.data else ("version",)
        return [error("E402", source.file, source.key_position(where),
                      f"the changelog has no entry for version {version}: add one under 'changes:' with "
                      f"version: \"{version}\", the date, the kind of change and a summary in plain words")]
    if "phases" not in entry:
        return []
    index = source.data["changes"].index(entry)
    named = set(entry["phases"])
    missing = sorted({c.phase for c in changes if c.phase and c.protocol == source.data["id"]} - named)
    return [error("E402", source.file, source.key_position(("changes", index, "phases")),
                  f"the changelog entry for version {version} does not name phase '{phase}', which changed: "
                  f"add it to its 'phases'") for phase in missing]


def with_version_problems(root: Path, base: str, result: CheckResult) -> CheckResult:
    """``result`` (the working tree's check) with the version problems against revision ``base`` added.

    Content with errors is left as it is: its changes cannot be compared until it passes.
    """
    if result.errors:
        return result
    before = load_revision(root, base)
    after = Revision("the working tree", result)
    found = version_problems(before, after, compare(side(before), side(after)))
    return replace(result, problems=sorted(result.problems + found, key=lambda p: (not p.is_error, p)))
