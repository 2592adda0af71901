"""Report problems as text for people, GitHub Actions annotations, JSON for programs or SARIF for code scanning."""

from __future__ import annotations

import json

from .run import CheckResult
from .sarif import as_sarif


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(result: CheckResult) -> str:
    files = _plural(result.file_count, "file")
    if not result.problems and not result.skipped_checks:
        return f"All good: {files} checked, no problems."
    if not result.problems:  # only when reporting on some files: another file holds their checks back
        return f"No problems in {files} checked so far: {skipped(result)}"
    found = f"{_plural(len(result.errors), 'error')}, {_plural(len(result.warnings), 'warning')} in {files}."
    return f"{found} {skipped(result)}".rstrip()


def skipped(result: CheckResult) -> str:
    """'12 checks skipped until protocols/x.yaml is fixed.', or nothing when none were."""
    if not result.skipped_checks:
        return ""
    waiting = result.waiting_on
    files = ", ".join(waiting[:3]) + (f" and {len(waiting) - 3} more" if len(waiting) > 3 else "")
    verb = "is" if len(waiting) == 1 else "are"
    return f"{_plural(result.skipped_checks, 'check')} skipped until {files} {verb} fixed."


def text(result: CheckResult) -> str:
    lines = [f"{p.file}:{p.line}:{p.column}: {p.code} {'' if p.is_error else 'warning: '}{p.message}"
             for p in result.problems]
    return "\n".join(lines + [summary(result)])


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(result: CheckResult) -> str:
    lines = [f"::{p.severity} file={_escape_property(p.file)},line={p.line},col={p.column},"
             f"title={_escape_property(p.code)}::{_escape_data(p.message)}" for p in result.problems]
    return "\n".join(lines + [summary(result)])


def as_json(result: CheckResult) -> str:
    return json.dumps({
        "problems": [{"file": p.file, "line": p.line, "column": p.column, "code": p.code,
                      "severity": p.severity, "message": p.message,
                      **({"fix": {"start": list(p.fix.start), "end": list(p.fix.end), "text": p.fix.text}} if p.fix else {})}
                     for p in result.problems],
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "files": result.file_count,
        "skipped": {"checks": result.skipped_checks, "until_fixed": result.waiting_on},
    }, indent=2, ensure_ascii=False)


def sarif(result: CheckResult) -> str:
    return as_sarif(result, skipped(result))


FORMATS = {"text": text, "github": github, "json": as_json, "sarif": sarif}
