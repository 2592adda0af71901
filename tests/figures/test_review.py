"""What the figure review asked of the renderer: a planted foot stays put, the arrow shows, a wall beside the body
stands behind it, a seat seen from the front is under the body, a trunk seen from the front is not a box."""

from __future__ import annotations

import math
import re

import pytest

from generator.figures.arrow import covered
from generator.figures.body import F, R, U
from generator.figures.placement import travel_way
from generator.figures.props import xy
from generator.figures.svg import Figure, body_shapes, trunk_outline

from .test_render import figure_of


@pytest.mark.parametrize("drill_id, foot", [("forward-step-down", "right"), ("lateral-step-down", "right"),
                                            ("single-leg-balance-reach", "right")])
def test_the_standing_foot_stays_where_it_was_at_the_start(drill_id, foot):
    drawn = Figure(figure_of(drill_id))
    start, end = drawn.placed["start"].points, drawn.placed["end"].points
    for point in (f"{foot}-heel", f"{foot}-ball"):
        assert end[point][0] == pytest.approx(start[point][0], abs=0.005)   # within a centimetre
    assert end["pelvis"][0] != pytest.approx(start["pelvis"][0], abs=0.01)   # the body moves over the foot


def _arrow_points(svg: str) -> list[tuple[float, float]]:
    x0, y0, cx, cy, x1, y1 = map(float, re.search(r'<path d="M([-\d.]+) ([-\d.]+)Q([-\d.]+) ([-\d.]+) ([-\d.]+) '
                                                  r'([-\d.]+)"[^>]*class="figure-arrow"', svg).groups())
    ts = [i / 10 for i in range(11)]
    return [((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x1,
             (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y1) for t in ts]


@pytest.mark.parametrize("drill_id", ["glute-bridge", "split-squat", "hip-thrust", "stationary-cycling"])
def test_the_arrow_is_drawn_beside_the_body_not_inside_it(drill_id):
    drawn = Figure(figure_of(drill_id))
    points = _arrow_points(drawn.position("end", "end"))
    assert max(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a in points for b in points) > 4   # long enough to see
    hidden = [p for p in points if covered(p, body_shapes(drawn.placed["end"]))]
    assert len(hidden) <= 1, hidden   # the head's tip may touch the body it points at


def test_a_wall_held_at_the_side_stands_behind_the_body_face_on():
    svg = Figure(figure_of("dynamic-hip-openers")).position("start", "start")
    assert re.search(r'<rect [^>]*y="-95"[^>]*height="95" fill="currentColor" fill-opacity="0.07"/>', svg)
    assert "V-95" not in svg   # not drawn edge on, as a line the swinging leg would cross


def test_a_seat_seen_from_the_front_stands_under_the_buttocks():
    drawn = Figure(figure_of("banded-hip-external-rotation"))
    x, width = map(float, re.search(r'<rect x="([-\d.]+)" y="[-\d.]+" width="([\d.]+)"',
                                    drawn.position("start", "start")).groups())
    assert x + width / 2 == pytest.approx(xy(drawn.placed["start"].points["pelvis"])[0], abs=0.2)


def test_a_trunk_seen_from_the_front_is_wider_at_the_shoulders_than_at_the_waist():
    points = Figure(figure_of("lateral-hops")).placed["start"].points
    left_hip, right_hip, right_waist, right_shoulder, left_shoulder, left_waist = (xy(p) for p in trunk_outline(points))
    shoulders, waist, hips = (abs(a[0] - b[0]) for a, b in ((left_shoulder, right_shoulder), (left_waist, right_waist),
                                                              (left_hip, right_hip)))
    assert shoulders > hips > waist > 0


def test_a_hop_lands_as_far_from_the_start_as_its_travel_says_with_the_line_between_the_feet():
    figure = figure_of("lateral-hops")
    drawn = Figure(figure)
    start, end = (xy(drawn.placed[name].points["right-ball"])[0] for name in ("start", "end"))
    travel = figure["end"]["travel"]
    seen = travel["cm"] / 175 * 100 * math.cos(math.radians(figure.get("turn", 0)))   # SVG units: 100 per height
    assert abs(end - start) == pytest.approx(seen, abs=0.5)
    line = float(re.search(r'<path d="M([-\d.]+) 0.8H([-\d.]+)"', drawn.position("end", "end")).group(1)) + 6
    assert min(start, end) < line < max(start, end)


def test_a_position_that_does_not_travel_stays_in_register_with_the_start():
    figure = figure_of("lateral-hops")
    del figure["end"]["travel"]
    drawn = Figure(figure)
    start, end = (xy(drawn.placed[name].points["right-ball"])[0] for name in ("start", "end"))
    assert end == pytest.approx(start, abs=0.5)


@pytest.mark.parametrize("base, to, way", [("standing", "forward", F), ("lying-back", "forward", U),
                                           ("all-fours", "back", tuple(-v for v in U)), ("lying-side", "right", None),
                                           ("lying-front", "left", tuple(-v for v in R))])
def test_a_travel_runs_along_the_floor_forward_being_where_the_head_points_for_a_body_lying_down(base, to, way):
    assert travel_way(base, to) == way
