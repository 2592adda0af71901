"""The check remembers the files it loaded: a file whose bytes did not change is not loaded again, and every
edit, including one that puts a file back as it was, is checked afresh."""

from __future__ import annotations

import pytest

from generator.content import load as content_module


@pytest.fixture
def loads(monkeypatch) -> list[str]:
    """The files the check loads from their bytes (not from what it remembers), in order."""
    loaded: list[str] = []
    original = content_module.load_source

    def counting(raw: bytes, file: str):
        loaded.append(file)
        return original(raw, file)

    monkeypatch.setattr(content_module, "load_source", counting)
    return loaded


def test_only_an_edited_file_is_loaded_again(project, loads):
    assert project.problems() == []
    first = sorted(loads)
    loads.clear()
    assert project.problems() == []
    assert loads == []
    drill = first[0]
    project.edit(drill, "name:", "name: ")
    assert project.problems() == []
    assert loads == [drill]


def test_an_edit_is_checked_and_a_file_put_back_is_checked_again(project, loads):
    assert project.problems() == []
    drill = sorted(loads)[0]
    original = (project.root / drill).read_bytes()
    project.write(drill, original.replace(b"name:", b"nmae:", 1))
    broken = project.problems()
    assert broken and all(problem.file == drill for problem in broken)
    project.write(drill, original)
    assert project.problems() == []
    project.write(drill, original.replace(b"name:", b"nmae:", 1))
    assert project.problems() == broken


def test_a_change_to_the_schemas_checks_every_file_again(project, loads):
    assert project.problems() == []
    count = len(loads)
    schema = project.root / "schemas" / "drill.schema.json"
    schema.write_text(schema.read_text().replace('"name"', '"title"', 1))
    project.problems()
    assert len(loads) == 2 * count
