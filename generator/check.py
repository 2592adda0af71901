"""``handbook check``: load → validate against the schemas → cross-reference rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import Content, load_content
from .problems import Problem
from .rules import run_rules
from .schemas import SchemaSet


@dataclass
class CheckResult:
    content: Content
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def check_project(root: Path) -> CheckResult:
    """Every problem of the content under ``root``, sorted by file, line and column."""
    content = load_content(root, SchemaSet(root / "schemas"))
    problems = content.problems + list(run_rules(content))
    return CheckResult(content, sorted(set(problems)))
