"""E238: no part of a figure's body goes through the floor (a foot hanging below it, a knee under the mat)."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...figures.placement import centimetres
from ...figures.positions import drills_with_figures, placed_positions
from ...problems import Problem, error


def check(content: Content) -> Iterator[Problem]:
    for source in drills_with_figures(content):
        for name, _, placed in placed_positions(source):
            if placed.below:
                words, depth = max(placed.below, key=lambda item: item[1])
                yield error("E238", source.file, source.key_position(("figure", name)),
                            f"in the {name} position {words} ends {centimetres(depth)} cm below the floor; change the "
                            "angles of that limb (or of the leg the body stands on), or name the part in 'support' "
                            "if it rests on the floor")
