"""A figure as SVG: one position, the end with the start ghosted and an arrow, every position as an animation.

The drawing is a pictogram: one stroke weight with round ends, a round head, no face or clothes. Everything is drawn
in ``currentColor`` (the near side solid, the far side and the props lighter by opacity), so a figure takes the
colour of the text around it in a light or dark scheme and prints in black and grey. Coordinates are rounded to a
tenth of a percent of body height: the same data gives the same bytes.
"""

from __future__ import annotations

from html import escape

from .anchor import in_register, moved
from .arrow import arrow as movement_arrow
from .placement import Placed, place, supports_of, travel_offset
from .props import draw_props, n, xy

POSITIONS = ("start", "middle", "end")
LIMB = 'fill="none" stroke="currentColor" stroke-width="{w}" stroke-linecap="round" stroke-linejoin="round"'


def positions(figure: dict) -> list[str]:
    return [name for name in POSITIONS if name in figure]


def _opacity(value: float) -> str:
    return "" if value >= 1 else f' opacity="{value:g}"'


def _path(points: dict, names: list[str]) -> str:
    coords = [xy(points[name]) for name in names]
    return "M" + "L".join(f"{n(x)} {n(y)}" for x, y in coords)


#: how far the trunk's outline sits from the middle, as a share of the hips' and shoulders' own width: narrower at
#: the hips and the waist than at the shoulders, so that a trunk seen from the front reads as a pictogram's, not a box.
HIPS, WAIST, SHOULDERS = 0.5, 0.42, 0.72
TRUNK_STROKE, LEG_STROKE, ARM_STROKE, NECK_STROKE, HEAD_RADIUS = 7.5, 5.2, 4.2, 4.0, 5.8


def _towards(m, a, share: float):
    return tuple(m[i] + (a[i] - m[i]) * share for i in range(3))


def trunk_outline(p: dict) -> list:
    """The trunk's outline in the picture: round from the left hip by the right hip, waist and shoulder."""
    waist = p["waist"]
    out = {}
    for side in ("left", "right"):
        hip, shoulder = _towards(p["pelvis"], p[f"{side}-hip"], HIPS), _towards(p["chest"], p[f"{side}-shoulder"],
                                                                               SHOULDERS)
        half = tuple((p[f"{side}-hip"][i] - p["pelvis"][i] + p[f"{side}-shoulder"][i] - p["chest"][i]) / 2
                     for i in range(3))
        out[side] = (hip, tuple(waist[i] + half[i] * WAIST for i in range(3)), shoulder)
    (lh, lw, ls), (rh, rw, rs) = out["left"], out["right"]
    return [lh, rh, rw, rs, ls, lw]


def body_shapes(placed: Placed) -> list:
    """The drawn body as shapes the arrow keeps off: each limb's line and half width, the trunk's area, the head."""
    p = placed.points
    shapes = []
    for side in ("left", "right"):
        leg = [xy(p[f"{side}-{j}"]) for j in ("hip", "knee", "ankle", "heel", "ball")]
        arm = [xy(p[f"{side}-{j}"]) for j in ("shoulder", "elbow", "wrist")]
        shapes += [("line", leg, LEG_STROKE / 2 + 0.8), ("line", arm, ARM_STROKE / 2 + 0.8)]
    shapes.append(("area", [xy(q) for q in trunk_outline(p)], TRUNK_STROKE / 2 + 0.8))
    shapes.append(("line", [xy(p["chest"]), xy(p["neck"])], NECK_STROKE / 2 + 0.8))
    shapes.append(("line", [xy(p["head"]), xy(p["head"])], HEAD_RADIUS + 0.8))
    if placed.floor == (0.0, 0.0):   # a level floor seen edge on: an arrow under it would be lost in it
        shapes.append(("floor", 0.0, 1.5))
    return shapes


def _body(placed: Placed, ghost: bool = False) -> str:
    """The body's elements, far side first: legs and arms as strokes, the trunk as a band, the head a disc."""
    p = placed.points
    # the near side by the hips and shoulders alone: a knee lifted towards the reader does not make its side near
    depth = {side: p[f"{side}-hip"][2] + p[f"{side}-shoulder"][2] for side in ("left", "right")}
    near = "right" if depth["right"] >= depth["left"] else "left"
    far = "left" if near == "right" else "right"
    same = abs(depth["right"] - depth["left"]) < 0.03
    faint = 1 if same else 0.45
    out = []

    def limbs(side: str, opacity: float) -> None:
        out.append(f'<path d="{_path(p, [f"{side}-hip", f"{side}-knee", f"{side}-ankle", f"{side}-heel", f"{side}-ball"])}" '
                   f'{LIMB.format(w=f"{LEG_STROKE:g}")}{_opacity(opacity)}/>')
        out.append(f'<path d="{_path(p, [f"{side}-shoulder", f"{side}-elbow", f"{side}-wrist"])}" '
                   f'{LIMB.format(w=f"{ARM_STROKE:g}")}{_opacity(opacity)}/>')

    limbs(far, faint)
    outline = trunk_outline(p)
    trunk = "M" + "L".join(f"{n(x)} {n(y)}" for x, y in (xy(q) for q in outline)) + "Z"
    out.append(f'<path d="{trunk}" fill="currentColor" stroke="currentColor" stroke-width="{TRUNK_STROKE:g}" '
               'stroke-linejoin="round"/>')
    out.append(f'<path d="{_path(p, ["chest", "neck"])}" {LIMB.format(w=f"{NECK_STROKE:g}")}/>')
    hx, hy = xy(p["head"])
    out.append(f'<circle cx="{n(hx)}" cy="{n(hy)}" r="{HEAD_RADIUS:g}" fill="currentColor"/>')
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
        placed = {name: place(figure, figure[name]) for name in self.names}
        first = supports_of(figure, figure["start"])
        self.placed = {name: moved(in_register(placed["start"], first, one, supports_of(figure, figure[name])),
                                   travel_offset(figure, figure[name]))
                       for name, one in placed.items()}
        self.bounds = _bounds(figure, list(self.placed.values()))
        self._scenes: dict[tuple[str, str | None, bool], str] = {}

    def _scene(self, name: str, ghost: str | None = None, arrow: bool = False) -> str:
        """What a picture of position ``name`` draws, drawn once for every picture that shows it."""
        if (name, ghost, arrow) not in self._scenes:
            self._scenes[name, ghost, arrow] = self._draw_scene(name, ghost, arrow)
        return self._scenes[name, ghost, arrow]

    def _draw_scene(self, name: str, ghost: str | None, arrow: bool) -> str:
        placed = self.placed[name]
        floor = self.data["base"] != "floating"
        parts = draw_props(self.data, placed.points, self.bounds, floor, supports_of(self.data, self.data[name]),
                           placed.floor, self.placed["end"].points)
        if ghost:
            parts.append(_body(self.placed[ghost], ghost=True))
        parts.append(_body(placed))
        if arrow and ghost:
            parts.append(movement_arrow(self.placed[ghost].points, placed.points, body_shapes(placed),
                                        self.data.get("arrow")))
        return "".join(parts)

    def _size(self, height_mm: float | None) -> str:
        return f' width="{n(height_mm * self.aspect)}mm" height="{n(height_mm)}mm"' if height_mm else ""

    def position(self, name: str, label: str | None, height_mm: float | None = None, ink: str = "inherit") -> str:
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
