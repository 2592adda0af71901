"""Shared fixtures for the site tests: a small fixture project and the real site, built once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"


def make_project(folder: Path, content: Path = FIXTURE) -> Path:
    """A project in ``folder``: the repository's schemas, site config and hand-written pages, with ``content``."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "schemas", folder / "schemas")
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    for part in ("drills", "protocols"):
        shutil.copytree(content / part, folder / part)
    return folder


@pytest.fixture
def fixture_project(tmp_path) -> Path:
    return make_project(tmp_path / "project")
