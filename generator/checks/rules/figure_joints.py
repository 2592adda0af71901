"""E241: the joint angles of a figure's position can go together: a hip bent past 100° with the knee nearly straight
asks more of the hamstrings than a body has, and an ankle pulled up past 20° with the knee straight more of the calf."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...figures.positions import POSITIONS, drills_with_figures, impossible_joints
from ...problems import Problem, error


def check(content: Content) -> Iterator[Problem]:
    for source in drills_with_figures(content):
        figure = source.data["figure"]
        for name in POSITIONS:
            for side, joint, hip, knee, ankle in impossible_joints(figure.get(name, {})):
                at = ("figure", name, side) + (("hip", "flexion") if joint == "hip" else ("ankle",))
                if joint == "hip":
                    message = (f"in the {name} position the {side} hip is bent {hip}° with the knee bent only {knee}°: "
                               "no hamstring lets a straight leg come that far; bend the knee more or the hip less")
                else:
                    message = (f"in the {name} position the {side} ankle is pulled up {ankle}° with the knee bent only "
                               f"{knee}°: the calf allows about 20° then; bend the knee or lower the ankle angle")
                yield error("E241", source.file, source.value_position(at), message)
