"""E224: a long text cites a reference by a link, never by its bare id, which athletes would read as written."""

from __future__ import annotations

import re
from typing import Iterator

from .. import prose
from ..content import Content
from ..problems import Fix, Problem, error
from ..source import Source
from ..syntax import quoted
from .long_texts import long_texts, place


def check(content: Content) -> Iterator[Problem]:
    references = {ref["id"]: ref for source in content.valid_protocols() for ref in source.data["references"]}
    if not references:
        return
    # an id standing as a word of its own: not the target of a 'reference:' link, nor part of a longer word
    bare = re.compile(r"(?<![\w:/.-])(" + "|".join(map(re.escape, sorted(references, key=len, reverse=True)))
                      + r")(?![\w-])")
    for source, path, text in long_texts(content):
        for found in bare.finditer(text):
            ref = references[found[1]]
            link = f"[{prose.in_text(ref['authors'], ref['year'])}](reference:{found[1]})"
            at = place(source, path, prose.Objection(0, "E224", "", found[1]))
            yield error("E224", source.file, at, f"the reference id '{found[1]}' would be shown to athletes as "
                        f"written; cite it as a link to the reference instead: {link}",
                        _fix(source, path, at, found, link))


def _fix(source: Source, path: tuple, at: tuple[int, int], found: re.Match, link: str) -> Fix | None:
    """The link in place of the id. A plain one-line value that would then start with '[', or that stands
    inside '{ }' or '[ ]' (where the link's brackets and commas would end it), is put in quotes whole."""
    start = source.values[path]
    line = source.lines[start[0] - 1]
    in_flow = any(symbol in line[:start[1] - 1] for symbol in "{[")
    if line[start[1] - 1:start[1]] not in "\"'|>" and source.ends[path][0] == start[0] and (in_flow or not found.start()):
        return source.value_fix(path, quoted(found.string[:found.start()] + link + found.string[found.end():]))
    if in_flow or not source.lines[at[0] - 1][at[1] - 1:].startswith(found[1]):
        return None
    return Fix(at, (at[0], at[1] + len(found[1])), link)
