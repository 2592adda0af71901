"""``-`` for standard input and output, as ruff, yamllint and check-jsonschema take it.

``handbook export -o -`` and ``print -o -`` write to standard output (never a file named '-'), ``diff --comment -``
prints the comment, and ``evaluate -`` reads the log from standard input, its form said with ``--log-format`` or
recognised from its first character.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .choosing import UsageError

STDIO = "-"
#: how messages name the log read from standard input.
STDIN_NAME = "(standard input)"


def is_stdio(path: Path | str | None) -> bool:
    """Whether a path given on the command line is '-', standard input or output."""
    return path is not None and str(path) == STDIO


def write_out(data: str | bytes) -> None:
    """Write ``data`` to standard output, bytes as they are (a PDF), text as UTF-8."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    sys.stdout.buffer.flush()


def read_in(limit: int) -> bytes:
    """Up to ``limit`` + 1 bytes of standard input (one more than allowed, so that too much can be told)."""
    data = b"" if sys.stdin is None or sys.stdin.isatty() else sys.stdin.buffer.read(limit + 1)
    if not data.strip():
        raise UsageError("'-' reads the log from standard input, but nothing came in; pipe it in, for example: "
                         "handbook evaluate - < log.csv")
    return data


def log_form(raw: bytes, given: str) -> str:
    """'json' or 'csv': ``given`` unless it is 'auto'; then JSON when the text starts with '{' or '[', else CSV."""
    if given != "auto":
        return given
    start = raw.decode("utf-8-sig", errors="replace").lstrip()[:1]
    return "json" if start in ("{", "[") else "csv"
