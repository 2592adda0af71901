"""Find every file in the content folders and read each one safely.

Every file under ``drills/`` and ``protocols/`` is either loaded or reported:
a drill in a subfolder or a file named ``.yml``, ``.YAML``, ``.yaml.txt`` or
``.yaml~`` would otherwise be silently left out of the handbook. Two kinds of
entry are passed over on purpose:

* hidden names (``.DS_Store``, vim's ``.clamshell.yaml.swp``, emacs's
  ``.#clamshell.yaml``): the system and editors make them, never clinicians,
  and reporting them would fail the check while a file is merely open;
* ``protocols/topic-maps/``: topic maps are content of their own, checked by
  ``tests/test_topic_map.py``, not protocols.

Content files must be regular files inside the project. Links are refused even
when they point inside the project: a pull request shows a link as a path, so
reviewers would approve content they never saw, and Git on Windows checks a link
out as a text file holding that path. A link's target is never read or quoted.
Named pipes and devices are never opened (reading one blocks or never ends), and
no more than ``MAX_BYTES + 1`` bytes of any file are read.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..problems import Problem, error
from .source import MAX_BYTES

#: folder -> kind of document it holds.
CONTENT_DIRS = {"drills": "drill", "protocols": "protocol"}
#: subfolders of the content folders that hold other content, left to their own checks.
OTHER_CONTENT = {("protocols", "topic-maps")}
SUFFIX = ".yaml"

_SPECIAL = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
            (stat.S_ISSOCK, "a socket"))


@dataclass(frozen=True)
class ContentFile:
    """One entry of a content folder."""

    path: Path
    #: where it stands in the project, as messages show it: ``drills/clamshell.yaml``.
    display: str
    kind: str

    @property
    def folder(self) -> str:
        return self.display.split("/", 1)[0]

    @property
    def stem(self) -> str:
        """The id the file stands for: its name without '.yaml', or up to the first dot when misnamed."""
        name = self.path.name
        return name.removesuffix(SUFFIX) if name.endswith(SUFFIX) else name.split(".", 1)[0]

    @property
    def proper_name(self) -> str:
        return self.stem + SUFFIX


def find_content(root: Path) -> Iterator[tuple[ContentFile, Problem | None]]:
    """Every content file, sorted, each with the reason it is not loaded (None: load it)."""
    project = Path(os.path.realpath(root))
    for folder, kind in CONTENT_DIRS.items():
        if os.path.lexists(root / folder):
            for parts, path in _entries(root / folder, (folder,)):
                file = ContentFile(path, "/".join(parts), kind)
                yield file, _refusal(file, project) or _misplaced(file, parts)


def _entries(path: Path, parts: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Path]]:
    """(path parts, path) of ``path`` or, for a real folder, of every visible entry below it; links are not followed."""
    if parts in OTHER_CONTENT:
        return
    if path.is_symlink() or not path.is_dir():
        yield parts, path
        return
    for entry in sorted(os.scandir(path), key=lambda e: e.name):
        if not entry.name.startswith("."):
            yield from _entries(Path(entry.path), parts + (entry.name,))


def _refusal(file: ContentFile, project: Path) -> Problem | None:
    """E010 for anything but a regular file: a link (whose target is never read) or a special file."""
    try:
        mode = file.path.lstat().st_mode
    except OSError as exc:
        return _unreadable(file, exc)
    if stat.S_ISLNK(mode):
        target = Path(os.path.realpath(file.path))
        where = f"'{target.relative_to(project).as_posix()}'" if target.is_relative_to(project) \
            else "something outside the project"
        return error("E010", file.display, (1, 1), f"this is a link to {where}, not a file; links are not read, so "
                     "replace the link with the file itself (a copy) or delete it")
    if not stat.S_ISREG(mode):
        what = next((name for test, name in _SPECIAL if test(mode)), "a special file")
        return error("E010", file.display, (1, 1), f"this is {what}, not a text file, so it is not read; "
                     f"delete it from {file.folder}/")
    return None


def _misplaced(file: ContentFile, parts: tuple[str, ...]) -> Problem | None:
    """Why the check does not load the regular file ``file``, with what to do about it."""
    name, folder = parts[-1], file.folder
    looks_like_yaml = any(suffix in name.lower() for suffix in (".yaml", ".yml"))
    if len(parts) > 2:
        what = f"move it up to '{folder}/{file.proper_name}'" if looks_like_yaml else f"move it out of {folder}/"
        message = f"{folder}/ is read without its subfolders, so this file is never loaded; {what}"
    elif name.endswith(SUFFIX):
        return None
    elif name.lower().endswith((".csv", ".json")):
        message = (f"this looks like an athlete's log, which is health data, not content: keep it outside the project "
                   f"and read it with 'handbook evaluate {file.display}' from where it is kept")
    elif not looks_like_yaml:
        message = (f"only {file.kind} files ending in '{SUFFIX}' belong in {folder}/, so this file is never loaded; "
                   f"move it out of {folder}/, or if it is a {file.kind}, rename it to '{file.proper_name}'")
    elif (file.path.parent / file.proper_name).exists():
        message = (f"only files ending in '{SUFFIX}' are loaded, and '{folder}/{file.proper_name}' exists already; "
                   "if this is an old or backup copy, delete it, otherwise merge the two and delete this one")
    else:
        message = f"only files ending in '{SUFFIX}' are loaded, so this one never is; rename it to '{file.proper_name}'"
    return error("E211", file.display, (1, 1), message)


def read_content(file: ContentFile) -> tuple[bytes | None, Problem | None]:
    """The bytes of the regular file ``file`` (at most ``MAX_BYTES + 1`` read), or why they cannot be read."""
    try:
        status = file.path.lstat()
        if status.st_size > MAX_BYTES:
            return None, _too_large(file, status.st_size)
        raw = _read_bounded(file.path, status)
    except OSError as exc:
        return None, _unreadable(file, exc)
    if raw is None:
        return None, error("E001", file.display, (1, 1), "the file changed while it was read; run the check again")
    if len(raw) > MAX_BYTES:
        return None, _too_large(file, len(raw))
    return raw, None


def _unreadable(file: ContentFile, exc: OSError) -> Problem:
    return error("E001", file.display, (1, 1), f"cannot read the file ({exc.strerror}); check that it exists and is "
                 "readable")


def _too_large(file: ContentFile, size: int) -> Problem:
    return error("E003", file.display, (1, 1), f"the file is {size:,} bytes, over the limit of {MAX_BYTES:,}; "
                 "split it or remove pasted material")


def _read_bounded(path: Path, status: os.stat_result) -> bytes | None:
    """At most ``MAX_BYTES + 1`` bytes of ``path``; None if it is no longer the regular file ``status`` describes."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    with open(os.open(path, flags), "rb") as handle:
        opened = os.fstat(handle.fileno())
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (status.st_dev, status.st_ino):
            return None
        return handle.read(MAX_BYTES + 1)
