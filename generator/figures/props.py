"""The props of a figure drawn as simple shapes in the picture's plane: floor, mat, step, bench, roller, wall, band …

Each function returns SVG elements (text) in picture units (y down), given the placed points of a position and the
bounds of the whole figure, so that every position of a drill shows its props in the same place.
"""

from __future__ import annotations

import math

from .placement import PROP_HEIGHTS, SUPPORT_POINTS, supports_of, travel_offset

def stroke(width: float = 1.4, extra: str = "") -> str:
    """The attributes of a prop's line ``width`` wide."""
    return (f'stroke="currentColor" stroke-opacity="0.6" stroke-width="{width:g}" fill="none" stroke-linecap="round" '
            f'stroke-linejoin="round"{extra}')


PROP_STROKE = stroke()
DASHED = stroke(1.4, ' stroke-dasharray="2 2"')
PROP_FILL = 'fill="currentColor" fill-opacity="0.12" stroke="currentColor" stroke-opacity="0.6" stroke-width="1.2" ' \
            'stroke-linejoin="round"'
BAND = 'stroke="currentColor" stroke-width="1.8" fill="none" stroke-dasharray="3 1.6" stroke-linecap="round"'
SCALE = 100.0


def n(value: float) -> str:
    """A coordinate as written in the SVG: one decimal, never '-0'."""
    text = f"{value:.1f}"
    return "0" if text in ("0.0", "-0.0") else text.removesuffix(".0")


def xy(point) -> tuple[float, float]:
    return point[0] * SCALE, -point[1] * SCALE


def _support_x(points: dict, support: str) -> float:
    xs = [points[p][0] for p, _ in SUPPORT_POINTS[support]]
    return sum(xs) / len(xs) * SCALE


def _facing(points: dict) -> int:
    """+1 when the body faces (or lies with its front) towards the right of the picture, else -1."""
    head, pelvis = points["head"][0], points["pelvis"][0]
    toes = points["right-ball"][0] + points["left-ball"][0] - points["right-heel"][0] - points["left-heel"][0]
    return 1 if (toes if abs(toes) > 0.02 else head - pelvis) >= 0 else -1


def _block(points: dict, prop: dict, width: float, face_on: bool = False) -> str:
    """A step, box or bench under a body part: its edge just past the part, on the side the body goes off it; seen
    from the front or the back (``face_on``), a seat under the buttocks stands centred under them."""
    support, top = prop["under"], PROP_HEIGHTS[prop["prop"]] * SCALE
    x = _support_x(points, support)
    if face_on and support == "buttocks":
        return f'<rect x="{n(x - width / 2)}" y="{n(-top)}" width="{n(width)}" height="{n(top)}" rx="1" {PROP_FILL}/>'
    side = prop_side(points, support)
    edge = x + side * (5 if support.endswith(("foot", "toes", "heel")) else 3)
    if support.endswith(("foot", "toes", "heel")) and side == _facing_foot(points, support):
        edge = points[support.split("-")[0] + "-ball"][0] * SCALE + side * 2
    left, right = sorted((edge, edge - side * width))
    return f'<rect x="{n(left)}" y="{n(-top)}" width="{n(right - left)}" height="{n(top)}" rx="1" {PROP_FILL}/>'


def _facing_foot(points: dict, support: str) -> int:
    s = support.split("-")[0]
    return 1 if points[f"{s}-ball"][0] >= points[f"{s}-heel"][0] else -1


def prop_side(points: dict, support: str) -> int:
    """Which way (+1 right, -1 left) the body leaves the prop under ``support``: towards the free foot for a foot,
    towards the pelvis for the upper back, otherwise the way the foot points."""
    x = _support_x(points, support) / SCALE
    if support.endswith(("foot", "toes", "heel")):
        other = "left" if support.startswith("right") else "right"
        dx = points[f"{other}-ball"][0] - x
        if abs(dx) > 0.04:
            return 1 if dx > 0 else -1
        return _facing_foot(points, support)
    dx = points["left-knee"][0] + points["right-knee"][0] - 2 * x
    return 1 if dx >= 0 else -1


