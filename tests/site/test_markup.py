"""Escaping: YAML values reach the pages as text, long texts keep only a safe Markdown subset."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from generator.site.markup import anchor, inline, markdown as safe_markdown, plain, title, together, url

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


def test_no_template_prints_a_text_whose_spaces_would_be_dropped():
    """Every ``{{ … }}`` of a page template passes through ``plain``, which trims what it prints (YAML values end
    in line breaks): a separator such as ``{{ ", " if not loop.last }}`` would lose its space. Write separators
    as template text instead: ``{% if not loop.last %}, {% endif %}``."""
    from jinja2 import nodes

    from generator.site.render import TEMPLATES, environment

    env = environment()
    found = []
    for path in sorted(TEMPLATES.glob("*.j2")):
        tree = env.parse(path.read_text(encoding="utf-8"))
        for output in tree.find_all(nodes.Output):
            printed = [node for node in output.nodes if not isinstance(node, nodes.TemplateData)]
            while printed:  # what is printed as it is: a text, or either text of an 'a if b else c'
                node = printed.pop()
                if isinstance(node, nodes.CondExpr):
                    printed += [branch for branch in (node.expr1, node.expr2) if branch is not None]
                elif isinstance(node, nodes.Const) and isinstance(node.value, str) and node.value != node.value.strip():
                    found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    assert found == []


TOGETHER = json.loads((Path(__file__).parents[1] / "vectors" / "together.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", TOGETHER["cases"], ids=[case["text"] for case in TOGETHER["cases"]])
def test_numbers_are_kept_together_on_a_line(case):
    """The same vectors as the site's scripts (tests/js/dom.test.mjs)."""
    assert together(case["text"]) == case["shown"]
    assert plain(case["text"]) == case["shown"]
