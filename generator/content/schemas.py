"""Validate loaded YAML against the JSON Schemas and word each error for a clinician.

A message that proposes a value (quotes, a corrected form, a moved or renamed
field) proposes only one that the failing part of the schema accepts, and then
carries it as a :class:`Fix`.
"""

from __future__ import annotations

import calendar
import difflib
import json
import re
from functools import cached_property
from pathlib import Path
from typing import Iterator

import jsonschema_rs
import yaml
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource

from ..problems import Fix, Problem, error
from .source import Source

#: the kinds of content file, each checked against schemas/<kind>.schema.json.
KINDS = ("drill", "protocol")

_TYPE_WORDS = {
    "string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
    "array": "a list (lines starting with '- ')", "object": "a group of fields", "null": "empty",
}
_KEYWORD_CODES = {
    "required": "E101", "additionalProperties": "E102", "type": "E103", "enum": "E104", "const": "E104",
    "pattern": "E105", "format": "E105", "minimum": "E106", "maximum": "E106", "exclusiveMinimum": "E106",
    "exclusiveMaximum": "E106", "minItems": "E107", "maxItems": "E107", "minLength": "E107",
    "maxLength": "E107", "uniqueItems": "E108", "oneOf": "E109", "anyOf": "E109",
}
#: symbols typed for the operators, and the operator they stand for.
_SYMBOLS = str.maketrans({"≤": "<=", "≥": ">=", "≦": "<=", "≧": ">=", "＝": "=", "＜": "<", "＞": ">",
                          # the curly quotes a word processor types around a value are not part of it
                          "“": "", "”": "", "‘": "", "’": "", "„": "", "«": "", "»": ""})
#: operators said in words, spaces removed.
_SAID = {"atmost": "<=", "nomorethan": "<=", "upto": "<=", "atleast": ">=", "nolessthan": ">=", "lessthan": "<",
         "below": "<", "under": "<", "morethan": ">", "greaterthan": ">", "above": ">", "over": ">",
         "equals": "==", "equalto": "==", "is": "=="}
_DASHES = re.compile(r"\s*(?:[-‐‑‒–—−]|\bto\b)\s*")
_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_SHOWN_FIELDS = 4


