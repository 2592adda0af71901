"""Find the content files, load them and validate each against its schema."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .files import CONTENT_DIRS, ContentFile, find_content, read_content
from .problems import Problem, error
from .schemas import KINDS, SchemaSet
from .source import Source, load_source


@dataclass(frozen=True)
class Withheld:
    """A problem held back because it may only follow from files that could not be checked."""

    problem: Problem
    #: the files to fix first.
    until: tuple[str, ...]


@dataclass
class Content:
    """All content documents of a project, with the problems found while loading them.

    ``files`` lists every file found in the content folders; ``drills`` and
    ``protocols`` hold every one that could be read, in file order; ``valid``
    names the files that also passed their schema, the only ones that
    cross-reference rules look into.
    """

    root: Path
    files: list[ContentFile] = field(default_factory=list)
    drills: list[Source] = field(default_factory=list)
    protocols: list[Source] = field(default_factory=list)
    valid: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    @property
    def file_count(self) -> int:
        return len(self.files)

    def valid_drills(self) -> list[Source]:
        return [s for s in self.drills if s.file in self.valid]

    def valid_protocols(self) -> list[Source]:
        return [s for s in self.protocols if s.file in self.valid]

    def stems(self, kind: str) -> set[str]:
        """The ids the files of ``kind`` stand for by their names, loaded or not."""
        return {file.stem for file in self.files if file.kind == kind}

    def broken(self, *kinds: str) -> list[str]:
        """Files of ``kinds`` that could not be loaded or failed their schema: what they hold is unknown."""
        return [file.display for file in self.files if file.kind in kinds and file.display not in self.valid]


def unless_broken(problem: Problem, broken: list[str]) -> Problem | Withheld:
    """``problem``, or held back when it may follow from the ``broken`` files."""
    return Withheld(problem, tuple(broken)) if broken else problem


def load_content(root: Path, schemas: SchemaSet) -> Content:
    content = Content(root)
    for file, problem in find_content(root):
        content.files.append(file)
        raw, problem = (None, problem) if problem else read_content(file)
        if raw is None:
            content.problems.append(problem)
            continue
        source, problems = load_source(raw, file.display)
        content.problems += problems
        if source is None:
            continue
        misplaced = _misplaced(file, source, schemas)
        if misplaced:
            content.problems.append(misplaced)
            continue
        (content.drills if file.kind == "drill" else content.protocols).append(source)
        schema_problems = schemas.check(file.kind, source)
        content.problems += schema_problems
        if not schema_problems and not problems:
            content.valid.add(file.display)
    return content


def _misplaced(file: ContentFile, source: Source, schemas: SchemaSet) -> Problem | None:
    """E219 for a file whose fields are those of the other kind of document: a drill saved in protocols/, say."""
    other = next(kind for kind in KINDS if kind != file.kind)
    fields = set(source.data)
    if not fields - set(schemas.fields_at(file.kind, ())) or not fields <= set(schemas.fields_at(other, ())):
        return None
    folder = next(name for name, kind in CONTENT_DIRS.items() if kind == other)
    return error("E219", file.display, (1, 1), f"this file holds a {other}, but {file.folder}/ holds {file.kind}s; "
                 f"move it to '{folder}/{file.path.name}'")
