"""A posed body turned to its base and view, and rested on the floor or the props that carry it.

The base says which way is up for the body and what it rests on; the view, which side faces the reader. The
contact is then solved: the body is turned in the picture's plane and lifted so that every part it rests on
touches its surface (the floor, or the top of a step, bench or roller), as nearly as its angles allow.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from .body import F, R, U, Vector, cross, dot, pose_points, rotate

#: base -> (the body's axis that points up, the parts it rests on unless a position says otherwise, the parts it may
#: rest on).
_FEET = ("left-foot", "right-foot", "left-toes", "right-toes", "left-heel", "right-heel")
_HANDS = ("left-hand", "right-hand", "left-forearm", "right-forearm")
BASES = {
    "standing": (U, ("left-foot", "right-foot"), _FEET + ("left-hand", "right-hand", "buttocks")),
    "sitting": (U, ("buttocks", "left-foot", "right-foot"), _FEET + _HANDS + ("buttocks", "upper-back", "back")),
    "kneeling": (U, ("left-knee", "right-knee"), _FEET + _HANDS + ("left-knee", "right-knee")),
    "half-kneeling": (U, ("left-knee", "right-foot"), _FEET + _HANDS + ("left-knee", "right-knee")),
    "all-fours": ((-1.0, 0.0, 0.0), ("left-hand", "right-hand", "left-knee", "right-knee"),
                  _FEET + _HANDS + ("left-knee", "right-knee")),
    "lying-back": (F, ("back",), _FEET + _HANDS + ("back", "upper-back", "buttocks")),
    "lying-front": ((-1.0, 0.0, 0.0), ("front",), _FEET + _HANDS + ("front", "left-knee", "right-knee", "left-thigh",
                                                                      "right-thigh")),
    "lying-side": (R, ("left-side",), _FEET + _HANDS + ("left-side", "left-knee", "left-thigh", "left-hip")),
    "floating": (U, (), ()),
}

#: a support -> the body points that touch, each with the distance from the point to the skin (fractions of height).
SUPPORT_POINTS = {
    **{f"{s}-foot": ((f"{s}-heel", 0.0), (f"{s}-ball", 0.0)) for s in ("left", "right")},
    **{f"{s}-toes": ((f"{s}-ball", 0.0),) for s in ("left", "right")},
    **{f"{s}-heel": ((f"{s}-heel", 0.0),) for s in ("left", "right")},
    **{f"{s}-knee": ((f"{s}-knee", 0.03),) for s in ("left", "right")},
    **{f"{s}-hand": ((f"{s}-wrist", 0.02),) for s in ("left", "right")},
    **{f"{s}-forearm": ((f"{s}-elbow", 0.03), (f"{s}-wrist", 0.025)) for s in ("left", "right")},
    **{f"{s}-thigh": ((f"{s}-thigh", 0.045),) for s in ("left", "right")},
    **{f"{s}-hip": ((f"{s}-hip", 0.065),) for s in ("left", "right")},
    **{f"{s}-side": ((f"{s}-shoulder", 0.05), (f"{s}-hip", 0.065)) for s in ("left", "right")},
    "back": (("left-shoulder", 0.05), ("right-shoulder", 0.05), ("pelvis", 0.06)),
    "upper-back": (("chest", 0.05),),
    "front": (("chest", 0.06), ("pelvis", 0.07)),
    "buttocks": (("pelvis", 0.07),),
}

#: body points that must not go through the floor, with their distance to the skin, in words.
SOLID_POINTS = {
    "head": (0.06, "the head"), "chest": (0.045, "the chest"), "pelvis": (0.05, "the pelvis"),
    **{f"{s}-{part}": (gap, f"the {s} {word}") for s in ("left", "right") for part, gap, word in (
        ("knee", 0.025, "knee"), ("heel", 0.0, "foot"), ("ball", 0.0, "foot"), ("wrist", 0.015, "hand"),
        ("elbow", 0.02, "elbow"))},
}

#: the height of the top of each prop that carries a body part, as a fraction of standing height.
PROP_HEIGHTS = {"step": 0.1, "box": 0.26, "bench": 0.26, "high-bench": 0.42, "foam-roller": 0.086, "bike": 0.5,
                "leg-press": 0.45, "elliptical": 0.1}

#: how far a part the body rests on may float above its surface, and a part go through the floor, before the
#: check speaks (fractions of height: about 3 cm of a 1.75 m body).
TOLERANCE = 0.018
HEIGHT_CM = 175


class PlacementError(ValueError):
    """A base and view that cannot go together (a body lying on its back, seen from the front)."""


def base_supports(base: str) -> tuple[str, ...]:
    return BASES[base][1]


def allowed_supports(base: str) -> tuple[str, ...]:
    return BASES[base][2]


def view_axes(base: str, view: str, near: str) -> tuple[Vector, Vector, Vector]:
    """The body's axes that point right, up and towards the reader in the picture."""
    up = BASES[base][0]
    towards = {"side": R if near == "right" else (0.0, 0.0, -1.0), "front": F, "back": (-1.0, 0.0, 0.0)}[view]
    if abs(dot(up, towards)) > 0.5:
        raise PlacementError(view)
    return cross(up, towards), up, towards


