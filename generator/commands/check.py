"""``handbook check``: validate all content and report every problem."""

from __future__ import annotations

import sys
from pathlib import Path

from ..checks import report
from ..checks.run import check_project
from ..problems import CODES
from ..review.publishing import with_address_problem
from .check_paths import narrowed, project_paths, under

NAME = "check"
HELP = "check the YAML content and report every problem"


def add_arguments(parser) -> None:
    parser.add_argument("paths", metavar="PATH", nargs="*", type=Path,
                        help="files or folders to report on (default: the whole project, which is always read "
                             "for cross-references)")
    parser.add_argument("--format", choices=sorted(report.FORMATS), default="text",
                        help="text for people, github for pull-request annotations, json for programs, sarif "
                             "(SARIF 2.1.0) for code scanning")
    parser.add_argument("--fix", action="store_true",
                        help="make the edits the check is sure of (its 'fix' in --format json) in the files, and "
                             "report what it fixed and what it could not")
    parser.add_argument("--diff", action="store_true",
                        help="show the edits --fix would make as a unified diff; nothing is written")
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
    paths = project_paths(args.root, args.paths) if args.paths else None
    if paths is not None and (args.fix or args.diff):
        narrowed(check_project(args.root), paths)  # a path holding no content is said before anything is fixed
    if args.fix or args.diff:
        done = fix(args, paths)
        if args.diff:
            return done
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
    if paths is not None:
        result = narrowed(result, paths)
    print(report.FORMATS[args.format](result))
    return 1 if result.errors else 0


def fix(args, paths: list[str] | None) -> int:
    """``--fix``: make the edits and say what was fixed (the report of what is left follows); ``--diff``: print
    them as a diff and return 1 when there is any (0 when nothing would change)."""
    from ..checks.fix import fix_project, write_fixes

    outcome = fix_project(args.root, lambda file: paths is None or under(file, paths))
    notes = sys.stdout if args.format == "text" and not args.diff else sys.stderr
    if args.diff:
        sys.stdout.write(outcome.diff())
        print("\n".join(outcome.lines("would fix")), file=notes)
        return 1 if outcome.changed else 0
    left = write_fixes(args.root, outcome)
    lines = outcome.lines()
    if left:
        lines.append(f"Not written, as they changed while being fixed: {', '.join(left)}; run the check again.")
    print("\n".join(lines), file=notes)
    return 0
