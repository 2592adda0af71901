"""Locate the project: the folder holding mkdocs.yml and schemas/."""

from __future__ import annotations

from pathlib import Path


class ProjectNotFound(Exception):
    pass


def _is_project(folder: Path) -> bool:
    return (folder / "mkdocs.yml").is_file() and (folder / "schemas").is_dir()


def find_root(given: Path | None = None) -> Path:
    """``given`` if it is a handbook project, else the nearest one at or above the current folder."""
    if given is not None:
        if _is_project(given.resolve()):
            return given.resolve()
        raise ProjectNotFound(f"{given} is not a handbook project (it needs mkdocs.yml and schemas/)")
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if _is_project(folder):
            return folder
    raise ProjectNotFound(f"no handbook project (a folder with mkdocs.yml and schemas/) at or above {here}; "
                          "run the command inside the repository or pass --root")
