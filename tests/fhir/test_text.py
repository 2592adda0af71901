"""Each text of the Bundle in the form its FHIR type takes: ``markdown`` elements keep bold, italic, lists and web
links, with handbook links made absolute (or reduced to their words without an address); ``string`` elements are
plain words, with no emphasis marks and no link syntax."""

from __future__ import annotations

import re

import pytest

from generator.export.fhir import Export, bundle
from generator.export.fhir_text import markdown, plain
from generator.site.links import site_pages

from .conftest import ADDRESS, PUBLISHER
from .test_validation import walk

SAMPLE = ("Swelling: **None** means both knees look the same; see [Silbernagel et al., 2007](reference:silbernagel-2007)"
          " and [the guide](https://example.org/a_(b)).\n\n- one *slow* rep\n- 3 < 4 & [x]")
#: the R4 elements of type markdown in the resources the Bundle holds (all other texts are strings).
MARKDOWN = {("PlanDefinition", "description"), ("ActivityDefinition", "description"), ("Library", "description"),
            ("PlanDefinition", "citation"), ("ActivityDefinition", "citation")}
HANDBOOK_LINK = re.compile(r"\]\((?:drill|phase|warning-sign|assessment|reference):")


def test_plain_text_keeps_the_words_and_web_addresses_only():
    assert plain(SAMPLE) == ("Swelling: None means both knees look the same; see Silbernagel et al., 2007 and the guide "
                             "(https://example.org/a_(b)).\n\n- one slow rep\n- 3 < 4 & [x]")


def test_markdown_keeps_emphasis_and_web_links_and_escapes_the_words():
    assert markdown(SAMPLE) == (
        "Swelling: **None** means both knees look the same; see Silbernagel et al., 2007 and "
        "[the guide](https://example.org/a_%28b%29).\n\n- one *slow* rep\n- 3 \\< 4 \\& \\[x\\]")


def test_markdown_makes_handbook_links_absolute_with_an_address(fixture_handbook):
    protocol = fixture_handbook.protocols[0]
    text = "Do the [side plank](drill:side-plank) instead."
    with_address = Export(protocol, ADDRESS, pages=site_pages(fixture_handbook)).markdown(text)
    assert with_address == f"Do the [side plank]({ADDRESS}drills/side-plank/) instead."
    assert Export(protocol, None, pages=site_pages(fixture_handbook)).markdown(text) == "Do the side plank instead."
    unknown = "Do the [lunge](drill:lunge) instead."
    assert Export(protocol, ADDRESS, pages=site_pages(fixture_handbook)).markdown(unknown) == "Do the lunge instead."


def texts(data: dict):
    """(resource type, element name, text) of every text of the Bundle's resources."""
    for entry in data["entry"]:
        resource = entry["resource"]
        for key, value in walk(resource):
            if isinstance(value, str):
                yield resource["resourceType"], key, value


@pytest.mark.parametrize("address", [ADDRESS, None], ids=["address", "no-address"])
def test_no_handbook_link_and_no_markup_in_string_elements(real_protocol, address):
    data = bundle(real_protocol, address, publisher=PUBLISHER)
    found = list(texts(data))
    assert not [text for _, _, text in found if HANDBOOK_LINK.search(text)]
    strings = [(kind, key, text) for kind, key, text in found
               if (kind, key) not in MARKDOWN and key not in ("expression", "valueString", "data")]
    assert not [text for _, _, text in strings if "**" in text or "](" in text]
    # the two texts the issue named: an evidence note citing a reference, and a measure's categories in bold
    evidence = [v["text"] for k, v in walk(data) if k == "valueCodeableConcept" and "Silbernagel" in v.get("text", "")]
    assert evidence and all("Silbernagel et al., 2007" in text and "reference:" not in text for text in evidence)
    swelling = next(e["resource"] for e in data["entry"] if e["resource"]["id"] == "itbs-runners.knee-swelling")
    assert swelling["method"]["text"].startswith("Look at and feel both knees")
    assert "None: both look the same." in swelling["method"]["text"]
