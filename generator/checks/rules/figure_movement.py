"""A figure shows a movement. W309: its end position differs from its start. E242: only a later position moves over
the floor (its ``travel`` is counted from the start)."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...figures.positions import drills_with_figures
from ...problems import Problem, error, warning


def _pose(position: dict) -> dict:
    return {key: value for key, value in position.items() if key != "step"}


def check(content: Content) -> Iterator[Problem]:
    for source in drills_with_figures(content):
        figure = source.data["figure"]
        if _pose(figure["start"]) == _pose(figure["end"]):
            yield warning("W309", source.file, source.key_position(("figure", "end")),
                          "the end position is the same as the start, so the figure shows no movement; write the "
                          "angles at the end of the movement (for a hold, the position held, and the start the "
                          "position before it)")
        if "travel" in figure["start"]:
            yield error("E242", source.file, source.key_position(("figure", "start", "travel")),
                        "the start position cannot move over the floor: 'travel' says how far a later position has "
                        "moved since the start; move it to the middle or end position that has moved")
