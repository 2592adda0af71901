"""A figure for paper: every shade of the ink worked out over white, so the drawing has no transparency.

The drawings shade the far side, the ghost of the start and the props by opacity of ``currentColor``. A printer's
renderer draws each transparent group as a layer of its own, which is slow and, on a black-and-white printer, may
come out as a dither. Over white paper each shade is a colour of its own: the same picture, drawn directly.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

SVG = "http://www.w3.org/2000/svg"
SHAPES = {f"{{{SVG}}}{name}" for name in ("path", "circle", "ellipse", "rect", "line", "polyline", "polygon")}


def _shade(ink: tuple[int, int, int], alpha: float) -> str:
    return "#" + "".join(f"{round(255 - (255 - c) * alpha):02x}" for c in ink)


def flat(svg: str, ink: str) -> str:
    """``svg`` drawn in ``ink`` (``#rrggbb``) on white, each ``currentColor`` with its opacities as one colour."""
    rgb = tuple(int(ink[i:i + 2], 16) for i in (1, 3, 5))
    ET.register_namespace("", SVG)
    root = ET.fromstring(svg)

    def walk(node, alpha: float, paint: dict) -> None:
        alpha *= float(node.attrib.pop("opacity", 1))
        paint = dict(paint)
        for part in ("fill", "stroke"):
            if part in node.attrib:
                paint[part] = node.attrib[part]
            if f"{part}-opacity" in node.attrib:
                paint[f"{part}-opacity"] = float(node.attrib.pop(f"{part}-opacity"))
            if paint.get(part) == "currentColor":
                if node.tag in SHAPES:
                    node.set(part, _shade(rgb, alpha * paint.get(f"{part}-opacity", 1.0)))
                else:
                    node.attrib.pop(part, None)  # the shapes inside say it, each with its own shade
        for child in node:
            walk(child, alpha, paint)

    walk(root, 1.0, {"fill": "black"})
    root.attrib.pop("style", None)
    return ET.tostring(root, encoding="unicode")
