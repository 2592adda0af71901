"""The session player in Chromium on a 360 px phone, in both colour schemes: from Today's "Start today's session",
drill by drill with its figure, dose and sets, a hold timed and announced, the ticks Today shows, "This hurt" kept
in My log, the summary; axe clean; and the same after the network is gone."""

from __future__ import annotations

import json

import pytest

from .test_athlete import KEY, wait_until_offline_ready
from .test_phone_defects import PLAN_KEY, phone_context

pytestmark = pytest.mark.browser

PHASE = "assess-and-settle"
TICKS = f"itbs-handbook:ticks:itbs-runners:{PHASE}"


@pytest.fixture(params=["light", "dark"])
def schemed(browser, request):
    context, page = phone_context(browser, request.param)
    page.scheme = request.param
    yield page
    context.close()


def settled_axe(page, axe) -> list[str]:
    """axe on the page scrolled to the top, once the theme's "Back to top" button (which fades in as the page
    scrolls up, a half-drawn grey axe would measure) has gone and the header's title has faded back to the site's
    name (axe measured its colour half-way once, on a slow machine)."""
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(".md-top[hidden]").wait_for(state="attached")
    page.locator(".md-header__title:not(.md-header__title--active)").wait_for(state="attached")
    page.evaluate("Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition)"
                  ".map((a) => a.finished.catch(() => null)))")  # a transition cut short ends too
    return axe(page)


def shown_figure(page) -> int:
    """The natural width of the one figure the player shows, once drawn (0 when it could not be loaded)."""
    figure = page.locator(".hb-player__figure img.hb-fig")
    assert figure.count() == 1 and figure.get_attribute("alt")
    return figure.evaluate("(img) => img.decode().then(() => img.naturalWidth, () => 0)")


def open_player(page, site_url):
    """Today with phase 1 started today (its daily mobility is every day), then its player."""
    page.goto(site_url, wait_until="load")
    today = page.evaluate("new Date().toLocaleDateString('en-CA')")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [PLAN_KEY, json.dumps({"protocol": "itbs-runners", "phase": PHASE, "start": today})])
    page.reload(wait_until="load")
    page.get_by_role("link", name="Start today's session").click()
    page.locator(".hb-player:not([hidden])").wait_for()
    return today


def test_the_player_goes_through_the_session_drill_by_drill(schemed, site_url, axe, tmp_path):
    page = schemed
    page.clock.install()
    today = open_player(page, site_url)
    name = page.locator(".hb-player__name")
    say = page.locator(".hb-player__say")
    assert name.inner_text() == "Gentle abdominal bracing"
    assert page.locator(".hb-player__count").inner_text().startswith("Drill 1 of ")
    assert "Phase 1" in page.locator(".hb-player__where").inner_text()
    assert page.locator(".hb-player__dose").inner_text() == "Your dose in this phase: 2 × 10 reps"
    assert shown_figure(page) > 0
    assert page.locator(".hb-player__step").inner_text() == "Set 1 of 2: 10 reps."
    assert settled_axe(page, axe) == []
    for button in page.locator(".hb-player button:visible").all():
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, button.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=tmp_path / f"player-{page.scheme}.png")

    page.get_by_role("button", name="Set done").click()
    assert page.locator(".hb-player__step").inner_text() == "Set 2 of 2: 10 reps."
    page.get_by_role("button", name="Set done").click()
    assert "Gentle abdominal bracing ticked" in say.inner_text()
    assert name.inner_text() == "Gentle lateral hip mobility"
    assert page.locator(".hb-player__step").inner_text() == "Set 1 of 2, first side: hold 20 seconds."

    page.get_by_role("button", name="Start: 0:20").click()
    clock = page.locator(".hb-player__clock")
    assert clock.get_attribute("role") == "timer"
    page.clock.run_for(5200)  # the clock is drawn five times a second
    assert clock.inner_text() == "0:15"
    page.get_by_role("button", name="Pause").click()
    page.clock.run_for(10000)
    assert clock.inner_text() == "0:15", "a paused hold keeps its time"
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for(16000)
    assert page.locator(".hb-player__step").inner_text() == "Set 1 of 2, second side: hold 20 seconds."
    assert "Next: Set 1 of 2, second side" in say.inner_text()

    page.get_by_role("button", name="This hurt").click()
    page.get_by_role("button", name="3 out of 10").click()
    assert "Pain 3/10 during Gentle lateral hip mobility saved in My log" in say.inner_text()
    [entry] = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")["entries"]
    assert entry["date"] == today and entry["phase"] == PHASE and entry["drills"] == ["tfl-gentle-mobility"]
    assert entry["values"] == {"pain-during-activity": 3} and entry["activity"] == "mobility"

    page.get_by_role("button", name="Tick: done").click()
    while page.locator(".hb-player__drill").is_visible():
        page.get_by_role("button", name="Skip").click()
    summary = page.locator(".hb-player__summary")
    assert "You did 2 of the" in summary.inner_text()
    assert "Gentle lateral hip mobility: pain 3/10, saved in My log." in summary.inner_text()
    assert settled_axe(page, axe) == []
    page.screenshot(path=tmp_path / f"summary-{page.scheme}.png")

    ticks = page.evaluate(f"JSON.parse(localStorage.getItem('{TICKS}'))")[today]
    assert ticks == ["daily-mobility/tva-bracing", "daily-mobility/tfl-gentle-mobility"]
    page.get_by_role("link", name="Back to Today").click()
    page.locator(".hb-today__plan:not([hidden])").wait_for()
    assert page.locator("[data-tick='daily-mobility/tva-bracing']").first.is_checked()
    assert page.locator("[data-tick='daily-mobility/tfl-gentle-mobility']").first.is_checked()
    assert not page.problems


