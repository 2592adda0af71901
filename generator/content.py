"""Find the content files, load them and validate each against its schema."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem, error
from .schemas import SchemaSet
from .source import Source, load_source

#: folder -> kind of document it holds.
CONTENT_DIRS = {"drills": "drill", "protocols": "protocol"}


@dataclass
class Content:
    """All content documents of a project, with the problems found while loading them.

    ``drills`` and ``protocols`` hold every file that could be read, in file order;
    ``valid`` names the files that also passed their schema, the only ones that
    cross-reference rules look into.
    """

    root: Path
    drills: list[Source] = field(default_factory=list)
    protocols: list[Source] = field(default_factory=list)
    valid: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    file_count: int = 0

    def valid_drills(self) -> list[Source]:
        return [s for s in self.drills if s.file in self.valid]

    def valid_protocols(self) -> list[Source]:
        return [s for s in self.protocols if s.file in self.valid]


def content_files(root: Path) -> list[tuple[Path, str]]:
    """(path, kind) of every content file, sorted so that output is stable."""
    return [(path, kind) for folder, kind in CONTENT_DIRS.items()
            for path in sorted((root / folder).glob("*.y*ml"))]


def load_content(root: Path, schemas: SchemaSet) -> Content:
    content = Content(root)
    for path, kind in content_files(root):
        display = path.relative_to(root).as_posix()
        content.file_count += 1
        if path.suffix != ".yaml":
            content.problems.append(error("E211", display, (1, 1), f"content files end in '.yaml'; rename it to "
                                          f"'{path.stem}.yaml'"))
            continue
        source, problems = load_source(path, display)
        content.problems += problems
        if source is None:
            continue
        (content.drills if kind == "drill" else content.protocols).append(source)
        schema_problems = schemas.check(kind, source)
        content.problems += schema_problems
        if not schema_problems and not problems:
            content.valid.add(display)
    return content
