"""The JSON Schemas themselves: valid draft 2020-12, closed objects, documented fields."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.schemas import SchemaSet

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

