"""Drill figures in Debian's Chromium at phone width: there, sized, readable in both colour schemes, still when
the reader asks for less motion, and clean for axe-core."""

from __future__ import annotations

import pytest

from .conftest import PREFERRED

pytestmark = pytest.mark.browser

DRILL = "drills/clamshell/"

CONTRAST = """(svg) => {
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  let node = svg, background = 'rgba(0, 0, 0, 0)';
  while (node && (background === 'rgba(0, 0, 0, 0)' || background === 'transparent')) {
    background = getComputedStyle(node).backgroundColor; node = node.parentElement;
  }
  // the ink as it shows: its colour (with its alpha) and the figure's opacity over the background
  const parts = (text) => {  // 'rgb(r, g, b)', 'rgba(r, g, b, a)' or 'color(srgb r g b / a)' (channels 0-1)
    const v = text.replace(/^color\\(srgb/, "").match(/[\\d.]+/g).map(Number);
    const scale = text.startsWith("color(srgb") ? 255 : 1;
    return [v.slice(0, 3).map((c) => c * scale), v.length > 3 ? v[3] : 1];
  };
  const [ink, inkAlpha] = parts(getComputedStyle(svg).color), [ground] = parts(background);
  const alpha = inkAlpha * Number(getComputedStyle(svg).opacity);
  const shown = ink.map((v, i) => v * alpha + ground[i] * (1 - alpha));
  const [a, b] = [lum(shown), lum(ground)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""

INK = """(svg) => [getComputedStyle(svg).color, getComputedStyle(svg).opacity]"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True,
                                  reduced_motion="reduce")
    yield context.new_page()
    context.close()


def test_a_drill_page_shows_its_positions_one_above_the_other_on_a_phone(phone, site_url):
    phone.goto(site_url + DRILL, wait_until="load")
    figures = phone.locator(".hb-figures figure")
    assert figures.all_inner_texts() == ["Start", "End", "Movement"]
    boxes = [figures.nth(i).locator("svg").bounding_box() for i in range(3)]
    for box in boxes:
        assert 200 <= box["width"] <= 340 and 50 <= box["height"] <= 200, box
    assert boxes[0]["y"] + boxes[0]["height"] <= boxes[1]["y"] and boxes[1]["y"] + boxes[1]["height"] <= boxes[2]["y"]
    label = figures.nth(0).locator("svg").get_attribute("aria-label")
    assert label.startswith("Clamshell, start position, lying on the left side") and "Step 2:" in label
    assert "right leg out to the side 20°, right hip turned out 40°" in figures.nth(1).locator("svg").get_attribute("aria-label")


def test_start_and_end_stand_side_by_side_on_a_wide_screen(page, site_url):
    page.goto(site_url + DRILL, wait_until="load")
    start, end = (page.locator(".hb-figures figure svg").nth(i).bounding_box() for i in (0, 1))
    assert abs(start["y"] - end["y"]) < 2 and start["x"] + start["width"] <= end["x"]
    assert not page.problems


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_figures_are_readable_in_both_colour_schemes(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, reduced_motion="reduce",
                                  color_scheme=PREFERRED[scheme])
    phone = context.new_page()
    phone.goto(site_url + DRILL, wait_until="load")
    assert phone.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    for svg in phone.locator(".hb-figures svg").element_handles():
        assert svg.evaluate(CONTRAST) >= 4.5
        color, opacity = svg.evaluate(INK)
        # an opaque ink, faded as one layer: strokes and fills that overlap show no outline
        assert not color.startswith("rgba(") and "/" not in color and float(opacity) < 1, (color, opacity)
    context.close()


def test_the_movement_stands_still_at_its_end_when_less_motion_is_asked_for(phone, site_url):
    phone.goto(site_url + DRILL, wait_until="load")
    frames = phone.locator(".figure-animation .figure-frame")
    assert frames.count() == 2
    styles = [frames.nth(i).evaluate("(g) => [getComputedStyle(g).animationName, getComputedStyle(g).opacity]")
              for i in range(2)]
    assert styles == [["none", "0"], ["none", "1"]]


def test_the_movement_plays_when_motion_is_welcome(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, reduced_motion="no-preference")
    page = context.new_page()
    page.goto(site_url + DRILL, wait_until="load")
    names = page.locator(".figure-animation .figure-frame").evaluate_all(
        "(frames) => frames.map((g) => getComputedStyle(g).animationName)")
    context.close()
    assert names == ["hb-frame-1-of-2", "hb-frame-2-of-2"]


def test_a_drill_page_with_figures_is_clean_for_axe_at_phone_width(phone, site_url, axe):
    phone.goto(site_url + DRILL, wait_until="load")
    assert axe(phone) == []