class SchemaSet:
    """The project's schemas, ready to validate drills and protocols.

    Valid documents, the common case, are confirmed by the fast Rust validator;
    only a document it rejects goes through ``jsonschema``, whose errors carry
    the schema and path needed to word a message for a clinician.
    """

    def __init__(self, schema_dir: Path):
        self.documents = {
            path.name.removesuffix(".schema.json"): json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(schema_dir.glob("*.schema.json"))
        }
        # The files have no $id, so that editors resolve their relative $refs from where the files lie; in memory
        # each is identified by its place, and published copies get the address they are published at.
        base = schema_dir.resolve().as_uri() + "/"
        self.identified = {name: {"$id": f"{base}{name}.schema.json", **doc} for name, doc in self.documents.items()}

    @cached_property
    def registry(self) -> Registry:
        resources = [(doc["$id"], Resource.from_contents(doc)) for doc in self.identified.values()]
        return Registry().with_resources(resources)

    @cached_property
    def fast_validators(self) -> dict:
        registry = jsonschema_rs.Registry([(doc["$id"], doc) for doc in self.identified.values()])
        return {kind: jsonschema_rs.Draft202012Validator(self.identified[kind], registry=registry, validate_formats=True)
                for kind in KINDS}

    @cached_property
    def _document_validators(self) -> dict[str, Draft202012Validator]:
        """Document '$id' -> a validator of that whole document."""
        return {doc["$id"]: Draft202012Validator(doc, registry=self.registry,
                                                 format_checker=Draft202012Validator.FORMAT_CHECKER)
                for doc in self.identified.values()}

    @property
    def validators(self) -> dict[str, Draft202012Validator]:
        return {kind: self._document_validators[self.identified[kind]["$id"]] for kind in KINDS}

    @cached_property
    def _homes(self) -> dict[int, str]:
        """id() of every part of every schema -> the '$id' of the document it is written in."""
        homes: dict[int, str] = {}

        def visit(part, home: str) -> None:
            if isinstance(part, dict):
                homes[id(part)] = home
                parts = part.values()
            elif isinstance(part, list):
                parts = part
            else:
                return
            for inner in parts:
                visit(inner, home)

        for doc in self.identified.values():
            visit(doc, doc["$id"])
        return homes

    def accepts(self, schema: dict, value) -> bool:
        """Whether ``value`` passes ``schema``, a part of one of the documents."""
        home = self._homes.get(id(schema))
        return home is not None and self._document_validators[home].evolve(schema=schema).is_valid(value)

    def _including(self, schema: dict, combined: tuple[str, ...] = ("allOf",)) -> Iterator[dict]:
        """``schema`` and every schema it takes in through '$ref' and the ``combined`` keywords: 'allOf' for the
        fields a value must or may hold; with 'anyOf' and 'oneOf' too for everything that may describe it."""
        yield schema
        if "$ref" in schema:
            resolver = self.registry.resolver(base_uri=self._homes[id(schema)])
            yield from self._including(resolver.lookup(schema["$ref"]).contents, combined)
        for keyword in combined:
            for part in schema.get(keyword, []):
                yield from self._including(part, combined)

    def _parts_at(self, kind: str, path: tuple) -> list[dict]:
        """The schema parts that describe the value at ``path`` of a ``kind`` document."""
        parts = list(self._including(self.identified[kind]))
        for step in path:
            inner = [part.get("items") if isinstance(step, int) else part.get("properties", {}).get(step)
                     for part in parts]
            parts = [whole for schema in inner if isinstance(schema, dict) for whole in self._including(schema)]
        return parts

    def fields_at(self, kind: str, path: tuple) -> dict[str, dict]:
        """The fields (name -> schema) that the group at ``path`` of a ``kind`` document may hold."""
        parts = self._parts_at(kind, path)
        return {name: about for part in parts for name, about in part.get("properties", {}).items()}

    def required_at(self, kind: str, path: tuple) -> set[str]:
        """The fields the group at ``path`` of a ``kind`` document must hold (whatever its other fields)."""
        return {name for part in self._parts_at(kind, path) for name in part.get("required", [])}

    def marked(self, kind: str, data, keyword: str, mark) -> Iterator[tuple[tuple, list[dict], object]]:
        """(path, the schema parts describing it, value) of every value of a ``kind`` document that one of those
        parts marks ``keyword: mark`` (``contentMediaType: text/markdown`` finds the long texts). Only the
        branches of the document where the schema may mark something are walked."""
        waiting = [(self._shapes[kind], data, ())]
        while waiting:
            shape, value, path = waiting.pop()
            here, fields, item = shape.plan(keyword, mark)
            if here:
                yield path, shape.parts, value
            if fields and isinstance(value, dict):
                waiting += [(inner, value[key], path + (key,)) for key, inner in fields.items() if key in value]
            elif item and isinstance(value, list):
                waiting += [(item, inner, path + (i,)) for i, inner in enumerate(value)]

    @cached_property
    def _shapes(self) -> dict[str, "_Shape"]:
        return {kind: _Shape(self, [self.identified[kind]]) for kind in self.identified}

    def check(self, kind: str, source: Source) -> list[Problem]:
        """All schema problems of ``source`` read as a ``kind`` document (a content kind, or any schema: 'log')."""
        times = [self._time_problem(kind, source, path, *time) for path, time in source.times.items()]
        fast = self.fast_validators.get(kind)
        if fast is not None and fast.is_valid(source.data):
            return times
        validator = self._document_validators[self.identified[kind]["$id"]]
        return times + _Wording(self, kind, source).problems(validator.iter_errors(source.data))

    def _time_problem(self, kind: str, source: Source, path: tuple, reading: str, written: str, number) -> Problem:
        """E011 for minutes written as a time (1:30), with the readings of it that the field takes."""
        first, rest = written.split(":")
        schema = self.fields_at(kind, path[:-1]).get(path[-1], {})
        minutes = number / 60
        readings = [(_whole(number), f"{first} h {rest} min"), (_whole(minutes), f"{first} min {rest} s"),
                    (f"{int(minutes)}-{int(minutes) + 1}" if minutes > 1 and minutes != int(minutes) else 1,
                     f"{first} min {rest} s")]
        fitting: dict[str, object] = {}
        for value, meaning in readings:
            if value is not None and meaning not in fitting and self.accepts(schema, value):
                fitting[meaning] = value
        options = ", or ".join(f"{yaml_text(value)} if you meant {meaning}" for meaning, value in fitting.items())
        fix = source.value_fix(path, yaml_text(*fitting.values())) if len(fitting) == 1 else None
        return error("E011", source.file, source.value_position(path),
                     f"{reading}; write the minutes as {options or 'a number'}", fix)


