"""Long texts: the Markdown subset clinicians may write, read once for both checking and rendering.

Allowed: paragraphs, bulleted and numbered lists, **bold**, *italic* and links to
web pages (``https://``, ``http://``), e-mail (``mailto:``) or pages of the
handbook (``drill:clamshell``, ``phase:load``, ``warning-sign:…``,
``assessment:…``, ``reference:…``). Everything else (headings, quotations, code,
tables, images, HTML, link definitions, admonitions, attribute lists, lists inside lists) is an
:class:`Objection`; what it contained is kept as plain text, so a renderer that
is handed such a text anyway shows it as words, never as markup.

The text is parsed with markdown-it-py (CommonMark); renderers turn the
resulting :class:`Prose` into Markdown for the site and HTML for paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

WEB_SCHEMES = ("https", "http")
#: handbook link kinds -> the protocol section (or drills) their ids live in.
PAGE_KINDS = {"drill": "drills", "phase": "phases", "warning-sign": "warning_signs", "assessment": "assessments",
              "reference": "references"}
_PAGE = re.compile(r"^(" + "|".join(PAGE_KINDS) + r"):([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$")
_EXTENSION_SYNTAX = [
    (re.compile(r"^(!!!|\?\?\?\+?|===)\s"), "an admonition or tab ('!!!', '???', '===')",
     "write it as a normal sentence; boxes and tabs come from the page layout"),
    (re.compile(r"\{\s*[:#.]"), "an attribute list ('{: …}')", "remove the part in curly brackets"),
    (re.compile(r"\]\((?:drill|phase|warning-sign|assessment|reference):[^)\s]*\s[^)]*\)"),
     "a link whose address has a space (it would show as written)",
     "write the page's id, in lower case with words joined by '-', for example (drill:side-plank)"),
    (re.compile(r"(?<=\S)\s*[•▪●◦](?=\s+\S)"), "a bullet ('•') inside a text, likely two items pasted as one",
     "make each its own item: a new line starting with '- '"),
]
_BLOCKS = {
    "heading_open": ("a heading ('#' at the start of a line)", "remove the '#' marks; headings come from the page layout"),
    "lheading_open": ("a heading (a line underlined with '=' or '-')", "remove the underline"),
    "blockquote_open": ("a quotation ('>' at the start of a line)", "remove the '>'"),
    "code_block": ("a code block (a line indented by 4 spaces or more)",
                   "remove the extra indentation; in a list, indent continuation lines by 2 spaces"),
    "fence": ("a code block ('```')", "remove the ``` lines"),
    "hr": ("a horizontal line ('---', '***')", "remove the line"),
    "html_block": ("HTML", "write plain text instead"),
    "table_open": ("a table", "write the rows as a list"),
}
_NESTED_LIST = ("a list inside a list item (a '- ' or '1.' indented under the item above)",
                "if it is an item of its own, start it in the same column as the other items; otherwise write it into the "
                "text of the item above")
_INLINE = {
    "image": ("an image ('![…](…)')", "describe it in words or link to it with [text](https://…)"),
    "html_inline": ("HTML", "write plain text instead"),
    "code_inline": ("code in backticks", "remove the backticks"),
}


#: a '>' at the start of a line followed by a number ('>5/10 pain'): 'more than', not a quotation.
_MORE_THAN = re.compile(r"^(\s*(?:[-*+] |\d+[.)] )?)>(?=\s?\d)", re.MULTILINE)

#: one line of words with nothing Markdown reads as markup: no list or heading start, no character that marks,
#: escapes or links anything, no space at either end.
_PLAIN = re.compile(r"(?!\d+[.)])[^\W_][^\x00\n\r\\`*_\[\]<>!&#|~{}=$•▪●◦]*(?<!\s)")

_RUN_KINDS = {"strong_open": "strong", "em_open": "emphasis", "link_open": "link", "s_open": "text"}


@dataclass(frozen=True)
class Objection:
    """Something in a long text outside the subset: ``line`` (0-based, in the text), what it is, how to fix it."""

    line: int
    code: str
    message: str
    needle: str = ""


@dataclass
class Run:
    """A piece of a paragraph: ``text``, or ``strong`` / ``emphasis`` / ``link`` around ``runs``."""

    kind: str
    text: str = ""
    runs: list[Run] = field(default_factory=list)
    target: Target | None = None


@dataclass(frozen=True)
class Target:
    """Where a link goes: a web or mail ``address``, or a handbook page (``kind``, ``id``)."""

    address: str | None = None
    kind: str | None = None
    id: str | None = None


@dataclass
class Block:
    """A paragraph (``runs``) or a list (``ordered``, ``items``: each item a list of blocks)."""

    kind: str
    runs: list[Run] = field(default_factory=list)
    ordered: bool = False
    items: list[list[Block]] = field(default_factory=list)


@dataclass
class Prose:
    blocks: list[Block]
    objections: list[Objection]


def link_target(address: str) -> Target | None:
    """The target of a link address when the allowlist admits it, else None."""
    address = address.strip()
    page = _PAGE.match(address)
    if page:
        return Target(kind=page.group(1), id=page.group(2))
    parts = urlsplit(address)
    if parts.scheme in WEB_SCHEMES and parts.netloc and not any(c.isspace() or ord(c) < 32 for c in address):
        return Target(address=address)
    if parts.scheme == "mailto" and "@" in parts.path:
        return Target(address=address)
    return None


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    parser.validateLink = lambda url: True  # every address reaches link_target, which decides
    return parser


def read(text: str) -> Prose:
    """Parse a long text into blocks and objections (a plain sentence, the usual case, without the parser)."""
    if _PLAIN.fullmatch(text):
        return Prose([Block("paragraph", [Run("text", text)])], [])
    env: dict = {}
    tokens = _parser().parse(_MORE_THAN.sub(r"\1\\>", str(text)), env)
    objections = [Objection(ref["map"][0], "E110", "a link definition ('[name]: address') is not allowed in this "
                            "text; write the link where it is used: [text](https://…)", "]:")
                  for ref in env.get("references", {}).values()]
    defined = {ref["href"] for ref in env.get("references", {}).values()}
    blocks = _Reader(objections, defined).blocks(iter(tokens), None)
    once = {(o.line, o.message): o for o in reversed(objections)}  # an opening and closing tag are one mistake
    return Prose(blocks, sorted(once.values(), key=lambda o: o.line))


class _Reader:
    """Walks markdown-it's token stream into blocks, noting objections on the way."""

    def __init__(self, objections: list[Objection], defined: set[str]):
        self.objections = objections
        self.defined = defined  # addresses from link definitions, reported once at the definition
        self.line = 0

    def object(self, token: Token, what: str, hint: str, needle: str = "", code: str = "E110") -> None:
        line = token.map[0] if token.map else self.line
        self.objections.append(Objection(line, code, f"{what} is not allowed in this text; {hint}", needle))

    def blocks(self, tokens, closing: str | None) -> list[Block]:
        found: list[Block] = []
        for token in tokens:
            if token.type == closing:
                break
            if token.map:
                self.line = token.map[0]
            if token.type in ("bullet_list_open", "ordered_list_open"):
                if closing == "list_item_close":
                    self.object(token, *_NESTED_LIST)
                found.append(self.list(tokens, token))
            elif token.type == "inline":
                found.append(Block("paragraph", self.runs(token.children or [], token)))
            elif token.type in _BLOCKS or token.type == "heading_open" and token.markup in ("=", "-"):
                kind = "lheading_open" if token.markup in ("=", "-") else token.type
                self.object(token, *_BLOCKS[kind])
                if token.content.strip():
                    found.append(Block("paragraph", [Run("text", token.content)]))
        return found

    def list(self, tokens, opening: Token) -> Block:
        closing = opening.type.replace("_open", "_close")
        block = Block("list", ordered=opening.type.startswith("ordered"))
        for token in tokens:
            if token.type == closing:
                break
            if token.type == "list_item_open":
                block.items.append(self.blocks(tokens, "list_item_close"))
        return block

    def runs(self, children: list[Token], inline: Token) -> list[Run]:
        self.extension_syntax(children, inline)
        stack: list[list[Run]] = [[]]
        opened: list[Run] = []
        for child in children:
            kind = child.type
            if kind in ("text", "softbreak", "hardbreak"):
                stack[-1].append(Run("text", child.content or " "))
            elif kind in _INLINE:
                self.object(inline, *_INLINE[kind], needle=child.content or str(child.attrs.get("src", "")))
                stack[-1].append(Run("text", child.content))
            elif kind.endswith("_open"):
                run = Run(_RUN_KINDS.get(kind, kind))
                if kind == "link_open":
                    run.target = self.target(str(child.attrs.get("href", "")), inline)
                opened.append(run)
                stack.append(run.runs)
            elif kind.endswith("_close") and opened:
                stack.pop()
                stack[-1].append(opened.pop())
        return stack[0]

    def target(self, address: str, inline: Token) -> Target | None:
        target = link_target(address)
        if target is None and address not in self.defined:
            shown = address if len(address) <= 60 else address[:57] + "…"
            self.objections.append(Objection(
                inline.map[0] if inline.map else 0, "E111",
                f"the link address '{shown}' is not allowed; link to a web page (https://…), an e-mail address "
                "(mailto:…) or a page of the handbook (drill:<id>, phase:<id>, warning-sign:<id>, assessment:<id>, "
                "reference:<id>)", address[:60]))
        return target

    def extension_syntax(self, children: list[Token], inline: Token) -> None:
        text = "".join(child.content for child in children if child.type == "text")
        for pattern, what, hint in _EXTENSION_SYNTAX:
            match = pattern.search(text)
            if match:
                self.object(inline, what, hint, needle=match.group(0).strip())


