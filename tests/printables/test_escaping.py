"""Nothing from the YAML reaches a page as markup; the content's simple Markdown does; nothing is fetched."""

from __future__ import annotations

import re

import pytest

from generator.printables import Person, checklist_html
from generator.printables.text import blocks, inline

HOSTILE = 'Clam <script>alert(1)</script> & "shell"'


def test_yaml_values_are_escaped_in_the_checklist_page(made_up, printer):
    # (the check refuses HTML in long texts such as criteria; names and the athlete's name may hold anything)
    phase = made_up(2, names={1: HOSTILE}, criterion="Pain **at most** 2/10 & 3 < 4 > 2.").protocols[0].phases[0]
    html = checklist_html(phase, "a4", Person("<b>Sam</b>"), printer=printer)
    assert "<script>" not in html and "<b>Sam" not in html
    assert "Clam &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;shell&#34;" in html
    assert "&lt;b&gt;Sam&lt;/b&gt;" in html
    assert "Pain <strong>at most</strong> 2/10 &amp; 3 &lt; 4 &gt; 2." in html


def test_a_checklist_page_stands_alone_with_its_styles_inline(made_up, printer):
    html = checklist_html(made_up(2).protocols[0].phases[0], "letter", printer=printer)
    assert "<style>" in html and "@page { size: letter;" in html
    assert "<link" not in html and "@import" not in html
    assert re.findall(r"url\(\W*([^\s:)]*)", html) == ["data"] * html.count("url(")  # drawings inline, nothing to load


@pytest.mark.parametrize("text, expected", [
    ("**bold** and *italic* and _this_", "<strong>bold</strong> and <em>italic</em> and <em>this</em>"),
    ("see [the guide](https://example.org/a?b=1&c=2)", 'see <a href="https://example.org/a?b=1&amp;c=2">the guide</a>'),
    ("[click](javascript:alert(1))", "click"),
    ("![x](https://example.org/tracker.png)", "x"),
    ("<b>not bold</b>", "&lt;b&gt;not bold&lt;/b&gt;"),
    (r"3 \* 4 and snake_case_name", "3 * 4 and snake_case_name"),
    ("two\nlines", "two lines"),
])
def test_inline_markdown(text, expected):
    assert inline(text) == expected


def test_blocks_make_paragraphs_and_lists():
    assert blocks("First *para*.\n\n- one\n- two\n\nLast.") == (
        "<p>First <em>para</em>.</p><ul><li>one</li><li>two</li></ul><p>Last.</p>")


def test_pages_fetch_nothing(printer, caplog):
    printer.render('<img src="https://example.org/x.png"><link rel=stylesheet href="http://example.org/a.css">')
    refused = [r.getMessage() for r in caplog.records if "disallowed protocol" in r.getMessage()]
    assert len(refused) == 2
