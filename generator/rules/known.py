"""Ids that exist anywhere in the content, for rules that check references to them."""

from __future__ import annotations

import difflib

from ..content import Content
from ..problems import Problem, error
from ..source import Source


def _ids(items) -> set[str]:
    return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def known_drills(content: Content) -> set[str]:
    """The id of every readable drill and the name of every drill file: a drill that cannot be
    read, or whose name differs from its id, still claims both, so references to it are not reported."""
    return _ids(source.data for source in content.drills) | content.stems("drill")


def file_id(source: Source) -> str:
    """The id a loaded file's name gives it: 'clamshell' for drills/clamshell.yaml."""
    return source.file.rsplit("/", 1)[-1].removesuffix(".yaml")


def known_in_protocol(source, section: str) -> set[str]:
    items = source.data.get(section)
    return _ids(items) if isinstance(items, list) else set()


def known_references(content: Content) -> set[str]:
    return set().union(*(known_in_protocol(source, "references") for source in content.protocols))


def closest(word: str, choices) -> str | None:
    """The id in ``choices`` that ``word`` is most likely a misspelling of."""
    close = difflib.get_close_matches(str(word), sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def unknown(code: str, source: Source, path: tuple, value: str, known: set[str], what: str) -> Problem:
    """``what`` (``value``, written at ``path``, is not a known id), with the closest id as a suggested edit."""
    close = closest(value, known)
    if close is None:
        return error(code, source.file, source.value_position(path), f"{what}; check the spelling or add it")
    return error(code, source.file, source.value_position(path), f"{what} — did you mean '{close}'?",
                 source.value_fix(path, close))

