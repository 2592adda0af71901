"""Where the handbook is published must be where ``site_url`` in mkdocs.yml says it is (the one place it is set)."""

from __future__ import annotations

from pathlib import Path

from ..checks.run import CheckResult
from ..problems import error
from ..project import configured_address, site_address


def with_address_problem(root: Path, published_at: str, result: CheckResult) -> CheckResult:
    """``result`` with an E404 error when ``site_url`` is not ``published_at`` (the Pages address)."""
    wanted = published_at if published_at.endswith("/") else published_at + "/"
    if site_address(root) == wanted:
        return result
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines() if (root / "mkdocs.yml").is_file() else []
    line = next((n for n, text in enumerate(lines, 1) if text.startswith("site_url:")), 1)
    written = configured_address(root)
    problem = error("E404", "mkdocs.yml", (line, 1),
                    f"the handbook is published at {wanted} but site_url is {f'{written!r}' if written else 'not set'}: "
                    f"write 'site_url: {wanted}' in mkdocs.yml")
    result.problems.insert(0, problem)
    return result
