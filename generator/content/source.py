"""Read one YAML file safely, keeping the line and column of every key and value.

PyYAML composes the file into nodes (libyaml's C parser where present); we
build plain Python data from the nodes ourselves so that we can

* reject duplicate keys (PyYAML silently keeps the last one),
* remember where each value came from (for ``file:line:col`` messages),
* keep the text of unquoted values, to explain YAML 1.1 surprises (``no`` -> false),
* report values YAML reads silently otherwise than meant: times in base 60 (``1:30`` -> 90),
  texts cut at `` #``, list lines without their ``- ``, bare ``>`` and ``|``,
* keep dates as text (JSON has no date type),
* bound what anchors and aliases may expand to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import reduce
from typing import Any, Iterator

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..problems import Fix, Problem, error
from .syntax import COMMENT_AFTER, Loader, invisible_indents, starts_item, syntax_problem
from .syntax import position as _position
from .syntax import quoted as _quoted
from .syntax import symbol_at as _symbol_at
from .syntax import symbol_problem as _symbol_problem

MAX_BYTES = 512 * 1024
MAX_VALUES = 100_000
MAX_DEPTH = 60

_TAG = "tag:yaml.org,2002:"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALARS = {
    _TAG + "null": lambda node: None,
    _TAG + "bool": _CONSTRUCTOR.construct_yaml_bool,
    _TAG + "int": _CONSTRUCTOR.construct_yaml_int,
    _TAG + "float": _CONSTRUCTOR.construct_yaml_float,
    _TAG + "str": lambda node: node.value,
    _TAG + "timestamp": lambda node: node.value,
}
_COLLECTIONS = {_TAG + "seq", _TAG + "map"}
_NUMBERS = {_TAG + "int", _TAG + "float"}
#: a time such as 0:45, which YAML keeps as text because it starts with 0.
_TIME = re.compile(r"\d+(?::[0-5]?\d)+")
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
#: a single lowercase word such as an id or a choice ('each'): a comment after it is a deliberate note.
_WORD = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
Position = tuple[int, int]


@dataclass
class Source:
    """A loaded YAML file: its data and where each part of it stands."""

    file: str
    data: Any
    #: the file's lines as written, to place problems found inside a long text.
    lines: list[str] = field(default_factory=list)
    keys: dict[tuple, Position] = field(default_factory=dict)
    values: dict[tuple, Position] = field(default_factory=dict)
    #: path -> the text as written, for values YAML turned into something other than text
    #: (``no`` -> false, ``1.10`` -> 1.1), so messages can quote what the clinician typed.
    unquoted: dict[tuple, str] = field(default_factory=dict)
    #: path -> where the value (or, in ``key_ends``, the key) ends: the column after its last character.
    ends: dict[tuple, Position] = field(default_factory=dict)
    key_ends: dict[tuple, Position] = field(default_factory=dict)
    #: paths of values the loader already reported (``1:30``, a text cut at ' #' …): later steps say
    #: nothing more about them or anything inside them, so one mistake gives one message.
    reported: set[tuple] = field(default_factory=set)
    #: path -> (how YAML read it, the value as written, the number) of minutes written as a time such as 1:30,
    #: which the schema step words, knowing what the field takes.
    times: dict[tuple, tuple[str, str, float]] = field(default_factory=dict)

    def is_reported(self, path: tuple) -> bool:
        """Whether the value at ``path``, or one that holds it, was already reported while loading."""
        return any(path[:end] in self.reported for end in range(len(path) + 1))

    def key_position(self, path: tuple) -> Position:
        """Where the key of ``path`` is written (its value's place for list items)."""
        while path not in self.keys and path not in self.values and path:
            path = path[:-1]
        return self.keys.get(path) or self.values.get(path, (1, 1))

    def value_position(self, path: tuple) -> Position:
        """Where the value at ``path`` (or its nearest written ancestor) starts."""
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def value_fix(self, path: tuple, text: str) -> Fix:
        """The edit that writes ``text`` in place of the value at ``path``."""
        return Fix(self.values[path], self.ends[path], text)

    def key_fix(self, path: tuple, text: str) -> Fix:
        """The edit that renames the key of ``path`` to ``text``."""
        return Fix(self.keys[path], self.key_ends[path], text)


class _Abort(Exception):
    """Stop building: the file cannot be read further."""


def _text_position(raw: bytes, offset: int) -> Position:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


def _unit(path: tuple) -> str | None:
    """'seconds' or 'minutes' when the field's name says it holds one of them."""
    field = path[-1] if path and isinstance(path[-1], str) else ""
    return "seconds" if field.endswith("_seconds") else "minutes" if field.endswith("_minutes") else None


def _time_advice(path: tuple, written: str, number, in_texts: bool) -> tuple[str, str | None]:
    """What to write instead of a time such as 1:30, and the value itself when the field (or, for an item of
    a list of texts, ``in_texts``) makes it certain."""
    unit = _unit(path)
    if in_texts:
        return f"put the text in quotes: {_quoted(written)}", _quoted(written)
    if unit == "seconds":
        if number > 0 and number == int(number):
            return f"write the seconds as a number: {int(number)}", str(int(number))
        return "write the seconds as a whole number", None
    if unit == "minutes":
        if number > 0 and number % 60 == 0:
            return f"write the minutes as a number: {int(number // 60)}", str(int(number // 60))
        return "write the minutes as a whole number", None
    return (f"write what you mean: a number without ':', numbers joined by '-' for a range "
            f"({written.replace(':', '-')}), or text in quotes ({_quoted(written)})"), None


class _Builder:
    """Turns composed nodes into Python data, recording positions and problems."""

    def __init__(self, source: Source):
        self.source = source
        self.problems: list[Problem] = []
        self.count = 0
        self.active: set[int] = set()
        #: paths of lists that hold texts (not ids or choices), where a bare 1:30 is text to quote.
        self.text_lists: set[tuple] = set()

    def build(self, node, path: tuple = ()):
        self.count += 1
        if self.count > MAX_VALUES or len(path) > MAX_DEPTH:
            self._fail(node, f"the file expands to more than {MAX_VALUES:,} values or nests deeper than {MAX_DEPTH} levels "
                       "(usually anchors '&' and aliases '*' that repeat each other); write the content out plainly")
        self.source.values[path] = _position(node.start_mark)
        self.source.ends[path] = _position(node.end_mark)
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if id(node) in self.active:
            self._fail(node, "an alias '*' refers to the item that contains it, which never ends; write the content out plainly")
        if node.tag not in _COLLECTIONS:
            return self._unsupported(node, path)
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return self._sequence(node, path)
            return self._mapping(node, path)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: MappingNode, path: tuple) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == _TAG + "merge":
                self._problem("E008", key_node, "only plain field names are allowed as keys (no '<<' merges or "
                              "lists as keys); write the fields out")
                continue
            key = key_node.value
            if key in result:
                first = self.source.keys[path + (key,)]
                self._problem("E006", key_node, f"field '{key}' appears twice in the same item (first at line {first[0]}); "
                              "only one value is kept, so remove or merge the duplicates")
                continue
            self.source.keys[path + (key,)] = _position(key_node.start_mark)
            self.source.key_ends[path + (key,)] = _position(key_node.end_mark)
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: ScalarNode, path: tuple):
        construct = _SCALARS.get(node.tag)
        if construct is None:
            return self._unsupported(node, path)
        if node.style in ("|", ">") and not node.value.strip():
            return self._empty_block(node, path)
        plain = not node.style
        if plain and node.tag in _NUMBERS and ":" in node.value:
            number = construct(node)
            return self._time(node, path, number, f"YAML reads the unquoted {node.value} as a time in base 60 and "
                              f"turns it into the number {number}")
        if plain and ":" in node.value and _unit(path) and _TIME.fullmatch(node.value):
            return self._time(node, path, reduce(lambda total, part: total * 60 + int(part), node.value.split(":"), 0),
                              f"{node.value} is written as a time, which YAML keeps as text, not a number")
        if plain and node.tag == _TAG + "str" and not _WORD.fullmatch(node.value):
            self._cut_by_comment(node, path)
        if node.tag != _TAG + "str":
            self.source.unquoted[path] = node.value
        return construct(node)

    def _time(self, node: ScalarNode, path: tuple, number, reading: str) -> str:
        """Report a value written as a time such as 1:30 (``number`` in base 60); keep it as written. Minutes
        written so may mean hours and minutes or minutes and seconds: the schema step words those."""
        if _unit(path) == "minutes" and node.value.count(":") == 1 and path[:-1] not in self.text_lists:
            self.source.times[path] = (reading, node.value, number)
            self.source.reported.add(path)
            return node.value
        advice, value = _time_advice(path, node.value, number, path[:-1] in self.text_lists)
        fix = value and Fix(_position(node.start_mark), _position(node.end_mark), value)
        self._report(path, error("E011", self.source.file, _position(node.start_mark), f"{reading}; {advice}", fix))
        return node.value

    def _cut_by_comment(self, node: ScalarNode, path: tuple) -> None:
        """Report a text followed on its line by ' #', which YAML reads as a comment, cutting the text."""
        line = self.source.lines[node.end_mark.line].rstrip()
        rest = line[node.end_mark.column:]
        if not COMMENT_AFTER.match(rest):
            return
        whole = _quoted(node.value + rest)
        fix = Fix(_position(node.start_mark), (node.end_mark.line + 1, len(line) + 1), whole)
        self._report(path, error("E012", self.source.file, _position(node.start_mark),
                                 f"YAML reads '{rest.lstrip()}' as a comment and cuts the text to '{node.value}'; put "
                                 f"the whole text in quotes: {whole} (a note for editors goes on a line of its own)",
                                 fix))

    def _empty_block(self, node: ScalarNode, path: tuple) -> str:
        """Report a bare '>' or '|' with no text below it, which YAML reads as an empty text block."""
        line = self.source.lines[node.start_mark.line]
        symbol = _symbol_at(line, node.start_mark.column)
        if symbol:
            self._report(path, _symbol_problem(self.source.file, node.start_mark, symbol, empty=True))
            return symbol
        written = re.split(r"\s+#", line[node.start_mark.column:], maxsplit=1)[0].rstrip()
        self._report(path, error("E014", self.source.file, _position(node.start_mark),
                                 f"YAML reads '{written}' as the start of a text block, and no text follows, so the "
                                 "value is empty; write the value in quotes, or the text on the lines below, indented"))
        return written

    def _sequence(self, node: SequenceNode, path: tuple) -> list:
        """The items of a list; lines that lost their '- ' are reported and read as the items they were meant to be."""
        if any(isinstance(item, ScalarNode) and item.tag == _TAG + "str" and not _WORD.fullmatch(item.value)
               for item in node.value):
            self.text_lists.add(path)
        items: list = []
        for item in node.value:
            if not node.flow_style and isinstance(item, ScalarNode) and not item.style:
                items += self._text_items(node, item, path, len(items))
            elif not node.flow_style and isinstance(item, MappingNode) and not item.flow_style:
                items += self._field_items(node, item, path, len(items))
            else:
                items.append(self.build(item, path + (len(items),)))
        return items

    def _text_items(self, node: SequenceNode, item: ScalarNode, path: tuple, index: int) -> list:
        """A text item, cut before each of its lines that reads as an item of its own."""
        starts = list(self._lines_starting_an_item(item)) if item.end_mark.line > item.start_mark.line else []
        if not starts:
            return [self.build(item, path + (index,))]
        breaks = [item.start_mark.line, *starts, item.end_mark.line + 1]
        return [self._text_lines(node, item, path + (index + part,), begin, end)
                for part, (begin, end) in enumerate(zip(breaks, breaks[1:]))]

    def _text_lines(self, node: SequenceNode, item: ScalarNode, path: tuple, begin: int, end: int) -> str:
        """The text of the lines ``begin`` to ``end`` (0-based, exclusive) of ``item``, as an item of its own."""
        lines = self.source.lines
        indent = len(lines[begin]) - len(lines[begin].lstrip())
        first = item.start_mark.column if begin == item.start_mark.line else indent
        dashed = begin != item.start_mark.line and lines[begin][first:].startswith("- ")
        written = [lines[begin][first + 2 * dashed:].strip()] + [line.strip() for line in lines[begin + 1:end]
                                                                 if line.strip()]
        last = max(number for number in range(begin, end) if lines[number].strip())
        self.source.values[path] = (begin + 1, first + 1)
        self.source.ends[path] = (last + 1, len(lines[last].rstrip()) + 1)
        if dashed:
            self._dash_too_far(node, begin + 1, first + 1)
        elif begin != item.start_mark.line:
            self._lost_dash(node, (begin + 1, first + 1), "joins it to the item above and makes one item of both; "
                            "start it with '- ' (or, if it belongs to the item above, write that item on one line)")
        return " ".join(written)

    def _dash_too_far(self, node: SequenceNode, line: int, column: int) -> None:
        """E013 for a list line whose '- ' stands right of the list's other '- ', which joins it to the item above."""
        extra = column - 1 - node.start_mark.column
        self.problems.append(error(
            "E013", self.source.file, (line, column),
            f"this line's '- ' is indented {extra} space{'s' * (extra != 1)} more than the '- ' of the items above, so "
            "YAML reads it as part of the item above and makes one item of both; start the '- ' in the same column "
            "as the others", Fix((line, node.start_mark.column + 1), (line, column), "")))

    def _field_items(self, node: SequenceNode, item: MappingNode, path: tuple, index: int) -> list:
        """An item of fields, cut before each repeat of its first field (a line that lost its '- ')."""
        first = item.value[0][0] if item.value else None
        cuts = [number for number, (key, _) in enumerate(item.value) if number and isinstance(first, ScalarNode)
                and isinstance(key, ScalarNode) and key.value == first.value]
        if not cuts:
            return [self.build(item, path + (index,))]
        bounds = [0, *cuts, len(item.value)]
        items = []
        for begin, end in zip(bounds, bounds[1:]):
            key = item.value[begin][0]
            part = MappingNode(item.tag, item.value[begin:end], key.start_mark, item.value[end - 1][1].end_mark)
            items.append(self.build(part, path + (index + len(items),)))
            if begin:
                self._lost_dash(node, _position(key.start_mark), f"reads it as part of the item above, which then has "
                                f"'{key.value}' twice; start it with '- ' to make it an item of its own")
        return items

    def _lost_dash(self, node: SequenceNode, start: Position, effect: str) -> None:
        """E013 for the list line at ``start``, which lacks its '- '."""
        self.problems.append(error("E013", self.source.file, start, f"this line has no '- ' in front, so YAML {effect}",
                                   Fix((start[0], node.start_mark.column + 1), start, "- ")))

    def _lines_starting_an_item(self, item: ScalarNode) -> Iterator[int]:
        """Lines (0-based) inside a list item's text over several lines that read as items of their own."""
        previous = self.source.lines[item.start_mark.line].rstrip()
        for number in range(item.start_mark.line + 1, item.end_mark.line + 1):
            text = self.source.lines[number].strip()
            if text and (text.startswith("- ") or starts_item(previous, text)):
                yield number
            previous = text or previous

    def _report(self, path: tuple, problem: Problem) -> None:
        self.problems.append(problem)
        self.source.reported.add(path)

    def _unsupported(self, node, path: tuple) -> str | None:
        """E008 for a tag; a text starting with '!' ('!Important: …') is read as written, with advice to quote it."""
        line = self.source.lines[node.start_mark.line]
        written = line[node.start_mark.column:].rstrip()
        if not isinstance(node, ScalarNode) or node.tag.startswith(_TAG) or not written.startswith("!") \
                or node.end_mark.line != node.start_mark.line:
            self._problem("E008", node, f"the tag '{node.tag}' is not supported; remove it and write a plain value")
            return None
        start = _position(node.start_mark)
        fix = Fix(start, (start[0], start[1] + len(written)), _quoted(written))
        self._report(path, error("E008", self.source.file, start, "YAML reserves '!' at the start of a value (for a "
                                 f"tag, '!name'), so it cannot read this text; put the whole text in quotes: {fix.text}",
                                 fix))
        return written

    def _problem(self, code: str, node, message: str) -> None:
        self.problems.append(error(code, self.source.file, _position(node.start_mark), message))

    def _fail(self, node, message: str):
        self._problem("E007", node, message)
        raise _Abort


def load_source(raw: bytes, display: str) -> tuple[Source | None, list[Problem]]:
    """Parse the bytes of a file (read with :mod:`generator.content.files`, shown as ``display`` in messages);
    return its source or the problems."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [error("E001", display, _text_position(raw, exc.start),
                            f"byte 0x{raw[exc.start]:02x} is not UTF-8 text; save the file as UTF-8 in your editor "
                            "(or retype the character)")]
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return None, [error("E002", display, (1, 1), "the file is empty; add the content or delete the file")]
    tabs = [m.end() for m in _TAB_INDENT.finditer(text)]
    if tabs:
        return None, [error("E005", display, _text_position(text.encode(), len(text[:end].encode()) - 1),
                            "a tab is used for indentation; YAML only allows spaces, so replace the tab with spaces")
                      for end in tabs]
    odd = invisible_indents(text, display)
    if odd:
        return None, odd
    return _compose(text, display)


def _compose(text: str, display: str) -> tuple[Source | None, list[Problem]]:
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [syntax_problem(exc, text, display)]
    except yaml.YAMLError as exc:
        return None, [error("E004", display, (1, 1), f"YAML cannot be read: {exc}; check quotes, colons and indentation")]
    if not isinstance(root, MappingNode):
        position = _position(root.start_mark) if root else (1, 1)
        return None, [error("E009", display, position, "the file must hold fields such as 'id: ...' at the top level, "
                            "not a list or a single value")]
    source = Source(display, None, text.splitlines())
    builder = _Builder(source)
    try:
        source.data = builder.build(root)
    except _Abort:
        return None, builder.problems
    return source, builder.problems
