"""E214/E206 for the words runners search with and the glossary: each list of words names a page that exists, and
no glossary term id is used twice."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...problems import Problem, error
from .known import closest, known_drills

#: a search-words page's kind -> the section of the protocol that defines its ids (drills live in drills/).
SECTIONS = {"phase": "phases", "warning-sign": "warning_signs", "assessment": "assessments", "glossary": "glossary",
            "education": "education"}


def check(content: Content) -> Iterator[Problem]:
    drills = known_drills(content)
    for source in content.valid_protocols():
        data = source.data
        terms = [term["id"] for term in data.get("glossary", [])]
        seen: set[str] = set()
        for i, term in enumerate(terms):
            if term in seen:
                yield error("E206", source.file, source.value_position(("glossary", i, "id")),
                            f"the glossary term id '{term}' is used twice; give each term an id of its own")
            seen.add(term)
        for i, entry in enumerate(data.get("search_words", [])):
            kind, _, name = entry["page"].partition(":")
            known = drills if kind == "drill" else {item["id"] for item in data.get(SECTIONS[kind], [])}
            if name not in known:
                what = "a drill in drills/" if kind == "drill" else f"a {kind.replace('-', ' ')} of this protocol"
                path = ("search_words", i, "page")
                message = f"the search words lead to '{entry['page']}', but '{name}' is not {what}"
                close = closest(name, known)
                if close is None:
                    yield error("E214", source.file, source.value_position(path), f"{message}; check the spelling")
                else:
                    yield error("E214", source.file, source.value_position(path),
                                f"{message} — did you mean '{kind}:{close}'?", source.value_fix(path, f"{kind}:{close}"))
