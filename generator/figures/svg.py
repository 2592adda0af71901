"""A figure as SVG: one position, the end with the start ghosted and an arrow, every position as an animation.

The drawing is a pictogram: one stroke weight with round ends, a round head, no face or clothes. Everything is drawn
in ``currentColor`` (the near side solid, the far side and the props lighter by opacity), so a figure takes the
colour of the text around it in a light or dark scheme and prints in black and grey. Coordinates are rounded to a
tenth of a percent of body height: the same data gives the same bytes.
"""

from __future__ import annotations

from html import escape

from .placement import Placed, place, supports_of
from .props import draw_props, n, xy

POSITIONS = ("start", "middle", "end")
LIMB = 'fill="none" stroke="currentColor" stroke-width="{w}" stroke-linecap="round" stroke-linejoin="round"'
#: points that may show the movement, most telling first when they move as far.
MOVERS = ("right-knee", "left-knee", "right-ankle", "left-ankle", "pelvis", "right-wrist", "left-wrist", "head",
          "chest")


def positions(figure: dict) -> list[str]:
    return [name for name in POSITIONS if name in figure]


def _opacity(value: float) -> str:
    return "" if value >= 1 else f' opacity="{value:g}"'


def _path(points: dict, names: list[str]) -> str:
    coords = [xy(points[name]) for name in names]
    return "M" + "L".join(f"{n(x)} {n(y)}" for x, y in coords)


def _narrowed(p: dict) -> dict:
    """The hips and shoulders drawn a third nearer the middle, so the trunk reads as a pictogram's, not a box."""
    out = {}
    for joint, middle in (("hip", "pelvis"), ("shoulder", "chest")):
        for side in ("left", "right"):
            a, m = p[f"{side}-{joint}"], p[middle]
            out[f"{side}-{joint}"] = tuple(m[i] + (a[i] - m[i]) * 0.6 for i in range(3))
    return out


def _body(placed: Placed, ghost: bool = False) -> str:
    """The body's elements, far side first: legs and arms as strokes, the trunk as a band, the head a disc."""
    p = placed.points
    depth = {side: p[f"{side}-hip"][2] + p[f"{side}-shoulder"][2] + p[f"{side}-knee"][2] for side in ("left", "right")}
    near = "right" if depth["right"] >= depth["left"] else "left"
    far = "left" if near == "right" else "right"
    same = abs(depth["right"] - depth["left"]) < 0.03
    faint = 1 if same else 0.45
    out = []

    def limbs(side: str, opacity: float) -> None:
        out.append(f'<path d="{_path(p, [f"{side}-hip", f"{side}-knee", f"{side}-ankle", f"{side}-heel", f"{side}-ball"])}" '
                   f'{LIMB.format(w="5.2")}{_opacity(opacity)}/>')
        out.append(f'<path d="{_path(p, [f"{side}-shoulder", f"{side}-elbow", f"{side}-wrist"])}" '
                   f'{LIMB.format(w="4.2")}{_opacity(opacity)}/>')

    limbs(far, faint)
    trunk = _path(_narrowed(p), ["left-hip", "right-hip", "right-shoulder", "left-shoulder"]) + "Z"
    out.append(f'<path d="{trunk}" fill="currentColor" stroke="currentColor" stroke-width="7.5" '
               'stroke-linejoin="round"/>')
    out.append(f'<path d="{_path(p, ["chest", "neck"])}" {LIMB.format(w="4")}/>')
    hx, hy = xy(p["head"])
    out.append(f'<circle cx="{n(hx)}" cy="{n(hy)}" r="5.8" fill="currentColor"/>')
    limbs(near, 1)
    body = "".join(out)
    if ghost:
        return f'<g opacity="0.2" stroke-dasharray="0">{body}</g>'
    return body


def _bounds(figure: dict, placed: list[Placed]) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for one in placed:
        for name, point in one.points.items():
            x, y = xy(point)
            xs.append(x)
            ys.append(y)
    top = min(ys) - 8
    floors = [y * -100 for one in placed for y in one.floor]
    heights = [h for one in placed for h in one.surfaces.values()]
    bottom = max([3.0, *(f + 2 for f in floors)])
    if figure["base"] == "floating":
        bottom = max(ys) + 6
    x0, x1 = min(xs) - 9, max(xs) + 9
    kinds = {prop["prop"] for prop in figure.get("props", [])}
    if "band" in kinds and any("to" in prop for prop in figure.get("props", [])):
        x0, x1 = x0 - 26, x1 + 26
    if kinds & {"bike", "cones", "wall"}:
        x0, x1 = x0 - 12, x1 + 14
        top = min(top, -97)
    if heights:
        top = min(top, -max(heights) * 100 - 4)
    return x0, top, x1, bottom


