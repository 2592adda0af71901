"""Escaping for Markdown output: every YAML value is shown as text unless a template asks for Markdown.

Three ways a value reaches a page, each safe by itself:

* :func:`plain` (the Jinja ``finalize`` hook, so no template can forget it):
  HTML-escapes ``& < > " '`` and backslash-escapes Markdown syntax, so the
  value reads exactly as written.
* :func:`markdown` (``| md``, ``| inline``) for long-text fields: the text is
  read by :mod:`generator.content.prose` and written out again from what it found
  (paragraphs, lists, bold, italic, links that pass the allowlist), every
  piece of text escaped as in :func:`plain`; nothing else survives.
* :func:`title` for page titles, which the theme prints into ``<title>`` and
  the navigation without escaping: HTML-escaped only.

Markup (from markupsafe) marks text that is already safe Markdown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import quote

from markupsafe import Markup

from ..content import prose
from ..content.prose import Block, Run, Target

#: Markdown characters (Python-Markdown and the pymdownx inline extensions) escaped in plain text.
_SYNTAX = re.compile(r"([\\`*_{}\[\]|~^=!#:])")
_LIST_ITEM = re.compile(r"^(\d+[.)]|[-+](?=\s))")
_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
#: a range or tempo such as 10-15 or 3-1-1 (not a date, 2026-11-25, kept as written for search and copying),
#: and a number before its percent sign: neither is to be split across lines.
_RANGE = re.compile(r"(?<![\w-])(?!\d{4}-\d\d-\d\d\b)\d+(?:-\d+)+\b")
_PERCENT = re.compile(r"(?<=\d) (?=%)")
#: the spaces a text's words are joined with again; no-break spaces stay, so units keep to their numbers.
_SPACES = re.compile(r"[ \t\r\n]+")


def together(text: str) -> str:
    """``text`` with its ranges joined by no-break hyphens and each percentage kept to its number, so that a
    phone never shows '20-' on one line and '30 s' on the next."""
    return _PERCENT.sub("\u00a0", _RANGE.sub(lambda found: found[0].replace("-", "\u2011"), text))


def _html(value) -> str:
    """``& < >`` escaped: the text of Markdown, where quotes need no escaping (and escaped ones would show
    twice in the table of contents, which escapes heading text again)."""
    return html.escape(str(value), quote=False)


def _list_marker_escaped(text: str) -> str:
    """``text`` with a leading '1.' or '- ' escaped, so that it cannot start a list."""
    return _LIST_ITEM.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


def plain(value) -> Markup:
    """``value`` as literal text in Markdown; Markup passes through, None gives nothing."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    if isinstance(value, bool):
        return Markup("yes" if value else "no")
    text = _SPACES.sub(" ", str(value)).strip()
    text = text if _ID.fullmatch(text) else together(text)  # an id (in an address or attribute) stays as written
    return Markup(_list_marker_escaped(_SYNTAX.sub(r"\\\1", _html(text))))


def _web_address(address: str) -> str:
    return quote(address, safe=":/?#@!$&'*+,;=%~-._")


def _runs(runs: list[Run], resolve) -> str:
    parts = []
    for run in runs:
        inner = _runs(run.runs, resolve)
        if run.kind == "strong":
            parts.append(f"**{inner}**")
        elif run.kind == "emphasis":
            parts.append(f"*{inner}*")
        elif run.kind == "link":
            target = run.target and (_web_address(run.target.address) if run.target.address else resolve(run.target))
            parts.append(f"[{inner}]({target})" if target else inner)
        else:
            parts.append(_SYNTAX.sub(r"\\\1", _html(together(_SPACES.sub(" ", run.text)))))
    return "".join(parts)


def _blocks(blocks: list[Block], resolve, indent: str = "") -> str:
    parts = []
    for block in blocks:
        if block.kind == "paragraph":
            parts.append(indent + _list_marker_escaped(_runs(block.runs, resolve).strip()))
            continue
        items = []
        for number, item in enumerate(block.items, 1):
            marker = f"{number}. " if block.ordered else "- "
            body = _blocks(item, resolve, indent + "    ").lstrip() or plain("")
            items.append(f"{indent}{marker}{body}")
        if parts and parts[-1].lstrip().startswith(("- ", "1. ")):
            parts.append(indent + "<!-- -->")  # two lists in a row stay two lists
        parts.append("\n".join(items))
    return "\n\n".join(parts)


def _no_pages(target: Target) -> None:
    return None


def markdown(value, resolve: Callable[[Target], str | None] = _no_pages) -> Markup:
    """Long text as safe Markdown: only paragraphs, lists, emphasis and allowed links; all text escaped.

    ``resolve`` gives the address of a handbook link (``drill:clamshell``); unknown ones become plain text.
    """
    if isinstance(value, Markup):
        return value
    return Markup(_blocks(prose.read(str(value)).blocks, resolve))


def inline(value, resolve: Callable[[Target], str | None] = _no_pages) -> Markup:
    """Long text on one line, for table cells and list items: paragraphs and list items joined by spaces."""
    if isinstance(value, Markup):
        return value

    def runs(blocks: list[Block]) -> list[str]:
        return [text for block in blocks for text in
                ([_runs(block.runs, resolve)] if block.kind == "paragraph" else
                 [" ".join(runs(item)) for item in block.items])]

    return Markup(_SPACES.sub(" ", " ".join(runs(prose.read(str(value)).blocks))).strip())


def anchor(value: str) -> Markup:
    """An id used as an anchor or in a path: checked kebab-case, so it needs no escaping."""
    if not _ID.match(value):
        raise ValueError(f"{value!r} is not a kebab-case id")
    return Markup(value)


def url(value: str) -> Markup:
    """A web address for a Markdown link target: only http(s), with characters that end a link percent-encoded."""
    if not value.startswith(("https://", "http://")):
        raise ValueError(f"{value!r} is not a web address")
    return Markup(quote(value, safe=":/?#@!$&'*+,;=%~-._"))


def title(value) -> str:
    """A page title for front matter: HTML-escaped, since the theme prints titles as they are."""
    return html.escape(" ".join(str(value).split()), quote=True)
