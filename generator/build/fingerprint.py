"""Whether the site in place is what a build would make: a fingerprint of everything a build reads.

The fingerprint covers the content, the docs folder after generation (written
and generated pages, theme overrides, scripts, styles), ``mkdocs.yml``, the
generator's own code and templates, the installed packages and their
versions, the fonts, today's date and the settings read from the environment. A build
writes it into the site it makes; the next build that finds the same
fingerprint there leaves the site as it is.
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import distributions
from pathlib import Path

from ..clock import today
from ..printables import cache as printables

STAMP = ".handbook-inputs"
#: what a build reads from the project, beside the generator itself and the installed packages.
INPUTS = ("mkdocs.yml", "protocols", "drills", "schemas", "site_src")
GENERATOR = Path(__file__).resolve().parents[1]
#: settings a build reads from the environment.
SETTINGS = ("SOURCE_DATE_EPOCH", "HANDBOOK_TODAY")


def fingerprint(root: Path) -> str:
    """The fingerprint of a build of the project at ``root``."""
    files = [(root, path) for name in INPUTS for path in _files(root / name)]
    files += [(GENERATOR.parent, path) for path in _files(GENERATOR)]
    packages = sorted({f"{dist.metadata['Name']}=={dist.version}" for dist in distributions()})
    settings = [f"{name}={os.environ.get(name, '')}" for name in SETTINGS]
    return printables.digest(sys.version, today().isoformat(), printables.fingerprint(), *settings, *packages,
                             *(part for folder, path in files
                               for part in (path.relative_to(folder).as_posix(), path.read_bytes())))


def is_current(site_dir: Path, inputs: str) -> bool:
    """Whether the site in ``site_dir`` was built from inputs of fingerprint ``inputs``."""
    stamp = site_dir / STAMP
    return stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == inputs


def stamp(site_dir: Path, inputs: str) -> None:
    """Record in a site that it was built from inputs of fingerprint ``inputs``."""
    (site_dir / STAMP).write_text(f"{inputs}\n", encoding="utf-8")


def _files(top: Path):
    """``top`` if a file, else the files under it, in a fixed order (compiled Python left out)."""
    if top.is_file():
        yield top
    for parent, folders, files in os.walk(top):
        folders[:] = sorted(folder for folder in folders if folder != "__pycache__")
        yield from (Path(parent) / file for file in sorted(files) if not file.endswith(".pyc"))
