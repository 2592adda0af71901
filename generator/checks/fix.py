"""``handbook check --fix``: make the tested edits the check suggests (``fix`` in ``--format json``), safely.

The edits are made in a copy of the content, pass after pass (an edit may let a held-back check run, whose own
edit follows): in each pass every file takes the edits that do not overlap, from its end up, and the project is
checked again. An edit is kept only when the file is still read as YAML as well as before and every value written
outside the edited text is still in the file, with its field: an edit that would drop or reinterpret another value
is refused and reported, never written. Only at the end are the changed files written back, each replaced at once
(a half-written file is never left), and only if nobody changed it meanwhile; ``--diff`` shows them instead.
"""

from __future__ import annotations

import difflib
import os
import shutil
import stat
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..content.files import CONTENT_DIRS
from ..content.source import Source, load_source
from ..problems import Fix, Problem
from .run import check_project

#: what the check reads besides the content folders.
CHECKED = ("schemas", "mkdocs.yml")
#: passes at most: each pass makes every edit it can, so a few are enough; this bounds a loop of edits.
MAX_PASSES = 10
_BOM = "\ufeff"
#: stands for the value of a field written empty ('dosage:' with nothing under it).
_EMPTY = "(empty)"


@dataclass
class FixResult:
    """What fixing found: the problems fixed, those whose edit was refused (with why), and the files changed."""

    fixed: list[Problem] = field(default_factory=list)
    refused: list[tuple[Problem, str]] = field(default_factory=list)
    #: file as the project shows it -> (text before, text after).
    changed: dict[str, tuple[str, str]] = field(default_factory=dict)

    def lines(self, done: str = "fixed") -> list[str]:
        """The report: one line per problem fixed (``done`` says how) or not fixed, then a count."""
        lines = [f"{p.file}:{p.line}:{p.column}: {p.code} {done}: {p.message}" for p in sorted(self.fixed)]
        lines += [f"{p.file}:{p.line}:{p.column}: {p.code} not fixed, {why}: {p.message}"
                  for p, why in sorted(self.refused, key=lambda found: found[0])]
        if not self.fixed and not self.refused:
            return [f"Nothing {'would be ' if done != 'fixed' else ''}fixed: no problem comes with an edit the check "
                    "is sure of."]
        files = len(self.changed)
        count = f"{len(self.fixed)} problem{'' if len(self.fixed) == 1 else 's'}"
        lines.append(f"{done.capitalize()} {count} in {files} file{'' if files == 1 else 's'}"
                     + (f"; {len(self.refused)} could not be fixed safely (see above)." if self.refused else "."))
        return lines

    def diff(self) -> str:
        """The changes as a unified diff, file by file ('a/…' before, 'b/…' after, as git writes them)."""
        return "".join("".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                                    f"a/{file}", f"b/{file}"))
                       for file, (before, after) in sorted(self.changed.items()))


def fix_project(root: Path, wanted=lambda file: True) -> FixResult:
    """Make every suggested edit in the files ``wanted`` says yes to, in a copy of the content; nothing under
    ``root`` is written (see :func:`write_fixes`)."""
    result = FixResult()
    with tempfile.TemporaryDirectory(prefix="handbook-fix-") as folder:
        copy = Path(folder) / "project"
        _copy_checked(root, copy)
        originals: dict[str, str] = {}
        tried: set[tuple] = set()
        for _ in range(MAX_PASSES):
            pending = [p for p in check_project(copy).problems if p.fix and wanted(p.file)
                       and _key(p) not in tried]
            if not pending:
                break
            tried |= {_key(p) for p in pending}
            progress = False
            for file, problems in _by_file(pending).items():
                text = _read(copy / file)
                originals.setdefault(file, text)
                fixed, refused, after = _fix_file(file, text, problems)
                result.fixed += fixed
                result.refused += refused
                if after != text:
                    _write(copy / file, after)
                    progress = True
            if not progress:
                break
        remaining = {(p.file, p.code, p.message) for p in check_project(copy).problems}
        result.refused += [(p, "the edit did not clear the problem") for p in result.fixed
                           if (p.file, p.code, p.message) in remaining]
        result.fixed = [p for p in result.fixed if (p.file, p.code, p.message) not in remaining]
        result.refused = [(p, why) for p, why in result.refused if (p.file, p.code, p.message) in remaining]
        result.changed = {file: (before, _read(copy / file)) for file, before in originals.items()
                          if _read(copy / file) != before}
    return result


def write_fixes(root: Path, result: FixResult) -> list[str]:
    """Write the changed files into the project, each replaced at once; the files that changed on disk since they
    were read are left as they are and returned."""
    changed_meanwhile = []
    for file, (before, after) in sorted(result.changed.items()):
        target = root / file
        if _read(target) != before:
            changed_meanwhile.append(file)
            continue
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".fixing")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(after)
            shutil.copymode(target, temporary)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return changed_meanwhile


def _key(problem: Problem) -> tuple:
    return problem.file, problem.code, problem.message, problem.fix


