"""Syntax errors of YAML, each reported once, at the place to fix, in words with what to write instead.

libyaml stops where it can no longer read, often a line after the mistake, and words the
problem for programmers ("could not find expected ':'"); these functions find the line a
clinician must change and say what to write there, with the edit when it is certain (an
edit is offered only when the file reads with it made).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cached_property

import yaml

from ..problems import Fix, Problem, error

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Position = tuple[int, int]

#: a comment after a value on the same line.
COMMENT_AFTER = re.compile(r"[ \t]+#")

#: a value made of symbols only, such as '>=' or '|', up to where the value ends.
_SYMBOL = re.compile(r"([<>=|!+-]+)(?=\s*(?:[,\]}]|#|$))")
_CLOSERS = {'"': '"', "'": "'", "[": "]", "{": "}"}
_CLOSED_THING = {'"': "text", "'": "text", "[": "list", "{": "group of fields"}
#: libyaml's contexts of a syntax error about a quote or bracket left open.
_OPENERS = {"while scanning a quoted scalar", "while parsing a flow sequence", "while parsing a flow mapping"}
#: a line that starts a field or a list item.
_STRUCTURE = re.compile(r"\s*(?:- |[\w-]+:(?:\s|$))")

#: indentation holding a character that looks like a space: a non-breaking space, a thin space …
_LOOKALIKES = "\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff"
_ODD_SPACE = re.compile(rf"^ *[{_LOOKALIKES}][ {_LOOKALIKES}]*")
#: characters YAML reserves at the start of a value, and what it reads them as.
_RESERVED = {"@": "", "`": "", "%": " (for a directive)", "&": " (for an anchor, '&name')",
             "*": " (for a reference to an anchor, '*name')", "!": " (for a tag, '!name')"}
_RESERVED_CONTEXTS = {"while scanning an alias", "while scanning an anchor", "while scanning a tag",
                      "while scanning a directive"}
#: a '>' or '|' with its options, as it starts a text block.
_BLOCK_HEADER = re.compile(r"[|>](?:[-+][1-9]?|[1-9][-+]?)?")
_TYPOGRAPHIC = "“”„‘’‚«»"
_SENTENCE_END = re.compile(r"[.!?][)\]\"'*]*$")
_PUNCTUATION = re.compile(r"[.,;:!?)…]+")
#: the start of a line up to its value: indentation, '- ' and 'field: '.
_LINE_VALUE = re.compile(r"^(\s*(?:-\s+)*(?:[\w-]+:\s+)?)(.*)$")

#: libyaml's wording -> what a clinician should do about it.
_SYNTAX_HINTS = {
    "mapping values are not allowed": "a ':' is in an unexpected place; if the text itself contains ': ', put the whole text in quotes",
    "could not find expected ':'": "a line is missing its ':' after the field name, or is indented differently from its neighbours",
    "did not find expected key": "check the indentation: fields of the same item must start in the same column",
    "did not find expected '-' indicator": "check the indentation of the list: every '- ' of one list starts in the same column",
    "found undefined alias": "an '*name' refers to an '&name' that does not exist; write the value out instead",
    "while scanning a block scalar": "'>' or '|' starts a text block whose text goes on the lines below, indented; "
                                     "to write a value starting with '>' or '|' on this line, put it in quotes",
    "expected a single document": "a file holds one document, but a second one starts here: if what follows is "
                                  "another drill or protocol, move it to a file of its own; if it is a copy of the "
                                  "first, delete it; if the '---' line was only a separator, delete that line",
}

def position(mark) -> Position:
    return mark.line + 1, mark.column + 1


def quoted(text: str) -> str:
    """``text`` in double quotes, so that YAML reads it exactly as written."""
    return json.dumps(text, ensure_ascii=False)


def symbol_at(line: str, column: int) -> str | None:
    """The value made of symbols only (such as '>=') that starts at ``column`` of ``line``, if there is one."""
    found = _SYMBOL.match(line, column)
    return found and found.group(1)


def symbol_problem(file: str, mark, symbol: str, empty: bool) -> Problem:
    """E014 for a bare symbol that YAML reads as the start of a text block."""
    what = "operator" if set(symbol) <= set("<>=!") else "symbol"
    effect = "and no text follows, so the value is empty" if empty else f"so it cannot read '{symbol}'"
    start = position(mark)
    return error("E014", file, start, f"YAML reads '{symbol[0]}' at the start of a value as the start of a text block, "
                 f"{effect}; put the {what} in quotes: {quoted(symbol)}",
                 Fix(start, (start[0], start[1] + len(symbol)), quoted(symbol)))


#: how long a list item's first line is, at the least, when the text goes on over a line break.
WRAPPED_AT = 40
_ONE_WORD_ITEM = re.compile(r"\s*- [\w-]+\s*")
_ONE_WORD = re.compile(r"[\w-]+")


def starts_item(previous: str, text: str) -> bool:
    """Whether a line ``text`` that continues a list item's text after the line ``previous`` reads as a new item.

    Wrapped text goes on in lower case; a new item starts with a capitalised word ('Lift', not 'ITBS'),
    with any capital or digit once the line before ended a sentence, or is one word under an item of one word
    ('fri' under '- wed').
    """
    word = text.split()[0]
    if word[0].isupper() and not word.isupper():
        return True
    if _ONE_WORD_ITEM.fullmatch(previous) and _ONE_WORD.fullmatch(text):
        return True  # a list of single words (days, ids) goes on with another word, not with the text of one
    return bool(_SENTENCE_END.search(previous)) and (word[0].isupper() or word[0].isdigit())


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, display: str) -> Problem:
    """The one problem to report for a syntax error, at the place to fix."""
    stop = _Stop(exc, text, display)
    for diagnose in _DIAGNOSES:
        found = diagnose(stop)
        if found:
            return found
    return _unreadable(stop)


class _Stop:
    """Where and why YAML stopped reading a file, with the file's text and the tokens read before."""

    def __init__(self, exc: yaml.MarkedYAMLError, text: str, display: str):
        self.exc, self.text, self.display = exc, text, display
        self.lines = text.splitlines()
        self.mark = exc.problem_mark or exc.context_mark

    @cached_property
    def tokens(self) -> list:
        """The tokens YAML read before it stopped."""
        found = []
        try:
            for token in yaml.scan(self.text, Loader=Loader):
                if (token.start_mark.line, token.start_mark.column) >= (self.mark.line, self.mark.column):
                    break
                found.append(token)
        except yaml.YAMLError:
            pass
        return found

    def reads(self, fix: Fix) -> bool:
        """Whether the file reads once ``fix`` is made."""
        try:
            yaml.compose(fix.apply(self.text), Loader=Loader)
        except yaml.YAMLError:
            return False
        return True

    def problem(self, code: str, at: Position, message: str, fix: Fix | None = None) -> Problem:
        """The problem, carrying ``fix`` only when the file reads with it made."""
        return error(code, self.display, at, message, fix if fix and self.reads(fix) else None)

    def line(self, number: int) -> str:
        return self.lines[number] if 0 <= number < len(self.lines) else ""


