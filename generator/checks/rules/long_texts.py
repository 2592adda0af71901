"""E110/E111/E214: long texts keep to the Markdown subset, link only to allowed addresses and to pages that exist.

A long text is any value the schema marks ``contentMediaType: text/markdown``
(the ``text`` definition in common.schema.json); each is read by
:mod:`generator.content.prose`, the same reader the site and the printables render with.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ...content import prose
from ...content.load import Content, Withheld, unless_broken
from ...content.schemas import SchemaSet
from ...content.source import Source
from ...problems import Fix, Problem, error
from .known import closest, known_drills, known_in_protocol

MARKDOWN = "text/markdown"


@lru_cache(maxsize=4)
def schema_set(folder: Path) -> SchemaSet:
    return SchemaSet(folder)


def long_texts(content: Content) -> list[tuple[Source, tuple, str]]:
    """(source, path, text) of every long text of the valid drills and protocols."""
    return content.fact("long texts", _long_texts)


def _long_texts(content: Content) -> list[tuple[Source, tuple, str]]:
    schemas = schema_set(content.root / "schemas")
    return [(source, path, text)
            for kind, sources in (("drill", content.valid_drills()), ("protocol", content.valid_protocols()))
            for source in sources
            for path, _, text in schemas.marked(kind, source.data, "contentMediaType", MARKDOWN)
            if isinstance(text, str)]


def place(source: Source, path: tuple, objection: prose.Objection) -> tuple[int, int]:
    """Where in the file an objection about the text at ``path`` is: the line holding its needle if found."""
    line, column = source.value_position(path)
    last = source.ends.get(path, (line, column))[0]
    block = source.lines[line - 1][column - 1:column].strip() in ("|", ">")
    expected = line + 1 + objection.line if block else line
    if objection.needle:
        candidates = [(abs(n - expected), n) for n in range(line, min(last, len(source.lines)) + 1)
                      if objection.needle in source.lines[n - 1]]
        if candidates:
            found = min(candidates)[1]
            start = column - 1 if found == line else 0
            return found, source.lines[found - 1].find(objection.needle, start) + 1
    if block:
        text = source.lines[expected - 1] if expected <= len(source.lines) else ""
        return expected, len(text) - len(text.lstrip()) + 1
    return line, column


def _pages(content: Content, source: Source) -> dict[str, set[str]]:
    """Link kind -> ids a long text in ``source`` may link to (its own protocol's, or any protocol's from a drill)."""
    protocols = [source] if source in content.protocols else content.protocols
    pages = {kind: set().union(*(known_in_protocol(p, section) for p in protocols))
             for kind, section in prose.PAGE_KINDS.items() if kind != "drill"}
    pages["drill"] = known_drills(content)
    return pages


def check(content: Content) -> Iterator[Problem | Withheld]:
    pages: dict[str, dict] = {}  # file -> the pages its links may name, worked out at its first link
    for source, path, text in long_texts(content):
        read = prose.read(text)
        for objection in read.objections:
            yield error(objection.code, source.file, place(source, path, objection), objection.message)
        for target in prose.page_links(read):
            if source.file not in pages:
                pages[source.file] = _pages(content, source)
            known = pages[source.file]
            if target.id not in known[target.kind]:
                # a drill's link to a protocol's page may name what a protocol that cannot be read holds
                broken = content.broken("protocol") if target.kind != "drill" and source not in content.protocols else []
                yield unless_broken(_unknown_page(source, path, target, known[target.kind]), broken)


def _unknown_page(source: Source, path: tuple, target: prose.Target, known: set[str]) -> Problem:
    """E214 at the link, with the closest id as a suggested edit."""
    written = f"{target.kind}:{target.id}"
    at = place(source, path, prose.Objection(0, "E214", "", written))
    message = f"the link '{written}' names no {target.kind.replace('-', ' ')} of the handbook"
    close = closest(target.id, known)
    if close is None:
        return error("E214", source.file, at, f"{message}; check the spelling or link to a web page instead")
    found = source.lines[at[0] - 1][at[1] - 1:].startswith(written)
    fix = Fix(at, (at[0], at[1] + len(written)), f"{target.kind}:{close}") if found else None
    return error("E214", source.file, at, f"{message} — did you mean '{close}'?", fix)
