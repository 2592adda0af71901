"""E205: every cited reference id is in a protocol's bibliography."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content, Withheld, unless_broken
from ...content.source import Source
from ...problems import Problem
from .known import known_references, unknown


def cited(data) -> Iterator[tuple[tuple, str]]:
    """(path, id) of every citation in a document: items of any 'references' list of ids."""
    waiting = [((), data)]
    while waiting:
        path, value = waiting.pop()
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "references" and isinstance(inner, list):
                    yield from ((path + (key, i), ref) for i, ref in enumerate(inner) if isinstance(ref, str))
                elif isinstance(inner, (dict, list)):
                    waiting.append((path + (key,), inner))
        elif isinstance(value, list):
            waiting += [(path + (i,), inner) for i, inner in enumerate(value) if isinstance(inner, (dict, list))]


def citations(content: Content) -> list[tuple[Source, tuple, str]]:
    """(source, path, id) of every citation in the valid drills and protocols."""
    return content.fact("citations", lambda content: [(source, path, ref) for source in
                                                      content.valid_drills() + content.valid_protocols()
                                                      for path, ref in cited(source.data)])


def check(content: Content) -> Iterator[Problem | Withheld]:
    """Unknown citations; held back while a protocol, whose bibliography may hold them, is broken."""
    references, broken = known_references(content), content.broken("protocol")
    for source, path, ref in citations(content):
        if ref not in references:
            yield unless_broken(unknown("E205", source, path, ref, references,
                                        f"the reference '{ref}' is not in any protocol's 'references' list"),
                                broken)
