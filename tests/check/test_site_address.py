"""The handbook's web address is set once (site_url); placeholders never reach paper or the published schemas."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from generator.content.schemas import SchemaSet
from generator.model import load_handbook
from generator.project import site_address
from generator.site.render import render_data


@pytest.mark.parametrize("line, expected", [
    ("site_url: https://clinic.org/handbook/", "https://clinic.org/handbook/"),
    ("site_url: https://clinic.org/handbook", "https://clinic.org/handbook/"),
    ("site_url: https://itbs-handbook.example/", None),
    ("site_url: https://www.example.com/", None),
    ("site_url: http://localhost:8000/", None),
    ("site_url:", None),
    ("", None),
])
def test_site_address_ignores_placeholders(tmp_path, line, expected):
    (tmp_path / "mkdocs.yml").write_text(f"site_name: t\n{line}\n")
    assert site_address(tmp_path) == expected


@pytest.mark.parametrize("line, says", [("site_url: https://itbs-handbook.example/", "placeholder"),
                                        ("# no address yet", "not set")])
def test_check_warns_once_at_site_url(project, line, says):
    project.write("mkdocs.yml", f"site_name: test\n{line}\n")
    problem = project.only("W303")
    assert (problem.file, problem.line, problem.severity) == ("mkdocs.yml", 2 if "site_url" in line else 1, "warning")
    assert says in problem.message and "site_url: https://…/" in problem.message


def test_published_schemas_are_identified_by_where_they_are_published(project):
    handbook = load_handbook(project.root)
    schemas = SchemaSet(project.root / "schemas").documents
    files = render_data(handbook, schemas, "https://clinic.org/handbook/")
    published = {path: json.loads(text) for path, text in files.items()}
    for path, doc in published.items():
        if path.endswith(".schema.json"):
            assert doc["$id"] == f"https://clinic.org/handbook/{path}"
    data = published["data/mini.json"]
    assert data["$schema"] == "https://clinic.org/handbook/data/protocol-data.schema.json"
    registry = Registry().with_resources((doc["$id"], Resource.from_contents(doc))
                                         for path, doc in published.items() if path.endswith(".schema.json"))
    validator = Draft202012Validator(published["data/protocol-data.schema.json"], registry=registry)
    assert list(validator.iter_errors(data)) == []


def test_without_an_address_nothing_is_invented(project):
    files = render_data(load_handbook(project.root), SchemaSet(project.root / "schemas").documents, None)
    assert all("$id" not in json.loads(text) for path, text in files.items() if path.endswith(".schema.json"))
    assert json.loads(files["data/mini.json"])["$schema"] == "protocol-data.schema.json"
    assert not any("example" in text for text in files.values() if "$id" in text)


def test_schema_files_resolve_from_where_they_lie():
    """Editors resolve the $refs of the files in schemas/ by their location: every $ref names a file beside it."""
    folder = Path(__file__).resolve().parents[2] / "schemas"
    refs = [(path.name, ref) for path in folder.glob("*.schema.json")
            for ref in re.findall(r'"\$ref": "([^"]+)"', path.read_text())]
    assert refs
    for name, ref in refs:
        target = ref.split("#", 1)[0]
        assert ":" not in target and (not target or (folder / target).is_file()), (name, ref)