def _runs(blocks: list[Block], into_links: bool = True) -> Iterator[Run]:
    """Every run of ``blocks``, in order; with ``into_links`` False, not those inside a link."""
    def inner(runs: list[Run]) -> Iterator[Run]:
        for run in runs:
            yield run
            if into_links or run.kind != "link":
                yield from inner(run.runs)

    for block in blocks:
        yield from inner(block.runs)
        for item in block.items:
            yield from _runs(item, into_links)


def page_links(prose: Prose) -> list[Target]:
    """Every handbook-page target in ``prose``, in order."""
    return [run.target for run in _runs(prose.blocks) if run.target and run.target.kind]


def plain_texts(prose: Prose) -> list[str]:
    """The texts of ``prose`` that no link holds, in order."""
    return [run.text for run in _runs(prose.blocks, into_links=False) if run.kind == "text"]


def words(text: str) -> str:
    """A long text as a reader hears it: its words, link texts included, without markup (for a terminal)."""
    return " ".join(" ".join(run.text for run in _runs(read(text).blocks) if run.kind == "text").split())


def in_text(authors: str, year) -> str:
    """A reference as a text cites it: 'Fredericson et al., 2000', 'Fredericson & Wolf, 2005', 'Noble, 1980'."""
    surnames = [author.strip().rsplit(" ", 1)[0] for author in authors.split(",")]
    if len(surnames) > 2:
        return f"{surnames[0]} et al., {year}"
    return f"{' & '.join(surnames)}, {year}"
