"""A git repository in a temporary folder holding the small valid project of tests/check, to change and compare."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.review.changes import Change
from generator.review.diff import compare, side
from generator.review.revisions import load_revision

REPO = Path(__file__).resolve().parents[2]
MINI = REPO / "tests" / "check" / "fixtures" / "mini"
PROTOCOL = "protocols/mini.yaml"


class Repository:
    """The mini project under git: edit the working tree, commit, compare."""

    def __init__(self, root: Path, content: Path = MINI):
        self.root = root
        shutil.copytree(content / "drills", root / "drills")
        shutil.copytree(content / "protocols", root / "protocols")
        shutil.copytree(REPO / "schemas", root / "schemas")
        (root / "mkdocs.yml").write_text("site_name: test\nsite_url: https://handbook.test/\n")
        self.git("init", "-q", "-b", "main")
        self.commit("first version")

    def git(self, *args: str) -> str:
        return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@handbook.test", *args],
                              cwd=self.root, check=True, capture_output=True, text=True).stdout

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def edit(self, old: str, new: str, name: str = PROTOCOL) -> None:
        path = self.root / name
        text = path.read_text()
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1))

    def changes(self, base: str = "HEAD", head: str | None = None) -> list[Change]:
        return compare(side(load_revision(self.root, base)), side(load_revision(self.root, head)))

    def only(self) -> Change:
        found = self.changes()
        assert len(found) == 1, [c.text for c in found]
        return found[0]

    def clinical(self) -> Change:
        """The one clinical change (a threshold edited with the number its words state, say)."""
        found = [c for c in self.changes() if c.kind == "clinical"]
        assert len(found) == 1, [c.text for c in found]
        return found[0]


@pytest.fixture
def repository(tmp_path) -> Repository:
    return Repository(tmp_path / "project")


@pytest.fixture
def handbook_repository(tmp_path) -> Repository:
    """The handbook's own drills and protocols under git, for changes at their real size."""
    return Repository(tmp_path / "handbook", REPO)