def test_the_player_works_offline_and_says_when_the_screen_may_dim(browser, site_url):
    context, page = phone_context(browser)
    try:
        open_player(page, site_url)
        wait_until_offline_ready(page)
        context.set_offline(True)
        page.add_init_script("delete Navigator.prototype.wakeLock")
        page.reload(wait_until="load")
        page.locator(".hb-player:not([hidden])").wait_for()
        assert page.locator(".hb-player__name").inner_text() == "Gentle abdominal bracing"
        assert shown_figure(page) > 0
        assert "timer keeps the right time" in page.locator(".hb-player__awake").inner_text()
        page.get_by_role("button", name="Tick: done").click()
        assert page.locator(".hb-player__name").inner_text() == "Gentle lateral hip mobility"
        page.get_by_role("link", name="How to do Gentle lateral hip mobility").click()
        assert page.locator("h1").inner_text().startswith("Gentle lateral hip mobility")
        assert not page.problems
    finally:
        context.close()


def test_without_a_phase_the_player_sends_the_athlete_to_today(browser, site_url):
    context, page = phone_context(browser)
    try:
        page.goto(site_url + "itbs-runners/session/", wait_until="load")
        none = page.locator(".hb-player__none")
        none.wait_for()
        assert "Choose your phase" in none.inner_text()
        assert not page.locator(".hb-player__drill").is_visible()
    finally:
        context.close()


def test_todays_calendar_carries_a_reminder_at_the_time_chosen(schemed, site_url, axe, tmp_path):
    from icalendar import Calendar

    page = schemed
    open_player(page, site_url)
    page.goto(site_url, wait_until="load")
    page.locator(".hb-today__plan:not([hidden])").wait_for()
    page.get_by_label("Remind me at (optional)").fill("07:30")
    page.get_by_label("Remind me at (optional)").dispatch_event("change")
    with page.expect_download() as download:
        page.get_by_role("button", name="Add to my calendar (.ics)").click()
    events = Calendar.from_ical(download.value.path().read_bytes()).walk("VEVENT")
    assert events
    for event in events:
        [alarm] = event.walk("VALARM")
        assert alarm["trigger"].to_ical().decode() == "PT7H30M" and str(alarm["description"]) == str(event["summary"])
    page.reload(wait_until="load")
    assert page.get_by_label("Remind me at (optional)").input_value() == "07:30", "the time chosen is kept"
    page.locator(".hb-today__reminder").scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / f"reminder-{page.scheme}.png")
    assert settled_axe(page, axe) == []
    assert not page.problems
