"""The field reference for clinicians, read from the JSON Schemas: one section per kind of item, one row per field."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

#: document kinds first, then the items they contain, in reading order.
DOCUMENTS = ("drill", "protocol")
#: shared definitions whose examples say nothing about a particular field.
GENERIC = {"text", "text_list"}
LIMITS = (("minimum", "at least {}"), ("exclusiveMinimum", "more than {}"), ("maximum", "at most {}"),
          ("minLength", "at least {} characters"), ("maxLength", "at most {} characters"), ("pattern", "pattern {}"))


@dataclass(frozen=True)
class Row:
    name: str
    type: str
    required: bool
    allowed: str
    description: str
    example: str
    section: str | None = None

    @property
    def link(self) -> str | None:
        """The anchor of the section describing this field's items, if they have one."""
        return _anchor(self.section) if self.section else None


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    description: str
    rows: list[Row]


def _anchor(name: str) -> str:
    return name.replace("_", "-")


def _target(ref: str) -> str:
    """'common.schema.json#/$defs/dosage' or '#/$defs/phase' -> 'dosage' / 'phase'."""
    return ref.rsplit("/", 1)[-1]


#: the tables of a drill's figure, shown on the page on writing a pose rather than with the other fields.
POSE_SECTIONS = ("figure", "prop", "position", "trunk", "pelvis", "limbs", "hip", "shoulder")


class FieldReference:
    """Reads the schemas (file name -> document) and lists every object type they define."""

    def __init__(self, documents: dict[str, dict]):
        self.defs = {}
        for name in ("common", *DOCUMENTS):
            self.defs.update(documents[name].get("$defs", {}))
        self.documents = documents

    def _resolve(self, schema: dict) -> dict:
        """The schema with its $ref (and allOf parts) folded in, keeping its own title and description."""
        merged: dict = {}
        for part in schema.get("allOf", []):
            merged.update(self._resolve(part))
        if "$ref" in schema:
            merged.update(self._resolve(self.defs[_target(schema["$ref"])]))
        merged.update({k: v for k, v in schema.items() if k not in ("$ref", "allOf")})
        return merged

    def _is_object(self, name: str) -> bool:
        return self.defs.get(name, {}).get("type") == "object"

    def _type(self, schema: dict, key: str) -> tuple[str, str | None]:
        """(type in words, the object section it links to) of the field ``key`` (parent-field)."""
        if "$ref" in schema:
            name = _target(schema["$ref"])
            return self.defs[name]["title"].lower(), name if self._is_object(name) else None
        if "allOf" in schema:
            return self._type(schema["allOf"][0], key)
        kind = schema.get("type")
        if kind == "object":
            self.defs[key] = schema
            return schema["title"].lower(), key
        if kind == "array":
            inner, section = self._type(schema.get("items", {}), key)
            return f"list of {inner}", section
        if "oneOf" in schema:
            return " or ".join(self._type(option, key)[0] for option in schema["oneOf"]), None
        if "enum" in schema:
            return "one of the allowed values", None
        if isinstance(kind, list):
            return " or ".join(kind), None
        return {"integer": "whole number", "string": "text", "boolean": "true or false"}.get(kind, kind or "any"), None

    def _allowed(self, schema: dict) -> str:
        schema = self._resolve(schema)
        if schema.get("type") == "array":
            return self._allowed(schema.get("items", {}))
        if "enum" in schema:
            return ", ".join(str(v) for v in schema["enum"])
        return "; ".join(words.format(schema[key]) for key, words in LIMITS
                         if key in schema and (key, schema[key]) != ("minLength", 1))

    def _example(self, schema: dict) -> str:
        examples = schema.get("examples")
        if not examples and _target(schema.get("$ref", "")) not in GENERIC:
            examples = self._resolve(schema).get("examples")
        return _as_yaml(examples[0]) if examples else ""

    def section(self, anchor: str, schema: dict) -> Section:
        required = set(schema.get("required", []))
        rows = []
        for name, field in schema.get("properties", {}).items():
            kind, section = self._type(field, f"{anchor}-{name}")
            resolved = self._resolve(field)
            rows.append(Row(name, kind, name in required, self._allowed(field), resolved.get("description", ""),
                            self._example(field), section))
        return Section(_anchor(anchor), schema["title"], schema.get("description", ""), rows)

    def sections(self) -> list[Section]:
        """The two documents, then every object type they use, each once."""
        found = [self.section(name, self.documents[name]) for name in DOCUMENTS]
        seen = set(DOCUMENTS)
        index = 0
        while index < len(found):
            for row in found[index].rows:
                if row.section and row.section not in seen:
                    seen.add(row.section)
                    found.append(self.section(row.section, self._resolve(self.defs[row.section])))
            index += 1
        return found


def _as_yaml(value) -> str:
    """An example as a clinician would write it in the YAML file, on one line."""
    text = yaml.safe_dump(value, default_flow_style=True, sort_keys=False, allow_unicode=True, width=10_000)
    return text.strip().removesuffix("...").strip()
