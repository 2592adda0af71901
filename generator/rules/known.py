"""Ids that exist anywhere in the content, for rules that check references to them."""

from __future__ import annotations

from ..content import Content
from ..problems import did_you_mean as _did_you_mean


def _ids(items) -> set[str]:
    return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def known_drills(content: Content) -> set[str]:
    return _ids(source.data for source in content.drills)


def known_in_protocol(source, section: str) -> set[str]:
    items = source.data.get(section)
    return _ids(items) if isinstance(items, list) else set()


def known_references(content: Content) -> set[str]:
    return set().union(*(known_in_protocol(source, "references") for source in content.protocols))


def did_you_mean(word: str, choices) -> str:
    return _did_you_mean(word, choices, "; check the spelling or add it")
