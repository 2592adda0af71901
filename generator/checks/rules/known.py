"""Ids that exist anywhere in the content, for rules that check references to them."""

from __future__ import annotations

from ...content.load import Content
from ...content.source import Source
from ...problems import Problem, error


def _ids(items) -> set[str]:
    return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def known_drills(content: Content) -> set[str]:
    """The id of every readable drill and the name of every drill file: a drill that cannot be
    read, or whose name differs from its id, still claims both, so references to it are not reported."""
    return _ids(source.data for source in content.drills) | content.stems("drill")


def file_id(source: Source) -> str:
    """The id a loaded file's name gives it: 'clamshell' for drills/clamshell.yaml."""
    return source.file.rsplit("/", 1)[-1].removesuffix(".yaml")


def value_at(data, path: tuple):
    """The value at ``path`` inside ``data``."""
    for step in path:
        data = data[step]
    return data


def known_in_protocol(source, section: str) -> set[str]:
    items = source.data.get(section)
    return _ids(items) if isinstance(items, list) else set()


def repeats_ids(source: Source, section: str) -> bool:
    """Whether two items of the protocol's ``section`` have the same id."""
    items = source.data.get(section)
    ids = [item.get("id") for item in items if isinstance(item, dict)] if isinstance(items, list) else []
    return len(ids) != len(set(ids))


def known_references(content: Content) -> set[str]:
    return set().union(*(known_in_protocol(source, "references") for source in content.protocols))


def typos(one: str, other: str) -> int:
    """How many letters must be typed, left out, changed or swapped with a neighbour to turn ``one`` into ``other``."""
    previous, current = None, list(range(len(other) + 1))
    for i, letter in enumerate(one, 1):
        before, previous, current = previous, current, [i] + [0] * len(other)
        for j, wanted in enumerate(other, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != wanted))
            if before and i > 1 and j > 1 and letter == other[j - 2] and one[i - 2] == wanted:
                current[j] = min(current[j], before[j - 2] + 1)
    return current[-1]


def _renamed(one: str, other: str) -> bool:
    """Whether one id keeps every word of the other, in order, and adds words: 'ober-test', 'ober-tfl-test'."""
    short, long = sorted((one.split("-"), other.split("-")), key=len)
    rest = iter(long)
    return len(short) < len(long) and all(word in rest for word in short)


def closest(word: str, choices) -> str | None:
    """The id in ``choices`` that ``word`` is a misspelling of (at most 2 typos, and not in a short word), or an
    earlier or later name of (the same words with some added); None when none is that close, so that a
    different thing is never offered."""
    word = str(word)
    near = [(typos(word, choice), choice) for choice in sorted(choices)
            if typos(word, choice) <= min(2, len(word) // 4) or _renamed(word, choice)]
    return min(near)[1] if near else None


def unknown(code: str, source: Source, path: tuple, value: str, known: set[str], what: str) -> Problem:
    """``what`` (``value``, written at ``path``, is not a known id), with the closest id as a suggested edit."""
    close = closest(value, known)
    if close is None:
        return error(code, source.file, source.value_position(path), f"{what}; check the spelling or add it")
    return error(code, source.file, source.value_position(path), f"{what} — did you mean '{close}'?",
                 source.value_fix(path, close))

