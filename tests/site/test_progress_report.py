"""The progress report in Chromium on a 360 px phone, in both colour schemes: made from the athlete's own log,
phase and ticks, shown in full with the verdict and its deciding values, charts, adherence, red flags and notes;
everything from the log as text; no request leaves the site; one page on A4 and on Letter; axe clean."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from .test_athlete import KEY
from .test_phone_defects import PLAN_KEY, phone_context
from .test_session_player import settled_axe

pytestmark = pytest.mark.browser

PHASE = "assess-and-settle"
HOSTILE = '<img src=x onerror="window.hacked=1"> knee felt tight'
PAIN = [4, 3, 3, 2, 3, 2, 1, 1, 0]


@pytest.fixture(params=["light", "dark"])
def schemed(browser, request):
    context, page = phone_context(browser, request.param)
    page.scheme = request.param
    yield page
    context.close()


def days_ago(page, back: int) -> str:
    return page.evaluate("(back) => { const d = new Date(); d.setDate(d.getDate() - back);"
                         " return d.toLocaleDateString('en-CA'); }", back)


def keep_data(page, site_url) -> list[str]:
    """Nine days of log (pain settling, the side-plank hold growing, a red flag once, a note written to break a
    page), phase 1 started nine days ago, and two drills ticked two days ago."""
    page.goto(site_url, wait_until="load")
    days = [days_ago(page, back) for back in range(len(PAIN) - 1, -1, -1)]
    entries = [{"date": day, "phase": PHASE, "values": {"pain-during-activity": pain, "knee-swelling": "none",
                                                        "side-plank-hold": 20 + 3 * index}}
               for index, (day, pain) in enumerate(zip(days, PAIN))]
    entries[3]["note"] = HOSTILE
    entries[4]["values"]["knee-swelling"] = "marked"
    ticks = {days[-3]: ["daily-mobility/tva-bracing", "daily-mobility/tfl-gentle-mobility"]}
    for key, value in ((KEY, {"entries": entries}), (PLAN_KEY, {"protocol": "itbs-runners", "phase": PHASE, "start": days[0]}),
                       (f"itbs-handbook:ticks:itbs-runners:{PHASE}", ticks)):
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, json.dumps(value)])
    return days


def test_the_report_shows_everything_from_the_athletes_own_data_and_sends_nothing(schemed, site_url, axe, tmp_path):
    page = schemed
    days = keep_data(page, site_url)
    requests = []
    page.on("request", lambda request: requests.append((request.method, request.url)))
    page.goto(site_url + "itbs-runners/log/", wait_until="load")
    page.get_by_role("link", name="Progress report for your clinician").click()
    report = page.locator(".hb-report:not([hidden])")
    report.wait_for()
    page.get_by_label("Your name on the report (optional)").fill("Sam <Runner>")
    text = report.inner_text()
    assert "Sam <Runner>" in text
    assert "Phase 1: Assess and settle symptoms, started " + days[0] in text
    verdict = page.locator(".hb-report__verdict").inner_text()
    mylog = page.evaluate("""async () => {
      const { evaluatePhase } = await import('../../assets/js/evaluate.js');
      const { verdictText } = await import('../../assets/js/verdict-words.js');
      const data = await (await fetch('../../data/itbs-runners.json')).json();
      const entries = JSON.parse(localStorage.getItem('itbs-handbook:log:itbs-runners')).entries;
      const today = new Date().toLocaleDateString('en-CA');
      return verdictText(data.protocol, evaluatePhase(data.protocol, entries, 'assess-and-settle', today));
    }""")
    assert verdict == f"Verdict: {mylog}."
    assert page.locator(".hb-report__criteria li").count() >= 1
    assert page.locator(".hb-report__signs").inner_text() == (
        f"Red: Marked swelling, heat or redness — Stop and contact your clinician. (marked on {days[4]})")
    assert "2 of " in page.locator(".hb-report__adherence").inner_text()
    assert page.locator(".hb-report__charts svg").count() == 2
    assert page.locator(".hb-report__charts svg").first.locator("circle").count() == len(PAIN)
    assert "Side-plank hold" in page.locator(".hb-report__charts").inner_text()
    assert page.locator(".hb-report__notes").inner_text() == f"{days[3]}: {HOSTILE}"
    assert page.locator(".hb-report img").count() == 0 and not page.evaluate("window.hacked")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert settled_axe(page, axe) == []
    page.screenshot(path=tmp_path / f"report-{page.scheme}.png", full_page=True)
    assert requests and all(url.startswith(site_url) and method == "GET" for method, url in requests), requests
    assert not page.problems


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_report_prints_on_one_page(browser, site_url, paper, tmp_path, poppler):
    context, page = phone_context(browser)
    try:
        keep_data(page, site_url)
        page.goto(site_url + "itbs-runners/report/", wait_until="load")
        page.locator(".hb-report:not([hidden])").wait_for()
        page.get_by_label("Paper").select_option("letter" if paper == "Letter" else "A4")
        pdf = tmp_path / "report.pdf"
        page.pdf(path=pdf, prefer_css_page_size=True)
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), info
        assert f"({paper.lower() if paper == 'Letter' else paper})" in info, info
        words = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        assert "Verdict:" in words and "Print or save as PDF" not in words and HOSTILE.split(">")[-1].strip() in words
    finally:
        context.close()
