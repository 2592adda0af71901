"""Read one YAML file safely, keeping the line and column of every key and value.

PyYAML composes the file into nodes (libyaml's C parser where present); we
build plain Python data from the nodes ourselves so that we can

* reject duplicate keys (PyYAML silently keeps the last one),
* remember where each value came from (for ``file:line:col`` messages),
* keep the text of unquoted values, to explain YAML 1.1 surprises (``no`` -> false),
* keep dates as text (JSON has no date type),
* bound what anchors and aliases may expand to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .problems import Fix, Problem, error

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)

#: libyaml's wording -> what a clinician should do about it.
_SYNTAX_HINTS = {
    "mapping values are not allowed": "a ':' is in an unexpected place; if the text itself contains ': ', put the whole text in quotes",
    "could not find expected ':'": "a line is missing its ':' after the field name, or is indented differently from its neighbours",
    "did not find expected key": "check the indentation: fields of the same item must start in the same column",
    "did not find expected '-' indicator": "check the indentation of the list: every '- ' of one list starts in the same column",
    "found undefined alias": "an '*name' refers to an '&name' that does not exist; write the value out instead",
    "found unexpected end of stream": "a quote or bracket is opened but never closed",
    "found character '@' that cannot start any token": "text starting with '@' or '`' must be put in quotes",
    "found character '`' that cannot start any token": "text starting with '@' or '`' must be put in quotes",
    "expected a single document": "a file holds one document: remove the extra '---' line",
}

Position = tuple[int, int]


@dataclass
class Source:
    """A loaded YAML file: its data and where each part of it stands."""

    file: str
    data: Any
    keys: dict[tuple, Position] = field(default_factory=dict)
    values: dict[tuple, Position] = field(default_factory=dict)
    #: path -> the text as written, for values YAML turned into something other than text
    #: (``no`` -> false, ``1:30`` -> 90, ``1.10`` -> 1.1), so messages can quote what the clinician typed.
    unquoted: dict[tuple, str] = field(default_factory=dict)
    #: path -> where the value (or, in ``key_ends``, the key) ends: the column after its last character.
    ends: dict[tuple, Position] = field(default_factory=dict)
    key_ends: dict[tuple, Position] = field(default_factory=dict)

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


def _position(mark) -> Position:
    return mark.line + 1, mark.column + 1


def _text_position(raw: bytes, offset: int) -> Position:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


class _Builder:
    """Turns composed nodes into Python data, recording positions and problems."""

    def __init__(self, source: Source):
        self.source = source
        self.problems: list[Problem] = []
        self.count = 0
        self.active: set[int] = set()

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
            return self._unsupported(node)
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
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
            return self._unsupported(node)
        if node.tag != _TAG + "str":
            self.source.unquoted[path] = node.value
        return construct(node)

    def _unsupported(self, node) -> None:
        self._problem("E008", node, f"the tag '{node.tag}' is not supported; remove it and write a plain value")

    def _problem(self, code: str, node, message: str) -> None:
        self.problems.append(error(code, self.source.file, _position(node.start_mark), message))

    def _fail(self, node, message: str):
        self._problem("E007", node, message)
        raise _Abort


def load_source(path: Path, display: str) -> tuple[Source | None, list[Problem]]:
    """Load ``path`` (shown as ``display`` in messages); return its source or the problems."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error("E001", display, (1, 1), f"cannot read the file ({exc.strerror}); check that it exists and is readable")]
    if len(raw) > MAX_BYTES:
        return None, [error("E003", display, (1, 1), f"the file is {len(raw):,} bytes, over the limit of {MAX_BYTES:,}; "
                            "split it or remove pasted material")]
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
    return _compose(text, display)


def _compose(text: str, display: str) -> tuple[Source | None, list[Problem]]:
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "the file is not valid YAML"
        hint = next((h for key, h in _SYNTAX_HINTS.items() if key in str(exc)), "check quotes, colons and indentation")
        return None, [error("E004", display, _position(mark) if mark else (1, 1), f"YAML cannot be read here: {what}; {hint}")]
    except yaml.YAMLError as exc:
        return None, [error("E004", display, (1, 1), f"YAML cannot be read: {exc}; check quotes, colons and indentation")]
    if not isinstance(root, MappingNode):
        position = _position(root.start_mark) if root else (1, 1)
        return None, [error("E009", display, position, "the file must hold fields such as 'id: ...' at the top level, "
                            "not a list or a single value")]
    source = Source(display, None)
    builder = _Builder(source)
    try:
        source.data = builder.build(root)
    except _Abort:
        return None, builder.problems
    return source, builder.problems