def _band_around(points: dict, where: str) -> str:
    part = {"thighs": "thigh", "knees": "knee", "ankles": "ankle", "feet": "ball"}[where]
    (x1, y1), (x2, y2) = xy(points[f"left-{part}"]), xy(points[f"right-{part}"])
    if part == "knee":   # just above the knees
        (x1, y1), (x2, y2) = [(_mix(a, b, 0.15)) for a, b in ((xy(points["left-knee"]), xy(points["left-hip"])),
                                                              (xy(points["right-knee"]), xy(points["right-hip"])))]
    r = 3.2
    dx, dy = x2 - x1, y2 - y1
    length = (dx * dx + dy * dy) ** 0.5
    if length < 0.5:
        return f'<circle cx="{n(x1)}" cy="{n(y1)}" r="{n(r)}" {BAND}/>'
    ux, uy = dx / length, dy / length
    px, py = -uy * r, ux * r
    return (f'<path d="M{n(x1 + px)} {n(y1 + py)}L{n(x2 + px)} {n(y2 + py)}A{n(r)} {n(r)} 0 0 0 {n(x2 - px)} '
            f'{n(y2 - py)}L{n(x1 - px)} {n(y1 - py)}A{n(r)} {n(r)} 0 0 0 {n(x1 + px)} {n(y1 + py)}Z" {BAND}/>')


def _mix(a, b, t):
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


def anchor_point(points: dict, prop: dict) -> tuple[float, float]:
    """Where a band's anchor sits: level with the body part, on the outer side of it (or in front in a side view)."""
    part = prop["to"]
    side, joint = part.split("-", 1)
    x, y = xy(points[part if joint != "ankle" else f"{side}-ankle"])
    outward = points[f"{side}-hip"][0] - points["pelvis"][0]
    direction = (1 if outward > 0 else -1) if abs(outward) > 0.02 else _facing(points)
    return x + direction * 30, y


