"""E224: a long text cites a reference by a link, never by its bare id, which athletes would read as written."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from ...content import prose
from ...content.load import Content
from ...content.source import Source
from ...content.syntax import quoted
from ...problems import Fix, Problem, error
from .long_texts import long_texts, place


def check(content: Content) -> Iterator[Problem]:
    references = {ref["id"]: ref for source in content.valid_protocols() for ref in source.data["references"]}
    if not references:
        return
    # an id standing as a word of its own: not the target of a 'reference:' link, nor part of a longer word
    bare = re.compile(r"(?<![\w:/.-])(" + "|".join(map(re.escape, sorted(references, key=len, reverse=True)))
                      + r")(?![\w-])")
    for source, path, text in long_texts(content):
        # ids in the text a link shows are the link's own matter
        plain = Counter(found[1] for segment in prose.plain_texts(prose.read(text)) for found in bare.finditer(segment))
        for ref_id, count in plain.items():
            ref = references[ref_id]
            link = f"[{prose.in_text(ref['authors'], ref['year'])}](reference:{ref_id})"
            written = [found for found in bare.finditer(text) if found[1] == ref_id]
            for found in written if len(written) == count else [None] * count:
                at = _where(source, path, found, ref_id)
                fix = _fix(source, path, at, found, link) if len(written) == 1 else None
                yield error("E224", source.file, at, f"the reference id '{ref_id}' would be shown to athletes as "
                            f"written; cite it as a link to the reference instead: {link}", fix)


def _where(source: Source, path: tuple, found: re.Match | None, ref_id: str) -> tuple[int, int]:
    """Where the id stands in the file: found with the character before it, which tells it from a link's."""
    if found is None or not found.start():
        return place(source, path, prose.Objection(0, "E224", "", ref_id))
    line, column = place(source, path, prose.Objection(0, "E224", "", found.string[found.start() - 1:found.end()]))
    return line, column + 1 if source.lines[line - 1][column:].startswith(ref_id) else column


def _fix(source: Source, path: tuple, at: tuple[int, int], found: re.Match, link: str) -> Fix | None:
    """The link in place of the id. A plain one-line value that would then start with '[', or that stands inside
    '{ }' or '[ ]' (where the link's brackets and commas would end it), is put in quotes whole."""
    start = source.values[path]
    line = source.lines[start[0] - 1]
    in_flow = any(symbol in line[:start[1] - 1] for symbol in "{[")
    plain_line = line[start[1] - 1:start[1]] not in "\"'|>" and source.ends[path][0] == start[0]
    if plain_line and (in_flow or not found.start()):
        return source.value_fix(path, quoted(found.string[:found.start()] + link + found.string[found.end():]))
    if in_flow or not source.lines[at[0] - 1][at[1] - 1:].startswith(found[1]):
        return None
    return Fix(at, (at[0], at[1] + len(found[1])), link)
