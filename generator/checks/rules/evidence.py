"""W306: every clinical threshold (an exit criterion, a session's length and days, a warning sign's rule) cites a
reference or has evidence."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...problems import Problem, warning


def thresholds(protocol: dict) -> Iterator[tuple[tuple, dict, str]]:
    """(path, item, what it is in words) of every exit criterion, session and warning sign with a rule."""
    for p, phase in enumerate(protocol["phases"]):
        for i, criterion in enumerate(phase.get("exit_criteria", [])):
            yield ("phases", p, "exit_criteria", i), criterion, f"the exit criterion '{criterion['text']}'"
        for i, session in enumerate(phase.get("sessions", [])):
            yield ("phases", p, "sessions", i), session, f"the session '{session['title']}' (its length and days)"
    for i, sign in enumerate(protocol["warning_signs"]):
        if "rule" in sign:
            yield ("warning_signs", i), sign, f"the warning sign '{sign['id']}'"


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        for path, item, what in thresholds(source.data):
            if not item.get("references") and not item.get("evidence"):
                yield warning("W306", source.file, source.value_position(path),
                              f"{what} sets a threshold but cites no reference and has no evidence note; add "
                              "'references' from the protocol's list, or an 'evidence' note saying how strong the "
                              "support is (level: clinical-consensus when no source gives the number)")
