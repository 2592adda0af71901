"""What every test folder shares: a test that cannot run for want of a tool fails and says what to install.

It is skipped only when the person running the tests opted out by name: ``HANDBOOK_SKIP=browser,poppler``.
"""

from __future__ import annotations

import os
import shutil

import pytest

#: The groups of tests one may opt out of, and what each needs.
OPT_OUTS = {"browser": "Chromium, Playwright and axe-core", "poppler": "Poppler's pdftotext and pdftoppm"}


def _opted_out(group: str) -> bool:
    return group in {name.strip() for name in os.environ.get("HANDBOOK_SKIP", "").split(",")}


@pytest.fixture(scope="session")
def unavailable():
    """``unavailable(group, missing, install)``: skip when ``group`` is opted out, else fail saying what to
    install."""
    def stop(group: str, missing: str, install: str):
        if _opted_out(group):
            pytest.skip(f"{missing} (HANDBOOK_SKIP={group})")
        pytest.fail(f"{missing}: install with '{install}', or run 'make test', which installs everything; "
                    f"to leave these tests out on purpose, set HANDBOOK_SKIP={group}", pytrace=False)
    return stop


@pytest.fixture(scope="session")
def poppler(unavailable):
    """Poppler's command-line tools, for reading back the layout of a PDF."""
    if not (shutil.which("pdftotext") and shutil.which("pdftoppm")):
        unavailable("poppler", "Poppler's pdftotext and pdftoppm are not installed", "sudo apt-get install poppler-utils")
