"""The content of a git revision, checked and linked like the working tree's.

A revision's drills, protocols and schemas are read with ``git archive`` into a
temporary folder and loaded with the project's own checker, so both sides of a
comparison are checked models; ``None`` stands for the working tree.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..checks.run import CheckResult, check_project

#: errors of the E2 range after which content cannot be linked: unknown or repeated ids, misnamed or unloaded
#: files, loops, rules written two ways at once, files in the wrong folder.
LINKING = {"E201", "E202", "E203", "E204", "E205", "E206", "E207", "E208", "E211", "E215", "E219"}
#: what a revision needs for its content to be loaded and checked.
PARTS = ("drills", "protocols", "schemas")
#: the branch a pull request merges into, tried in this order.
MAIN_BRANCHES = ("main", "origin/main")


class RevisionError(Exception):
    """A revision cannot be read or its content has errors."""


@dataclass
class Revision:
    """Checked content of one side of a comparison: ``name`` is the revision as given, or 'working tree'."""

    name: str
    result: CheckResult


def git(root: Path, *args: str) -> bytes:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True)
    if done.returncode:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise RevisionError(f"git {' '.join(args)}: {message[-1] if message else 'failed'}")
    return done.stdout


def default_base(root: Path) -> str:
    """The merge base of the current commit with the main branch: where a pull request starts."""
    for branch in MAIN_BRANCHES:
        try:
            return git(root, "merge-base", branch, "HEAD").decode().strip()
        except RevisionError:
            continue
    raise RevisionError("no 'main' branch to compare with; name the base revision, for example 'handbook diff v1.0'")


def _extract(root: Path, revision: str, folder: Path) -> None:
    prefix = git(root, "rev-parse", "--show-prefix").decode().strip()
    tree = f"{revision}:{prefix}"
    present = set(git(root, "ls-tree", "--name-only", tree).decode().split("\n"))
    parts = [part for part in PARTS if part in present]
    if "protocols" not in parts:
        raise RevisionError(f"{revision} has no protocols/ folder")
    archive = git(root, "archive", "--format=tar", tree, "--", *parts)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    if "schemas" not in parts:
        raise RevisionError(f"{revision} has no schemas/ folder")


def _readable(code: str) -> bool:
    """Whether content with this error can still be read and linked: a consistency check (E209-E231) that an
    earlier revision may predate, as opposed to a file, field or id that is broken."""
    return code.startswith("E2") and code not in LINKING


def _checked(name: str, result: CheckResult, earlier: bool = False) -> Revision:
    """The revision, if its check passes; an earlier revision (a diff's base) only needs to read and link, since
    checks added since may not hold for it."""
    errors = [p for p in result.errors if not (earlier and _readable(p.code))]
    if errors:
        first = errors[0]
        raise RevisionError(f"{name} has {len(errors)} content error(s), the first at {first.file}:"
                            f"{first.line}: {first.code} {first.message}; compare with a revision whose check passes")
    return Revision(name, result)


def load_revision(root: Path, revision: str | None) -> Revision:
    """The checked content of ``revision``, or of the working tree when it is None."""
    if revision is None:
        return _checked("the working tree", check_project(root))
    try:
        commit = git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
    except RevisionError:
        raise RevisionError(f"'{revision}' is not a commit, branch or tag of this repository") from None
    with tempfile.TemporaryDirectory(prefix="handbook-revision-") as folder:
        _extract(root, commit, Path(folder))
        return _checked(revision, check_project(Path(folder)), earlier=True)
