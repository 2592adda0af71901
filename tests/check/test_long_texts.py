"""Long texts: one reader decides what is allowed; the site and paper render only what it allowed."""

from __future__ import annotations

import markdown as python_markdown
import pytest

from generator.content import prose
from generator.printables import text as paper
from generator.site.markup import inline, markdown
from tests.site.test_markup import event_handlers

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.escapeall", "pymdownx.details",
              "pymdownx.superfences", "pymdownx.tabbed"]


def site_html(value, resolve=lambda target: None) -> str:
    return python_markdown.markdown(str(markdown(value, resolve)), extensions=EXTENSIONS)


@pytest.mark.parametrize("address", [
    "https://example.org/a", "http://example.org", "mailto:clinic@example.org", "drill:side-plank",
    "phase:load", "warning-sign:pain-high", "assessment:step-down-test", "reference:fredericson-2000",
])
def test_allowed_addresses(address):
    assert prose.link_target(address) is not None


@pytest.mark.parametrize("address", [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "vbscript:x", "data:text/html,<b>x</b>", "file:///etc/passwd", "//evil.example/x", "https:/no-host",
    "../pain.md", "pain.md", "#anchor", "/absolute/page/", "mailto:", "https://exa mple.org", "drill:Side_Plank",
    "drills:clamshell", "ftp://example.org/x",
])
def test_refused_addresses(address):
    assert prose.link_target(address) is None


HOSTILE = [
    "[v]: javascript:alert(1)\n\nWatch [the video][v]",
    "- item\n- [v]: javascript:alert(1)\n\nWatch [the video][v]",
    "see [guide](javascript:alert(3)) and <javascript:alert(4)>",
    "![pixel](https://tracker.example/p.png)",
    "<img src=x onerror=alert(2)>",
    "<b onmouseover=alert(1)>x</b>",
    "text\n{: onclick=\"alert(1)\" }",
    "# Heading\n\n!!! danger\n    boxed\n\n=== \"Tab\"\n    tabbed",
    "    code block <script>alert(1)</script>",
    "```\n<script>alert(1)</script>\n```",
    "| a | b |\n|---|---|\n| <i>1</i> | 2 |",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_what_the_reader_refuses_reaches_no_page_as_markup(value):
    assert prose.read(value).objections, "the checker must report it"
    for rendered in (site_html(value), str(paper.blocks(value)), str(paper.inline(value))):
        lowered = rendered.lower()
        for forbidden in ('href="javascript', 'href="data', "<img", "<script", "<b ", "<h1", "<table",
                          'class="admonition', "<pre", "<i>"):
            assert forbidden not in lowered, (forbidden, rendered)
        assert not event_handlers(rendered), rendered


def test_allowed_markdown_renders_on_the_site_and_on_paper():
    value = "Some **bold** and *italic*.\n\n- one\n- two [site](https://example.org/a)\n\n1. first\n2. second"
    assert prose.read(value).objections == []
    rendered = site_html(value)
    assert "<strong>bold</strong>" in rendered and "<em>italic</em>" in rendered
    assert "<li>one</li>" in rendered and '<a href="https://example.org/a">site</a>' in rendered
    assert "<ol>" in rendered
    printed = str(paper.blocks(value))
    assert "<strong>bold</strong>" in printed and "<ol><li>first</li>" in printed
    assert '<a href="https://example.org/a">site</a>' in printed


def test_text_that_looks_like_markup_reads_as_written():
    value = "Hold 3 × 30 s (2:1 ratio) #2 | easy_pace_ 1. not a list *not closed"
    rendered = site_html(value)
    assert "Hold 3 × 30 s (2:1 ratio) #2 | easy_pace_ 1. not a list *not closed" in rendered


def test_handbook_links_become_page_addresses_and_unknown_ones_plain_text():
    resolve = {"clamshell": "../drills/clamshell/"}.get
    rendered = site_html("Do the [clamshell](drill:clamshell), not the [other](drill:other).",
                         lambda target: resolve(target.id))
    assert '<a href="../drills/clamshell/">clamshell</a>' in rendered and ">other<" not in rendered
    assert "not the other." in rendered
    assert str(paper.inline("the [clamshell](drill:clamshell)")) == "the clamshell"


def test_inline_joins_paragraphs_and_items_on_one_line():
    assert str(inline("First.\n\n- one\n- two")) == "First. one two"
    assert "\n" not in str(paper.inline("First.\n\n- one\n- two"))


def test_one_objection_per_mistake():
    objections = prose.read("Watch [the video][v]\n\n[v]: javascript:alert(1)").objections
    assert [o.code for o in objections] == ["E110"]
    assert len(prose.read("<b>bold</b> text").objections) == 1


@pytest.mark.parametrize("text", [
    "Pain at most 2/10 ([thomee-1997](reference:thomee-1997)).",
    "Pain at most 2/10, as [the thomee-1997 study](https://doi.org/10.1093/ptj/77.12.1690) found.",
    "Pain at most 2/10 while walking ([Thomeé, 1997](reference:thomee-1997)).",
])
def test_a_reference_id_a_link_holds_is_not_a_bare_citation(project, text):
    project.edit("protocols/mini.yaml", "text: Pain at most 2/10 while walking.", f"text: \"{text}\"")
    assert [p.code for p in project.problems()] == []
