"""A store of rendered printables outside the site, so that a build renders only what changed.

Each entry is named by a digest of everything its bytes depend on: the HTML it is
made from (content, templates, paper, date) and :func:`fingerprint` (stylesheet,
fonts, WeasyPrint, the printing code). An entry begins with the SHA-256 of what
follows, checked on every read, and is written to a temporary file renamed into
place, so a torn or damaged entry is never served; :meth:`Store.prune` removes
every entry the latest build did not use.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
from importlib import metadata
from pathlib import Path

_CODE = Path(__file__).parent
_TEMPLATES = _CODE.parent / "templates" / "print"


def digest(*parts: str | bytes) -> str:
    """SHA-256 of the parts, each length-prefixed so that no two lists of parts run together."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(b"%d:" % len(data))
        hasher.update(data)
    return hasher.hexdigest()


def fingerprint() -> str:
    """What every printable depends on besides its HTML: WeasyPrint and pydyf, the installed fonts, the print
    templates and stylesheet, and the code that fits, combines and writes the documents."""
    files = sorted([*_CODE.glob("*.py"), *_TEMPLATES.iterdir()])
    return digest(metadata.version("weasyprint"), metadata.version("pydyf"), _fonts(),
                  *(part for path in files for part in (path.name, path.read_bytes())))


def _fonts() -> str:
    """The fonts fontconfig offers WeasyPrint: each file with its version and size."""
    try:
        listing = subprocess.run(["fc-list", "--format", "%{file}|%{fontversion}\n"], capture_output=True,
                                 text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "fonts unknown"
    entries = sorted(set(listing.splitlines()))
    return "\n".join(f"{entry}|{_size(entry.split('|')[0])}" for entry in entries)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return -1


class Store:
    """Entries ``<key><kind>`` in ``folder``; remembers which ones this build used."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()

    def empty(self) -> bool:
        """Whether the store holds nothing (a first build, or its cache removed)."""
        return not (self.folder.is_dir() and any(self.folder.iterdir()))

    def get(self, key: str, kind: str) -> bytes | None:
        """The entry's bytes, or None if it is missing or does not match its checksum."""
        name = key + kind
        self.used.add(name)
        try:
            check, _, data = (self.folder / name).read_bytes().partition(b"\n")
        except OSError:
            return None
        return data if check.decode("ascii", "replace") == hashlib.sha256(data).hexdigest() else None

    def put(self, key: str, kind: str, data: bytes) -> None:
        name = key + kind
        self.used.add(name)
        self.folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=self.folder, prefix=f".{name}.", suffix=".tmp", delete=False) as file:
            file.write(hashlib.sha256(data).hexdigest().encode("ascii") + b"\n" + data)
        os.replace(file.name, self.folder / name)

    def prune(self) -> list[str]:
        """Remove every entry (and leftover temporary file) this build did not use; return their names."""
        found = self.folder.iterdir() if self.folder.is_dir() else ()
        stale = sorted(path.name for path in found if path.is_file() and path.name not in self.used)
        for name in stale:
            (self.folder / name).unlink(missing_ok=True)
        return stale
