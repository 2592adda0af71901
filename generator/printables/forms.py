"""Drawn figures kept in the printables store, so that the processes of a build share them and a later build
draws only the figures that changed.

A form is what :class:`~.drawing.Drawing` draws from a figure's SVG. It is named by the SVG and by what prints
(the cache's fingerprint), and is the same bytes whichever process drew it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .cache import Store, digest

FORM = ".form"


@dataclass(frozen=True)
class Form:
    """What a figure draws: its PDF operators, and the graphics states they name (an opacity), in drawing order."""

    operators: bytes
    states: dict[str, dict[str, float]]

    def to_bytes(self) -> bytes:
        return json.dumps(self.states).encode("ascii") + b"\n" + self.operators

    @classmethod
    def from_bytes(cls, data: bytes) -> Form:
        states, _, operators = data.partition(b"\n")
        return cls(operators, json.loads(states))


@dataclass(frozen=True)
class Forms:
    """Forms kept in the store in ``folder``, each named by its SVG and the ``engine`` that prints it."""

    folder: Path
    engine: str

    def name(self, svg: bytes) -> str:
        return digest(self.engine, svg)

    def get(self, svg: bytes) -> Form | None:
        found = Store(self.folder).get(self.name(svg), FORM)
        return Form.from_bytes(found) if found is not None else None

    def put(self, svg: bytes, form: Form) -> None:
        Store(self.folder).put(self.name(svg), FORM, form.to_bytes())

    def keep(self, store: Store, svg: bytes) -> None:
        """Count the figure's form as used by this build, so that ``store`` keeps it."""
        store.used.add(self.name(svg) + FORM)
