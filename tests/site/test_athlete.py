"""The athlete's side of the real site in Chromium at phone width: "My log" (entries, verdict, chart, export and
import, delete), offline after one visit (service worker), "Today" on the home page, ticks that stay."""

from __future__ import annotations

import datetime as dt
import json

import pytest

pytestmark = pytest.mark.browser

LOG = "itbs-runners/log/"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
KEY = "itbs-handbook:log:itbs-runners"
#: the last 7 days of pain during activity, settling: the last 3 days at 2/10 or less, mornings back to normal and
#: no swelling; dated up to today, since older values are no longer evidence.
WEEK = [3, 2, 3, 2, 1, 1, 0]


@pytest.fixture
def phone(browser):
    """A phone-sized page of its own context (its own storage and service worker), with ``page.problems``."""
    context = browser.new_context(**PHONE, accept_downloads=True)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("dialog", lambda dialog: dialog.accept())
    yield page
    context.close()


def open_log(page, url):
    page.goto(url + LOG, wait_until="load")
    page.locator(".hb-log:not([hidden])").wait_for()


def set_slider(page, measure, value):
    page.locator(f"[data-measure={measure}] input").evaluate(
        "(input, value) => { input.value = value; input.dispatchEvent(new Event('input', {bubbles: true})); }", value)


def local_day(page, days_ago: int) -> str:
    """The browser's local date ``days_ago`` days before today, YYYY-MM-DD."""
    return page.evaluate("(back) => { const d = new Date(); d.setDate(d.getDate() - back);"
                         " return d.toLocaleDateString('en-CA'); }", days_ago)


def enter_week(page):
    for back, pain in zip(range(len(WEEK) - 1, -1, -1), WEEK):
        page.fill("input[name=date]", local_day(page, back))
        set_slider(page, "pain-during-activity", pain)
        page.locator("[data-measure=morning-pain-settled] input[value=yes]").check()
        page.locator("[data-measure=knee-swelling] select").select_option("none")
        page.get_by_role("button", name="None of these").click()
        page.get_by_role("button", name="Save entry").click()


def stored(page):
    return page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}') || 'null')")


def wait_until_offline_ready(page):
    """The service worker has kept every file of the build and controls the page."""
    page.evaluate("navigator.serviceWorker.ready")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30000)


def test_a_week_of_entries_gives_a_verdict_and_a_chart_that_stay_and_work_offline(phone, site_url, axe):
    open_log(phone, site_url)
    assert "stays on this device" in phone.locator(".hb-private").inner_text()
    verdict = phone.locator(".hb-log__verdict")
    set_slider(phone, "pain-during-activity", 7)
    assert "not saved yet" in verdict.inner_text()
    phone.get_by_role("button", name="Clear Pain during activity").click()
    enter_week(phone)
    assert verdict.inner_text().startswith("Ready to move on to Phase 2")
    assert phone.locator(".hb-log__criterion--met").count() == 1
    chart = phone.locator(".hb-log__charts svg").first
    assert chart.locator("circle").count() == len(WEEK)
    assert chart.locator(".hb-chart__limit").count() >= 1
    assert axe(phone) == []
    phone.reload(wait_until="load")
    phone.locator(".hb-log:not([hidden])").wait_for()
    assert "7 entries on this device" in phone.locator(".hb-log__count").inner_text()
    assert verdict.inner_text().startswith("Ready to move on")

    wait_until_offline_ready(phone)
    phone.context.set_offline(True)
    phone.reload(wait_until="load")
    phone.locator(".hb-log:not([hidden])").wait_for()
    assert verdict.inner_text().startswith("Ready to move on")
    set_slider(phone, "pain-during-activity", 8)
    assert verdict.inner_text().startswith("Step back")
    assert "6/10" not in phone.locator(".hb-log__signs").inner_text()
    assert "8/10 on" in phone.locator(".hb-log__signs").inner_text()
    phone.goto(site_url + "itbs-runners/return-to-running/", wait_until="load")
    assert phone.locator("h1").inner_text().startswith("Phase 4")
    assert not phone.problems