def invisible_indents(text: str, display: str) -> list[Problem]:
    """E005 for every line whose indentation holds a character that looks like a space but is not one (a
    non-breaking space): YAML reads it as part of the line's text."""
    problems = []
    for number, line in enumerate(text.splitlines()):
        found = _ODD_SPACE.match(line)
        if found:
            odd = next(c for c in found.group(0) if c != " ")
            name = unicodedata.name(odd, "character").lower()
            problems.append(error("E005", display, (number + 1, found.group(0).index(odd) + 1),
                                  f"the indentation holds a {name} (U+{ord(odd):04X}), which looks like a space but is "
                                  "not one to YAML; replace it with ordinary spaces",
                                  Fix((number + 1, 1), (number + 1, found.end() + 1), " " * found.end())))
    return problems


def _reserved_start(stop: _Stop) -> Problem | None:
    """A value starting with a character YAML reserves ('@', '`', '%', '&', '*', '!')."""
    exc = stop.exc
    mark = exc.context_mark if exc.context in _RESERVED_CONTEXTS else exc.problem_mark
    char = _char_at(stop.lines, mark)
    if char not in _RESERVED or exc.context not in _RESERVED_CONTEXTS and "cannot start any token" not in str(exc):
        return None
    return _quote_rest(stop, mark, f"YAML reserves '{char}' at the start of a value{_RESERVED[char]}, so it cannot "
                                   "read this text")


