"""Figures in a PDF drawn once: each document holds a figure's drawing once, every place that shows it uses that
drawing, and what is printed is what WeasyPrint draws from the SVG itself; a drawing is kept in the store, where
the other lanes of a build and later builds find it."""

from __future__ import annotations

import base64
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from generator.figures import small
from generator.figures.flat import flat
from generator.printables import PAPERS, figures
from generator.printables.cache import Store
from generator.printables.drawing import Drawing, add_drawings
from generator.printables.figures import INK
from generator.printables.forms import FORM, Forms
from generator.printables.pdf import Printer, pdf_bytes
from generator.printables.render import render_booklet, render_checklist
from generator.printables.sheets import DENSITIES, Checklist
from generator.printables.site import _Plan

from .test_figures import figure_texts

OFFLINE = URLFetcher(allowed_protocols=("data",))


def placed_forms(path: Path) -> Counter:
    """How many times each page shows each form it names (``/Name Do``), by the form's object number."""
    shown: Counter = Counter()
    for page in PdfReader(path).pages:
        forms = {name.lstrip("/"): ref.idnum for name, ref in page["/Resources"].get("/XObject", {}).items()
                 if ref.get_object().get("/Subtype") == "/Form"}
        content = page.get_contents().get_data().decode("latin-1")
        for name, number in forms.items():
            shown[number] += content.count(f"/{name} Do")
    return shown


def test_the_booklet_holds_each_figure_once_however_often_it_is_shown(printed, handbook):
    protocol = handbook.protocols[0]
    path = printed / protocol.id / f"{protocol.id}-plan-a4.pdf"
    shown, figures = placed_forms(path), figure_texts(path)
    assert sum(shown.values()) == len(figures)  # every figure the booklet names is shown by one of its forms
    # a figure shown on several checklists is one drawing (two drills in the same pose share theirs)
    assert len(shown) <= len(set(figures)) < len(figures)
    assert max(shown.values()) >= 6


def _svg(drill_id: str, handbook) -> str:
    figure = handbook.drills[drill_id].figure
    return flat(small.drawn_by_key(small.key(figure)).thumbnail(None), INK)


def _png(document, folder: Path, name: str) -> Image.Image:
    pdf = folder / f"{name}.pdf"
    document.write_pdf(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-singlefile", str(pdf), str(folder / name)],
                   check=True)
    return Image.open(folder / f"{name}.png").convert("L")


@pytest.mark.parametrize("drill_id", ["clamshell", "lateral-step-down", "side-plank"])
def test_a_figure_drawn_once_prints_as_weasyprint_draws_the_svg(handbook, drill_id, poppler, tmp_path):
    """The same figure in boxes of its own shape, a wider one and a taller one (where it is centred), drawn by
    WeasyPrint from the SVG at each place and shown from the drawing made once: the same pixels."""
    svg = _svg(drill_id, handbook)
    boxes = ["width: 60mm; height: 30mm", "width: 20mm; height: 20mm", "width: 90mm; height: 12mm",
             "width: 14mm; height: 40mm"]
    inline = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    cache: dict = {}
    add_drawings(cache, {"handbook-figure:test.svg": (svg.encode(), "test")})

    def page(src: str) -> str:
        return "<style>@page {size: 120mm 160mm; margin: 5mm} img {display: block; margin: 2mm}</style>" + "".join(
            f'<img src="{src}" style="{box}" alt="">' for box in boxes)

    weasyprint = _png(HTML(string=page(inline), url_fetcher=OFFLINE).render(), tmp_path, "weasyprint")
    once = _png(HTML(string=page("handbook-figure:test.svg"), url_fetcher=OFFLINE).render(cache=cache), tmp_path,
                "once")
    difference = ImageChops.difference(weasyprint, once)
    assert sum(weasyprint.histogram()[:64]) > 1000  # there is a figure in ink to compare
    assert sum(difference.histogram()[48:]) <= 12, "the drawing made once prints otherwise than WeasyPrint's own"


def test_a_figure_that_needs_more_than_flat_colours_is_refused_by_name():
    gradient = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g">'
                '<stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#fff"/></linearGradient></defs>'
                '<rect width="10" height="10" fill="url(#g)"/></svg>')
    cache: dict = {}
    add_drawings(cache, {"handbook-figure:shaded.svg": (gradient.encode(), "shaded")})
    document = HTML(string='<img src="handbook-figure:shaded.svg" style="width: 10mm" alt="">',
                    url_fetcher=OFFLINE).render(cache=cache)
    with pytest.raises(ValueError, match="flat colours"):
        document.write_pdf()