def draw_props(figure: dict, points: dict, bounds: tuple[float, float, float, float], floor: bool,
               supports: tuple[str, ...] = (), band: tuple[float, float] = (0.0, 0.0),
               fixed: dict | None = None) -> list[str]:
    """SVG elements for the floor and props of ``figure`` in one position (``bounds``: the figure's x0, y0, x1, y1).

    A wall or an anchor stands where it is in the ``fixed`` position (the end), so it does not move between positions.
    """
    fixed = fixed or points
    x0, _, x1, y1 = bounds
    parts = []
    kinds = {prop["prop"] for prop in figure.get("props", [])}
    slope = next((p.get("degrees", 5) for p in figure.get("props", []) if p["prop"] == "slope"), 0)
    near, far = -band[0] * SCALE, -band[1] * SCALE
    if floor and near != far:
        opacity = "0.16" if "mat" in kinds else "0.07"
        parts.append(f'<rect x="{n(x0 + 2)}" y="{n(far)}" width="{n(x1 - x0 - 4)}" height="{n(near - far)}" rx="1" '
                     f'fill="currentColor" fill-opacity="{opacity}"/>')
    elif floor:
        if slope:
            facing = _facing(points)
            fx = _support_x(points, supports[0]) if supports else 0
            t = math.tan(math.radians(slope)) * facing
            parts.append(f'<path d="M{n(x0)} {n((x0 - fx) * t)}L{n(x1)} {n((x1 - fx) * t)}" {PROP_STROKE}/>')
        else:
            parts.append(f'<path d="M{n(x0)} 0H{n(x1)}" {PROP_STROKE}/>')
    if "mat" in kinds and near == far:
        parts.append(f'<rect x="{n(x0 + 2)}" y="0" width="{n(x1 - x0 - 4)}" height="1.6" rx="0.8" '
                     'fill="currentColor" fill-opacity="0.3"/>')
    for prop in figure.get("props", []):
        kind = prop["prop"]
        if kind in ("step", "box", "bench", "high-bench") and "under" in prop:
            # where the part rests on it; in a position where it does not, the block stays where the end has it
            at = points if prop["under"] in supports else fixed
            parts.append(_block(at, prop, {"step": 30, "box": 30}.get(kind, 45),
                                face_on=figure.get("view", "side") != "side"))
        elif kind == "foam-roller" and "under" in prop:
            x = _support_x(points, prop["under"])
            r = PROP_HEIGHTS["foam-roller"] * SCALE / 2
            parts.append(f'<circle cx="{n(x)}" cy="{n(-r)}" r="{n(r)}" {PROP_FILL}/>')
        elif kind == "wall":
            points, moving = fixed, points
            part = prop.get("touches")
            if part and "hand" in part and points[part.replace("hand", "wrist")][2] < points["pelvis"][2] - 0.1:
                # a hand reaching to the side, away from the reader: the wall stands behind the body, seen face on
                parts.insert(0, f'<rect x="{n(x0 + 2)}" y="-95" width="{n(x1 - x0 - 4)}" height="95" '
                                'fill="currentColor" fill-opacity="0.07"/>')
                points = moving
                continue
            if part in ("back", "front"):
                x = points["chest"][0] * SCALE + (-1 if (part == "back") == (_facing(points) > 0) else 1) * 6
            elif part:
                x = xy(points[part.replace("hand", "wrist")])[0] + (3 if _facing(points) > 0 else -3)
                if "hand" in part:
                    x = xy(points[part])[0]
            else:
                x = x1 - 2
            parts.append(f'<path d="M{n(x)} 0V-95" {stroke(2.2)}/>')
            points = moving
        elif kind == "band" and "around" in prop:
            parts.append(_band_around(points, prop["around"]))
        elif kind == "band" and "to" in prop:
            ax, ay = anchor_point(fixed, prop)
            tx, ty = xy(points[prop["to"]])
            parts.append(f'<path d="M{n(ax)} {n(ay)}L{n(tx)} {n(ty)}" {BAND}/>')
        elif kind == "anchor":
            band = next((p for p in figure.get("props", []) if p["prop"] == "band" and "to" in p), None)
            if band:
                ax, ay = anchor_point(fixed, band)
                parts.append(f'<path d="M{n(ax)} 0V{n(min(ay - 4, -4))}" {stroke(2.2)}/>')
        elif kind == "bike":
            parts += _bike(points)
        elif kind == "leg-press":
            parts += _leg_press(points, fixed)
        elif kind == "elliptical":
            parts += _elliptical(points)
        elif kind == "cones":
            for cx in (x0 + 6, x1 - 6):
                parts.append(f'<path d="M{n(cx - 3)} 0L{n(cx)} -7L{n(cx + 3)} 0Z" {PROP_FILL}/>')
        elif kind == "line":
            x = _line_x(figure, fixed, (x0 + x1) / 2)
            parts.append(f'<path d="M{n(x - 6)} 0.8H{n(x + 6)}" stroke="currentColor" stroke-width="2.4"/>')
        elif kind == "water":
            y = -(points["chest"][1] - 0.04) * SCALE
            waves = "".join(f"q2.5 -1.6 5 0t5 0" for _ in range(int((x1 - x0) / 10) + 1))
            parts.append(f'<path d="M{n(x0)} {n(y)}{waves}" {PROP_STROKE}/>')
    return parts


def _line_x(figure: dict, end: dict, middle: float) -> float:
    """Where a line on the floor is: half way between where the end position rests and where it rested before it
    travelled (a hop over the line), or the middle of the picture."""
    dx = travel_offset(figure, figure["end"])[0] * SCALE
    supports = supports_of(figure, figure["end"])
    if not dx or not supports:
        return middle
    return _support_x(end, supports[0]) - dx / 2


def _bike(points: dict) -> list[str]:
    (lx, ly), (rx, ry) = xy(points["left-ball"]), xy(points["right-ball"])
    cx, cy = (lx + rx) / 2, (ly + ry) / 2
    r = max(((lx - rx) ** 2 + (ly - ry) ** 2) ** 0.5 / 2, 6)
    sx, sy = xy(points["pelvis"])
    sy += 6
    facing = 1 if points["head"][0] >= points["pelvis"][0] else -1
    hx, hy = xy(points["right-wrist"])
    return [f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" {DASHED}/>',
            f'<path d="M{n(sx - 6 * facing)} {n(sy)}H{n(sx + 5 * facing)}M{n(sx)} {n(sy)}L{n(cx)} {n(cy)}'
            f'L{n(cx + 24 * facing)} {n(cy - 4)}L{n(hx)} {n(hy + 2)}M{n(hx - 3 * facing)} {n(hy + 2)}'
            f'H{n(hx + 3 * facing)}M{n(cx - 14)} 0H{n(cx + 34 * facing)}M{n(cx)} {n(cy)}L{n(cx + 4 * facing)} 0'
            f'M{n(cx + 24 * facing)} {n(cy - 4)}L{n(cx + 30 * facing)} 0" {stroke(2)}/>',
            f'<circle cx="{n(cx + 24 * facing)}" cy="{n(cy - 4)}" r="9" {PROP_STROKE}/>']


