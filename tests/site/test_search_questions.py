"""Search answers runners: questions as runners type them, each finding its page among the first three pages
Material's search lists (real site, Chromium)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

P = "itbs-runners/"
#: question -> the page it should find (a path of the site; "" is the home page), or the pages that answer it.
QUESTIONS = {
    "return to running": P + "return-to-running/",
    "when can I run": P + "return-to-running/",
    "start running again": P + "return-to-running/",
    "walk run": P + "return-to-running/",
    "knee pain": P + "assess-and-settle/",
    "outside knee pain": P + "assess-and-settle/",
    "IT band": P + "assess-and-settle/",
    "ice": P + "assess-and-settle/",
    "should I ice my knee": P + "assess-and-settle/",
    "stairs": P + "strength-and-control/",
    "swelling": P + "warning-signs/",
    "swollen knee": P + "warning-signs/",
    "hip drop": P + "strength-and-control/",
    "valgus": P + "strength-and-control/",
    "knee caving inward": P + "strength-and-control/",
    "bike": P + "load-and-condition/",
    "pool": P + "load-and-condition/",
    "cross-training": P + "load-and-condition/",
    # the drill that answers it, before the long phase page that prescribes it
    "downhill": ("drills/controlled-downhill-running/", P + "progressive-running/"),
    "how long": P,
    "can I race": P + "return-to-sport/",
    "night pain": P + "warning-signs/",
    "pins and needles": P + "warning-signs/",
    "knee gives way": P + "warning-signs/",
    "stress fracture": P + "warning-signs/",
    "noble test": P + "assessments/",
    "hop test": (P + "assessments/", P + "progressive-running/"),
    "pain log": P + "log/",
    "clamshell": "drills/clamshell/",
    "foam roller": "drills/foam-roll-lateral-thigh/",
    "cadence": "drills/cadence-drill/",
    "what's new": P + "changes/",
    "rest day": P,
}


def first_pages(page, question: str, count: int = 3) -> list[str]:
    """The paths of the first ``count`` pages the search lists for ``question`` (sections of a page count once)."""
    box = page.locator(".md-search__input")
    box.fill("")
    # the results of the question before are gone before this one is typed, so they are never read for it
    page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.match(/\\d|No match/i)",
                           timeout=10000)
    box.type(question)
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.match(/\\d|No match/i)",
                           timeout=10000)
    read = "links => links.map(link => link.href).join(' ')"
    links, settled = None, page.eval_on_selector_all(".md-search-result__item > a", read)
    while links != settled:  # the list no longer changes (the worker answers each letter typed)
        page.wait_for_timeout(250)
        links, settled = settled, page.eval_on_selector_all(".md-search-result__item > a", read)
    links = links.split()
    paths = []
    for link in links:
        path = urlsplit(link).path.lstrip("/")
        if path not in paths:
            paths.append(path)
    return paths[:count]


@pytest.fixture(scope="module")
def search(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    page.wait_for_function("!/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=15000)
    page.click(".md-search__input")
    yield page
    context.close()


def test_there_are_enough_questions():
    assert len(QUESTIONS) >= 30


@pytest.mark.parametrize("question, answer", [
    pytest.param(question, *answer.values, marks=answer.marks) if hasattr(answer, "marks") else (question, answer)
    for question, answer in sorted(QUESTIONS.items())])
def test_a_runners_question_finds_its_page_in_the_top_three(search, question, answer):
    found = first_pages(search, question)
    assert any(page in found for page in ((answer,) if isinstance(answer, str) else answer)), found


def test_results_are_not_cluttered_by_tag_pills(search):
    first_pages(search, "knee pain")
    pills = search.locator(".md-search-result .md-tag")
    assert all(not pills.nth(i).is_visible() for i in range(pills.count()))
