"""The runner words in the search index: each on the entry of the page or section it names, not on the others."""

from __future__ import annotations

from generator.site.search_index import SECTION_BOOST, placed_tags


def entries():
    every = ["strap", "night"]  # what Material gives every entry of the page: all its tags
    return [{"location": "p/signs/", "tags": every}, {"location": "p/signs/#night-pain", "tags": every},
            {"location": "p/signs/#swelling", "tags": every}, {"location": "p/other/", "tags": ["kept"]}]


def test_section_words_go_to_their_section_only_and_page_words_to_the_page_only():
    index = entries()
    placed_tags(index, "p/signs/", ["signs"], {"night-pain": ["wakes me up"]}, page_boost=2)
    assert index[0]["tags"] == ["signs"] and "boost" not in index[0]
    assert index[1] == {"location": "p/signs/#night-pain", "tags": ["wakes me up"], "boost": 2 * SECTION_BOOST}
    assert index[2] == {"location": "p/signs/#swelling"}
    assert index[3]["tags"] == ["kept"]


def test_a_page_without_words_of_its_own_loses_the_copied_tags_and_odd_values_are_left_out():
    index = entries()
    placed_tags(index, "p/signs/", None, {"swelling": ["hot", None, {"x": 1}]})
    assert "tags" not in index[0] and index[2]["tags"] == ["hot"]
