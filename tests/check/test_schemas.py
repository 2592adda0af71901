"""The JSON Schemas themselves: valid draft 2020-12, closed objects, documented fields."""

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from generator.content.schemas import SchemaSet

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
SCHEMAS = sorted(SCHEMA_DIR.glob("*.schema.json"))


def subschemas(node, path="#"):
    """(path, node) of every dict in a schema document, however deep, skipping example data."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            if key != "examples":
                yield from subschemas(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from subschemas(value, f"{path}/{i}")


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_valid_against_the_metaschema(path):
    schema = json.loads(path.read_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "$id" not in schema, "the files carry no $id: editors resolve their $refs from where they lie"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_object_is_closed_and_every_field_documented(path):
    schema = json.loads(path.read_text())
    for where, node in ((w, n) for w, n in subschemas(schema) if "properties" in n):
        assert node.get("additionalProperties") is False, f"{path.name} {where} allows unknown fields"
        for name, field in node["properties"].items():
            assert field.get("title") and field.get("description"), f"{path.name} {where}/{name} lacks title/description"


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_examples_are_valid(path):
    """Every example in a schema passes that part of the schema (they feed the field reference)."""
    schemas = SchemaSet(SCHEMA_DIR)
    document = schemas.identified[path.name.removesuffix(".schema.json")]
    validator = Draft202012Validator(document, registry=schemas.registry)
    for where, node in ((w, n) for w, n in subschemas(document) if "examples" in n):
        sub = validator.evolve(schema=node)
        for example in node["examples"]:
            assert sub.is_valid(example), f"{path.name} {where}: example {example!r} is invalid"



def _every_described(schema: dict, resolver, data, path: tuple = ()):
    """(path, part) for every value of ``data`` and every schema part that describes it, walked in full: the
    plain reading that :meth:`SchemaSet.marked` must agree with."""
    if "$ref" in schema:
        resolved = resolver.lookup(schema["$ref"])
        yield from _every_described(resolved.contents, resolved.resolver, data, path)
    yield path, schema
    for branch in [b for combined in ("allOf", "anyOf", "oneOf") for b in schema.get(combined, [])]:
        yield from _every_described(branch, resolver, data, path)
    if isinstance(data, dict):
        for key, part in schema.get("properties", {}).items():
            if key in data:
                yield from _every_described(part, resolver, data[key], path + (key,))
    if isinstance(data, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(data):
            yield from _every_described(schema["items"], resolver, item, path + (i,))


@pytest.mark.parametrize("keyword, mark", [("contentMediaType", "text/markdown"), ("type", "string"),
                                           ("type", "number"), ("format", "date")])
def test_marked_values_are_those_a_full_walk_finds(keyword, mark):
    schemas = SchemaSet(SCHEMA_DIR)
    root = SCHEMA_DIR.parent
    documents = [("drill", path) for path in sorted((root / "drills").glob("*.yaml"))]
    documents += [("protocol", path) for path in sorted((root / "protocols").glob("*.yaml"))]
    for kind, path in documents:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        schema = schemas.identified[kind]
        walked = {where for where, part in _every_described(schema, schemas.registry.resolver(base_uri=schema["$id"]),
                                                             data) if part.get(keyword) == mark}
        found = [where for where, _, _ in schemas.marked(kind, data, keyword, mark)]
        assert sorted(found) == sorted(walked), path.name
    assert found, "the protocol has values so marked"