def _quote_rest(stop: _Stop, mark, reading: str) -> Problem:
    """E004 at ``mark``: put the rest of the line, the text YAML could not read, in quotes."""
    line = stop.line(mark.line)
    text = COMMENT_AFTER.split(line[mark.column:], maxsplit=1)[0].rstrip()
    at = position(mark)
    return stop.problem("E004", at, f"{reading}; put the whole text in quotes: {quoted(text)}",
                        Fix(at, (at[0], at[1] + len(text)), quoted(text)))


def _unquoted_symbol(stop: _Stop) -> Problem | None:
    """A value starting with '>' or '|', which YAML reads as the start of a text block: a bare operator such as
    '>=', or a text such as '>5/10 pain'."""
    exc, lines = stop.exc, stop.lines
    if exc.context == "while scanning a block scalar":
        mark = exc.context_mark
    elif "cannot start any token" in str(exc.problem) and _char_at(lines, exc.problem_mark) in (">", "|"):
        mark = exc.problem_mark
    else:
        return None
    rest = lines[mark.line][mark.column:]
    if _BLOCK_HEADER.fullmatch(rest.split(" #")[0].rstrip()):
        return None
    symbol = symbol_at(lines[mark.line], mark.column)
    if symbol:
        return symbol_problem(stop.display, mark, symbol, empty=False)
    if rest[1:2].isspace():
        at, text = position(mark), rest[1:].strip()
        return stop.problem("E004", at, f"'{rest[0]}' starts a text block whose text goes on the lines below, "
                                        f"indented; to write the text on this line, leave out the '{rest[0]}': {text}",
                            Fix(at, (at[0], at[1] + len(rest) - len(rest[1:].lstrip())), ""))
    return _quote_rest(stop, mark, f"YAML reads '{rest[0]}' at the start of a value as the start of a text block, so "
                                   "it cannot read the rest of the line")


def _typographic_quotes(stop: _Stop) -> Problem | None:
    """A text in typographic quotes (“…”), which YAML reads as letters, so the text is not in quotes."""
    number = stop.mark.line
    start, value = _value_of(stop.line(number))
    if not value or value[0] not in _TYPOGRAPHIC:
        return None
    text = value[1:].rstrip()
    text = text[:-1] if text[-1:] in _TYPOGRAPHIC else text
    at = (number + 1, start + 1)
    return stop.problem("E004", at, f"the text starts with a typographic quote ({value[0]}), which YAML reads as a "
                                    "letter, not as a quote, so the text is not in quotes; use straight quotes: "
                                    f"{quoted(text)}", Fix(at, (at[0], at[1] + len(value.rstrip())), quoted(text)))


