"""A body posed from joint angles: forward kinematics from the pelvis, with human proportions.

Lengths are fractions of standing height (Drillis and Contini, as tabulated by Winter 2009). The body's own axes
are forward (f), up (u) and its right (r); a position's angles turn each segment from standing upright with the
arms by the sides.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Vector = tuple[float, float, float]

#: segment lengths and widths, as fractions of standing height.
THIGH, SHANK, ANKLE_HEIGHT, FOOT = 0.245, 0.246, 0.039, 0.152
UPPER_ARM, FOREARM, HAND = 0.186, 0.146, 0.07
HIP_WIDTH, SHOULDER_WIDTH = 0.191, 0.23
TRUNK = 0.818 - 0.530          # hip joints to shoulder joints
NECK = 0.870 - 0.818           # shoulders to chin
HEAD_RADIUS = 0.065

#: body axes: forward, up, and the body's right.
F: Vector = (1.0, 0.0, 0.0)
U: Vector = (0.0, 1.0, 0.0)
R: Vector = (0.0, 0.0, 1.0)


def add(a: Vector, b: Vector, scale: float = 1.0) -> Vector:
    return (a[0] + b[0] * scale, a[1] + b[1] * scale, a[2] + b[2] * scale)


def dot(a: Vector, b: Vector) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vector, b: Vector) -> Vector:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def rotate(v: Vector, axis: Vector, degrees: float) -> Vector:
    """``v`` turned about the unit vector ``axis`` by ``degrees`` (right-hand rule; Rodrigues' formula)."""
    if not degrees:
        return v
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    k_v, k_dot = cross(axis, v), dot(axis, v) * (1 - c)
    return tuple(v[i] * c + k_v[i] * s + axis[i] * k_dot for i in range(3))


@dataclass(frozen=True)
class Frame:
    """A segment's axes, as vectors in the body's axes: forward, up and right of the segment."""

    f: Vector = F
    u: Vector = U
    r: Vector = R

    def turn(self, axis: str, degrees: float) -> "Frame":
        """This frame turned about its own axis ``axis`` ('f', 'u' or 'r')."""
        about = getattr(self, axis)
        return Frame(rotate(self.f, about, degrees), rotate(self.u, about, degrees), rotate(self.r, about, degrees))


def _angle(pose: dict, *path: str) -> float:
    for key in path:
        pose = pose.get(key) if isinstance(pose, dict) else None
    return float(pose or 0)


def _leg(points: dict, pelvis: Frame, hip: Vector, side: str, limbs: dict) -> None:
    sign = 1 if side == "right" else -1
    frame = (pelvis.turn("r", _angle(limbs, "hip", "flexion"))
             .turn("f", -sign * _angle(limbs, "hip", "abduction"))
             .turn("u", -sign * _angle(limbs, "hip", "rotation")))
    knee = add(hip, frame.u, -THIGH)
    shank = frame.turn("r", -_angle(limbs, "knee"))
    ankle = add(knee, shank.u, -SHANK)
    foot = shank.turn("r", _angle(limbs, "ankle"))
    heel = add(add(ankle, foot.u, -ANKLE_HEIGHT), foot.f, -0.03)
    toe = add(heel, foot.f, FOOT)
    ball = add(heel, foot.f, FOOT * 0.75)
    points.update({f"{side}-hip": hip, f"{side}-knee": knee, f"{side}-ankle": ankle, f"{side}-heel": heel,
                   f"{side}-toe": toe, f"{side}-ball": ball,
                   f"{side}-thigh": add(hip, frame.u, -THIGH * 0.55)})


def _arm(points: dict, trunk: Frame, shoulder: Vector, side: str, limbs: dict) -> None:
    sign = 1 if side == "right" else -1
    frame = trunk.turn("r", _angle(limbs, "shoulder", "flexion")).turn("f", -sign * _angle(limbs, "shoulder", "abduction"))
    elbow = add(shoulder, frame.u, -UPPER_ARM)
    forearm = frame.turn("r", _angle(limbs, "elbow"))
    wrist = add(elbow, forearm.u, -FOREARM)
    points.update({f"{side}-shoulder": shoulder, f"{side}-elbow": elbow, f"{side}-wrist": wrist,
                   f"{side}-hand": add(wrist, forearm.u, -HAND)})


def pose_points(pose: dict) -> dict[str, Vector]:
    """The named points of the body in ``pose``, in the body's axes with the middle of the pelvis at the origin."""
    pelvis = Frame().turn("f", -_angle(pose, "pelvis", "hike"))
    points: dict[str, Vector] = {"pelvis": (0.0, 0.0, 0.0)}
    for side, sign in (("left", -1), ("right", 1)):
        _leg(points, pelvis, add((0.0, 0.0, 0.0), pelvis.r, sign * HIP_WIDTH / 2), side, pose.get(side) or {})
    trunk = (pelvis.turn("r", -_angle(pose, "trunk", "flexion")).turn("f", _angle(pose, "trunk", "side_bend"))
             .turn("u", -_angle(pose, "trunk", "rotation")))
    chest = add((0.0, 0.0, 0.0), trunk.u, TRUNK)
    points["chest"] = chest
    points["waist"] = add((0.0, 0.0, 0.0), trunk.u, TRUNK * 0.45)
    for side, sign in (("left", -1), ("right", 1)):
        _arm(points, trunk, add(chest, trunk.r, sign * SHOULDER_WIDTH / 2), side, pose.get(side) or {})
    points["neck"] = add(chest, trunk.u, NECK * 0.6)
    points["head"] = add(chest, trunk.u, NECK + HEAD_RADIUS * 0.9)
    points["_trunk_up"] = trunk.u
    points["_trunk_forward"] = trunk.f
    return points