def _forbid_drawing(monkeypatch) -> None:
    def drawing(self):
        raise AssertionError("a figure found in the store was drawn again")

    monkeypatch.setattr(Drawing, "_draw_form", drawing)


def _page(src: str) -> str:
    return f'<img src="{src}" style="width: 40mm; height: 20mm" alt="">'


def test_a_form_kept_in_the_store_prints_the_same_and_is_not_drawn_again(handbook, tmp_path, monkeypatch):
    svg = _svg("clamshell", handbook).encode()
    forms = Forms(tmp_path / "store", "this engine")

    def pdf() -> bytes:
        cache: dict = {}
        add_drawings(cache, {"handbook-figure:kept.svg": (svg, "kept")}, forms)
        return HTML(string=_page("handbook-figure:kept.svg"), url_fetcher=OFFLINE).render(cache=cache).write_pdf()

    drawn = pdf()
    assert [path.suffix for path in (tmp_path / "store").iterdir()] == [".form"]
    assert forms.get(svg) is not None and Forms(tmp_path / "store", "another engine").get(svg) is None
    _forbid_drawing(monkeypatch)
    assert pdf() == drawn


def test_the_lanes_of_a_protocol_share_the_drawing_of_its_figures(handbook, tmp_path, monkeypatch):
    """Each lane draws its share first; a lane then finds the others' shares in the store and draws nothing."""
    protocol = handbook.protocols[0]
    plan = _Plan(handbook, None, Store(tmp_path / "store"), Forms(tmp_path / "store", "this engine"))
    lanes = [lane for lane in plan.lanes if lane.protocol is protocol]
    shares = [set(lane.ahead) for lane in lanes]
    assert len(lanes) == 2 and not shares[0] & shares[1] and shares[0] | shares[1] == set(figures.printed(protocol))
    assert {name + FORM for name in map(plan.forms.name, figures.printed(protocol).values())} <= plan.store.used
    printers = [Printer(None, plan.forms) for _ in lanes]
    for printer, lane in zip(printers, lanes):
        printer.draw_ahead(lane.ahead)
    _forbid_drawing(monkeypatch)
    assert pdf_bytes(printers[1].booklet(protocol, lanes[1].paper))


def test_the_figures_a_protocol_prints_are_those_its_documents_show(handbook):
    protocol = handbook.protocols[0]
    html = "".join(render_checklist(Checklist(phase, paper, density=density), standalone=False)
                   for phase in protocol.phases for paper in PAPERS.values() for density in DENSITIES)
    html += render_booklet(protocol, [Checklist(phase, PAPERS["a4"]) for phase in protocol.phases])
    shown = set(re.findall(r'src="(handbook-figure:[0-9a-f]+\.svg)"', html))
    assert shown == set(figures.printed(protocol)) and len(shown) > 100


def test_a_worker_handed_the_figures_the_build_inked_does_not_place_them_again(handbook, tmp_path, monkeypatch):
    protocol = handbook.protocols[0]
    plan = _Plan(handbook, None, Store(tmp_path / "store"), Forms(tmp_path / "store", "this engine"))
    given = []

    class Workers:  # what the plan hands each worker with its lane
        def submit(self, protocol, paper, fits, todo, booklet, ahead, inked, date):
            given.append(inked)

    plan.start(Workers())
    monkeypatch.setattr(figures, "_INKED", {})
    figures.take_inked(given[-1])

    def placing(data):
        raise AssertionError("a worker placed a figure the build had inked")

    monkeypatch.setattr(small, "drawn_by_key", placing)
    sheets = [Checklist(phase, paper) for phase in protocol.phases for paper in PAPERS.values()]
    html = render_booklet(protocol, sheets[::2])  # the A4 sheets
    html += "".join(render_checklist(sheet, standalone=False) for sheet in sheets)
    assert set(re.findall(r'src="(handbook-figure:[0-9a-f]+\.svg)"', html)) == set(figures.printed(protocol))


def test_a_process_keeps_a_bounded_number_of_inked_figures(handbook, monkeypatch):
    drills = [drill for drill in handbook.drills.values() if drill.figure][:3]
    monkeypatch.setattr(figures, "_INKED", {})
    monkeypatch.setattr(figures, "_KEEP_INKED", 2)
    handed = {small.key(drill.figure): figures.inked(drill.figure) for drill in drills}
    assert len(figures._INKED) == 2  # the first was forgotten when the third was inked
    figures.take_inked(handed)
    assert list(figures._INKED) == list(handed)[1:]  # the latest kept, as many as the bound
    assert figures.inked(drills[0].figure) == handed[small.key(drills[0].figure)]  # inked again, the same
