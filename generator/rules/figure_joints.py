"""E241: the joint angles of a figure's position can go together: a hip bent past 100° with the knee nearly straight
asks more of the hamstrings than a body has, and an ankle pulled up past 20° with the knee straight more of the calf."""

from __future__ import annotations

from typing import Iterator

from ..content import Content
from ..figures.positions import POSITIONS, drills_with_figures
from ..problems import Problem, error


def check(content: Content) -> Iterator[Problem]:
    for source in drills_with_figures(content):
        figure = source.data["figure"]
        for name in POSITIONS:
            for side in ("left", "right"):
                limbs = figure.get(name, {}).get(side) or {}
                hip, knee, ankle = (limbs.get("hip") or {}).get("flexion", 0), limbs.get("knee", 0), limbs.get("ankle", 0)
                at = ("figure", name, side)
                if hip > 100 and knee < 20:
                    yield error("E241", source.file, source.value_position(at + ("hip", "flexion")),
                                f"in the {name} position the {side} hip is bent {hip}° with the knee bent only {knee}°: "
                                "no hamstring lets a straight leg come that far; bend the knee more or the hip less")
                elif ankle > 20 and knee < 10:
                    yield error("E241", source.file, source.value_position(at + ("ankle",)),
                                f"in the {name} position the {side} ankle is pulled up {ankle}° with the knee straight: "
                                "the calf allows about 20° then; bend the knee or lower the ankle angle")
