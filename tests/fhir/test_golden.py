"""Golden test: the Bundle of the fixture content, with the handbook's address set and without one, and the
definitions published beside it.

After an intended change, regenerate with ``UPDATE_GOLDEN=1 pytest tests/fhir/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.export.fhir import bundle_json, definitions
from generator.site.links import site_pages

from .conftest import ADDRESS, PUBLISHER

GOLDEN = Path(__file__).resolve().parent / "golden"


def _compare(name: str, text: str) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        (GOLDEN / name).write_text(text, encoding="utf-8")
    assert text == (GOLDEN / name).read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize(("name", "address"), [("test-protocol.json", ADDRESS),
                                               ("test-protocol.no-address.json", None)])
def test_golden_bundle(fixture_handbook, name, address):
    text = bundle_json(fixture_handbook.protocols[0], address, publisher=PUBLISHER,
                       pages=site_pages(fixture_handbook))
    _compare(name, text)


def test_golden_definitions(fixture_handbook):
    published = definitions(fixture_handbook.protocols[0], ADDRESS, publisher=PUBLISHER)
    _compare("test-protocol.definitions.json", json.dumps(published, indent=2, ensure_ascii=False) + "\n")
