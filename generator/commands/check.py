"""``handbook check``: validate all content and report every problem."""

from __future__ import annotations

import sys

from ..checks import report
from ..checks.run import check_project
from ..problems import CODES
from ..review.publishing import with_address_problem

NAME = "check"
HELP = "check the YAML content and report every problem"


def add_arguments(parser) -> None:
    parser.add_argument("--format", choices=sorted(report.FORMATS), default="text",
                        help="text for people, github for pull-request annotations, json for programs")
    parser.add_argument("--codes", action="store_true", help="list the problem codes and exit")
    parser.add_argument("--since", metavar="BASE",
                        help="also check that each changed protocol's version and changelog match its changes since "
                             "the git revision BASE (for example main)")
    parser.add_argument("--published-at", metavar="URL",
                        help="also check that site_url in mkdocs.yml is URL, the address the site is published at")


def run(args) -> int:
    if args.codes:
        print("\n".join(f"{code}  {title}" for code, title in CODES.items()))
        return 0
    result = check_project(args.root)
    if args.since:
        from ..review.revisions import RevisionError
        from ..review.versions import with_version_problems

        try:
            result = with_version_problems(args.root, args.since, result)
        except RevisionError as exc:
            print(f"handbook check: {exc}", file=sys.stderr)
            return 2
    if args.published_at:
        result = with_address_problem(args.root, args.published_at, result)
    print(report.FORMATS[args.format](result))
    return 1 if result.errors else 0
