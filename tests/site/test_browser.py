"""The real site in Debian's Chromium: search, phase pages, phone width, accessibility (axe-core)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = {"home": "", "phase": "itbs-runners/return-to-running/", "drill": "drills/clamshell/",
         "signs": "itbs-runners/warning-signs/", "fields": "clinicians/fields/", "library": "drills/",
         "category": "drills/category/strength/"}


def open_page(page, url: str):
    page.goto(url, wait_until="load")
    return page


def wait_for_search(page):
    """Material's search worker loads the index after the page: typing earlier loses the query."""
    page.wait_for_function("document.querySelector('.md-search-result__meta') &&"
                           " !/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=15000)


@pytest.mark.parametrize("query", ["clam shell", "glute med"])
def test_searching_an_alias_finds_the_drill(page, site_url, query):
    open_page(page, site_url)
    wait_for_search(page)
    page.click(".md-search__input")
    page.keyboard.type(query)
    result = page.locator('.md-search-result__item > a[href*="drills/clamshell/"]').first
    result.wait_for(timeout=10000)
    result.click()
    page.wait_for_url("**/drills/clamshell*/**")
    assert page.locator("h1").inner_text().startswith("Clamshell")
    assert not page.problems


def test_the_drill_library_filters_by_category_and_name_and_links_to_the_drills(page, site_url):
    open_page(page, site_url + PAGES["library"])
    library = page.get_by_role("form", name="Filter the drills")
    library.get_by_label("Category").select_option(label="Strength")
    results = page.locator(".hb-library__list a")
    assert results.count() >= 2
    assert all("Strength" in about for about in page.locator(".hb-library__about").all_inner_texts())
    assert "Strength" not in page.locator(".hb-library__count").inner_text()
    library.get_by_label("Name").fill("clam shell")
    assert results.count() >= 1 and all("lam" in name for name in results.all_inner_texts())
    assert "category=strength" in page.url
    results.first.click()
    page.wait_for_url("**/drills/clamshell*/**")
    assert page.locator("h1").inner_text().startswith("Clamshell")
    page.go_back()
    assert page.locator(".hb-library__list a").count() == results.count() >= 1
    assert not page.problems


def test_a_phase_page_shows_its_criteria_and_warning_signs(page, site_url):
    open_page(page, site_url + PAGES["phase"])
    criteria = page.locator(".hb-check")
    assert criteria.count() >= 1 and criteria.first.is_visible()
    assert any(sign in criteria.all_inner_texts()[0] for sign in "≤≥<>:")
    criteria.first.locator("label").click()
    assert criteria.first.locator("input").is_checked()
    assert page.locator(".admonition.danger").first.is_visible()
    assert "Stop and contact your clinician" in page.locator(".admonition.danger").first.inner_text()
    assert page.locator("table").filter(has_text="Run–walk").count() == 1
    assert not page.problems


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_console_errors_and_no_horizontal_scroll_on_a_phone(browser, site_url, name):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(site_url + PAGES[name], wait_until="load")
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert widths[0] <= widths[1], f"page is {widths[0]} px wide on a {widths[1]} px screen"
    assert not problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["home", "phase", "drill", "library", "category"])
def test_axe_finds_no_serious_or_critical_violations(browser, site_url, axe, name, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + PAGES[name], wait_until="load")
    violations = axe(page)
    context.close()
    assert not violations, "\n".join(violations)
