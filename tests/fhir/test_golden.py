"""Golden test: the Bundle of the fixture content, with the handbook's address set and without one.

After an intended change, regenerate with ``UPDATE_GOLDEN=1 pytest tests/fhir/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.export.fhir import bundle_json

from .conftest import ADDRESS

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize(("name", "address"), [("test-protocol.json", ADDRESS),
                                               ("test-protocol.no-address.json", None)])
def test_golden_bundle(fixture_handbook, name, address):
    text = bundle_json(fixture_handbook.protocols[0], address)
    if os.environ.get("UPDATE_GOLDEN"):
        (GOLDEN / name).write_text(text, encoding="utf-8")
    assert text == (GOLDEN / name).read_text(encoding="utf-8"), f"{name} differs from its golden file"
