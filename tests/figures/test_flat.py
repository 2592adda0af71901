"""A figure for paper: the shades of its ink worked out over white, so nothing in it is transparent."""

from __future__ import annotations

from pathlib import Path

from generator.figures.flat import flat
from generator.figures.small import drawn
from generator.model import load_handbook

REPO = Path(__file__).resolve().parents[2]


def test_each_shade_is_the_ink_over_white_at_its_opacity():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" style="color:inherit"><g opacity="0.5">'
           '<path d="M0 0L1 1" stroke="currentColor" fill="none" opacity="0.5"/>'
           '<circle r="1" fill="currentColor"/></g><rect width="1" height="1" fill="currentColor" fill-opacity="0.1"'
           ' stroke="currentColor"/></svg>')
    out = flat(svg, "#000000")
    assert '<path d="M0 0L1 1" stroke="#bfbfbf" fill="none" />' in out  # 0.5 × 0.5 of black over white
    assert '<circle r="1" fill="#808080" />' in out and 'fill="#e6e6e6" stroke="#000000"' in out
    assert "opacity" not in out and "currentColor" not in out and "style" not in out


def test_every_drills_figures_print_without_transparency():
    for drill in load_handbook(REPO).drills.values():
        figure = drawn(drill.figure)
        for svg in (figure.thumbnail(None), *(figure.position(name, None) for name in figure.names)):
            out = flat(svg, "#1a1a1a")
            assert "opacity" not in out and "currentColor" not in out, drill.id
