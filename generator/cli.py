"""The ``handbook`` command: a thin layer that parses arguments and calls the pipeline.

Exit codes: 0 all good, 1 problems found in the content, 2 usage or internal failure.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import report
from .check import check_project
from .problems import CODES
from .project import ProjectNotFound, find_root

OK, CONTENT_ERRORS, FAILURE = 0, 1, 2


def _check(args) -> int:
    if args.codes:
        print("\n".join(f"{code}  {title}" for code, title in CODES.items()))
        return OK
    result = check_project(args.root)
    print(report.FORMATS[args.format](result))
    return CONTENT_ERRORS if result.errors else OK


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="handbook", description="Check and publish the rehab handbook.")
    main.add_argument("--root", type=Path, help="project folder (default: found from the current folder)")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check the YAML content and report every problem")
    check.add_argument("--format", choices=sorted(report.FORMATS), default="text",
                       help="text for people, github for pull-request annotations, json for programs")
    check.add_argument("--codes", action="store_true", help="list the problem codes and exit")
    check.set_defaults(run=_check)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        args.root = find_root(args.root)
        return args.run(args)
    except ProjectNotFound as exc:
        print(f"handbook: {exc}", file=sys.stderr)
        return FAILURE
    except KeyboardInterrupt:
        return FAILURE