def _after_quote(stop: _Stop) -> Problem | None:
    """Text right after a closing quote: a quote inside the text that ends it early ('Don't', "a "soft" trail"), a
    full stop typed after the closing quote, or a text starting with a word in quotes ('Quiet' pelvis)."""
    scalars = [t for t in stop.tokens if isinstance(t, yaml.ScalarToken) and t.style in ('"', "'")
               and t.start_mark.line == t.end_mark.line == stop.mark.line]
    if not scalars:
        return None
    token, quote = scalars[-1], scalars[-1].style
    line, end = stop.line(stop.mark.line), scalars[-1].end_mark.column
    after = line[end:]
    if not after.strip() or after.lstrip()[0] in ",]}#:":
        return None
    in_flow = sum(isinstance(t, (yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)) for t in stop.tokens) > sum(
        isinstance(t, (yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)) for t in stop.tokens)
    rest = after.rstrip()
    if quote in rest:
        rest = rest[:rest.rindex(quote) + 1]
        word = (token.value.split() or [token.value])[-1]
        text, why = token.value + quote + rest[:-1], f"the {quote} after '{word}' ends the text in quotes early"
    else:
        rest = re.split(r"[,\]}]", rest)[0].rstrip() if in_flow else rest
        if _PUNCTUATION.fullmatch(rest):
            text, why = token.value + rest, f"'{rest}' stands after the closing quote, outside the text"
        else:
            text, why = quote + token.value + quote + rest, (f"YAML reads {quote}{token.value}{quote} as a text in "
                                                             "quotes and cannot read what follows it")
    new = f"'{text}'" if '"' in text and "'" not in text else quoted(text)
    at = position(token.start_mark)
    return stop.problem("E004", at, f"{why}; write the whole text in quotes like this: {new}",
                        Fix(at, (at[0], end + len(rest) + 1), new))


def _missing_comma(stop: _Stop) -> Problem | None:
    """Two fields or items of a group or list in brackets without the comma between them: {count: 3 period: days}."""
    if "expected ','" not in str(stop.exc.problem) or not stop.tokens:
        return None
    last = stop.tokens[-1]
    if not isinstance(last, yaml.ScalarToken) or last.style or " " not in last.value \
            or _char_at(stop.lines, stop.mark) != ":" \
            or not last.start_mark.line == last.end_mark.line == stop.mark.line:
        return None
    before, word = last.value.rsplit(" ", 1)
    at = (last.end_mark.line + 1, last.end_mark.column + 1 - len(word) - 1)
    return stop.problem("E004", at, f"a comma is missing before '{word}', so YAML reads '{last.value}' as one value; "
                                    f"write {before}, {word}", Fix(at, at, ","))


def _unclosed(stop: _Stop) -> Problem | None:
    """A quote or bracket that is not closed, reported where it was opened."""
    exc, lines = stop.exc, stop.lines
    if exc.problem_mark is None:
        return None
    opened = exc.context_mark if exc.context in _OPENERS else _opened_before(stop)
    if opened is None or _char_at(lines, opened) not in _CLOSERS:
        return None
    line = lines[opened.line].rstrip()
    opener = line[opened.column]
    closer = _CLOSERS[opener]
    kind = "quote" if opener == closer else "bracket"
    stopped = position(exc.problem_mark)
    reading = f"YAML read on to line {stopped[0]}, column {stopped[1]} and stopped there"
    if kind == "bracket" and COMMENT_AFTER.search(line, opened.column):
        return error("E004", stop.display, position(opened),
                     f"YAML cannot be read: the bracket {opener} opened here is not closed because the ' #' on this "
                     f"line starts a comment that hides the rest of the line ({reading}); put the text with the '#' in "
                     "quotes")
    end = (opened.line + 1, len(line) + 1)
    return stop.problem("E004", position(opened),
                        f"YAML cannot be read: the {kind} {opener} opened here is not closed, so {reading}; add the "
                        f"closing {closer} where the {_CLOSED_THING[opener]} ends", Fix(end, end, closer))


