"""A figure shows a movement. W309: its end position differs from its start. E242: only a later position moves over
the floor (its ``travel`` is counted from the start), and only in a direction that lies along the floor."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...figures.placement import travel_way
from ...figures.positions import POSITIONS, drills_with_figures
from ...figures.words import BASES, TRAVEL_WORDS
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
        for name in POSITIONS[1:]:
            to = figure.get(name, {}).get("travel", {}).get("to")
            if to and not travel_way(figure["base"], to):
                along = "' or '".join(way for way in TRAVEL_WORDS if travel_way(figure["base"], way))
                yield error("E242", source.file, source.value_position(("figure", name, "travel", "to")),
                            f"a body {BASES[figure['base']]} cannot move {TRAVEL_WORDS[to]} over the floor: that way "
                            f"points up or down; write '{along}', the way it moved along the floor")
