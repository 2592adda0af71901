"""Find the content files, load them and validate each against its schema."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem, error
from .files import CONTENT_DIRS, ContentFile, find_content, read_content
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
    #: what rules work out from the content and share (each worked out once), by name, with the kinds of
    #: document whose broken files working it out passed over.
    facts: dict[str, tuple[object, frozenset[str]]] = field(default_factory=dict, repr=False)
    #: the rule now looking into the content (set by :func:`~generator.rules.run_rules`), None outside a check.
    rule: str | None = field(default=None, repr=False)
    #: file -> the rules that passed it over because it could not be loaded or failed its schema: checks skipped.
    skipped: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _passing_over: list[set[str]] = field(default_factory=list, repr=False)

    @property
    def file_count(self) -> int:
        return len(self.files)

    def valid_drills(self) -> list[Source]:
        self._pass_over("drill")
        return [s for s in self.drills if s.file in self.valid]

    def valid_protocols(self) -> list[Source]:
        self._pass_over("protocol")
        return [s for s in self.protocols if s.file in self.valid]

    def _pass_over(self, kind: str) -> None:
        """Count the checks the current rule skips by reading only the valid documents of ``kind``: one for each
        broken file of that kind, so that no check is left out silently."""
        for kinds in self._passing_over:
            kinds.add(kind)
        if self.rule is not None:
            for file in self.broken(kind):
                self.skipped.setdefault(file, set()).add(self.rule)

    def stems(self, kind: str) -> set[str]:
        """The ids the files of ``kind`` stand for by their names, loaded or not."""
        return {file.stem for file in self.files if file.kind == kind}

    def fact(self, name: str, work_out):
        """``work_out(self)``, worked out at the first call for ``name`` and kept for the next rules."""
        if name not in self.facts:
            self._passing_over.append(set())
            try:
                value = work_out(self)
            finally:
                kinds = self._passing_over.pop()
            self.facts[name] = value, frozenset(kinds)
        value, kinds = self.facts[name]
        for kind in sorted(kinds):  # a rule using a fact skips what working it out skipped
            self._pass_over(kind)
        return value

    def broken(self, *kinds: str) -> list[str]:
        """Files of ``kinds`` that could not be loaded or failed their schema: what they hold is unknown."""
        return [file.display for file in self.files if file.kind in kinds and file.display not in self.valid]


def unless_broken(problem: Problem, broken: list[str]) -> Problem | Withheld:
    """``problem``, or held back when it may follow from the ``broken`` files."""
    return Withheld(problem, tuple(broken)) if broken else problem


@dataclass(frozen=True)
class _Loaded:
    """What loading one file's bytes and validating them found: the document to list (None when it could not
    be read or is in the wrong folder), the problems, and whether it passed its schema."""

    source: Source | None
    problems: list[Problem]
    valid: bool


#: What the latest check loaded, by schemas, file and the SHA-256 of its bytes. The preview checks the content
#: again on every save; a file whose bytes did not change since is not read as YAML and validated again. The bytes
#: are always read (the safety checks of :mod:`.files` run every time), and the digest, not the file's time or size,
#: says whether they changed, so an edit is never missed and a file put back as it was is known again.
_latest: dict[tuple, _Loaded] = {}


def forget_loaded() -> None:
    """Forget what earlier checks loaded, so that the next one loads every file (to time a check from scratch)."""
    _latest.clear()


def load_content(root: Path, schemas: SchemaSet) -> Content:
    global _latest
    content, earlier, _latest = Content(root), _latest, {}
    schemas_key = hashlib.sha256(json.dumps(schemas.identified, sort_keys=True).encode("utf-8")).digest()
    for file, problem in find_content(root):
        content.files.append(file)
        raw, problem = (None, problem) if problem else read_content(file)
        if raw is None:
            content.problems.append(problem)
            continue
        key = (schemas_key, file.display, file.kind, hashlib.sha256(raw).digest())
        loaded = _latest[key] = earlier.get(key) or _load(file, raw, schemas)
        content.problems += loaded.problems
        if loaded.source is not None:
            (content.drills if file.kind == "drill" else content.protocols).append(loaded.source)
        if loaded.valid:
            content.valid.add(file.display)
    return content


def _load(file: ContentFile, raw: bytes, schemas: SchemaSet) -> _Loaded:
    """Load the bytes of ``file`` and validate them against the schema of its kind."""
    source, problems = load_source(raw, file.display)
    if source is None:
        return _Loaded(None, problems, False)
    misplaced = _misplaced(file, source, schemas)
    if misplaced:
        return _Loaded(None, problems + [misplaced], False)
    schema_problems = schemas.check(file.kind, source)
    return _Loaded(source, problems + schema_problems, not schema_problems and not problems)


def _misplaced(file: ContentFile, source: Source, schemas: SchemaSet) -> Problem | None:
    """E219 for a file whose fields are those of the other kind of document: a drill saved in protocols/, say."""
    other = next(kind for kind in KINDS if kind != file.kind)
    fields = set(source.data)
    if fields == {"entries"}:
        return error("E219", file.display, (1, 1), "this file holds an athlete's log (its 'entries'), which is health "
                     "data, not content: move it out of the project and read it with 'handbook evaluate'")
    if not fields - set(schemas.fields_at(file.kind, ())) or not fields <= set(schemas.fields_at(other, ())):
        return None
    folder = next(name for name, kind in CONTENT_DIRS.items() if kind == other)
    return error("E219", file.display, (1, 1), f"this file holds a {other}, but {file.folder}/ holds {file.kind}s; "
                 f"move it to '{folder}/{file.path.name}'")