def test_search_works_offline(phone, site_url):
    phone.goto(site_url, wait_until="load")
    wait_until_offline_ready(phone)
    phone.context.set_offline(True)
    phone.reload(wait_until="load")
    phone.wait_for_function("!/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)",
                            timeout=30000)
    phone.locator("label.md-header__button[for=__search]").click()
    phone.locator(".md-search__input").type("clamshell")
    phone.locator('.md-search-result__item a[href*="drills/clamshell/"]').first.wait_for(timeout=30000)


def test_one_red_flag_stops_whatever_else_the_log_says(phone, site_url, axe):
    open_log(phone, site_url)
    enter_week(phone)
    verdict = phone.locator(".hb-log__verdict")
    assert verdict.inner_text().startswith("Ready to move on")
    flags = phone.locator(".hb-log__red-flags")
    assert flags.locator("[data-measure]").count() == 8
    flags.locator("[data-measure=night-or-rest-pain] input[value=yes]").check()  # one tap
    assert verdict.inner_text().startswith("Stop and contact your clinician")
    signs = phone.locator(".hb-log__signs").inner_text()
    assert "Red: Pain at night or at rest" in signs and "Green" not in signs
    phone.get_by_role("button", name="Save entry").click()
    phone.get_by_role("button", name="None of these").click()  # a later "no" does not clear the "yes"
    phone.get_by_role("button", name="Save entry").click()
    assert verdict.inner_text().startswith("Stop and contact your clinician")
    assert axe(phone) == []
    with phone.expect_download() as download:
        phone.get_by_role("button", name="Export CSV").click()
    header = open(download.value.path(), encoding="utf-8").readline()
    assert "activity" in header and "night-or-rest-pain" in header
    assert not phone.problems


def test_an_old_log_asks_for_new_values(phone, site_url):
    open_log(phone, site_url)
    for back in (40, 39, 38):
        phone.fill("input[name=date]", local_day(phone, back))
        set_slider(phone, "pain-during-activity", 1)
        phone.get_by_role("button", name="Save entry").click()
    assert phone.locator(".hb-log__verdict").inner_text().startswith("Keep going")
    assert "To record next: pain during activity" in phone.locator(".hb-log__verdict").inner_text()
    assert "is older than" in phone.locator(".hb-log__criteria").inner_text() or \
        "no recent value" in phone.locator(".hb-log__criteria").inner_text()


def test_export_delete_and_import_give_back_the_same_log(phone, site_url, tmp_path):
    open_log(phone, site_url)
    enter_week(phone)
    phone.fill("textarea[name=note]", 'Hilly route, "new" shoes, then rain')
    set_slider(phone, "pain-after-activity", 2)
    phone.get_by_role("button", name="Save entry").click()
    before = stored(phone)
    files = {}
    for form in ("csv", "json"):
        with phone.expect_download() as download:
            phone.get_by_role("button", name=f"Export {form.upper()}").click()
        files[form] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[form])
    assert json.loads(files["json"].read_text())["entries"] == before["entries"]
    for form in ("csv", "json"):
        phone.get_by_role("button", name="Delete my data").click()
        assert stored(phone) is None
        assert "No entries" in phone.locator(".hb-log__count").inner_text()
        phone.locator(".hb-log__import").set_input_files(files[form])
        phone.wait_for_function(f"localStorage.getItem('{KEY}') !== null")
        assert stored(phone) == before, form
    assert not phone.problems


def test_today_shows_the_session_and_keeps_the_ticks(phone, site_url, axe):
    from playwright.sync_api import expect  # waits until the page shows it: the phase's data is read first
    phone.goto(site_url, wait_until="load")
    today = phone.locator(".hb-today:not([hidden])")
    today.wait_for()
    today.locator("select[name=phase]").select_option("itbs-runners/strength-and-control")
    start = phone.evaluate("(() => { const d = new Date(); d.setDate(d.getDate() - 9);"
                           " return d.toLocaleDateString('en-CA'); })()")
    today.get_by_label("Started on").fill(start)
    today.get_by_role("button", name="Show my day").click()
    expect(today.locator(".hb-today__where")).to_contain_text("week 2")
    boxes = today.locator(".hb-today__session input[type=checkbox]")
    rest = "rest day" in today.locator(".hb-today__sessions").inner_text()
    if not rest:
        boxes.first.check()
    assert today.locator(".hb-today__week li").count() >= 1
    assert axe(phone) == []
    phone.reload(wait_until="load")
    expect(today.locator(".hb-today__where")).to_contain_text("Phase 3")
    if not rest:
        expect(boxes.first).to_be_checked()
        expect(today.locator(".hb-today__week")).to_contain_text("1 of")
    today.get_by_role("button", name="Change phase or start date").click()
    assert today.locator("select[name=phase]").input_value() == "itbs-runners/strength-and-control"
    assert not phone.problems


