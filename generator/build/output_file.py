"""Where a command may write a file: a file of the kind asked for, never over the project's own files.

``handbook export -o``, ``handbook print -o`` and ``--ics``, and ``handbook diff --comment``
write one file each. A path into the content, the schemas, the source or the tests, or onto one
of the project's own files at its top (``mkdocs.yml``, the README …), or a name that does not end
as the kind of file written (``-o drills/clamshell.yaml`` for a PDF), is refused before anything
is written, as :mod:`generator.build.site_dir` refuses a site folder.
"""

from __future__ import annotations

from pathlib import Path

from .site_dir import PROTECTED, within

#: the project's own files at its top, and the folders of its tooling, besides :data:`site_dir.PROTECTED`.
PROJECT_FILES = ("mkdocs.yml", "pyproject.toml", "README.md", "Makefile", "package.json", "package-lock.json")
TOOLING = (".github", ".ci", ".vscode", "node_modules", ".venv")


class UnsafeOutput(Exception):
    """The requested output file would overwrite a file of the project, or is not the kind of file written."""


def check_output_file(root: Path, path: Path, suffix: str, what: str) -> Path:
    """``path``, if ``what`` (ending in ``suffix``) may be written there; raise :class:`UnsafeOutput` otherwise."""
    root, target = root.resolve(), path.resolve()
    if path.suffix.lower() != suffix:
        raise UnsafeOutput(f"{path} does not end in {suffix}; write the {what} to a file named like "
                           f"'{path.stem or 'output'}{suffix}'")
    for name in PROTECTED + TOOLING:
        if within(target, root / name):
            raise UnsafeOutput(f"{path} lies inside the project's '{name}' folder, whose files the handbook is made "
                               f"of; write the {what} somewhere else, such as the project folder or your home folder")
    if target.parent == root and target.name in PROJECT_FILES:
        raise UnsafeOutput(f"{path} is one of the project's own files; write the {what} to a new file")
    if target.is_dir():
        raise UnsafeOutput(f"{path} is a folder; give the name of the {what} to write")
    return target
