"""``handbook diff [BASE] [HEAD]``: the content changes between two revisions, in clinicians' words."""

from __future__ import annotations

import sys
from pathlib import Path

from ..build.output_file import check_output_file
from ..review import report
from ..review.diff import compare, side
from ..review.revisions import RevisionError, default_base, load_revision
from .streams import is_stdio, write_out

NAME = "diff"
HELP = "say what changed in the content between two git revisions and which version bump it needs"


def add_arguments(parser) -> None:
    parser.add_argument("base", metavar="BASE", nargs="?",
                        help="the revision to compare from (default: where the branch left main)")
    parser.add_argument("head", metavar="HEAD", nargs="?", help="the revision to compare to (default: the working tree)")
    parser.add_argument("--format", choices=sorted(report.FORMATS), default="text",
                        help="text for people, markdown for a pull request, json for programs")
    parser.add_argument("--comment", metavar="FILE", type=Path,
                        help="also write the pull request's comment to FILE (an empty file when nothing changed); "
                             "- prints the comment instead of the report")
    parser.add_argument("--summary-url", metavar="URL", help="where the full diff can be read, linked from a long comment")


def run(args) -> int:
    try:
        base = args.base or default_base(args.root)
        before, after = load_revision(args.root, base), load_revision(args.root, args.head)
    except RevisionError as exc:
        print(f"handbook diff: {exc}", file=sys.stderr)
        return 2
    old, new = side(before), side(after)
    summary = report.Summary(args.base or f"main ({base[:10]})", args.head or "the working tree",
                                  compare(old, new), old, new)
    if is_stdio(args.comment):
        write_out(report.comment_body(summary, args.summary_url) or "")
        return 0
    print(report.FORMATS[args.format](summary))
    if args.comment:
        check_output_file(args.root, args.comment, ".md", "pull request comment")
        args.comment.write_text(report.comment_body(summary, args.summary_url) or "", encoding="utf-8")
    return 0
