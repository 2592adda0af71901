"""The content's long texts (bold, italic, lists, links) as HTML for paper.

Texts are read by :mod:`generator.content.prose`, the same reader the checker and the
site use, and written out again with every piece of text HTML-escaped. Links to
web and mail addresses keep their address (the print stylesheet shows it after
the text); links to handbook pages and anything else keep only their text.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

from ..content import prose
from ..content.prose import Block, Run

_TAGS = {"strong": "strong", "emphasis": "em"}


def _runs(runs: list[Run]) -> str:
    parts = []
    for run in runs:
        inner = _runs(run.runs)
        if run.kind in _TAGS:
            parts.append(f"<{_TAGS[run.kind]}>{inner}</{_TAGS[run.kind]}>")
        elif run.kind == "link" and run.target and run.target.address:
            parts.append(f'<a href="{escape(run.target.address)}">{inner}</a>')
        else:
            parts.append(inner if run.kind == "link" else str(escape(run.text)))
    return "".join(parts)


def _flat(blocks: list[Block]) -> list[str]:
    """Each paragraph and list item of ``blocks`` as one line of HTML."""
    return [line for block in blocks for line in
            ([_runs(block.runs)] if block.kind == "paragraph" else [" ".join(_flat(item)) for item in block.items])]


def inline(value) -> Markup:
    """Short text on one line: paragraphs and list items run on, separated by spaces."""
    return Markup(_inline(str(value)))


def blocks(value) -> Markup:
    """Longer text: paragraphs and (numbered) lists."""
    return Markup(_blocks(str(value)))


# A build renders each text several times (the documents, and the keys its cache finds them by).
@lru_cache(maxsize=8192)
def _inline(text: str) -> str:
    return " ".join(" ".join(_flat(prose.read(text).blocks)).split())


@lru_cache(maxsize=8192)
def _blocks(text: str) -> str:
    parts = []
    for block in prose.read(text).blocks:
        if block.kind == "paragraph":
            parts.append(f"<p>{_runs(block.runs)}</p>")
        else:
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{' '.join(_flat(item))}</li>" for item in block.items)
            parts.append(f"<{tag}>{items}</{tag}>")
    return "".join(parts)