def _leg_press(points: dict, fixed: dict) -> list[str]:
    """A seated leg press: a seat reclined along the back on a frame, and a foot plate square to the line from the
    hip to the foot, riding on a rail that runs that way to a post on the frame (the seat and rail where the end
    position has them, so the machine does not move between positions)."""
    facing = 1 if fixed["right-ball"][0] >= fixed["pelvis"][0] else -1
    (px, py), (cx, cy) = xy(fixed["pelvis"]), xy(fixed["chest"])
    length = max(math.hypot(cx - px, cy - py), 0.1)
    ux, uy = (cx - px) / length, (cy - py) / length            # up the back
    bx, by = -uy * facing, ux * facing                          # square to the back, behind it
    if bx * facing > 0:
        bx, by = -bx, -by
    seat_y = py + 7
    back = (f'M{n(px + bx * 6 - ux * 2)} {n(py + by * 6 - uy * 2)}L{n(cx + bx * 6 + ux * 6)} '
            f'{n(cy + by * 6 + uy * 6)}')
    seat = f'M{n(px + bx * 6)} {n(seat_y)}H{n(px + 16 * facing)}'
    (ox, oy), (dx, dy) = _plate(points)
    (rx, ry), (rdx, rdy) = _plate(fixed)
    end_x, end_y = rx + rdx * 16, min(ry + rdy * 16, -4)
    frame = (f'M{n(px + 4 * facing)} {n(seat_y)}V0M{n(px - 12 * facing)} 0H{n(end_x + 4 * facing)}'
             f'M{n(rx - rdx * 6)} {n(ry - rdy * 6)}L{n(end_x)} {n(end_y)}V0')
    plate = f'M{n(ox - dy * 9)} {n(oy + dx * 9)}L{n(ox + dy * 9)} {n(oy - dx * 9)}'
    return [f'<path d="{back}{seat}" {stroke(3.2)}/>', f'<path d="{frame}" {stroke(2)}/>',
            f'<path d="{plate}" {stroke(3)}/>']


def _plate(points: dict) -> tuple[tuple[float, float], tuple[float, float]]:
    """Where a leg press's foot plate is (just past the working foot's sole) and the way its sled runs (from the
    hip to the foot)."""
    (hx, hy), (fx, fy), (ex, ey) = xy(points["right-hip"]), xy(points["right-ball"]), xy(points["right-heel"])
    mx, my = (fx + ex) / 2, (fy + ey) / 2
    run = max(math.hypot(mx - hx, my - hy), 0.1)
    dx, dy = (mx - hx) / run, (my - hy) / run
    return (mx + dx * 2.5, my + dy * 2.5), (dx, dy)


def _elliptical(points: dict) -> list[str]:
    parts = []
    for side in ("left", "right"):
        (hx, hy), (bx, by) = xy(points[f"{side}-heel"]), xy(points[f"{side}-ball"])
        parts.append(f'<path d="M{n(hx - 3)} {n(hy + 1.5)}L{n(bx + 3)} {n(by + 1.5)}" {stroke(2.4)}/>')
    facing = 1 if points["right-ball"][0] >= points["right-heel"][0] else -1
    (wx, wy) = xy(points["right-wrist"])
    base = min(xy(points["left-heel"])[0], xy(points["right-heel"])[0]) - 6
    front = max(xy(points["left-ball"])[0], xy(points["right-ball"])[0]) + 10
    if facing < 0:
        base, front = front, base
    parts.append(f'<path d="M{n(base)} 0H{n(front)}L{n(wx + 2 * facing)} {n(wy)}M{n(base)} 0L{n(base)} -4" '
                 f'{stroke(2)}/>')
    return parts
