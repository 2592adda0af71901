"""E205: every cited reference id is in a protocol's bibliography."""

from __future__ import annotations

from typing import Iterator

from ..content import Content, Withheld, unless_broken
from ..problems import Problem
from .known import known_references, unknown


def cited(data, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, id) of every citation in a document: items of any 'references' list of ids."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "references" and isinstance(value, list):
                yield from ((path + (key, i), ref) for i, ref in enumerate(value) if isinstance(ref, str))
            else:
                yield from cited(value, path + (key,))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from cited(item, path + (i,))


def check(content: Content) -> Iterator[Problem | Withheld]:
    """Unknown citations; held back while a protocol, whose bibliography may hold them, is broken."""
    references, broken = known_references(content), content.broken("protocol")
    for source in content.valid_drills() + content.valid_protocols():
        for path, ref in cited(source.data):
            if ref not in references:
                yield unless_broken(unknown("E205", source, path, ref, references,
                                            f"the reference '{ref}' is not in any protocol's 'references' list"),
                                    broken)
