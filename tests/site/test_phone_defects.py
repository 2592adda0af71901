"""What stood between a runner with a 360 px phone and the plan, each checked in Chromium at that width (both
colour schemes where colour matters, axe clean): a tap records 0/10, My log files entries under the phase chosen
in Today, an import's message shows by its button, the printable sheet fits a phone and takes a name and dates,
outlined buttons are readable in the dark, Today's week is the phase's week and past days can be ticked, doses say
which phase they are for and what their words mean, and the smaller faults."""

from __future__ import annotations

import json

import pytest

from .test_athlete import KEY, LOG, local_day, open_log, stored

pytestmark = pytest.mark.browser

PLAN_KEY = "itbs-handbook:plan"


def phone_context(browser, scheme: str = "light"):
    context = browser.new_context(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True,
                                  color_scheme=scheme, accept_downloads=True)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("dialog", lambda dialog: dialog.accept())
    return context, page


@pytest.fixture
def phone(browser):
    context, page = phone_context(browser)
    yield page
    context.close()


@pytest.fixture(params=["light", "dark"])
def schemed(browser, request):
    context, page = phone_context(browser, request.param)
    yield page
    context.close()


def choose_plan(page, site_url, phase: str, start: str):
    page.goto(site_url, wait_until="load")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [PLAN_KEY, json.dumps({"protocol": "itbs-runners", "phase": phase, "start": start})])


def test_a_tap_on_the_pain_slider_records_0(phone, site_url):
    open_log(phone, site_url)
    slider = phone.locator("[data-measure=pain-during-activity] input[type=range]")
    output = phone.locator("[data-measure=pain-during-activity] output")
    assert output.inner_text() == "not recorded"
    box = slider.bounding_box()
    slider.tap(position={"x": 2, "y": box["height"] / 2})  # at the 0 end, where the slider already is
    assert output.inner_text() == "0/10"
    assert "not saved yet" in phone.locator(".hb-log__verdict").inner_text()
    phone.get_by_role("button", name="None of these").click()
    phone.get_by_role("button", name="Save entry").click()
    assert stored(phone)["entries"][-1]["values"]["pain-during-activity"] == 0
    assert not phone.problems


def test_my_log_files_entries_under_the_phase_chosen_in_today(phone, site_url):
    choose_plan(phone, site_url, "strength-and-control", local_day(phone, 3))
    open_log(phone, site_url)
    assert phone.locator("select[name=phase]").input_value() == "strength-and-control"
    assert "Phase 3" in phone.locator(".hb-log__verdict").inner_text()
    phone.locator("[data-measure=knee-swelling] select").select_option("none")
    phone.get_by_role("button", name="Save entry").click()
    assert stored(phone)["entries"][-1]["phase"] == "strength-and-control"


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"]


def test_an_import_says_how_it_went_beside_the_button(phone, site_url, tmp_path):
    open_log(phone, site_url)
    status = phone.locator(".hb-log__data-status")
    button = phone.locator(".hb-log__import-label")
    files = {"broken.json": '{"entries": [', "semicolons.csv": "date;pain-during-activity\n2026-01-01;3\n",
             "one.json": json.dumps({"entries": [{"date": local_day(phone, 1), "values": {"pain-during-activity": 1}}]})}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    button.scroll_into_view_if_needed()
    phone.locator(".hb-log__import").set_input_files(tmp_path / "broken.json")
    phone.wait_for_function("document.querySelector('.hb-log__data-status').textContent.length > 0")
    assert "broken.json was not imported: the file is not JSON" in status.inner_text()
    assert in_view(phone, status) and in_view(phone, button)
    assert status.bounding_box()["y"] - (button.bounding_box()["y"] + button.bounding_box()["height"]) < 120
    phone.locator(".hb-log__import").set_input_files(tmp_path / "semicolons.csv")
    phone.wait_for_function("document.querySelector('.hb-log__data-status').textContent.includes('semicolons.csv')")
    assert "separated by semicolons" in status.inner_text()
    phone.locator(".hb-log__import").set_input_files(tmp_path / "one.json")
    phone.wait_for_function("document.querySelector('.hb-log__data-status').textContent.includes('one.json')")
    assert status.inner_text() == "1 entry imported from one.json."
    assert "1 entry on this device" in phone.locator(".hb-log__count").inner_text()
    assert not phone.problems


def test_the_printable_sheet_fits_a_phone_and_takes_a_name_and_dates(phone, site_url):
    phone.goto(site_url + "print/itbs-runners/strength-and-control.html#start=2026-03-11&week=2", wait_until="load")
    form = phone.locator("form.personal")
    form.wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    sheet = phone.locator(".checklist").bounding_box()
    assert sheet["x"] >= 0 and sheet["x"] + sheet["width"] <= 360
    form.get_by_label("Name").fill("Sam <Runner>")
    assert phone.locator(".fill.athlete").inner_text() == "Sam <Runner>"
    assert phone.locator(".fill.start").inner_text() == "Wed 11 Mar 2026"
    assert phone.locator(".fill.week").inner_text() == "2"
    days = phone.locator(".grid thead th.day").all_inner_texts()
    assert [day.split()[0] for day in days] == ["Wed", "Thu", "Fri", "Sat", "Sun", "Mon", "Tue"]
    assert days[0].split()[1:] == ["18", "Mar"] and days[-1].split()[1:] == ["24"]
    phone.reload(wait_until="load")
    assert form.get_by_label("Name").input_value() == "Sam <Runner>"  # kept on this device
    assert not phone.problems


