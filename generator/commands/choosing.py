"""Choices made on the command line that the project must be able to meet."""

from __future__ import annotations

from ..model import Handbook, Protocol


class UsageError(Exception):
    """The command line asks for something the project does not have; the message says what to write instead."""


def chosen_protocol(handbook: Handbook, wanted: str | None) -> Protocol:
    """The protocol ``--protocol`` names, or the only one there is."""
    protocols = [p for p in handbook.protocols if wanted in (None, p.id)]
    if len(protocols) != 1:
        problem = "choose one with --protocol" if protocols else f"'{wanted}' is not a protocol"
        raise UsageError(f"{problem}. Protocols: {', '.join(p.id for p in handbook.protocols)}")
    return protocols[0]
