"""A throw-away copy of the small valid project in fixtures/mini, to break one file at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.checks.run import check_project

REPO = Path(__file__).resolve().parents[2]
MINI = Path(__file__).parent / "fixtures" / "mini"
BAD = Path(__file__).parent / "fixtures" / "bad"


class Project:
    """A copy of the mini project that tests edit and check."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(MINI, root)
        shutil.copytree(REPO / "schemas", root / "schemas")
        (root / "mkdocs.yml").write_text("site_name: test\nsite_url: https://handbook.test/\n")

    def write(self, name: str, text: str | bytes) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        return path

    def use_bad(self, fixture: str, as_name: str) -> Path:
        """Put ``fixtures/bad/<fixture>`` into the project as ``as_name``."""
        return self.write(as_name, (BAD / fixture).read_bytes())

    def edit(self, name: str, old: str, new: str) -> None:
        text = (self.root / name).read_text()
        assert old in text, f"{old!r} not in {name}"
        self.write(name, text.replace(old, new, 1))

    def line_of(self, name: str, needle: str) -> int:
        """1-based number of the first line of ``name`` containing ``needle``."""
        for number, line in enumerate((self.root / name).read_text().splitlines(), 1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not in {name}")

    def problems(self, code: str | None = None):
        found = check_project(self.root).problems
        return [p for p in found if code is None or p.code == code]

    def only(self, code: str):
        """The single problem with ``code``; fails if there are none or several."""
        found = self.problems(code)
        assert len(found) == 1, f"expected one {code}, got {self.problems()}"
        return found[0]


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path / "project")
