"""``handbook check``: validate all content and report every problem."""

from __future__ import annotations

from .. import report
from ..check import check_project
from ..problems import CODES

NAME = "check"
HELP = "check the YAML content and report every problem"


def add_arguments(parser) -> None:
    parser.add_argument("--format", choices=sorted(report.FORMATS), default="text",
                        help="text for people, github for pull-request annotations, json for programs")
    parser.add_argument("--codes", action="store_true", help="list the problem codes and exit")


def run(args) -> int:
    if args.codes:
        print("\n".join(f"{code}  {title}" for code, title in CODES.items()))
        return 0
    result = check_project(args.root)
    print(report.FORMATS[args.format](result))
    return 1 if result.errors else 0
