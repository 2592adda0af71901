"""The glossary and the words runners search with, as the site shows them.

A protocol's ``glossary`` becomes its glossary page (a term per section, anchored by its id); a page links to the
terms its doses and criteria use (a term's ``spotted_by`` found in them). A protocol's ``search_words`` go into the
search index of the page they name (as front-matter tags, which Material's search weighs most), never onto the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Evidence, Handbook, Protocol, Reference


@dataclass(frozen=True)
class Term:
    """A glossary term of a protocol."""

    id: str
    term: str
    text: str
    protocol: Protocol = field(repr=False, compare=False)
    spotted_by: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    evidence: Evidence | None = None


def glossary(protocol: Protocol) -> list[Term]:
    """The protocol's glossary terms, in the order written."""
    cited = {reference.id: reference for reference in protocol.references}
    return [Term(data["id"], data["term"], data["text"], protocol, tuple(data.get("spotted_by", ())),
                 tuple(data.get("keywords", ())), tuple(cited[ref] for ref in data.get("references", ()) if ref in cited),
                 Evidence(**data["evidence"]) if "evidence" in data else None)
            for data in protocol.data.get("glossary", [])]


def _spotted(words: str, text: str) -> bool:
    """Whether ``words`` appear in ``text`` as written (ignoring case), not inside a longer word."""
    pattern = (r"(?<![\w])" if words[:1].isalnum() else "") + re.escape(words) + (r"(?![\w])" if words[-1:].isalnum() else "")
    return re.search(pattern, text, re.IGNORECASE) is not None


def terms_in(texts, protocols) -> list[Term]:
    """The glossary terms (of the first of ``protocols`` that has a glossary) that ``texts`` use."""
    terms = next((found for found in map(glossary, protocols) if found), [])
    joined = "\n".join(str(text) for text in texts)
    return [term for term in terms if any(_spotted(words, joined) for words in term.spotted_by)]


def search_words(handbook: Handbook, page: str) -> list[str]:
    """The words runners search with for ``page`` ('drill:glute-bridge', 'phase:load' …), from every protocol."""
    words: list[str] = []
    for protocol in handbook.protocols:
        for entry in protocol.data.get("search_words", []):
            if entry["page"] == page:
                words += [word for word in entry["words"] if word not in words]
    return words