def _by_file(problems: list[Problem]) -> dict[str, list[Problem]]:
    files: dict[str, list[Problem]] = {}
    for problem in problems:
        files.setdefault(problem.file, []).append(problem)
    return files


def _fix_file(file: str, text: str, problems: list[Problem]) -> tuple[list[Problem], list[tuple[Problem, str]], str]:
    """Make the edits of ``problems`` in ``text`` that keep the file readable and its other values; edits that
    overlap one made are left for the next pass."""
    bom, text = (_BOM, text[1:]) if text.startswith(_BOM) else ("", text)
    crlf = "\r\n" in text
    written, text = text, text.replace("\r\n", "\n")
    before, before_problems = load_source(text.encode("utf-8"), file)
    fixed, refused, made, current = [], [], [], text
    for problem in sorted(problems, key=lambda p: (p.fix.start, p.fix.end), reverse=True):
        if any(_overlap(problem.fix, other) for other in made):
            continue
        after = problem.fix.apply(current)
        why = _refusal(file, before, before_problems, after, made + [problem.fix])
        if why:
            refused.append((problem, why))
            continue
        made.append(problem.fix)
        fixed.append(problem)
        current = after
    if not made:
        return fixed, refused, bom + written
    return fixed, refused, bom + (current.replace("\n", "\r\n") if crlf else current)


def _refusal(file: str, before: Source | None, before_problems: list[Problem], text: str, made: list[Fix]) -> str:
    """Why ``text``, the file with the edits ``made``, may not be written; '' when it may."""
    after, after_problems = load_source(text.encode("utf-8"), file)
    if after is None and before is not None:
        return "the edit would leave the file unreadable as YAML"
    new = Counter(p.code for p in after_problems if p.code < "E1") - Counter(p.code for p in before_problems)
    if new:
        return f"the edit would make a new YAML problem ({', '.join(sorted(new))})"
    if before is None:
        return ""
    lost = _kept_values(before, made) - _values(after, filled=True)
    if lost:
        (key, value), _ = sorted(lost.items(), key=repr)[0]
        shown = value if value is _EMPTY else repr(value)
        return f"the edit would drop or change {f'{key}: ' if key else ''}{shown}, written elsewhere in the file"
    return ""


def _values(source: Source, keep=lambda path: True, filled: bool = False) -> Counter:
    """(field, value) of every single value of ``source`` (a list item's field is its list's); an empty field is
    (field, :data:`_EMPTY`), which a field of that name holding anything keeps (``filled``, for the file edited):
    an edit may fill an empty field (put the lines below it under it), never remove it."""
    found = Counter()
    for path in source.values:
        if not keep(path):
            continue
        value = _at(source.data, path)
        field = next((step for step in reversed(path) if isinstance(step, str)), "")
        if filled and path and isinstance(path[-1], str):
            found[field, _EMPTY] += 1
        if value is None and not filled:
            found[field, _EMPTY] += 1
        elif not isinstance(value, (dict, list)) and value is not None:
            found[field, value] += 1
    return found


def _kept_values(source: Source, made: list[Fix]) -> Counter:
    """The values of ``source`` that no edit touches: neither the value nor the field of it or of any field
    holding it."""
    def untouched(path: tuple) -> bool:
        spans = [(source.values[path], source.ends.get(path, source.values[path]))]
        spans += [(source.keys[path[:end]], source.key_ends.get(path[:end], source.keys[path[:end]]))
                  for end in range(1, len(path) + 1) if path[:end] in source.keys]
        return not any(_touches(fix, start, end) for fix in made for start, end in spans)
    return _values(source, untouched)


def _at(data, path: tuple):
    for step in path:
        data = data[step]
    return data


def _touches(fix: Fix, start: tuple, end: tuple) -> bool:
    """Whether the edit changes the text from ``start`` up to ``end``, or writes right at its start."""
    if fix.start == fix.end:
        return start <= fix.start <= end
    return fix.start < end and start < fix.end


def _overlap(one: Fix, other: Fix) -> bool:
    return one.start < other.end and other.start < one.end or one.start == other.start


def _read(path: Path) -> str:
    """A content file's text, line ends as written (a byte-order mark kept), or '' when it is gone."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return ""


def _write(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def _copy_checked(root: Path, copy: Path) -> None:
    """Copy what the check reads: the content folders (links as links, no named pipes or devices), the schemas
    and mkdocs.yml."""
    def special(folder: str, names: list[str]) -> list[str]:
        return [name for name in names if not (stat.S_ISREG(mode := os.lstat(os.path.join(folder, name)).st_mode)
                                               or stat.S_ISDIR(mode) or stat.S_ISLNK(mode))]
    copy.mkdir(parents=True)
    for name in (*CONTENT_DIRS, *CHECKED):
        path = root / name
        if path.is_dir() and not path.is_symlink():
            shutil.copytree(path, copy / name, symlinks=True, ignore=special)
        elif path.is_file() and not path.is_symlink():
            shutil.copy2(path, copy / name)
