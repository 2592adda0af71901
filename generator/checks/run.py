"""``handbook check``: load → validate against the schemas → cross-reference rules."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..content.load import Content, Withheld, load_content
from ..content.schemas import SchemaSet
from ..problems import Problem
from .rules import run_rules


@dataclass
class CheckResult:
    content: Content
    problems: list[Problem]
    #: problems held back because they may only follow from files that could not be checked.
    withheld: list[Withheld] = field(default_factory=list)
    #: file -> the rules that passed it over, because it could not be loaded or failed its schema.
    passed_over: dict[str, set[str]] = field(default_factory=dict)
    #: how many files the report covers, when it covers fewer than the content's (``handbook check PATH``).
    covered_files: int | None = None

    @property
    def file_count(self) -> int:
        return self.content.file_count if self.covered_files is None else self.covered_files

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def skipped_checks(self) -> int:
        """The checks that did not run: each problem withheld, and each rule that passed over a broken file."""
        return len(self.withheld) + sum(len(rules) for rules in self.passed_over.values())

    @property
    def waiting_on(self) -> list[str]:
        """The files whose fixing lets the skipped checks run, sorted."""
        return sorted({file for w in self.withheld for file in w.until} | set(self.passed_over))


def check_project(root: Path) -> CheckResult:
    """Every problem of the content under ``root``: errors first, each sorted by file, line and column."""
    with _cycle_collector_paused():
        content = load_content(root, SchemaSet(root / "schemas"))
        found = list(run_rules(content))
    problems = content.problems + [p for p in found if isinstance(p, Problem)]
    withheld = [w for w in found if isinstance(w, Withheld)]
    passed_over = {file: rules for file, rules in content.skipped.items() if rules}
    return CheckResult(content, sorted(set(problems), key=lambda p: (not p.is_error, p)), withheld, passed_over)


@contextmanager
def _cycle_collector_paused():
    """A check makes many small objects and few reference cycles; the cycle collector, which Python starts every
    few hundred new objects, would spend about a fifth of the check finding none. Memory is freed as usual."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