def _whole(number):
    """``number`` as a whole number when it is one: 90.0 -> 90."""
    return int(number) if number == int(number) else number


def yaml_text(value) -> str:
    """``value`` as written in a YAML file in place of another value: words plain, other text in double quotes,
    groups as '{key: value}' (a form that fits on the line of its field, in a block or inside braces)."""
    if isinstance(value, str):
        plain = yaml.safe_dump(value, width=10**6, allow_unicode=True).split("\n")[0]
        return value if plain == value and value[:1].isalpha() else json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {yaml_text(inner)}" for key, inner in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(yaml_text(inner) for inner in value) + "]"
    return yaml.safe_dump(value).split("\n")[0]


_DECIMAL_COMMA = re.compile(r"\d+,\d+")


def _shown(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "a group of fields" if isinstance(value, dict) else "a list"
    return repr(value) if isinstance(value, str) else str(value)


def _about(schema: dict) -> str | None:
    """The schema's description, to follow words of a message."""
    description = schema.get("description")
    return description and description[0].lower() + description[1:]


def _closest(word, choices) -> str | None:
    close = difflib.get_close_matches(str(word), sorted(str(c) for c in choices), n=1, cutoff=0.6)
    return close[0] if close else None


def _meant(value, choices: list) -> list:
    """The choices ``value`` was probably typed for, likeliest first: '=<' -> '<=', '≥' -> '>=', 'Strength'."""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return []
    text = "".join(str(value).lower().translate(_SYMBOLS).split())
    text = _SAID.get(text, text)
    words = [c for c in choices if isinstance(c, str)]
    likely = [c for same in (str, sorted, set) for c in words if same(c.lower().replace(" ", "")) == same(text)]
    close = _closest(str(value).strip().lower(), words) if any(ch.isalpha() for ch in text) else None
    return list(dict.fromkeys(likely + ([close] if close else [])))


def _reformed(text: str) -> list:
    """Other ways of writing ``text`` a clinician may have meant: '10 – 15' -> '10-15', 'Side Plank' -> 'side-plank',
    a full stop typed after the end."""
    text = text.strip()
    ranged = _DASHES.sub("-", text)
    ends = re.fullmatch(r"(\d+)-(\d+)", ranged)
    forms = [text, f"{ends[2]}-{ends[1]}" if ends and int(ends[1]) > int(ends[2]) else ranged,
             text.rstrip(".,;"), re.sub(r"[\s_]+", "-", text.lower())]
    date = _DATE.fullmatch(text)
    if date:
        forms.append("{:04d}-{:02d}-{:02d}".format(*map(int, date.groups())))
    numbers = [yaml.safe_load(text)] if re.fullmatch(r"-?\d+(\.\d+)?", text) else []
    return list(dict.fromkeys(forms)) + numbers


def _completed(text: str, example) -> str | None:
    """``text`` with the missing zero parts of the field's example added: '1.2' with '1.0.0' -> '1.2.0'."""
    if not isinstance(example, str):
        return None
    parts, model = re.findall(r"\d+|\D+", text), re.findall(r"\d+|\D+", example)
    if not parts or len(parts) >= len(model):
        return None
    same_shape = all(p.isdigit() == m.isdigit() and (p.isdigit() or p == m) for p, m in zip(parts, model))
    rest = model[len(parts):]
    return text + "".join(rest) if same_shape and all(not r.isdigit() or int(r) == 0 for r in rest) else None


def _date_problem(text: str) -> str | None:
    """Why a date written YYYY-MM-DD names no day of the calendar, or None."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        return None
    year, month, day = map(int, match.groups())
    if not 1 <= month <= 12:
        return f"month {month} does not exist"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"day {day} does not exist in {calendar.month_name[month]} {year} (it has {last} days)"
    return None


class _Wording:
    """Words the errors of one document, one problem per thing the clinician must change."""

    def __init__(self, schemas: SchemaSet, kind: str, source: Source):
        self.schemas, self.kind, self.source = schemas, kind, source
        #: (group path, field) of required fields that a message about a misplaced or misspelt key already covers.
        self.covered: set[tuple[tuple, str]] = set()
        #: path of an empty group -> paths of the fields after it that belong inside it but are not indented.
        self.unindented: dict[tuple, list[tuple]] = {}

    def problems(self, errors) -> list[Problem]:
        """The problems of ``errors``, leaving out values the loader already reported."""
        errors = sorted((err for err in errors if not self.source.is_reported(tuple(err.absolute_path))),
                        key=lambda err: err.validator != "additionalProperties")
        for err in errors:
            if err.validator == "type" and err.instance is None and "object" in err.validator_value:
                self._note_unindented(tuple(err.absolute_path))
        return [problem for err in errors for problem in self.describe(err)]

    def _note_unindented(self, path: tuple) -> None:
        """Remember the fields written after the empty group at ``path``, in its column, that belong inside it."""
        parent, own = self.value(path[:-1]), self.schemas.fields_at(self.kind, path)
        beside, column = self.schemas.fields_at(self.kind, path[:-1]), self.source.keys[path][1]
        keys = list(parent)
        for key in keys[keys.index(path[-1]) + 1:]:
            at = path[:-1] + (key,)
            if key not in own or key in beside or self.source.keys[at][1] != column:
                break
            self.unindented.setdefault(path, []).append(at)

    def describe(self, err: ValidationError, whole: ValidationError | None = None) -> Iterator[Problem]:
        """The problems of ``err``; ``whole`` is the 'oneOf' it belongs to, whose description and schema then count."""
        words = getattr(self, "on_" + err.validator, None)
        if words:
            yield from words(err, whole or err)
        else:
            yield self.problem(err, f"{self.name(err.absolute_path)} {self._limit(err, whole or err)}")

    # -- helpers ---------------------------------------------------------------------------------------

    def value(self, path: tuple):
        data = self.source.data
        for step in path:
            data = data[step]
        return data

    def name(self, path) -> str:
        """The field a path ends in, in words: 'sets', or "item 3 of 'measures' ('hop-test')"."""
        path = tuple(path)
        if not path:
            return "the file"
        if isinstance(path[-1], int):
            parent = next((p for p in reversed(path) if isinstance(p, str)), "the list")
            item = self.value(path)
            label = item.get("id") or item.get("drill") if isinstance(item, dict) else None
            return f"item {path[-1] + 1} of '{parent}'" + (f" ('{label}')" if isinstance(label, str) else "")
        return f"'{path[-1]}'"

    def problem(self, err: ValidationError, message: str, fix: Fix | None = None, at=None) -> Problem:
        whole = err.parent if err.parent is not None and err.parent.validator in ("oneOf", "anyOf") else err
        code = _KEYWORD_CODES.get(whole.validator, "E109")
        return error(code, self.source.file, at or self.source.value_position(tuple(err.absolute_path)), message, fix)

    def written(self, path: tuple, value) -> str:
        return self.source.unquoted.get(path, value if isinstance(value, str) else "")

    def surprise(self, path: tuple, value) -> str:
        written = self.written(path, value)
        if isinstance(value, bool) and written.lower() not in ("true", "false"):
            return f": YAML reads the bare word '{written}' as {_shown(value)}"
        if isinstance(value, str) and _DECIMAL_COMMA.fullmatch(value):
            whole, part = value.split(",")
            return (f": a comma is not a decimal point here; write {whole}.{part} if you meant {whole} and a part, "
                    f"or \"{whole}-{part}\" for a range from {whole} to {part}")
        return ""

    def suggestion(self, err: ValidationError, candidates) -> tuple[object, Fix | None]:
        """The first candidate the failing schema accepts, with the edit that writes it; (None, None) if none does."""
        path = tuple(err.absolute_path)
        for candidate in candidates:
            if candidate is not None and candidate != err.instance and self.schemas.accepts(err.schema, candidate):
                fix = self.source.value_fix(path, yaml_text(candidate)) if path in self.source.ends else None
                return candidate, fix
        return None, None

    # -- fields ----------------------------------------------------------------------------------------

    def on_required(self, err, whole):
        path = tuple(err.absolute_path)
        for missing in [m for m in err.validator_value if m not in err.instance and (path, m) not in self.covered]:
            about = err.schema.get("properties", {}).get(missing, {})
            hint = f" ({about['description']})" if "description" in about else ""
            where = f" to {self.name(path)}" if path else ""
            yield self.problem(err, f"required field '{missing}' is missing; add it{where}{hint}",
                               at=self.source.key_position(path))

    def on_additionalProperties(self, err, whole):
        path = tuple(err.absolute_path)
        allowed = err.schema.get("properties", {})
        moved = {at[-1] for group, fields in self.unindented.items() if group[:-1] == path for at in fields}
        for extra in [key for key in err.instance if key not in allowed and key not in moved]:
            at = self.source.key_position(path + (extra,))
            home = self._home(path, extra)
            if home is not None:
                yield self.problem(err, *self._misplaced(path, extra, home), at=at)
                continue
            comma = self._decimal_comma_key(path, extra)
            if comma:
                yield self.problem(err, comma, at=at)
                continue
            child = self._child_home(path, extra)
            if child is not None:
                yield self.problem(err, f"'{extra}' belongs inside '{child}', not beside it; move it into "
                                        f"'{child}', as one of its fields", at=at)
                continue
            close = _closest(extra, allowed)
            if not close:
                yield self.problem(err, f"unknown field '{extra}'; the fields allowed here are: {', '.join(allowed)}",
                                   at=at)
                continue
            fits = close not in err.instance and self.schemas.accepts(allowed[close], err.instance[extra])
            if close in err.schema.get("required", []) and close not in err.instance:
                self.covered.add((path, close))
            yield self.problem(err, f"unknown field '{extra}' — did you mean '{close}'?",
                               self.source.key_fix(path + (extra,), close) if fits else None, at=at)

    def _home(self, path: tuple, key: str) -> tuple | None:
        """The enclosing group that ``key``, unknown in the group at ``path``, belongs to (if it is missing there)."""
        for depth in range(len(path) - 1, -1, -1):
            group = path[:depth]
            if isinstance(self.value(group), dict) and key not in self.value(group) \
                    and key in self.schemas.fields_at(self.kind, group):
                return group
        return None

    def _decimal_comma_key(self, path: tuple, key) -> str | None:
        """Why a field named by digits after a number and a comma in braces ({run_minutes: 1,5}) is a decimal comma."""
        if not re.fullmatch(r"\d+", str(key)) or path + (key,) not in self.source.keys:
            return None
        line, column = self.source.keys[path + (key,)]
        before = re.search(r"([\w-]+):\s*(\d+),\s*$", self.source.lines[line - 1][:column - 1])
        if not before:
            return None
        field, whole = before.groups()
        return (f"'{field}: {whole},{key}' reads as {field} {whole} and a field '{key}': a comma is not a decimal "
                f"point; write {field}: {whole}.{key} if you meant {whole} and a part, or \"{whole}-{key}\" for a range")

    def _child_home(self, path: tuple, key: str) -> str | None:
        """The field of the group at ``path`` whose own group ``key`` belongs to ('within' beside a sign's 'rule')."""
        group = self.value(path)
        return next((name for name, value in group.items() if isinstance(value, dict) and key not in value
                     and key in self.schemas.fields_at(self.kind, path + (name,))), None)

    def _misplaced(self, path: tuple, key: str, home: tuple) -> tuple[str, Fix | None]:
        """The message (and the edit) for ``key``, written inside ``path`` but belonging to ``home``."""
        self.covered.add((home, key))
        inside = next(p for p in reversed(path) if isinstance(p, str))
        line, column = self.source.keys[path + (key,)]
        left = self.source.keys[home + (path[len(home)],)][1]
        owner = f"{self.name(home)}" if home else f"the {self.kind}"
        if column <= left or self.source.lines[line - 1][:column - 1].strip():
            return f"'{key}' belongs to {owner}, not inside '{inside}'; move it out of '{inside}'", None
        message = f"'{key}' is indented under '{inside}'; move it {column - left} spaces left, in line with '{inside}'"
        group = self.value(path)
        movable = self.source.ends[path + (key,)][0] == line and list(group)[-1] == key
        fits = movable and self.schemas.accepts(self.schemas.fields_at(self.kind, home)[key], group[key])
        return message, Fix((line, left), (line, column), "") if fits else None

    # -- values ----------------------------------------------------------------------------------------

    def on_type(self, err, whole):
        path, value = tuple(err.absolute_path), err.instance
        wanted = [err.validator_value] if isinstance(err.validator_value, str) else err.validator_value
        written = self.written(path, value)
        if "object" in wanted:
            yield self._not_a_group(err, path, value)
            return
        if value is None and written.lower() in ("null", "~") and self._optional(path):
            line = self.source.keys[path][0]
            yield self.problem(err, f"{self.name(path)} is empty: YAML reads '{written}' as nothing; to leave it out, "
                                    "delete the line", Fix((line, 1), (line + 1, 1), ""))
            return
        if "string" in wanted and self._colon_in_text(path, value):
            (line, start), end = self.source.values[path], self.source.ends[path + (next(iter(value)),)]
            text = self.source.lines[line - 1][start - 1:end[1] - 1]
            fix = Fix((line, start), end, json.dumps(text, ensure_ascii=False))
            yield self.problem(err, f"{self.name(path)} must be text, but YAML reads the ': ' in '{text}' as a field "
                                    f"name and its value; put the whole text in quotes: {fix.text}", fix)
            return
        candidates = [written] if "string" in wanted and written else []
        candidates += [_completed(written, example) for example in err.schema.get("examples", [])]
        candidates += [[value]] if "array" in wanted and not isinstance(value, (list, dict)) else []
        candidates += _reformed(value) if isinstance(value, str) else []
        meant, fix = self.suggestion(err, candidates)
        message = (f"{self.name(path)} must be {' or '.join(_TYPE_WORDS[t] for t in wanted)}, "
                   f"not {_shown(value)}{self.surprise(path, value)}")
        if fix and meant == written:
            message += f"; put it in quotes: {yaml_text(meant)}"
        elif fix:
            message += f"; write {yaml_text(meant)}"
        elif _about(err.schema):
            message += f"; {_about(err.schema)}"
        yield self.problem(err, message, fix)

    def _colon_in_text(self, path: tuple, value) -> bool:
        """Whether ``value`` is a text with ': ' in it, written on one line, that YAML read as a field and its value."""
        if not isinstance(value, dict) or len(value) != 1 or path not in self.source.values:
            return False
        key = next(iter(value))
        return (" " in key and isinstance(value[key], str) and path + (key,) in self.source.ends
                and self.source.values[path][0] == self.source.ends[path + (key,)][0])

    def _optional(self, path: tuple) -> bool:
        """Whether the field at ``path`` may be left out, and is written on a line of its own."""
        line = self.source.keys.get(path, (0, 0))[0]
        alone = line and self.source.ends[path][0] == line and not self.source.lines[line - 1][
            :self.source.keys[path][1] - 1].strip()
        return bool(alone) and path[-1] not in self.schemas.required_at(self.kind, path[:-1])

    def _not_indented(self, err, path: tuple) -> Problem:
        """One problem for the fields written under an empty group in its column: indent them."""
        fields = self.unindented[path]
        first, last = self.source.keys[fields[0]][0], self.source.ends[fields[-1]][0]
        lines = self.source.lines[first - 1:last]
        fix = Fix((first, 1), (last, len(lines[-1]) + 1), "\n".join("  " + line for line in lines))
        names = ", ".join(at[-1] for at in fields)
        return self.problem(err, f"the fields below '{path[-1]}:' ({names}) belong to it, but stand in its column; "
                                 "indent them by 2 more spaces", fix, at=self.source.key_position(path))

    def _not_a_group(self, err, path: tuple, value) -> Problem:
        if path in self.unindented:
            return self._not_indented(err, path)
        fields = list(err.schema.get("properties", {}))
        listed = (f"fields such as {', '.join(fields[:_SHOWN_FIELDS])}, …" if len(fields) > _SHOWN_FIELDS
                  else f"the fields {', '.join(fields)}")
        message = f"{self.name(path)} must be a group of {listed}, not {_shown(value)}"
        required = err.schema.get("required", [])
        one_field = {required[0]: value} if len(required) == 1 and not isinstance(value, (dict, list)) else None
        meant, fix = self.suggestion(err, [one_field])
        if fix:
            return self.problem(err, f"{message}; write {yaml_text(meant)}", fix)
        examples = err.schema.get("examples")
        hint = f"; for example {yaml_text(examples[0])}" if examples else ""
        return self.problem(err, message + hint)

    def on_enum(self, err, whole):
        path, value = tuple(err.absolute_path), err.instance
        choices = err.validator_value if err.validator == "enum" else [err.validator_value]
        meant, fix = self.suggestion(err, _meant(value, choices))
        hint = f" — did you mean '{meant}'?" if fix else ""
        yield self.problem(err, f"{self.name(path)} must be one of: {', '.join(_shown(c) for c in choices)} "
                                f"(found {_shown(value)}{self.surprise(path, value)}){hint}", fix)

    on_const = on_enum

    def on_oneOf(self, err, whole):
        branches = err.validator_value
        if all(set(branch) == {"required"} for branch in branches):
            yield from self._one_field_of(err)
            return
        meant = self._branch_meant(err)
        if meant:
            for inner in meant:
                yield from self.describe(inner, err)
            return
        path = tuple(err.absolute_path)
        yield self.problem(err, f"{self.name(path)} {self._limit(err, err)}")

    on_anyOf = on_oneOf

    def _one_field_of(self, err):
        if not isinstance(err.instance, dict):
            return
        path = tuple(err.absolute_path)
        options = [branch["required"][0] for branch in err.validator_value]
        found = [o for o in options if o in err.instance]
        last = max(found, key=lambda key: self.source.keys[path + (key,)]) if len(found) > 1 else None
        yield self.problem(err, f"{self.name(path)} needs exactly one of {', '.join(options)} "
                                f"(found {' and '.join(found) if found else 'none'})",
                           at=self.source.key_position(path + (last,) if last else path))

    @staticmethod
    def _branch_meant(err) -> list[ValidationError]:
        """The errors of the one branch whose type fits the value (the form the clinician evidently meant)."""
        branches: dict[int, list[ValidationError]] = {}
        for inner in err.context:
            branches.setdefault(inner.relative_schema_path[0], []).append(inner)
        fitting = [errors for errors in branches.values()
                   if not any(e.validator == "type" and not e.relative_path for e in errors)]
        return fitting[0] if len(fitting) == 1 else []

    def on_format(self, err, whole):
        path, value = tuple(err.absolute_path), err.instance
        if self._comma_missing(whole, path, value):
            words = value.split()
            fix = self.source.value_fix(path, ", ".join(words))
            yield self.problem(err, f"{self.name(path)} ({_shown(value)}) holds {len(words)} entries with no comma "
                                    f"between them; write {', '.join(words)}", fix)
            return
        meant, fix = self.suggestion(whole, _reformed(value) if isinstance(value, str) else [])
        if fix:
            yield self.problem(err, f"{self.name(path)} has the wrong form ({_shown(value)}); write {yaml_text(meant)}",
                               fix)
            return
        wrong_day = _date_problem(value) if err.validator_value == "date" else None
        if wrong_day:
            yield self.problem(err, f"{self.name(path)} is not a real date ({_shown(value)}): {wrong_day}; "
                                    "write the date as YYYY-MM-DD")
            return
        yield self.problem(err, f"{self.name(path)} {self._limit(err, whole)}")

    on_pattern = on_format

    def _comma_missing(self, err, path: tuple, value) -> bool:
        """Whether ``value``, an item of a list in brackets, is entries joined by spaces (ids such as 'noble-1980')."""
        if not path or not isinstance(path[-1], int) or not isinstance(value, str) or path not in self.source.ends:
            return False
        line, column = self.source.value_position(path[:-1])
        words = value.split()
        return self.source.lines[line - 1][column - 1:column] == "[" and len(words) > 1 and all(
            "-" in word and self.schemas.accepts(err.schema, word) for word in words)

    def _limit(self, err, whole) -> str:
        path, value = tuple(err.absolute_path), err.instance
        words = _LIMIT_WORDS.get(err.validator)
        about = _about(whole.schema) or _about(err.schema)
        if words:
            said, extra = words(err.validator_value, value, about), self.surprise(path, value).replace(":", ";", 1)
            if path and isinstance(path[-1], str) and path[-1] in self.schemas.required_at(self.kind, path[:-1]):
                said = said.replace(" or remove the field", "")  # a field the group must have cannot go
            return (said.removesuffix(".") if extra else said) + extra
        if not about:
            return f"is not valid: {err.message}"
        return f"is not valid ({_shown(value)}); expected {about}"


_LIMIT_WORDS = {
    "minimum": lambda e, v, about: f"must be at least {e} (found {_shown(v)})",
    "maximum": lambda e, v, about: f"must be at most {e} (found {_shown(v)})",
    "exclusiveMinimum": lambda e, v, about: f"must be more than {e} (found {_shown(v)})",
    "exclusiveMaximum": lambda e, v, about: f"must be less than {e} (found {_shown(v)})",
    "minItems": lambda e, v, about: f"needs at least {e} item{'s' if e != 1 else ''} (found {len(v)})",
    "maxItems": lambda e, v, about: f"may have at most {e} items (found {len(v)})",
    "minLength": lambda e, v, about: "is empty; write the text or remove the field" if not v
    else f"is too short: write at least {e} characters",
    "maxLength": lambda e, v, about: f"is too long: at most {e} characters (found {len(v)})",
    "uniqueItems": lambda e, v, about: "lists the same entry twice; remove the repeat",
    "pattern": lambda e, v, about: f"has the wrong form ({_shown(v)}): {about or 'see the field reference'}",
    "format": lambda e, v, about: f"has the wrong form ({_shown(v)}): {about or 'expected ' + str(e)}",
}


class _Shape:
    """The schema parts that describe one place of a document, and (worked out when first needed, then kept) the
    shape of each field and item below it: walking a document costs one lookup per value."""

    def __init__(self, schemas: SchemaSet, parts: list[dict]):
        self.schemas = schemas
        self.parts = [whole for part in parts for whole in schemas._including(part, ("allOf", "anyOf", "oneOf"))]
        self._inner: dict = {}
        self._plans: dict = {}

    def field(self, key: str) -> "_Shape":
        if key not in self._inner:
            self._inner[key] = _Shape(self.schemas, [p["properties"][key] for p in self.parts
                                                     if isinstance(p.get("properties", {}).get(key), dict)])
        return self._inner[key]

    def item(self) -> "_Shape":
        if None not in self._inner:
            self._inner[None] = _Shape(self.schemas, [part["items"] for part in self.parts
                                                      if isinstance(part.get("items"), dict)])
        return self._inner[None]

    def plan(self, keyword: str, mark) -> tuple[bool, dict[str, "_Shape"], "_Shape | None"]:
        """Whether a part marks this place ``keyword: mark``; the fields, and the item shape, where such a mark
        may be found at or below."""
        if (keyword, mark) not in self._plans:
            fields, item = self._below()
            self._plans[keyword, mark] = (self._marks(keyword, mark),
                                          {name: shape for name, shape in fields.items() if shape.holds(keyword, mark)},
                                          item if item and item.holds(keyword, mark) else None)
        return self._plans[keyword, mark]

    def holds(self, keyword: str, mark, seen: frozenset[frozenset[int]] = frozenset()) -> bool:
        """Whether this place, or one below it, may be marked ``keyword: mark`` (a schema that recurs is
        followed once)."""
        if self._marks(keyword, mark):
            return True
        key = frozenset(id(part) for part in self.parts)
        if not self.parts or key in seen:
            return False
        fields, item = self._below()
        return any(shape.holds(keyword, mark, seen | {key}) for shape in [*fields.values(), *([item] if item else [])])

    def _marks(self, keyword: str, mark) -> bool:
        return any(part.get(keyword) == mark for part in self.parts)

    def _below(self) -> tuple[dict[str, "_Shape"], "_Shape | None"]:
        """The shapes of the fields this place may hold, and of its items if it may be a list."""
        names = sorted({name for part in self.parts for name in part.get("properties", {})})
        item = self.item() if any(isinstance(part.get("items"), dict) for part in self.parts) else None
        return {name: self.field(name) for name in names}, item
