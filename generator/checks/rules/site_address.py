"""W303: the handbook's web address (site_url in mkdocs.yml) is set to a real address."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...problems import Problem, warning
from ...project import configured_address, is_placeholder


def _line(root, key: str = "site_url:") -> int:
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if line.startswith(key)), 1)


def check(content: Content) -> Iterator[Problem]:
    if not (content.root / "mkdocs.yml").is_file():
        return
    address = configured_address(content.root)
    if address and not is_placeholder(address):
        return
    what = f"is a placeholder ('{address}')" if address else "is not set"
    yield warning("W303", "mkdocs.yml", (_line(content.root), 1),
                  f"the handbook's web address (site_url) {what}, so printed plans leave it out and the published "
                  "schemas carry no address; set 'site_url: https://…/' to where the handbook is published")
