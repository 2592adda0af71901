"""The figure renderer: golden SVGs for a few drills, the same bytes every time, pictogram SVG in currentColor."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from generator.figures.svg import Figure

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
DRILLS = sorted((REPO / "drills").glob("*.yaml"))
GOLDEN_DRILLS = ("clamshell", "single-leg-bridge", "forward-step-down", "banded-hip-external-rotation")
SVG = "{http://www.w3.org/2000/svg}"


def figure_of(drill_id: str) -> dict:
    return yaml.safe_load((REPO / "drills" / f"{drill_id}.yaml").read_text(encoding="utf-8"))["figure"]


def drawings(figure: dict) -> str:
    drawn = Figure(figure)
    return "\n".join([*(drawn.position(name, f"{name} position") for name in drawn.names),
                      drawn.thumbnail("small"), drawn.animation("animation")]) + "\n"


@pytest.mark.parametrize("drill_id", GOLDEN_DRILLS)
def test_golden_svgs(drill_id):
    made = drawings(figure_of(drill_id))
    golden = GOLDEN / f"{drill_id}.svg.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(made, encoding="utf-8")
    assert made == golden.read_text(encoding="utf-8"), f"{drill_id}: the drawing changed; review it and update"


def test_the_same_data_gives_the_same_bytes_in_another_process():
    code = ("import yaml, sys; from generator.figures.svg import Figure; "
            "f = Figure(yaml.safe_load(open('drills/clamshell.yaml'))['figure']); "
            "sys.stdout.write(f.position('end', 'end position'))")
    runs = {subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True).stdout
            for _ in range(2)}
    assert runs == {Figure(figure_of("clamshell")).position("end", "end position")}


@pytest.mark.parametrize("path", DRILLS, ids=[p.stem for p in DRILLS])
def test_every_drill_is_drawn_as_clean_svg_in_current_color(path):
    figure = yaml.safe_load(path.read_text(encoding="utf-8")).get("figure")
    assert figure, f"{path.stem} has no figure"
    for svg in drawings(figure).splitlines():
        root = ElementTree.fromstring(svg)
        assert root.get("role") == "img" and root.find(f"{SVG}title").text
        colours = set(re.findall(r'(?:fill|stroke)="([^"]+)"', svg)) - {"none", "currentColor"}
        assert not colours, f"{path.stem}: colours other than currentColor: {colours}"
        assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb\(|<script|<image|href=", svg)
        x0, y0, width, height = map(float, root.get("viewBox").split())
        assert 20 < width < 400 and 20 < height < 260, (path.stem, root.get("viewBox"))


def test_the_end_shows_the_start_ghosted_and_an_arrow():
    end = Figure(figure_of("clamshell")).position("end", "end")
    assert '<g opacity="0.2"' in end and 'class="figure-arrow"' in end
    start = Figure(figure_of("clamshell")).position("start", "start")
    assert "figure-arrow" not in start and 'opacity="0.2"' not in start


def test_the_near_side_is_darker_than_the_far_side():
    svg = Figure(figure_of("single-leg-bridge")).position("start", "start")
    limbs = re.findall(r'<path d="[^"]+" fill="none" stroke="currentColor" stroke-width="5.2"[^>]*>', svg)
    assert len(limbs) == 2
    assert 'opacity="0.45"' in limbs[0] and "opacity" not in limbs[1]   # far leg first and lighter, near leg solid


def test_a_label_is_escaped():
    svg = Figure(figure_of("clamshell")).position("start", 'Clam <b>"shell"</b> & more')
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "&amp; more" in svg
    ElementTree.fromstring(svg)


def test_each_position_is_placed_once_for_the_checks_the_site_and_the_printables(monkeypatch):
    """The checks read a figure as its file orders it, the pages as its canonical key sorts it: both find the one
    placement, and the site and the printables draw from one placed figure, each scene drawn once."""
    from generator.checks.run import check_project
    from generator.figures import placement, small
    from generator.model import load_handbook
    from generator.printables import figures as printed
    from generator.figures.svg import positions
    from generator.site import figures as site_figures

    placement._cache.clear()
    small._drawn.cache_clear()
    site_figures._positions.cache_clear()
    monkeypatch.setattr(printed, "_INKED", {})
    solved, scenes = [], []
    solve, draw_scene = placement._solve, Figure._draw_scene
    monkeypatch.setattr(placement, "_solve", lambda figure, position: solved.append(1) or solve(figure, position))
    monkeypatch.setattr(Figure, "_draw_scene",
                        lambda self, *args: scenes.append((id(self), *args)) or draw_scene(self, *args))
    assert not check_project(REPO).errors
    handbook = load_handbook(REPO)
    drills = [drill for drill in handbook.drills.values() if drill.figure]
    for drill in drills:
        site_figures.drill_figures(drill)
        printed.inked(drill.figure)
    assert len(solved) == sum(len(positions(drill.figure)) for drill in drills)
    assert len(scenes) == len(set(scenes))  # no scene drawn twice for one figure
