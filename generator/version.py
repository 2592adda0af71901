"""The installed handbook's version, as ``handbook --version`` prints it."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as installed

DISTRIBUTION = "itbs-handbook"


def version() -> str:
    """The version the package was installed with (from its metadata), or a note when it is run uninstalled."""
    try:
        return installed(DISTRIBUTION)
    except PackageNotFoundError:
        return "(not installed: run 'make serve' or 'pip install -e .')"