def _arrow(start: Placed, end: Placed, chosen: str | None = None) -> str:
    """A curved arrow from where the point that moves most (or the ``chosen`` one) starts to where it ends."""
    best, far = None, 0.0
    for name in ((chosen,) if chosen else MOVERS):
        (x0, y0), (x1, y1) = xy(start.points[name]), xy(end.points[name])
        d = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        if d > far + 1.5 or (chosen and d > 0):
            best, far = name, d
    if best is None or far < 4:
        return ""
    (x0, y0), (x1, y1) = xy(start.points[best]), xy(end.points[best])
    cx, cy = xy(end.points["pelvis"])
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = x1 - x0, y1 - y0
    px, py = -dy, dx
    if (mx + px * 0.01 - cx) ** 2 + (my + py * 0.01 - cy) ** 2 < (mx - cx) ** 2 + (my - cy) ** 2:
        px, py = -px, -py
    bend = 0.3
    qx, qy = mx + px * bend, my + py * bend
    # stop short of the joints at both ends, and point the head along the curve's last direction
    sx, sy = x0 + (qx - x0) * 0.18, y0 + (qy - y0) * 0.18
    ex, ey = x1 + (qx - x1) * 0.18, y1 + (qy - y1) * 0.18
    tx, ty = ex - qx, ey - qy
    length = max((tx * tx + ty * ty) ** 0.5, 0.1)
    ux, uy = tx / length, ty / length
    head = 3.2
    left = (ex - ux * head * 1.6 - uy * head, ey - uy * head * 1.6 + ux * head)
    right = (ex - ux * head * 1.6 + uy * head, ey - uy * head * 1.6 - ux * head)
    return (f'<path d="M{n(sx)} {n(sy)}Q{n(qx)} {n(qy)} {n(ex)} {n(ey)}" fill="none" stroke="currentColor" '
            f'stroke-width="1.6" stroke-linecap="round" class="figure-arrow"/>'
            f'<path d="M{n(ex)} {n(ey)}L{n(left[0])} {n(left[1])}L{n(right[0])} {n(right[1])}Z" '
            'fill="currentColor" class="figure-arrow"/>')


def _svg(bounds, inner: str, label: str | None, css_class: str, size: str = "", ink: str = "inherit") -> str:
    """The figure's ``<svg>``: labelled for readers, or (``label`` None) hidden from them, as in a file an ``<img>``
    shows with its own alternative text; ``size`` gives its width and height attributes, ``ink`` its colour."""
    x0, y0, x1, y1 = bounds
    named = f'role="img" aria-label="{escape(label)}"' if label is not None else 'aria-hidden="true"'
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" viewBox="{n(x0)} {n(y0)} {n(x1 - x0)} '
            f'{n(y1 - y0)}"{size} {named} style="color:{ink}">'
            + (f'<title>{escape(label)}</title>' if label is not None else "") + f'{inner}</svg>')


class Figure:
    """A drill's figure: its positions placed once, drawn as each kind of picture the pages need."""

    def __init__(self, figure: dict):
        self.data = figure
        self.names = positions(figure)
        self.placed = {name: place(figure, figure[name]) for name in self.names}
        self.bounds = _bounds(figure, list(self.placed.values()))

    def _scene(self, name: str, ghost: str | None = None, arrow: bool = False) -> str:
        placed = self.placed[name]
        floor = self.data["base"] != "floating"
        parts = draw_props(self.data, placed.points, self.bounds, floor, supports_of(self.data, self.data[name]),
                           placed.floor, self.placed["end"].points)
        if ghost:
            parts.append(_body(self.placed[ghost], ghost=True))
        parts.append(_body(placed))
        if arrow and ghost:
            parts.append(_arrow(self.placed[ghost], placed, self.data.get("arrow")))
        return "".join(parts)

    def _size(self, height_mm: float | None) -> str:
        return f' width="{n(height_mm * self.aspect)}mm" height="{n(height_mm)}mm"' if height_mm else ""

    def position(self, name: str, label: str, height_mm: float | None = None, ink: str = "inherit") -> str:
        """One position on its own (the end with the start ghosted and the movement's arrow); ``height_mm`` and
        ``ink`` as for :meth:`thumbnail`."""
        size = self._size(height_mm)
        if name == "end":
            return _svg(self.bounds, self._scene("end", ghost="start", arrow=True), label, "figure figure-end", size,
                        ink)
        return _svg(self.bounds, self._scene(name), label, f"figure figure-{name}", size, ink)

    @property
    def aspect(self) -> float:
        """Width over height of the figure's drawing."""
        x0, y0, x1, y1 = self.bounds
        return (x1 - x0) / (y1 - y0)

    def thumbnail(self, label: str | None, height_mm: float | None = None, ink: str = "inherit") -> str:
        """The small figure beside a drill in lists: the end position over a ghost of the start. With no ``label``
        it is hidden from readers (for a file shown by an ``<img>`` with its own text); ``height_mm`` sizes it for
        paper, ``ink`` colours it (a printer's renderer may not take the colour of the text around it)."""
        return _svg(self.bounds, self._scene("end", ghost="start"), label, "figure figure-small",
                    self._size(height_mm), ink)

    def animation(self, label: str) -> str:
        """Every position in turn, each a frame the page's stylesheet shows one after the other (or, when the reader
        asks for less motion, only the last)."""
        frames = "".join(f'<g class="figure-frame figure-frame-{i + 1}-of-{len(self.names)}">{self._scene(name)}</g>'
                         for i, name in enumerate(self.names))
        return _svg(self.bounds, frames, label, "figure figure-animation")
