"""Validate loaded YAML against the JSON Schemas and word each error for a clinician."""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path

import jsonschema_rs
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource

from .problems import Problem, did_you_mean, error
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

    @cached_property
    def registry(self) -> Registry:
        resources = [(doc["$id"], Resource.from_contents(doc)) for doc in self.documents.values()]
        return Registry().with_resources(resources)

    @cached_property
    def fast_validators(self) -> dict:
        registry = jsonschema_rs.Registry([(doc["$id"], doc) for doc in self.documents.values()])
        return {kind: jsonschema_rs.Draft202012Validator(self.documents[kind], registry=registry, validate_formats=True)
                for kind in KINDS}

    @cached_property
    def validators(self) -> dict[str, Draft202012Validator]:
        return {
            kind: Draft202012Validator(self.documents[kind], registry=self.registry,
                                       format_checker=Draft202012Validator.FORMAT_CHECKER)
            for kind in KINDS
        }

    def check(self, kind: str, source: Source) -> list[Problem]:
        """All schema problems of ``source`` read as a ``kind`` document."""
        if self.fast_validators[kind].is_valid(source.data):
            return []
        errors = self.validators[kind].iter_errors(source.data)
        return [problem for err in errors for problem in _describe(err, source)]


def _name(path) -> str:
    """The field a path ends in, in words: 'sets', or 'item 3 of steps'."""
    path = list(path)
    if not path:
        return "the file"
    if isinstance(path[-1], int):
        parent = next((p for p in reversed(path) if isinstance(p, str)), "the list")
        return f"item {path[-1] + 1} of '{parent}'"
    return f"'{path[-1]}'"


def _shown(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "a group of fields" if isinstance(value, dict) else "a list"
    return repr(value) if isinstance(value, str) else str(value)


def _describe(err: ValidationError, source: Source):
    """Yield one problem per thing a clinician must change for ``err``."""
    path = tuple(err.absolute_path)
    code = _KEYWORD_CODES.get(err.validator, "E109")
    at = source.value_position(path)
    field = _name(path)
    kind, expected, value = err.validator, err.validator_value, err.instance

    if kind == "required":
        for missing in [m for m in expected if m not in value]:
            about = err.schema.get("properties", {}).get(missing, {})
            hint = f" ({about['description']})" if "description" in about else ""
            where = f" to {field}" if path else ""
            yield error(code, source.file, source.key_position(path),
                        f"required field '{missing}' is missing; add it{where}{hint}")
        return
    if kind == "additionalProperties":
        allowed = list(err.schema.get("properties", {}))
        for extra in [k for k in value if k not in allowed]:
            hint = did_you_mean(extra, allowed) or f"; the fields allowed here are: {', '.join(allowed)}"
            yield error(code, source.file, source.key_position(path + (extra,)), f"unknown field '{extra}'{hint}")
        return
    if kind in ("oneOf", "anyOf") and all(set(branch) == {"required"} for branch in expected):
        options = [branch["required"][0] for branch in expected]
        found = [o for o in options if o in value]
        yield error(code, source.file, source.key_position(path),
                    f"{field} needs exactly one of {', '.join(options)} "
                    f"(found {' and '.join(found) if found else 'none'})")
        return
    written = source.unquoted.get(path, "")
    surprise = f": YAML reads the bare word '{written}' as {_shown(value)}" \
        if isinstance(value, bool) and written.lower() not in ("true", "false") else ""
    if kind == "type":
        wanted = [expected] if isinstance(expected, str) else expected
        message = f"{field} must be {' or '.join(_TYPE_WORDS[t] for t in wanted)}, not {_shown(value)}{surprise}"
        if "string" in wanted and written:
            message += f"; put it in quotes: \"{written}\""
    elif kind in ("enum", "const"):
        choices = expected if kind == "enum" else [expected]
        message = (f"{field} must be one of: {', '.join(_shown(c) for c in choices)} "
                   f"(found {_shown(value)}{surprise}){did_you_mean(value, choices)}")
    else:
        message = f"{field} {_LIMIT_WORDS.get(kind, _fallback)(expected, value, err)}{surprise.replace(':', ';', 1)}"
    yield error(code, source.file, at, message)


def _fallback(expected, value, err: ValidationError) -> str:
    description = err.schema.get("description")
    if not description:
        return f"is not valid: {err.message}"
    return f"is not valid ({_shown(value)}); expected {description[0].lower()}{description[1:]}"


_LIMIT_WORDS = {
    "minimum": lambda e, v, err: f"must be at least {e} (found {_shown(v)})",
    "maximum": lambda e, v, err: f"must be at most {e} (found {_shown(v)})",
    "exclusiveMinimum": lambda e, v, err: f"must be more than {e} (found {_shown(v)})",
    "exclusiveMaximum": lambda e, v, err: f"must be less than {e} (found {_shown(v)})",
    "minItems": lambda e, v, err: f"needs at least {e} item{'s' if e != 1 else ''} (found {len(v)})",
    "maxItems": lambda e, v, err: f"may have at most {e} items (found {len(v)})",
    "minLength": lambda e, v, err: "is empty; write the text or remove the field" if not v
    else f"is too short: write at least {e} characters",
    "maxLength": lambda e, v, err: f"is too long: at most {e} characters (found {len(v)})",
    "uniqueItems": lambda e, v, err: "lists the same entry twice; remove the repeat",
    "pattern": lambda e, v, err: f"has the wrong form ({_shown(v)}): {err.schema.get('description', 'see the field reference')}",
    "format": lambda e, v, err: f"has the wrong form ({_shown(v)}): {err.schema.get('description', 'expected ' + str(e))}",
}
