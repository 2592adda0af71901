"""The positions of the drills' figures as the checks read them: each placed once, with the path of its data."""

from __future__ import annotations

from typing import Iterator

from ..content import Content
from ..source import Source
from .placement import PlacementError, Placed, place, view_axes

POSITIONS = ("start", "middle", "end")


def drills_with_figures(content: Content) -> Iterator[Source]:
    for source in content.valid_drills():
        if "figure" in source.data:
            yield source


def viewable(figure: dict) -> bool:
    """Whether the figure's base can be seen from its view (a body lying on its back cannot be seen from the front)."""
    try:
        view_axes(figure["base"], figure.get("view", "side"), figure.get("near", "right"))
    except PlacementError:
        return False
    return True


def placed_positions(source: Source) -> Iterator[tuple[str, dict, Placed]]:
    """(position name, its data, the position placed) of a drill's figure, when its base and view go together."""
    figure = source.data["figure"]
    if not viewable(figure):
        return
    for name in POSITIONS:
        if name in figure:
            yield name, figure[name], place(figure, figure[name])