def _opened_before(stop: _Stop):
    """Where a bracket still open where YAML stopped opens, or a quoted text that ends just before the stop and
    runs over lines holding fields (a quote left open is usually closed by the next quote in the file, lines later)."""
    tokens = stop.tokens
    depth, opened = 0, None
    for token in tokens:
        if isinstance(token, (yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)):
            depth, opened = depth + 1, opened if depth else token.start_mark
        elif isinstance(token, (yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)):
            depth = max(depth - 1, 0)
    if depth:
        return opened
    last = tokens[-1] if tokens else None
    if isinstance(last, yaml.ScalarToken) and last.style in ('"', "'") and any(
            _STRUCTURE.match(line) for line in stop.lines[last.start_mark.line + 1:last.end_mark.line + 1]):
        return last.start_mark
    return None


def _missing_colon(stop: _Stop) -> Problem | None:
    """A line YAML read as the start of a field but found no ': ' in: said about that line, not the next."""
    if stop.exc.context != "while scanning a simple key":
        return None
    number = stop.exc.context_mark.line
    line = stop.line(number)
    indent = len(line) - len(line.lstrip())
    at = (number + 1, indent + 1)
    previous = next((n for n in range(number - 1, -1, -1) if stop.line(n).strip()), None)
    above = stop.line(previous) if previous is not None else ""
    above_indent = len(above) - len(above.lstrip())
    glued = re.match(r"\s*([\w-]+):(?=[^\s:/])", line) or re.match(r"\s*-(?=[^\s-])", line)
    if glued:
        after = (number + 1, glued.end() + 1)
        sign = "':'" if glued.group(0).endswith(":") else "'-'"
        return stop.problem("E004", at, f"a space is missing after the {sign}; YAML needs one there",
                            Fix(after, after, " "))
    if above.rstrip().endswith(("|", "|-", ">", ">-", "|+", ">+")) and indent <= above_indent:
        return stop.problem("E004", at, "the lines of a text block must be indented further than its field; indent "
                                        "this line by 2 more spaces than the line above",
                            Fix(at, at, " " * (above_indent + 2 - indent)))
    if re.fullmatch(r"\s*(?:- )?[\w-]+:", above) and indent <= above_indent:
        end = (previous + 1, len(above) + 1)
        return stop.problem("E004", at, f"the value of '{above.strip(' -:')}' must stand on its line, after the ': '; "
                                        f"write {above.strip()} {line.strip()}", Fix(end, at, " "))
    below = next((stop.line(n) for n in range(number + 1, len(stop.lines)) if stop.line(n).strip()), "")
    if re.fullmatch(r"\s*[\w-]+", line) and len(below) - len(below.lstrip()) > indent:
        after = (number + 1, len(line.rstrip()) + 1)
        return stop.problem("E004", at, f"'{line.strip()}' needs a ':' after it, as the fields below belong to it",
                            Fix(after, after, ":"))
    if above.lstrip().startswith("- ") and indent == above_indent:
        if starts_item(above, line.strip()):
            return stop.problem("E013", at, "this line has no '- ' in front, so YAML cannot read it as an item of the "
                                            "list above; start it with '- '", Fix(at, at, "- "))
        # the rest of a sentence: the line above is long enough to have wrapped, or this line ends the sentence
        wrapped = len(above.strip()) >= WRAPPED_AT or bool(_SENTENCE_END.search(line))
        if _SENTENCE_END.search(above) or not line.strip()[0].islower() or not wrapped:
            # it may be an item of its own or the rest of the one above: ask, since either edit keeps a meaning
            return stop.problem("E004", at, "this line starts in the column of the '- ' above without one: if it is "
                                            "an item of its own, start it with '- '; if it goes on with the text of "
                                            "the item above, indent it by 2 more spaces")
        return stop.problem("E004", at, "this line goes on with the text of the item above, but starts in the column "
                                        "of its '- '; indent it by 2 more spaces", Fix(at, at, "  "))
    odd_space = re.match(r"\s*(?:- )?[\w-]+:([\u00a0\u2007\u202f\u3000])", line)
    if odd_space:
        where = (number + 1, odd_space.start(1) + 1)
        return stop.problem("E004", where, "the space after this field's ':' is a non-breaking space (a word processor "
                                           "types one), which YAML does not read as a space; type an ordinary space",
                            Fix(where, (where[0], where[1] + 1), " "))
    word = re.match(r"\s*([a-z_]+) (?=\S)", line)
    fix = word and Fix((number + 1, word.end(1) + 1), (number + 1, word.end(1) + 1), ":")
    return stop.problem("E004", at, "this line has no ':' after its field name; write the field name, ':' and a space "
                                    "before the value" + (f" ({word.group(1)}: …)" if word else ""), fix)


