"""Cross-reference rules, each a small module with a ``check(content)`` that yields problems.

A rule looks only at documents that passed their schema, so it may trust the
shape of the data. One broken file gives one message, never a cascade: ids of
every readable document, and the name of every drill file, count as known; a
problem that may only follow from a file that could not be checked (a citation
of a protocol that cannot be read, a drill no readable phase prescribes) is
yielded as :class:`~generator.content.load.Withheld` instead, and counted in the summary. A rule that passes over a
file that could not be checked (a range the wrong way round in a drill with an unknown field) is counted too, as
one check skipped for that file: :meth:`~generator.content.load.Content.valid_drills` and ``valid_protocols`` record it.
"""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content, Withheld
from ...problems import Problem
from . import (
    bare_citations,
    changelog,
    changelog_order,
    citations,
    criteria,
    drill_links,
    evidence,
    figure_floor,
    figure_joints,
    figure_movement,
    figure_props,
    figure_support,
    identity,
    long_texts,
    look_back,
    measure_units,
    percents,
    phase_titles,
    protocol_links,
    ranges,
    reference_years,
    repeated_criteria,
    review_dates,
    run_sessions,
    search_words,
    session_counts,
    session_days,
    session_drills,
    session_frequency,
    session_ids,
    session_minutes,
    session_rest,
    session_spacing,
    shared_labels,
    sign_actions,
    site_address,
    stated_numbers,
    unlisted_red_flags,
    usage,
)

RULES = (identity, drill_links, protocol_links, citations, ranges, criteria, phase_titles, long_texts, changelog, usage,
         site_address, review_dates, evidence, percents, run_sessions, reference_years, session_ids, session_drills,
         session_counts, session_spacing, session_rest, bare_citations, look_back, session_minutes,
         session_frequency, sign_actions, stated_numbers, unlisted_red_flags, repeated_criteria, measure_units,
         shared_labels, changelog_order, session_days, figure_support, figure_props, figure_floor, figure_joints,
         figure_movement, search_words)


def run_rules(content: Content) -> Iterator[Problem | Withheld]:
    """Every rule's problems; the rules that pass over a broken file are counted in ``content.skipped``."""
    try:
        for rule in RULES:
            content.rule = rule.__name__.rsplit(".", 1)[-1]
            yield from rule.check(content)
    finally:
        content.rule = None