def test_today_adds_the_phase_to_the_calendar_as_the_cli_does(phone, site_url, real_site, tmp_path, monkeypatch):
    from icalendar import Calendar
    from playwright.sync_api import expect  # waits until the page shows it: the phase's data is read first

    from generator.model import load_handbook
    from generator.printables.ics import phase_calendar

    phone.goto(site_url, wait_until="load")
    today = phone.locator(".hb-today:not([hidden])")
    today.wait_for()
    today.locator("select[name=phase]").select_option("itbs-runners/strength-and-control")
    today.get_by_label("Started on").fill("2026-03-11")
    today.get_by_role("button", name="Show my day").click()
    expect(today.locator(".hb-today__where")).to_contain_text("Phase 3")
    button = today.get_by_role("button", name="Add to my calendar (.ics)")
    expect(button).to_be_visible()
    with phone.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "strength-and-control-from-2026-03-11.ics"
    made = tmp_path / download.value.suggested_filename
    download.value.save_as(made)

    [phase] = [phase for protocol in load_handbook(real_site[0]).protocols for phase in protocol.phases
               if phase.id == "strength-and-control"]
    events = Calendar.from_ical(made.read_bytes()).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == [session.title for session in phase.sessions]
    assert [event["rrule"]["COUNT"] for event in events] == [[phase.max_weeks * len(s.days)] for s in phase.sessions]
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the stamp is then the review date, as on the site
    cli = phase_calendar(phase, dt.date(2026, 3, 11), range(1, phase.max_weeks + 1), site_url)
    fields = ("uid", "dtstamp", "dtstart", "dtend", "rrule", "summary", "description", "transp")
    assert ([{key: event[key].to_ical() for key in fields} for event in events]
            == [{key: event[key].to_ical() for key in fields} for event in Calendar.from_ical(cli).walk("VEVENT")])
    assert not phone.problems


def test_exit_criteria_ticks_stay_on_the_device(phone, site_url):
    from playwright.sync_api import expect  # waits until the page's script has put the ticks back

    phone.goto(site_url + "itbs-runners/return-to-running/", wait_until="load")
    phone.locator(".hb-checklist[data-kept]").first.wait_for()  # the page's script keeps the ticks from here on
    box = phone.locator(".hb-checklist input[type=checkbox]").first
    box.check()
    phone.reload(wait_until="load")
    expect(phone.locator(".hb-checklist input[type=checkbox]").first).to_be_checked()
    expect(phone.locator(".hb-checklist input[type=checkbox]").nth(1)).not_to_be_checked()


def test_a_move_past_a_gate_the_log_showed_unmet_is_named_on_my_log(phone, site_url):
    open_log(phone, site_url)
    entries = [{"date": local_day(phone, 3), "phase": "strength-and-control", "activity": "test",
                "values": {"noble-test-positive": True}},
               {"date": local_day(phone, 1), "phase": "return-to-running", "activity": "walk-run",
                "values": {"pain-during-activity": 1}}]
    phone.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps({"entries": entries})])
    phone.reload(wait_until="load")
    phone.locator(".hb-log:not([hidden])").wait_for()
    assert phone.locator(".hb-log__verdict").inner_text().startswith("Step back to Phase 3")
    signs = phone.locator(".hb-log__signs").inner_text()
    assert "moved on too early" in signs and "Noble compression test" in signs and "**" not in signs
    assert not phone.problems
