"""Where a site may be built: never over the project's own files, only into an empty folder or an earlier build.

Every build marks its folder with :data:`MARK`, so a later build knows it may
replace it; staging folders carry the mark from the moment they are made, so
the next build can clear those a killed build left behind without touching
anything else.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

MARK = ".handbook-site"
#: folders of the project a site may never be, contain or lie inside.
PROTECTED = (".git", "drills", "protocols", "schemas", "generator", "site_src", "tests", "benchmarks")


class UnsafeSiteDir(Exception):
    """The requested site folder would overwrite something that is not an earlier build."""


def within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies inside it."""
    return path == folder or folder in path.parents


def check_site_dir(root: Path, site_dir: Path) -> Path:
    """``site_dir`` resolved, if a build may replace it; raise :class:`UnsafeSiteDir` otherwise."""
    root, target = root.resolve(), site_dir.resolve()
    if within(root, target):
        raise UnsafeSiteDir(f"{site_dir} is the project folder or contains it; building there would replace the "
                            "whole project. Choose a folder of its own, such as 'site'")
    for name in PROTECTED:
        folder = root / name
        if within(target, folder) or within(folder, target):
            raise UnsafeSiteDir(f"{site_dir} is, holds or lies inside the project's '{name}' folder; building there "
                                "would replace its files. Choose a folder of its own, such as 'site'")
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise UnsafeSiteDir(f"{site_dir} is not a folder; choose a folder for the site, such as 'site'")
    if target.is_dir() and any(target.iterdir()) and not (target / MARK).is_file():
        raise UnsafeSiteDir(f"{site_dir} already holds files that are not a handbook build; choose an empty or "
                            "new folder (a build replaces the whole folder)")
    return target


def staging_folder(site_dir: Path) -> Path:
    """A new marked folder beside ``site_dir`` to build into, after clearing any a killed build left behind."""
    for leftover in site_dir.parent.glob(f".{site_dir.name}-*"):
        if leftover.is_dir() and not leftover.is_symlink() and (leftover / MARK).is_file():
            shutil.rmtree(leftover, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    staging.chmod(0o755)  # made private; a site is for reading
    mark(staging)
    return staging


def mark(folder: Path) -> None:
    (folder / MARK).write_text("Built by 'handbook build'; the next build replaces this folder.\n", encoding="utf-8")