@pytest.mark.parametrize("phase", ["assess-and-settle", "strength-and-control", "progressive-running"])
def test_the_printable_sheets_footer_never_covers_its_content_on_a_phone(phone, site_url, phase):
    phone.goto(site_url + f"print/itbs-runners/{phase}.html", wait_until="load")
    content, foot = (phone.locator(f".checklist {part}").bounding_box() for part in (".content", ".foot"))
    assert content["y"] + content["height"] <= foot["y"] + 0.5, phase
    assert not phone.problems


def test_today_links_to_this_weeks_sheet(phone, site_url):
    from playwright.sync_api import expect
    start = local_day(phone, 9)
    choose_plan(phone, site_url, "strength-and-control", start)
    phone.reload(wait_until="load")
    link = phone.get_by_role("link", name="Print this week's checklist")
    expect(link).to_have_attribute("href", f"{site_url}print/itbs-runners/strength-and-control.html#start={start}&week=2")


@pytest.mark.parametrize("path", ["", LOG])
def test_outlined_buttons_are_readable_in_both_schemes(schemed, site_url, axe, path):
    from playwright.sync_api import expect
    choose_plan(schemed, site_url, "strength-and-control", local_day(schemed, 2))
    schemed.goto(site_url + path, wait_until="load")
    button = schemed.locator(".hb-today__change, .hb-log__delete").first
    expect(button).to_be_visible()
    assert axe(schemed) == []
    assert not schemed.problems


def test_todays_week_is_the_phases_week_and_past_days_can_be_ticked(phone, site_url):
    from playwright.sync_api import expect
    start = local_day(phone, 9)  # week 2 began 2 days ago, on the weekday the phase started
    choose_plan(phone, site_url, "strength-and-control", start)
    phone.reload(wait_until="load")
    week = phone.locator(".hb-today__week")
    expect(week.locator("> li")).to_have_count(3)
    assert week.locator("> li").first.get_attribute("data-date") == local_day(phone, 2)
    past = week.locator("details.hb-today__past")
    if past.count():  # a day with sessions among the two before today
        day = past.first.get_attribute("data-date")
        past.first.locator("summary").click()
        past.first.locator("input[type=checkbox]").first.check()
        phone.reload(wait_until="load")
        expect(week.locator(f"li[data-date='{day}']")).to_contain_text("1 of")
        ticks = phone.evaluate("JSON.parse(localStorage.getItem('itbs-handbook:ticks:itbs-runners:strength-and-control'))")
        assert len(ticks[day]) == 1
    assert not phone.problems


def test_a_drill_page_leads_with_the_runners_phase_and_explains_its_words(phone, site_url):
    from playwright.sync_api import expect
    choose_plan(phone, site_url, "load-and-condition", local_day(phone, 2))
    phone.goto(site_url + "drills/clamshell/", wait_until="load")
    first = phone.locator(".hb-doses tbody tr").first
    expect(first).to_contain_text("Your phase: Phase 2")
    assert "2×/week" in first.inner_text()
    general = phone.locator("details", has_text="General dose")
    assert not general.get_attribute("open")  # 4×/week only when opened
    phone.locator(".hb-terms").get_by_role("link", name="Tempo (of a repetition)").click()
    phone.wait_for_url("**/glossary/#tempo")
    section = phone.evaluate("""() => { let text = '', node = document.getElementById('tempo').nextElementSibling;
        while (node && node.tagName !== 'H2') { text += node.textContent; node = node.nextElementSibling; } return text; }""")
    assert "lowering" in section and "2\u20111\u20112" in section  # joined by no-break hyphens
    assert not phone.problems


PAGES_WITH_TABLES = ["", "itbs-runners/", "itbs-runners/strength-and-control/", "itbs-runners/return-to-running/",
                     "itbs-runners/assessments/", "drills/clamshell/", "itbs-runners/glossary/"]


@pytest.mark.parametrize("path", PAGES_WITH_TABLES)
def test_tables_fit_the_phone(phone, site_url, path):
    phone.goto(site_url + path, wait_until="load")
    wide = phone.evaluate("""() => [...document.querySelectorAll('.md-content table')]
        .filter((table) => table.getBoundingClientRect().right > innerWidth + 0.5
                           || table.scrollWidth > table.clientWidth + 1)
        .map((table) => table.querySelector('th, td').textContent)""")
    assert wide == []


def test_the_small_things(phone, site_url):
    phone.goto(site_url + "itbs-runners/strength-and-control/", wait_until="load")
    assert "Also searched as" not in phone.locator(".md-content").inner_text()
    buttons = phone.locator(".hb-print .md-button")
    first, second = buttons.nth(0).bounding_box(), buttons.nth(1).bounding_box()
    apart = second["x"] >= first["x"] + first["width"] + 4 or second["y"] >= first["y"] + first["height"] + 4
    assert apart, (first, second)

    choose_plan(phone, site_url, "strength-and-control", local_day(phone, 7 * 2))
    phone.reload(wait_until="load")
    how = phone.locator(".hb-today__how")
    if how.count():
        box = how.first.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box

    open_log(phone, site_url)
    entries = [{"date": local_day(phone, back), "phase": "strength-and-control",
                "values": {"morning-pain-settled": False}} for back in (3, 2, 1)]
    phone.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps({"entries": entries})])
    phone.reload(wait_until="load")
    phone.locator(".hb-log:not([hidden])").wait_for()
    signs = phone.locator(".hb-log__signs").inner_text()
    assert "Morning pain not settling" in signs and "regress" not in signs.lower()
    assert not phone.problems
