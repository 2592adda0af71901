"""The movement's arrow, placed where the body does not hide it.

An arrow drawn in the body's own colour vanishes where it crosses a limb or the trunk (a bridge's pelvis rising
inside its own outline). The arrow follows the moving point's path from the start to the end, and among a few
curves beside that path (shifted to either side, bent either way) the one that crosses the least of the drawn
body is kept, trimmed to its longest stretch in the open.
"""

from __future__ import annotations

import math

from .props import n, xy

#: points that may show the movement, most telling first when they move as far.
MOVERS = ("right-knee", "left-knee", "right-ankle", "left-ankle", "pelvis", "right-wrist", "left-wrist", "head",
          "chest")
#: how far (picture units) the arrow may be moved off the path, nearest first (never more than half the path's
#: length, so that a short arrow stays by its joint), and the bends tried.
OFFSETS = (0.0, 5.0, -5.0, 9.0, -9.0, 13.0, -13.0)
BENDS = (0.3, -0.3)
SAMPLES = 32
HEAD = 3.2


def _distance(p, a, b) -> float:
    """The distance from ``p`` to the segment ``a``–``b``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if not length else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _inside(p, polygon) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1]):
        if (y1 > p[1]) != (y2 > p[1]) and p[0] < x1 + (p[1] - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _box(points, reach: float) -> tuple[float, float, float, float]:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs) - reach, min(ys) - reach, max(xs) + reach, max(ys) + reach


class Body:
    """What of a picture hides an arrow (see :func:`covered`), ready to be asked about many points: each segment
    and area with the box around it, so that a point far from it is passed over without measuring."""

    def __init__(self, shapes):
        self.segments, self.areas, self.floor = [], [], None
        for kind, geometry, reach in shapes:
            if kind == "floor":
                self.floor = geometry - reach if self.floor is None else min(self.floor, geometry - reach)
                continue
            ring = list(zip(geometry, geometry[1:] + geometry[:1])) if kind == "area" else zip(geometry, geometry[1:])
            self.segments += [(_box((a, b), reach), a, b, reach) for a, b in ring]
            if kind == "area":
                self.areas.append((_box(geometry, 0.0), geometry))

    def covers(self, p) -> bool:
        x, y = p
        if self.floor is not None and y > self.floor:
            return True
        for (x0, y0, x1, y1), a, b, reach in self.segments:
            if x0 < x < x1 and y0 < y < y1 and _distance(p, a, b) < reach:
                return True
        return any(x0 <= x <= x1 and y0 <= y <= y1 and _inside(p, polygon)
                   for (x0, y0, x1, y1), polygon in self.areas)


def covered(p, shapes) -> bool:
    """Whether picture point ``p`` lies on the drawn body or below the floor: ``shapes`` are lines (points, half
    width), areas (polygon, margin) and the floor (its height in the picture, margin)."""
    return Body(shapes).covers(p)


def _bezier(p0, q, p1, t):
    u = 1 - t
    return (u * u * p0[0] + 2 * u * t * q[0] + t * t * p1[0], u * u * p0[1] + 2 * u * t * q[1] + t * t * p1[1])


def _part(p0, q, p1, t0, t1):
    """The piece of the quadratic curve p0-q-p1 between t0 and t1, as its own start, control and end point."""
    control = tuple((1 - t0) * (1 - t1) * p0[i] + ((1 - t0) * t1 + t0 * (1 - t1)) * q[i] + t0 * t1 * p1[i]
                    for i in range(2))
    return _bezier(p0, q, p1, t0), control, _bezier(p0, q, p1, t1)


def _open_run(flags: list[bool]) -> tuple[int, int]:
    """The first and last index of the longest run of uncovered samples (the latest among equals)."""
    best, start = (0, -1), None
    for i, hidden in enumerate(flags + [True]):
        if not hidden and start is None:
            start = i
        elif hidden and start is not None:
            if i - start >= best[1] - best[0] + 1:
                best = (start, i - 1)
            start = None
    return best


def _candidate(a, b, centre, offset: float, bend: float):
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy)
    px, py = -dy / length, dx / length
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    if (mx + px - centre[0]) ** 2 + (my + py - centre[1]) ** 2 < (mx - centre[0]) ** 2 + (my - centre[1]) ** 2:
        px, py = -px, -py   # the first side tried is the one away from the body's centre
    start = (x0 + px * offset, y0 + py * offset)
    end = (x1 + px * offset, y1 + py * offset)
    control = (mx + px * offset + px * length * bend, my + py * offset + py * length * bend)
    return start, control, end


def _placed(a, b, centre, far: float, body: Body):
    """The curve beside the path a-b that shows the most of itself, as (shown length, curve trimmed to what shows)."""
    ranked = []
    for order, (offset, bend) in enumerate((o, k) for o in OFFSETS for k in BENDS if abs(o) <= max(5.0, far * 0.5)):
        p0, q, p1 = _candidate(a, b, centre, offset, bend)
        ts = [0.12 + 0.76 * i / (SAMPLES - 1) for i in range(SAMPLES)]   # stop short of the joints at both ends
        first, last = _open_run([body.covers(_bezier(p0, q, p1, t)) for t in ts])
        shown = max(0, last - first) / (SAMPLES - 1) * 0.76 * far
        # the most of the path in the open (to a few units); then the nearest to the path; then the order tried
        ranked.append((-round(shown / 3), abs(offset), order, shown, _part(p0, q, p1, ts[max(first, 0)], ts[last])))
        if last - first == SAMPLES - 1:
            break  # wholly in the open: no curve tried later (as far off the path or farther) can do better
    best = min(ranked, key=lambda r: r[:3])
    return best[3], best[4]


def arrow(start: dict, end: dict, shapes: list, chosen: str | None = None) -> str:
    """A curved arrow along the path of the ``chosen`` point from the start to the end, or of the point among those
    that move (more than a few units) whose arrow shows the most beside the body drawn by ``shapes``."""
    options, body = [], Body(shapes)
    for rank, name in enumerate((chosen,) if chosen else MOVERS):
        a, b = xy(start[name]), xy(end[name])
        far = math.dist(a, b)
        if options and -round(0.76 * far / 3) >= min(options, key=lambda o: o[:2])[0]:
            continue  # even wholly in the open, this arrow would not show more than one found before
        if far >= 4:
            shown, curve = _placed(a, b, xy(end["pelvis"]), far, body)
            options.append((-round(shown / 3), rank, curve))
    if not options:
        return ""
    s, c, e = min(options, key=lambda o: o[:2])[2]
    tx, ty = e[0] - c[0], e[1] - c[1]
    length = max(math.hypot(tx, ty), 0.1)
    ux, uy = tx / length, ty / length
    left = (e[0] - ux * HEAD * 1.6 - uy * HEAD, e[1] - uy * HEAD * 1.6 + ux * HEAD)
    right = (e[0] - ux * HEAD * 1.6 + uy * HEAD, e[1] - uy * HEAD * 1.6 - ux * HEAD)
    return (f'<path d="M{n(s[0])} {n(s[1])}Q{n(c[0])} {n(c[1])} {n(e[0])} {n(e[1])}" fill="none" '
            'stroke="currentColor" stroke-width="1.6" stroke-linecap="round" class="figure-arrow"/>'
            f'<path d="M{n(e[0])} {n(e[1])}L{n(left[0])} {n(left[1])}L{n(right[0])} {n(right[1])}Z" '
            'fill="currentColor" class="figure-arrow"/>')
