"""The positions of the drills' figures as the checks read them: each placed once, with the path of its data."""

from __future__ import annotations

from typing import Iterator

from ..content.load import Content
from ..content.source import Source
from .placement import PlacementError, Placed, allowed_supports, place, supports_of, view_axes

POSITIONS = ("start", "middle", "end")


def drills_with_figures(content: Content) -> Iterator[Source]:
    for source in content.valid_drills():
        if "figure" in source.data:
            yield source


def impossible_joints(position: dict) -> Iterator[tuple[str, str, int, int, int]]:
    """(side, the joint that cannot go with the others: 'hip' or 'ankle', hip, knee, ankle) of a position whose angles
    cannot go together: a hip bent past 100° with the knee bent less than 20° (no hamstring lets a straight leg come so
    far), an ankle pulled up past 20° with the knee bent less than 10° (nor does the calf)."""
    for side in ("left", "right"):
        limbs = position.get(side) or {}
        hip, knee, ankle = (limbs.get("hip") or {}).get("flexion", 0), limbs.get("knee", 0), limbs.get("ankle", 0)
        if hip > 100 and knee < 20:
            yield side, "hip", hip, knee, ankle
        elif ankle > 20 and knee < 10:
            yield side, "ankle", hip, knee, ankle


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
        if name in figure and set(supports_of(figure, figure[name])) <= set(allowed_supports(figure["base"])) \
                and not any(impossible_joints(figure[name])):
            yield name, figure[name], place(figure, figure[name])
