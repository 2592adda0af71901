"""Cross-reference rules, each a small module with a ``check(content)`` that yields problems.

A rule looks only at documents that passed their schema, so it may trust the
shape of the data; ids of every readable document count as known, so a typo
in one file does not turn into "unknown id" errors in all the others.
"""

from __future__ import annotations

from typing import Iterator

from ..content import Content
from ..problems import Problem
from . import citations, criteria, drill_links, identity, protocol_links, usage

RULES = (identity, drill_links, protocol_links, citations, criteria, usage)


def run_rules(content: Content) -> Iterator[Problem]:
    for rule in RULES:
        yield from rule.check(content)
