"""The content of a git revision, checked and linked like the working tree's.

A revision's drills, protocols and schemas are read with ``git archive`` into a
temporary folder and loaded with the project's own checker, so both sides of a
comparison are checked models; ``None`` stands for the working tree.
"""

from __future__ import annotations

import io
import os
import shutil
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
#: every attribute that changes what ``git archive`` gives for a path, unset (info/attributes outranks the tree's).
AS_COMMITTED = "* -export-ignore -export-subst -ident -filter -text -eol -working-tree-encoding\n"
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


def _archive(root: Path, tree: str, parts: list[str]) -> bytes:
    """``git archive`` of ``parts`` of ``tree`` as committed, whatever the revision's .gitattributes say: run in a
    scratch repository that borrows ``root``'s objects and unsets, for every path, the attributes that would leave
    a file out (export-ignore), rewrite its text (export-subst, ident, eol) or run a filter on it."""
    common = Path(git(root, "rev-parse", "--git-common-dir").decode().strip())
    objects = (common if common.is_absolute() else root / common).resolve() / "objects"
    with tempfile.TemporaryDirectory(prefix="handbook-archive-") as scratch:
        git(Path(scratch), "init", "--quiet", "--bare")
        (Path(scratch) / "objects" / "info").mkdir(parents=True, exist_ok=True)
        (Path(scratch) / "objects" / "info" / "alternates").write_text(f"{objects}\n", encoding="utf-8")
        (Path(scratch) / "info").mkdir(exist_ok=True)
        (Path(scratch) / "info" / "attributes").write_text(AS_COMMITTED, encoding="utf-8")
        return git(Path(scratch), "archive", "--format=tar", tree, "--", *parts)


class NotContent(Exception):
    """A member of a revision's archive that would land outside its folder, link outside it, or is a device."""

    def __init__(self, name: str, reason: str):
        super().__init__(reason)
        self.name = name


def _extract_data(tar: tarfile.TarFile, folder: Path) -> None:
    """Extract an archive's files, directories and symbolic links into ``folder`` and nothing outside it: with
    tarfile's 'data' filter where Python has it (3.11.4 and later), else refusing, member by member, what that filter
    refuses (Debian 12's Python is 3.11.2)."""
    if hasattr(tarfile, "data_filter"):
        try:
            tar.extractall(folder, filter="data")
        except tarfile.FilterError as exc:
            raise NotContent(exc.tarinfo.name, str(exc)) from None
        return
    root = os.path.realpath(folder)

    def inside(path: str) -> bool:
        return os.path.commonpath([os.path.realpath(path), root]) == root

    for member in tar.getmembers():
        member.name = member.name.lstrip("/" + os.sep)  # '/drills/a.yaml' as 'drills/a.yaml', as the filter reads it
        target = os.path.join(root, member.name)
        if os.path.isabs(member.name) or not inside(target):
            raise NotContent(member.name, f"{member.name!r} would be extracted outside the folder")
        if not (member.isfile() or member.isdir() or member.issym()):
            raise NotContent(member.name, f"{member.name!r} is not a file, a folder or a symbolic link")
        if member.issym() and (os.path.isabs(member.linkname)
                               or not inside(os.path.join(os.path.dirname(target), member.linkname))):
            raise NotContent(member.name, f"{member.name!r} links to {member.linkname!r}, outside the folder")
        tar.extract(member, folder, set_attrs=not member.isdir())


def _extract(root: Path, revision: str, folder: Path, schemas: Path | None = None) -> None:
    prefix = git(root, "rev-parse", "--show-prefix").decode().strip()
    tree = f"{revision}:{prefix}"
    present = set(git(root, "ls-tree", "--name-only", tree).decode().split("\n"))
    parts = [part for part in PARTS if part in present and not (schemas and part == "schemas")]
    if "protocols" not in parts:
        raise RevisionError(f"{revision} has no protocols/ folder")
    archive = _archive(root, tree, parts)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        try:
            _extract_data(tar, folder)
        except NotContent as exc:  # a link to a file outside the content, say
            raise RevisionError(f"{revision} holds {exc.name}, which is not content: {exc}") from None
    if schemas:
        shutil.copytree(schemas, folder / "schemas")
    elif "schemas" not in parts:
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


def load_revision(root: Path, revision: str | None, schemas: Path | None = None) -> Revision:
    """The checked content of ``revision``, or of the working tree when it is None; a revision's content is
    checked against its own schemas, or against the folder ``schemas`` when given."""
    if revision is None:
        return _checked("the working tree", check_project(root))
    try:
        commit = git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
    except RevisionError:
        raise RevisionError(f"'{revision}' is not a commit, branch or tag of this repository") from None
    with tempfile.TemporaryDirectory(prefix="handbook-revision-") as folder:
        _extract(root, commit, Path(folder), schemas)
        return _checked(revision, check_project(Path(folder)), earlier=True)
