"""Long texts in the two forms FHIR R4 gives text elements: ``markdown`` and plain ``string``.

Both are written from what :mod:`generator.content.prose` reads in the text, never from the text itself. ``markdown``
keeps bold, italic, lists and web links, escapes every piece of text, and turns a link to a handbook page
(``drill:clamshell``) into an absolute link when the page has an address, else into its words. ``plain`` keeps
only the words: no emphasis marks, a web link's address in brackets after its words, list items one a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..content import prose
from ..content.prose import Block, Run, Target

#: characters CommonMark may read as markup, escaped with a backslash in text.
_MARKUP = re.compile(r"([\\`*_\[\]<>#!|~&])")
#: a paragraph start CommonMark would read as a list item or a heading.
_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+=])")
_SPACES = re.compile(r"\s+")
#: characters that would end or confuse a link's address in Markdown, percent-encoded (the address is unchanged).
_IN_ADDRESS = str.maketrans({"(": "%28", ")": "%29", "<": "%3C", ">": "%3E", " ": "%20"})

Resolve = Callable[[Target], "str | None"]


def _nowhere(target: Target) -> None:
    return None


def escaped(text: str) -> str:
    """``text`` as literal words in Markdown."""
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}",
                            _MARKUP.sub(r"\\\1", _SPACES.sub(" ", text)))


def markdown(text: str, resolve: Resolve = _nowhere) -> str:
    """A long text for a FHIR ``markdown`` element; ``resolve`` gives a handbook page's absolute address."""
    return "\n\n".join(_blocks(prose.read(text).blocks, lambda runs: _markdown_runs(runs, resolve)))


def plain(text: str) -> str:
    """A long text for a FHIR ``string`` element: its words, with web addresses, and lists one item a line."""
    return "\n\n".join(_blocks(prose.read(text).blocks, _plain_runs))


def _blocks(blocks: list[Block], runs: Callable[[list[Run]], str]) -> list[str]:
    """Each paragraph, and each list with its items one a line (an item's paragraphs joined on its line)."""
    parts = []
    for block in blocks:
        if block.kind == "paragraph":
            parts.append(runs(block.runs).strip())
        else:
            parts.append("\n".join((f"{number}. " if block.ordered else "- ") + " ".join(_blocks(item, runs))
                                   for number, item in enumerate(block.items, 1)))
    return [part for part in parts if part]


def _markdown_runs(runs: list[Run], resolve: Resolve) -> str:
    parts = []
    for run in runs:
        inner = _markdown_runs(run.runs, resolve)
        if run.kind == "strong":
            parts.append(f"**{inner}**")
        elif run.kind == "emphasis":
            parts.append(f"*{inner}*")
        elif run.kind == "link":
            target = run.target
            address = target and (target.address if target.address else resolve(target))
            parts.append(f"[{inner}]({address.translate(_IN_ADDRESS)})" if address else inner)
        else:
            parts.append(escaped(run.text))
    return "".join(parts)


def _plain_runs(runs: list[Run]) -> str:
    parts = []
    for run in runs:
        inner = _plain_runs(run.runs)
        if run.kind == "link" and run.target and run.target.address and run.target.address != inner:
            shown = run.target.address.removeprefix("mailto:")
            parts.append(inner if shown == inner else f"{inner} ({shown})")
        else:
            parts.append(inner if run.runs else _SPACES.sub(" ", run.text))
    return "".join(parts)
