"""Locate the project: the folder holding mkdocs.yml and schemas/."""

from __future__ import annotations

from pathlib import Path


class ProjectNotFound(Exception):
    pass


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` (default: the current one) that is a handbook project."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "schemas").is_dir():
            return folder
    raise ProjectNotFound(f"no handbook project (a folder with mkdocs.yml and schemas/) at or above {here}; "
                          "run the command inside the repository or pass --root")