@dataclass(frozen=True)
class Placed:
    """A position placed in the picture: points (x right, y up, z towards the reader, in fractions of height),
    the supports with how far each floats above its surface, and the parts below the floor."""

    points: dict
    floats: tuple      # (support, distance above its surface)
    below: tuple       # (point words, distance below the floor)
    surfaces: dict     # support -> height of what carries it
    floor: tuple = (0.0, 0.0)   # the nearest and furthest edge of the floor seen from above (y), or level


def _key(value) -> str:
    """The data as one canonical text, whatever the order of its keys (the checks read it as the file has it, the
    pages as :func:`.small.key` sorts it)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def place(figure: dict, position: dict) -> Placed:
    """``position`` of ``figure`` placed in the picture (cached by the data it is made from)."""
    return _place(_key(figure), _key(position), figure, position)


_cache: dict = {}


def _place(figure_key: str, position_key: str, figure: dict, position: dict) -> Placed:
    key = (figure_key, position_key)
    if key not in _cache:
        if len(_cache) > 4096:
            _cache.clear()
        _cache[key] = _solve(figure, position)
    return _cache[key]


def supports_of(figure: dict, position: dict) -> tuple[str, ...]:
    return tuple(position.get("support", base_supports(figure["base"])))


def surfaces(figure: dict) -> dict[str, float]:
    """support -> the height of the prop under it."""
    return {prop["under"]: PROP_HEIGHTS.get(prop["prop"], 0.0) for prop in figure.get("props", []) if "under" in prop}


def _solve(figure: dict, position: dict) -> Placed:
    body = pose_points(position)
    right, up, towards = view_axes(figure["base"], figure.get("view", "side"), figure.get("near", "right"))
    turn = figure.get("turn", 0)
    points = {}
    for name, v in body.items():
        if name.startswith("_"):
            continue
        p = (dot(v, right), dot(v, up), dot(v, towards))
        points[name] = rotate(p, (0.0, 1.0, 0.0), turn) if turn else p
    heights = surfaces(figure)
    contacts = [(point, gap, heights.get(support, 0.0))
                for support in supports_of(figure, position) for point, gap in SUPPORT_POINTS[support]]
    angle = _best_angle(points, contacts)
    points = {name: _spin(p, angle) for name, p in points.items()}
    lift = max((h + gap - points[p][1] for p, gap, h in contacts), default=None)
    if lift is None:   # floating: the lowest point a little above the bottom of the picture
        lift = 0.12 - min(p[1] for p in points.values())
    points = {name: (x, y + lift, z) for name, (x, y, z) in points.items()}
    floats = []
    for support in supports_of(figure, position):
        gaps = [points[p][1] - g - heights.get(support, 0.0) for p, g in SUPPORT_POINTS[support]]
        gap = max(gaps)
        floats.append((support, round(gap, 4)))
    _rest_head(points)
    below = []
    resting = {p for s in supports_of(figure, position) for p, _ in SUPPORT_POINTS[s]}
    if figure["base"] != "floating":
        for name, (gap, words) in SOLID_POINTS.items():
            depth = gap - points[name][1]
            if name not in resting and depth > TOLERANCE:
                below.append((words, round(depth, 4)))
    elevation = figure.get("elevation", 0)
    floor = (0.0, 0.0)
    if elevation:
        s = math.sin(math.radians(elevation))
        zs = [points[p][2] for p, _, _ in contacts] or [0.0]
        floor = (-(max(zs) + 0.22) * s, -(min(zs) - 0.12) * s)
        points = {name: _from_above(p, elevation) for name, p in points.items()}
    return Placed(points, tuple(floats), tuple(below), heights, floor)


def _from_above(p: Vector, elevation: float) -> Vector:
    """``p`` as the reader sees it looking down on the floor at ``elevation`` degrees."""
    a = math.radians(elevation)
    c, s = math.cos(a), math.sin(a)
    x, y, z = p
    return (x, y * c - z * s, z * c + y * s)


#: the body's own directions a position may travel in, as vectors in the body's axes: forward is where the chest
#: faces, or, for a body whose chest faces the floor or the ceiling (lying on the back or front, on all fours),
#: where the head points.
_AHEAD = {True: U, False: F}


def travel_way(base: str, to: str) -> Vector | None:
    """The body's direction ``to`` (forward, back, left, right) along the floor for ``base``, or None when that
    direction points up or down (the left of a body lying on its side)."""
    up = BASES[base][0]
    ahead = _AHEAD[abs(dot(F, up)) > 0.5]
    way = {"forward": ahead, "back": tuple(-v for v in ahead), "right": R, "left": tuple(-v for v in R)}[to]
    return None if abs(dot(way, up)) > 0.5 else way


def travel_offset(figure: dict, position: dict) -> Vector:
    """How far the position's ``travel`` moves the body in the picture (x right, y up, z towards the reader, in
    fractions of height): the body's direction along the floor, seen from the figure's view, turn and elevation."""
    travel = position.get("travel")
    way = travel and travel_way(figure["base"], travel["to"])
    if not way:
        return (0.0, 0.0, 0.0)
    right, _, towards = view_axes(figure["base"], figure.get("view", "side"), figure.get("near", "right"))
    share = travel["cm"] / HEIGHT_CM
    on_floor = rotate((dot(way, right) * share, 0.0, dot(way, towards) * share), (0.0, 1.0, 0.0), figure.get("turn", 0))
    return _from_above(on_floor, figure.get("elevation", 0))


def _rest_head(points: dict) -> None:
    """Bend the neck so that the head rests on the floor rather than going through it (a head is not posed)."""
    radius = SOLID_POINTS["head"][0]
    hx, hy, hz = points["head"]
    nx, ny, nz = points["chest"]
    if hy >= radius:
        return
    length = math.hypot(hx - nx, hy - ny)
    lift = radius - ny
    if length <= abs(lift):
        return
    dx = math.copysign(math.sqrt(length * length - lift * lift), hx - nx)
    points["head"] = (nx + dx, radius, hz)
    points["neck"] = (nx + dx * 0.35, ny + lift * 0.35, (nz + hz) / 2)


def _spin(p: Vector, degrees: float) -> Vector:
    return rotate(p, (0.0, 0.0, 1.0), degrees)


def _cost(points: dict, contacts: list, degrees: float) -> float:
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    ys = [(points[p][0] * s + points[p][1] * c) - gap - h for p, gap, h in contacts]
    low = min(ys)
    return sum(y - low for y in ys)


def _best_angle(points: dict, contacts: list) -> float:
    """The turn (degrees, within a quarter turn either way) that rests the body most fully on its supports: the
    least total gap between them and their surfaces, the smallest turn among equals."""
    flat = [points[p][:2] for p, _, _ in contacts]
    if not flat or max(math.dist(a, b) for a in flat for b in flat) < 0.05:
        return 0.0   # one point, or points one behind the other: turning in the picture cannot rest them better
    best = 0.0
    for step, span in ((1.0, 90), (0.1, 1.0), (0.01, 0.1)):
        centre = best
        candidates = sorted((centre + i * step for i in range(-round(span / step), round(span / step) + 1)),
                            key=lambda d: (abs(d), d))
        best = min(candidates, key=lambda d: round(_cost(points, contacts, d), 6))
    return round(best, 2)


def centimetres(fraction: float) -> int:
    """A distance (a fraction of height) in whole centimetres of a 1.75 m body."""
    return round(fraction * HEIGHT_CM)
