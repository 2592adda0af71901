"""``handbook check --format sarif``: the problems as a SARIF 2.1.0 log, the format code-scanning services read.

One run of the ``handbook`` tool: a rule per problem code found (its title from the catalogue), a result per
problem at its file, line and column (columns count characters, as the check does), with the check's edit as a
SARIF fix where it has one. File names are relative to the project (``%SRCROOT%``), so the log holds no path of
the machine it was made on; checks held back by a broken file are a note of the run.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from ..problems import CODES, Problem
from ..version import version
from .run import CheckResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT = "%SRCROOT%"


def as_sarif(result: CheckResult, note: str = "") -> str:
    """The SARIF log of ``result``; ``note`` (checks skipped, say) is told as a notification of the run."""
    codes = sorted({p.code for p in result.problems})
    run = {
        "tool": {"driver": {
            "name": "handbook",
            "version": version(),
            "rules": [{"id": code, "shortDescription": {"text": CODES[code]},
                       "defaultConfiguration": {"level": "error" if code.startswith("E") else "warning"}}
                      for code in codes],
        }},
        "columnKind": "unicodeCodePoints",
        "invocations": [{
            "executionSuccessful": True,
            "toolExecutionNotifications": [{"level": "note", "message": {"text": note}}] if note else [],
        }],
        "results": [_result(p, codes.index(p.code)) for p in result.problems],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False)


def _location(file: str) -> dict:
    return {"uri": quote(file), "uriBaseId": ROOT}


def _result(problem: Problem, index: int) -> dict:
    found = {
        "ruleId": problem.code,
        "ruleIndex": index,
        "level": problem.severity,
        "message": {"text": problem.message},
        "locations": [{"physicalLocation": {"artifactLocation": _location(problem.file),
                                            "region": {"startLine": problem.line, "startColumn": problem.column}}}],
    }
    if problem.fix:
        (start_line, start_column), (end_line, end_column) = problem.fix.start, problem.fix.end
        found["fixes"] = [{
            "description": {"text": "the edit the message suggests"},
            "artifactChanges": [{"artifactLocation": _location(problem.file), "replacements": [{
                "deletedRegion": {"startLine": start_line, "startColumn": start_column,
                                  "endLine": end_line, "endColumn": end_column},
                "insertedContent": {"text": problem.fix.text},
            }]}],
        }]
    return found
