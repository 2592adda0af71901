"""W309: a figure's end position differs from its start, so that the figure shows the movement."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...figures.positions import drills_with_figures
from ...problems import Problem, warning


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
