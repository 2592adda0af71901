"""Drill figures on paper: a small figure beside every drill of each checklist (named for screen readers, drawn
beside the drill's name) while the checklist stays one page, the positions on the booklet's drill sheets, and a
cache that renders a document again when, and only when, a pose it shows changes, and keeps the figures drawn
while they are shown."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from generator.figures.words import position_text, small_text
from generator.model import load_handbook
from generator.printables import PAPERS, site_address
from generator.printables.sheets import Checklist, drill_sheets
from generator.printables.site import PRINT_DIR, write_site_printables

ONLY = ["made-up/only-a4.pdf", "made-up/only-letter.pdf"]
BOOKLETS = ["made-up/made-up-plan-a4.pdf", "made-up/made-up-plan-letter.pdf"]
MM = 72 / 25.4  # points per millimetre


def figure_texts(path: Path, pages: range | None = None) -> list[str]:
    """The alternative text of every figure the PDF's structure names, in reading order (QR codes left out)."""
    reader = PdfReader(path)
    found: list[str] = []

    def walk(node) -> None:
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if node.get("/S") == "/Figure" and "/Alt" in node:
            found.append(str(node["/Alt"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return [text for text in found if not text.startswith("QR code")]


def expected_figures(phase, paper: str) -> list[str]:
    rows = Checklist(phase, PAPERS[paper]).rows
    return [small_text(d.name, d.figure, list(d.steps)) for row in rows for d in row.drills if d.figure]


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_each_checklist_has_a_named_figure_for_every_drill_and_is_still_one_page(printed, phases, paper):
    for phase in phases:
        path = printed / phase.protocol.id / f"{phase.id}-{paper}.pdf"
        assert len(PdfReader(path).pages) == 1, path.name
        expected = expected_figures(phase, paper)
        drills = [d for row in Checklist(phase, PAPERS[paper]).rows for d in row.drills]
        assert len(expected) == len(drills) > 0  # every drill of the real content has a figure
        assert figure_texts(path) == expected, path.name


def test_each_figure_is_drawn_beside_its_drill_in_ink(printed, handbook, poppler, tmp_path):
    """Read back as a reader sees it: left of every drill's name on the rendered page there is a drawing."""
    phase = next(p for p in handbook.protocols[0].phases if p.id == "strength-and-control")
    path = printed / phase.protocol.id / f"{phase.id}-a4.pdf"
    layout = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True,
                            check=True).stdout
    lines = {}
    for box, words in re.findall(r'<line (xMin="[^>]*)>(.*?)</line>', layout, re.S):
        text = " ".join(re.findall(r">([^<]*)</word>", words))
        lines.setdefault(text, dict((k, float(v)) for k, v in re.findall(r'(\w+)="([\d.]+)"', box)))
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", str(path), str(tmp_path / "page")],
                   check=True)
    page = Image.open(tmp_path / "page.png").convert("L")
    scale = 150 / 72
    names = [d.name for row in Checklist(phase, PAPERS["a4"]).rows if not row.part for d in row.drills]
    assert len(names) >= 10
    for name in names:
        line = lines[name]  # a drill's own row: its name alone in its cell
        strip = page.crop((round(9 * MM * scale), round((line["yMin"] - 1) * scale),
                           round((line["xMin"] - 1) * scale), round((line["yMax"] + 1) * scale)))
        ink = sum(strip.histogram()[:110])  # pixels darker than the grid's grey lines and shading
        assert ink >= 12, f"no figure drawn beside {name!r}"


def test_the_booklet_shows_each_drills_positions_on_its_sheet(printed, handbook):
    protocol = handbook.protocols[0]
    path = printed / protocol.id / f"{protocol.id}-plan-a4.pdf"
    texts = figure_texts(path)
    for sheet in drill_sheets(protocol):
        drill = sheet.drill
        for position in ("start", "end"):
            assert position_text(drill.name, drill.figure, position, list(drill.steps)) in texts, drill.id


FIGURE = {"base": "lying-side", "view": "front", "elevation": 50, "arrow": "right-knee", "props": [{"prop": "mat"}],
          "start": {"step": 1, "left": {"hip": {"flexion": 45}, "knee": 90}, "right": {"hip": {"flexion": 45}, "knee": 90}},
          "end": {"step": 2, "left": {"hip": {"flexion": 45}, "knee": 90},
                  "right": {"hip": {"flexion": 45, "abduction": 35, "rotation": 25}, "knee": 90}}}


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site / PRINT_DIR).as_posix(): p.read_bytes() for p in (site / PRINT_DIR).rglob("*.pdf")}


def test_the_cache_renders_again_when_and_only_when_a_pose_changes(made_up, tmp_path):
    made_up(5)
    project = tmp_path / "project"
    drill = project / "drills" / "drill-2.yaml"  # in the first phase only
    drill.write_text(yaml.safe_dump({**yaml.safe_load(drill.read_text()), "figure": FIGURE}))

    def printed(site: str):
        return write_site_printables(load_handbook(project), tmp_path / site, site_address(project),
                                     project / ".cache")

    first = printed("one")
    assert "made-up/only-a4.pdf" in first.rendered
    assert figure_texts(tmp_path / "one" / PRINT_DIR / "made-up/only-a4.pdf")  # the figure is on the sheet
    forms = {path.name for path in (project / ".cache").glob("*.form")}
    assert len(forms) == 3  # the drill's small figure and its two positions, each drawn once
    same = printed("two")
    assert same.rendered == [] and _files(tmp_path / "one") == _files(tmp_path / "two")
    assert {path.name for path in (project / ".cache").glob("*.form")} == forms  # kept while the figure is shown
    data = yaml.safe_load(drill.read_text())
    data["figure"]["end"]["right"]["hip"]["abduction"] = 45
    drill.write_text(yaml.safe_dump(data))
    moved = printed("three")
    assert moved.rendered == sorted(BOOKLETS + ONLY)
    before, after = _files(tmp_path / "two"), _files(tmp_path / "three")
    assert all(before[path] != after[path] for path in moved.rendered)
    assert all(before[path] == after[path] for path in before if path not in moved.rendered)
    now = {path.name for path in (project / ".cache").glob("*.form")}
    assert len(now) == 3 and not now & forms  # drawn again (the positions share one frame), the old ones gone
