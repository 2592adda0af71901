"""No command writes over the project's own files: export, print (PDF and calendar) and diff's comment are refused
before anything is written when their output is a content, schema, source or project file, or not the kind of file
they write."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

REPO = Path(__file__).resolve().parents[1]
COMMANDS = {
    "export": ["export", "--format", "fhir", "--protocol", "itbs-runners", "-o"],
    "print": ["print", "strength-and-control", "-o"],
    "ics": ["print", "strength-and-control", "--ics"],
    "comment": ["diff", "--comment"],
}


SUFFIXES = {"export": ".json", "print": ".pdf", "ics": ".ics", "comment": ".md"}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("target", ["drills/clamshell.yaml", "protocols/itbs-runners.yaml", "schemas/drill.schema.json",
                                    "generator/cli.py", "README.md", "package.json", "site_src/clinicians",
                                    "drills/clamshell.pdf", "protocols/new.ics", "tests/notes.md"])
def test_no_output_overwrites_the_project(capsys, command, target):
    path = REPO / target
    before = path.read_bytes() if path.is_file() else None
    code = main(["--root", str(REPO), *COMMANDS[command], str(path)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert path.read_bytes() == before if before is not None else not path.is_file()
    if not target.endswith(SUFFIXES[command]):
        assert "does not end in " + SUFFIXES[command] in err, err
    elif "/" in target:
        assert f"inside the project's '{target.split('/')[0]}' folder" in err, err
    else:
        assert "one of the project's own files" in err, err


def test_an_output_of_its_kind_outside_the_content_is_written(tmp_path, capsys):
    target = tmp_path / "bundle.json"
    assert main(["--root", str(REPO), *COMMANDS["export"], str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("{")
