"""Positions kept in register: a part that rests in the start and in a later position stays where it was.

Each position is placed on its own, with the middle of the pelvis at the same place, so a knee bending over a
planted foot would otherwise draw the foot sliding under the body. A later position is moved sideways in the picture
so that the first part it rests on that the start also rests on (the standing foot of a step-down, the shoulders of
a bridge) is where it was at the start; the body then moves over it, as it does. A position that travels over the
floor (a hop sideways over a line) is then moved by as much, away from the start's ghost.
"""

from __future__ import annotations

from dataclasses import replace

from .body import Vector
from .placement import SUPPORT_POINTS, Placed


def _contact_x(placed: Placed, support: str) -> float:
    xs = [placed.points[point][0] for point, _ in SUPPORT_POINTS[support]]
    return sum(xs) / len(xs)


def in_register(start: Placed, start_supports: tuple[str, ...], later: Placed,
                later_supports: tuple[str, ...]) -> Placed:
    """``later`` moved sideways so that the first support it shares with the start stays put."""
    shared = [support for support in later_supports if support in start_supports]
    if not shared:
        return later
    dx = _contact_x(start, shared[0]) - _contact_x(later, shared[0])
    return moved(later, (dx, 0.0, 0.0))


def moved(placed: Placed, offset: Vector) -> Placed:
    """``placed`` moved by ``offset`` in the picture (into register, or by a position's travel over the floor)."""
    if all(abs(v) < 1e-9 for v in offset):
        return placed
    dx, dy, dz = offset
    return replace(placed, points={name: (x + dx, y + dy, z + dz) for name, (x, y, z) in placed.points.items()})
