"""Escaping for Markdown output: every YAML value is shown as text unless a template asks for Markdown.

Three ways a value reaches a page, each safe by itself:

* :func:`plain` (the Jinja ``finalize`` hook, so no template can forget it):
  HTML-escapes ``& < > " '`` and backslash-escapes Markdown syntax, so the
  value reads exactly as written.
* :func:`markdown` (``| md``) for long-text fields: HTML is escaped, links
  only to http(s) and mailto, no images, attribute lists or link definitions;
  bold, italic, lists and links stay.
* :func:`title` for page titles, which the theme prints into ``<title>`` and
  the navigation without escaping: HTML-escaped only.

Markup (from markupsafe) marks text that is already safe Markdown.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from markupsafe import Markup

#: Markdown characters (Python-Markdown and the pymdownx inline extensions) escaped in plain text.
_SYNTAX = re.compile(r"([\\`*_{}\[\]|~^=!#:])")
_LIST_ITEM = re.compile(r"^(\d+[.)]|[-+](?=\s))")
_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_LINK_TARGET = re.compile(r"\]\(\s*<?\s*([^)\s>]*)")
_LINK_DEFINITION = re.compile(r"^(\s{0,3})\[(?=[^\]]*\]:)", re.MULTILINE)
_IMAGE = re.compile(r"!\[")
_ATTRIBUTES = re.compile(r"([{}])")


def _html(value) -> str:
    return html.escape(str(value), quote=True)


def plain(value) -> Markup:
    """``value`` as literal text in Markdown; Markup passes through, None gives nothing."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    if isinstance(value, bool):
        return Markup("yes" if value else "no")
    text = " ".join(str(value).split())
    escaped = _SYNTAX.sub(r"\\\1", _html(text))
    return Markup(_LIST_ITEM.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], escaped))


def _neutralise_link(match: re.Match) -> str:
    target = match.group(1)
    if target.startswith(_SAFE_SCHEMES):
        return match.group(0)
    return "]\\(" + match.group(0)[2:]


def markdown(value) -> Markup:
    """Long text with a safe Markdown subset: emphasis, lists and web links; never HTML."""
    if isinstance(value, Markup):
        return value
    text = html.escape(str(value), quote=False)
    text = _ATTRIBUTES.sub(r"\\\1", text)
    text = _IMAGE.sub(r"\\![", text)
    text = _LINK_DEFINITION.sub(r"\1\\[", text)
    return Markup(_LINK_TARGET.sub(_neutralise_link, text))


def inline(value) -> Markup:
    """Safe Markdown on one line, for table cells and list items: line breaks become spaces, pipes are escaped."""
    text = markdown(value) if not isinstance(value, Markup) else value
    return Markup(re.sub(r"(?<!\\)\|", r"\\|", " ".join(str(text).split())))


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
    return _html(" ".join(str(value).split()))
