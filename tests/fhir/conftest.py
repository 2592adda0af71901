"""Shared fixtures for the FHIR tests: the fixture content and the real content as handbooks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.model import load_handbook

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "site" / "fixtures" / "content"
#: a handbook address for tests ('.test' is reserved for testing, RFC 2606).
ADDRESS = "https://handbook.test/"
#: the publisher the tests give (the handbook's site_name).
PUBLISHER = "Test handbook"


@pytest.fixture(scope="session")
def fixture_handbook(tmp_path_factory):
    """The site tests' fixture content, checked and linked."""
    project = tmp_path_factory.mktemp("fhir") / "project"
    shutil.copytree(REPO / "schemas", project / "schemas")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    for part in ("drills", "protocols"):
        shutil.copytree(FIXTURE / part, project / part)
    return load_handbook(project)


@pytest.fixture(scope="session")
def real_protocol():
    """The repository's ITBS protocol."""
    return next(p for p in load_handbook(REPO).protocols if p.id == "itbs-runners")