def _over_lines(stop: _Stop) -> Problem | None:
    """A text under 'field:' over several lines that holds ': ' (a Markdown list, say): it needs '|-'."""
    if "mapping values are not allowed" not in str(stop.exc.problem):
        return None
    number = stop.mark.line
    indent = len(stop.line(number)) - len(stop.line(number).lstrip())
    for above in range(number - 1, -1, -1):
        line = stop.line(above)
        if line.strip() and len(line) - len(line.lstrip()) < indent:
            if re.fullmatch(r"\s*(?:- )?[\w-]+:\s*", line) and above < number - 1:
                end = (above + 1, len(line.rstrip()) + 1)
                return stop.problem("E004", end,
                                    f"the text under '{line.strip(' -:')}:' runs over several lines and holds ': ' "
                                    f"(line {number + 1}), which YAML reads as a new field; write '|-' after the "
                                    "field's ':' so that the lines are read as text, as written", Fix(end, end, " |-"))
            return None
    return None


def _group_on_one_line(stop: _Stop) -> Problem | None:
    """Fields written after a field on the same line ('dosage: sets: 2'): a group in braces."""
    if "mapping values are not allowed" not in str(stop.exc.problem):
        return None
    number = stop.mark.line
    found = re.match(r"(\s*(?:- )?[\w-]+:\s+)([a-z_]+:\s.*?)\s*$", stop.line(number))
    if not found:
        return None
    at, end = (number + 1, found.end(1) + 1), (number + 1, found.end(2) + 1)
    group = "{" + found.group(2) + "}"
    return stop.problem("E004", at, f"a field's value cannot be another field on the same line; write the group of "
                                    f"fields in braces, {group}, or on the lines below, indented", Fix(at, end, group))


def _colon_in_text(stop: _Stop) -> Problem | None:
    """A text holding ': ', which YAML reads as a field name and its value."""
    if "mapping values are not allowed" not in str(stop.exc.problem):
        return None
    number = stop.mark.line
    start, value = _value_of(stop.line(number))
    if not value or value[0] in "\"'{[" or start > stop.mark.column:
        return None
    return _quote_rest(stop, yaml.Mark("", 0, number, start, None, None),
                       "YAML reads the ': ' in this text as the end of a field name")


def _unreadable(stop: _Stop) -> Problem:
    exc, mark = stop.exc, stop.mark
    what = exc.problem or exc.context or "the file is not valid YAML"
    hint = next((h for key, h in _SYNTAX_HINTS.items() if key in str(exc)), "check quotes, colons and indentation")
    return error("E004", stop.display, position(mark) if mark else (1, 1), f"YAML cannot be read here: {what}; {hint}")


def _value_of(line: str) -> tuple[int, str]:
    """Where the value of a line ('key: value', '- value') starts, and the value."""
    found = _LINE_VALUE.match(line)
    return found.end(1), found.group(2)


def _char_at(lines: list[str], mark) -> str:
    """The character at ``mark``, or '' past the end of the text."""
    if mark is None or mark.line >= len(lines):
        return ""
    return lines[mark.line][mark.column:mark.column + 1]


_DIAGNOSES = (_reserved_start, _unquoted_symbol, _typographic_quotes, _after_quote, _missing_comma,
              _unclosed, _missing_colon, _over_lines, _group_on_one_line, _colon_in_text)
