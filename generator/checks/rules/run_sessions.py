"""E216: a walk-run session's total minutes add up: repeats × (run + walk)."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...problems import Problem, error


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        for p, phase in enumerate(source.data["phases"]):
            for s, session in enumerate(phase.get("return_to_run", {}).get("sessions", [])):
                run, walk, repeats = session["run_minutes"], session["walk_minutes"], session["repeats"]
                total = repeats * (run + walk)
                if abs(total - session["total_minutes"]) > 1e-9:
                    path = ("phases", p, "return_to_run", "sessions", s, "total_minutes")
                    yield error("E216", source.file, source.value_position(path),
                                f"{repeats} × ({run:g} min running + {walk:g} min walking) make {total:g} minutes, "
                                f"not {session['total_minutes']:g}; write total_minutes: {total:g}, or correct the "
                                "intervals", source.value_fix(path, f"{total:g}"))
