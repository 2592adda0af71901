"""Locate the project (the folder holding mkdocs.yml and schemas/) and read its web address."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml


class ProjectNotFound(Exception):
    pass


def _is_project(folder: Path) -> bool:
    return (folder / "mkdocs.yml").is_file() and (folder / "schemas").is_dir()


def find_root(given: Path | None = None) -> Path:
    """``given`` if it is a handbook project, else the nearest one at or above the current folder."""
    if given is not None:
        if _is_project(given.resolve()):
            return given.resolve()
        raise ProjectNotFound(f"{given} is not a handbook project (it needs mkdocs.yml and schemas/)")
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if _is_project(folder):
            return folder
    raise ProjectNotFound(f"no handbook project (a folder with mkdocs.yml and schemas/) at or above {here}; "
                          "run the command inside the repository or pass --root")


#: hosts reserved for examples (RFC 2606): never a real handbook's address. ('.test' stays allowed for test setups.)
_PLACEHOLDER_HOSTS = ("example", "invalid", "localhost", "example.com", "example.org", "example.net")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking MkDocs' own tags (!ENV, !!python/name) as empty values."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _setting(root: Path, name: str) -> str | None:
    """A top-level setting of mkdocs.yml as text, or None when it is not set."""
    path = root / "mkdocs.yml"
    config = yaml.load(path.read_text(encoding="utf-8"), _ConfigLoader) if path.is_file() else None
    value = config.get(name) if isinstance(config, dict) else None
    return str(value) if value else None


def configured_address(root: Path) -> str | None:
    """``site_url`` as written in mkdocs.yml, the one place the handbook's web address is set."""
    return _setting(root, "site_url")


def site_name(root: Path) -> str | None:
    """``site_name`` in mkdocs.yml: the handbook's name, which publishes its FHIR resources."""
    return _setting(root, "site_name")


def is_placeholder(address: str) -> bool:
    host = (urlsplit(address).hostname or "").lower()
    return not host or any(host == h or host.endswith("." + h) for h in _PLACEHOLDER_HOSTS)


def site_address(root: Path) -> str | None:
    """The handbook's web address ending in '/', or None when it is not set or is a placeholder."""
    address = configured_address(root)
    if not address or is_placeholder(address):
        return None
    return address if address.endswith("/") else address + "/"
