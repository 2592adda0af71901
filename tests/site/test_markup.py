"""Escaping: YAML values reach the pages as text, long texts keep only a safe Markdown subset."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest

from generator.site.markup import anchor, inline, markdown as safe_markdown, plain, title, url

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.escapeall", "pymdownx.tasklist"]


def event_handlers(rendered: str) -> list[str]:
    """The on* attributes of any element in ``rendered`` (text that merely reads 'onclick=' does not count)."""
    found: list[str] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend(name for name, _ in attrs if name.startswith("on"))

    Parser().feed(rendered)
    return found


def html(text) -> str:
    return markdown.markdown(str(text), extensions=EXTENSIONS)


@pytest.mark.parametrize("value", [
    "Clam <script>alert(1)</script> shell",
    "<img src=x onerror=alert(2)>",
    "*bold* _it_ `code` [x](javascript:alert(1)) {: onclick=\"x\"} | pipe # hash ~~del~~ ==mark==",
    "1. not a list", "- not a list", "+ not a list",
])
def test_plain_text_reads_exactly_as_written(value):
    rendered = html(plain(value))
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
    assert "<em>" not in rendered and "<code>" not in rendered and "<li>" not in rendered
    assert not event_handlers(rendered)


@pytest.mark.parametrize("value, forbidden", [
    ("see [guide](javascript:alert(3))", 'href="javascript'),
    ("[a](data:text/html,x)", 'href="data'),
    ("[a]: javascript:alert(1)\n\n[a]", 'href="javascript'),
    ("![pixel](https://tracker.example/p.png)", "<img"),
    ("text\n{: onclick=\"alert(1)\" }", "<p onclick"),
    ("<b onmouseover=alert(1)>x</b>", "<b "),
])
def test_long_text_cannot_carry_html_scripts_or_remote_images(value, forbidden):
    assert forbidden not in html(safe_markdown(value))


def test_long_text_keeps_emphasis_lists_and_web_links():
    rendered = html(safe_markdown("Some **bold** and *italic*.\n\n- one\n- two\n\n[site](https://example.org/a)"))
    assert "<strong>bold</strong>" in rendered and "<em>italic</em>" in rendered and "<li>one</li>" in rendered
    assert '<a href="https://example.org/a">site</a>' in rendered


def test_inline_text_stays_in_its_table_cell():
    cell = inline("x | y\nz")
    table = f"| a | b |\n| --- | --- |\n| {cell} | {plain('p|q')} |"
    rendered = html(table)
    assert rendered.count("<td>") == 2 and "x | y z" in rendered


def test_titles_are_html_escaped_for_the_theme():
    assert title('Clam </title><script>x</script> "q"') == "Clam &lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &quot;q&quot;"


def test_anchors_and_urls_are_checked():
    assert anchor("side-plank") == "side-plank"
    with pytest.raises(ValueError):
        anchor("x) [evil](javascript:1")
    assert url("https://example.org/a b)") == "https://example.org/a%20b%29"
    with pytest.raises(ValueError):
        url("javascript:alert(1)")
