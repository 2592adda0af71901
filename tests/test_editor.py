"""The editor and the checker read YAML alike: VS Code's YAML extension, set up by .vscode/settings.json, validates
the content against the project's schemas and reads it as YAML 1.1 (where bare yes, on and off are not text), as
``handbook check`` does, so the editor underlines what CI rejects."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SETTINGS = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))


def test_the_editor_reads_yaml_1_1_as_the_checker_does():
    assert SETTINGS["yaml.yamlVersion"] == "1.1"
    assert yaml.safe_load("side: no\n") == {"side": False}  # the checker's reading: YAML 1.1


def test_the_editor_maps_each_content_folder_to_its_schema():
    mapped = {glob: schema for schema, glob in SETTINGS["yaml.schemas"].items()}
    assert mapped == {"drills/*.yaml": "./schemas/drill.schema.json", "protocols/*.yaml": "./schemas/protocol.schema.json"}
    assert all((REPO / schema).is_file() for schema in mapped.values())
