"""The content's simple Markdown (bold, italic, lists, links) as HTML for paper.

Everything is HTML-escaped first, so nothing from the YAML can add markup of
its own. Links keep their text and print their address after it (only web and
mail addresses; any other target is dropped). Images are never loaded.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

_LINK = re.compile(r"!?\[([^\]]*)\]\(\s*(?:&lt;)?((?:[^\s()]|\([^\s()]*\))*?)(?:&gt;)?\s*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~])")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _link(match: re.Match) -> str:
    text, target = match.group(1), match.group(2)
    if match.group(0).startswith("!") or not target.startswith(_SAFE_SCHEMES):
        return text
    return f'<a href="{target}">{text}</a>'


def _inline(text: str) -> str:
    """One escaped line with emphasis and links as HTML."""
    escapes: list[str] = []

    def keep(match: re.Match) -> str:
        escapes.append(match.group(1))
        return f"\x00{len(escapes) - 1}\x00"

    text = _ESCAPED.sub(keep, html.escape(text, quote=True))
    text = _LINK.sub(_link, text)
    text = _STRONG.sub(r"<strong>\2</strong>", text)
    text = _EMPHASIS.sub(r"<em>\2</em>", text)
    return re.sub("\x00(\\d+)\x00", lambda m: escapes[int(m.group(1))], text)


def inline(value) -> Markup:
    """Short text on one line: line breaks become spaces."""
    return Markup(_inline(" ".join(str(value).split())))


def blocks(value) -> Markup:
    """Longer text: paragraphs and bulleted lists."""
    parts = []
    for block in re.split(r"\n\s*\n", str(value).strip()):
        lines = [line for line in block.splitlines() if line.strip()]
        if lines and all(_ITEM.match(line) for line in lines):
            items = "".join(f"<li>{inline(_ITEM.sub('', line))}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
        elif lines:
            parts.append(f"<p>{inline(block)}</p>")
    return Markup("".join(parts))
