"""E205: every cited reference id is in a protocol's bibliography."""

from __future__ import annotations

from typing import Iterator

from ..content import Content
from ..problems import Problem, error
from .known import did_you_mean, known_references


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


def check(content: Content) -> Iterator[Problem]:
    references = known_references(content)
    for source in content.valid_drills() + content.valid_protocols():
        for path, ref in cited(source.data):
            if ref not in references:
                yield error("E205", source.file, source.value_position(path),
                            f"the reference '{ref}' is not in any protocol's 'references' list"
                            f"{did_you_mean(ref, references)}")
