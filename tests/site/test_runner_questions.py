"""Runners' own questions, typed into the real site's search on a phone: each finds a page that answers it among
the first three pages listed. The questions are written as runners type them (informal words, whole sentences,
questions about the handbook's own words); the pages come from the content, the glossary and the words runners
search with (protocols/itbs-runners.yaml, search_words)."""

from __future__ import annotations

import pytest

from .test_search_questions import first_pages

pytestmark = pytest.mark.browser

P = "itbs-runners/"
D = "drills/"
GLOSSARY = P + "glossary/"
SIGNS = P + "warning-signs/"
#: question -> the pages that answer it (any one of them among the first three is a pass).
QUESTIONS = {
    "is it ok to go on the exercise bike": (D + "stationary-cycling/", P + "load-and-condition/"),
    "can I swim or run in the pool instead": (D + "aqua-running/",),
    "should I wear an IT band strap": (GLOSSARY,),
    "does kinesiology tape help my knee": (GLOSSARY,),
    "knee brace for running": (GLOSSARY,),
    "how slow should I do the reps": (GLOSSARY,),
    "what does 3 x 15 mean": (GLOSSARY,),
    "do I do both legs or just the sore one": (GLOSSARY,),
    "how long do I hold the side plank": (D + "side-plank/", GLOSSARY),
    "how many times a week should I do clams": (D + "clamshell/",),
    "clamshell with a resistance band": (D + "clamshell-band/",),
    "band walks sideways": (D + "monster-walk/",),
    "jumping exercises": (D + "low-level-plyometrics/", D + "lateral-hops/"),
    "standing on one foot for balance": (D + "single-leg-balance/", D + "single-leg-balance-reach/"),
    "how do I foam roll my IT band": (D + "foam-roll-lateral-thigh/",),
    "IT band stretch": (D + "tfl-gentle-mobility/",),
    "running down hills": (D + "controlled-downhill-running/",),
    "how fast is a tempo run": (D + "tempo-run/", GLOSSARY),
    "how hard should an easy run feel": (GLOSSARY, D + "easy-run-soft-surface/"),
    "what does my pain number mean": (GLOSSARY,),
    "is 4 out of 10 pain ok": (GLOSSARY, SIGNS),
    "my knee puffed up and feels hot": (SIGNS,),
    "knee buckles when I walk": (SIGNS,),
    "it wakes me up at night": (SIGNS,),
    "my foot is tingling": (SIGNS,),
    "the bone hurts when I press on it": (SIGNS,),
    "the pain has moved somewhere else": (SIGNS,),
    "how much can I add to my weekly mileage": (SIGNS, P + "progressive-running/"),
    "sore muscles the day after the exercises": (SIGNS,),
    "should I stop running completely": (GLOSSARY, P + "assess-and-settle/"),
    "when am I ready to leave phase 3": (P + "strength-and-control/",),
    "what do I need to finish phase 1": (P + "assess-and-settle/",),
    "how do I know when to move up a phase": (GLOSSARY,),
    "steps per minute": (GLOSSARY, D + "cadence-drill/"),
    "running with a metronome": (D + "cadence-drill/",),
    "how strong should my bad leg be compared to the good one": (GLOSSARY, P + "assessments/"),
    "what does LSI mean": (GLOSSARY,),
    "red amber green what do the colours mean": (GLOSSARY, SIGNS),
    "core exercises": (D + "dead-bug/", D + "tva-bracing/", D + "side-plank/"),
    "one leg squat": (D + "single-leg-squat/",),
    "cross trainer at the gym": (D + "elliptical/",),
    "can I do sprints yet": (D + "sprint-starts/", P + "return-to-sport/"),
    "warm up before a run": (D + "glute-activation-warm-up/", D + "dynamic-hip-openers/"),
    "where do I write down my pain": (P + "log/",),
    "how long until I can race again": (P + "return-to-sport/",),
    "test where they press on the side of the knee": (P + "assessments/",),
    "butt exercises": (D + "glute-bridge/",),
    "turbo trainer": (D + "stationary-cycling/",),
    "KT tape on my knee": (GLOSSARY,),
    "is a spin class ok": (D + "stationary-cycling/", P + "load-and-condition/"),
    "pistol squats": (D + "single-leg-squat/",),
    "DOMS after strength work": (SIGNS,),
    "my legs ache a day after the workout": (SIGNS,),
    "what is a rest day for": (P,),
    "can I take a day off": (P,),
    "how do I log my knee pain": (P + "log/",),
    "keep track of my runs": (P + "log/",),
    "what does relative rest mean": (GLOSSARY,),
    "what is cadence": (GLOSSARY, D + "cadence-drill/"),
    "dead bug exercise": (D + "dead-bug/",),
    "ab workout": (D + "dead-bug/", D + "tva-bracing/", D + "side-plank/"),
    "hip hike": (D + "standing-hip-hike/",),
    "my knee locks": (SIGNS,),
    "numb toes after running": (SIGNS,),
    "phase 2 checklist": (P + "load-and-condition/", GLOSSARY),
}


@pytest.fixture(scope="module")
def search(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    page.wait_for_function("!/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=15000)
    page.locator("label.md-header__button[for=__search]").click()
    yield page
    context.close()


def test_there_are_at_least_fifty_questions():
    assert len(QUESTIONS) >= 50


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_a_runners_question_finds_a_page_that_answers_it_in_the_top_three(search, question):
    found = first_pages(search, question)
    assert any(page in found for page in QUESTIONS[question]), found
