"""The small figure beside each drill, in Debian's Chromium at phone and desktop width and in both colour schemes:
on a phase page (its week's sessions) and in Today, loaded, sized, beside the drill's name, named by its text,
drawn with enough contrast against the page, and clean for axe-core."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from .conftest import PREFERRED

pytestmark = pytest.mark.browser

PHASE = "itbs-runners/strength-and-control/"
MONDAY = "2026-12-07T10:00:00"  # Strength A, a Monday session of the phase
PLAN = ("localStorage.setItem('itbs-handbook:plan', JSON.stringify("
        "{protocol: 'itbs-runners', phase: 'strength-and-control', start: '2026-11-30'}))")
WIDTHS = {"phone": 360, "desktop": 1280}

#: the relative luminance of a grey level, as WCAG defines it.
def _luminance(level: float) -> float:
    v = level / 255
    return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4


def _contrast(a: float, b: float) -> float:
    a, b = _luminance(a), _luminance(b)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


@pytest.fixture(params=[(w, s) for w in WIDTHS for s in ("default", "slate")], ids=lambda p: f"{p[0]}-{p[1]}")
def screen(request, browser):
    width, scheme = request.param
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 800}, is_mobile=width == "phone",
                                  reduced_motion="reduce", color_scheme=PREFERRED[scheme])
    context.clock.set_fixed_time(MONDAY)
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    # a request dropped because the page was reloaded before it finished is no fault of the site
    page.on("requestfailed", lambda request: request.failure == "net::ERR_ABORTED"
            or page.problems.append(f"failed: {request.url} ({request.failure})"))
    page.scheme = scheme
    yield page
    context.close()


def _scheme(page) -> None:
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == page.scheme


def _check_figures(page, items, min_count: int) -> None:
    """Each item shows its drill's figure: loaded, in its box, left of the drill's name, named by its text, and
    drawn in ink that stands out from the page behind it (dark on light, light on dark)."""
    assert items.count() >= min_count
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    back = sum(int(v) * w for v, w in zip(background[background.index("(") + 1:-1].split(",")[:3],
                                          (0.299, 0.587, 0.114)))
    for i in range(items.count()):
        item = items.nth(i)
        figure = item.locator("img.hb-fig")
        figure.scroll_into_view_if_needed()
        figure.evaluate("(img) => img.decode()")
        natural, alt = figure.evaluate("(img) => [img.naturalWidth, img.alt]")
        name = item.locator("a, label span").first.inner_text().strip()
        assert natural > 0 and alt.startswith(name + ": "), (name, alt)
        box, text = figure.bounding_box(), item.locator("a, label").first.bounding_box()
        assert 55 <= box["width"] <= 90 and 35 <= box["height"] <= 55, (name, box)
        assert box["x"] + box["width"] <= text["x"] + 1, name  # beside the name, not over it
        shot = Image.open(io.BytesIO(figure.screenshot())).convert("L")
        darkest, lightest = shot.getextrema()
        ink = lightest if back < 128 else darkest
        assert _contrast(ink, back) >= 4.5, (name, page.scheme, ink, back)


def test_a_phase_pages_sessions_show_a_figure_beside_each_drill(screen, site_url):
    screen.goto(site_url + PHASE, wait_until="load")
    _scheme(screen)
    screen.evaluate("document.querySelectorAll('details.hb-session').forEach((d) => { d.open = true; })")
    items = screen.locator("details.hb-session li:has(> img.hb-fig)")
    drills = screen.locator("details.hb-session li:has(> a[href*='drills/'])")
    assert items.count() == drills.count()
    _check_figures(screen, items, 15)
    assert not screen.problems


def test_today_shows_a_figure_beside_each_drill_of_the_session(screen, site_url):
    screen.goto(site_url, wait_until="load")
    screen.evaluate(PLAN)
    screen.reload(wait_until="load")
    _scheme(screen)
    items = screen.locator(".hb-today__sessions li")
    items.first.locator("img.hb-fig").wait_for()
    assert screen.locator(".hb-today__sessions legend").first.inner_text().startswith("Strength A")
    _check_figures(screen, items, 8)
    assert not screen.problems


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_pages_with_figures_are_clean_for_axe_at_phone_width(browser, site_url, axe, scheme):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                  color_scheme=PREFERRED[scheme])
    context.clock.set_fixed_time(MONDAY)
    page = context.new_page()
    page.goto(site_url + PHASE, wait_until="load")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    page.evaluate("document.querySelectorAll('details.hb-session').forEach((d) => { d.open = true; })")
    assert axe(page) == []
    page.goto(site_url, wait_until="load")
    page.evaluate(PLAN)
    page.reload(wait_until="load")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    page.locator(".hb-today__sessions img.hb-fig").first.wait_for()
    assert axe(page) == []
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_printable_checklist_page_shows_a_named_figure_beside_each_drill(browser, site_url, real_site, axe, width):
    """The checklist page to print from the browser draws each drill's small figure once into the page and shows it
    in every row of that drill: drawn in ink, sized to its row, named by its text, the page clean for axe."""
    from generator.figures.words import small_text
    from generator.model import load_handbook
    from generator.printables.figures import IN_TEXT_MM, ROW_FIGURE_MM
    from generator.printables.sheets import SHORTEST, Checklist

    phase = next(p for p in load_handbook(real_site[0]).protocols[0].phases if p.id == "strength-and-control")
    drills = Checklist(phase, SHORTEST).drills
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 800}, is_mobile=width == "phone",
                                  device_scale_factor=2)  # as a phone's screen, or a print preview, shows it
    page = context.new_page()
    page.goto(site_url + "print/itbs-runners/strength-and-control.html", wait_until="load")
    sheet = page.locator(".checklist")
    density = next(name for name in ROW_FIGURE_MM if name in sheet.get_attribute("class"))
    px = 96 / 25.4 * sheet.bounding_box()["width"] / (192 * 96 / 25.4)  # a millimetre of the sheet, as shown
    figures = page.locator(".grid svg.figure[role=img]")
    assert figures.count() == len(drills) > 10
    assert page.locator(".figure-symbols symbol").count() == len({drill.id for drill in drills})
    for i, drill in enumerate(drills):
        figure = figures.nth(i)
        assert figure.get_attribute("aria-label") == small_text(drill.name, drill.figure, list(drill.steps))
        figure.scroll_into_view_if_needed()
        box = figure.bounding_box()
        height_mm = float(figure.evaluate("(svg) => svg.style.height").removesuffix("mm"))
        in_text = figure.evaluate("(svg) => !!svg.closest('td.part')")  # one of a session's warm-up, in its line
        top = (IN_TEXT_MM if in_text else ROW_FIGURE_MM)[density]
        assert top / 2 <= height_mm <= top, drill.id
        assert abs(box["height"] - height_mm * px) <= 1 and box["width"] >= box["height"] * 0.5, (drill.id, box)
        assert figure.evaluate("(svg) => svg.querySelector('use').getBBox().width") > 0, drill.id  # its symbol drawn
        darkest, _ = Image.open(io.BytesIO(figure.screenshot())).convert("L").getextrema()
        assert darkest < 80, drill.id
    assert axe(page) == []
    context.close()
