"""The pull request's clinical diff comment, worked out on the privileged side from the pull request's content.

``pr-comment.yml`` runs this with the base branch's code. The pull request's commit is fetched into the base
checkout as git objects only: its content files are read with ``git archive`` and checked like any revision, and
the comment is made here. Nothing the pull request's own run wrote (its artifacts, its job summary) is posted,
so a fork cannot put its own Markdown, an empty body or a passed version check under the bot's name.

Usage: ``python -m generator.review.pull_request_comment BASE HEAD --comment FILE [--summary-url URL]``. BASE is the
pull request's base commit (the comparison starts where the pull request left it), HEAD the full commit id of
the pull request's head. The full diff goes to standard output (for the job summary); FILE receives the
comment body, empty when no content changed (the workflow then removes the comment).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from . import report as diff_report
from .diff import compare, side
from .revisions import RevisionError, git, load_revision

#: a full commit id, as the workflow_run event gives the pull request's head.
COMMIT = re.compile(r"[0-9a-f]{40}")
NO_JOINER_YET = re.compile("@(?!" + diff_report.ZERO_WIDTH_JOINER + ")")


def neutralise(markdown: str) -> str:
    """``markdown`` with no @mention that would notify anyone: a zero-width joiner after every '@' that has none
    yet, as :func:`.report.escape` writes them, whatever part of the comment the '@' is in."""
    return NO_JOINER_YET.sub("@" + diff_report.ZERO_WIDTH_JOINER, markdown)


def _footer(head: str) -> str:
    return (f"\n<sub>Worked out by the base branch's `handbook diff` from the content files of commit "
            f"`{head[:12]}`.</sub>\n")


def _unreadable(head: str, problem: RevisionError) -> str:
    return "\n".join([diff_report.MARKER, "## Clinical changes", "",
                      f"The clinical diff of commit `{head[:12]}` could not be worked out: "
                      f"{diff_report.escape(str(problem))}", "",
                      "The content is read with the base branch's checker and schemas: `handbook check` on the "
                      "pull request, with the base branch's schemas, names each error. This comment is updated on "
                      "the next push.", ""])


def comment_for(root: Path, base: str, head: str, summary_url: str | None = None) -> tuple[str, str]:
    """The job summary and the comment body for the pull request whose head is commit ``head``.

    The comparison runs from the merge base of ``base`` and ``head``. The body is empty when no content changed;
    when the head's content cannot be read, both say so (with the first error, escaped) instead of a diff.
    Raises :class:`RevisionError` when ``head`` is not a full commit id of the repository at ``root``.
    """
    if not COMMIT.fullmatch(head):
        raise RevisionError(f"the head must be a full commit id, not {head!r}")
    git(root, "cat-file", "-e", f"{head}^{{commit}}")
    start = git(root, "merge-base", base, head).decode().strip()
    try:
        before, after = load_revision(root, start), load_revision(root, head, schemas=root / "schemas")
    except RevisionError as problem:
        note = _unreadable(head, problem)
        return neutralise(note), neutralise(note)
    old, new = side(before), side(after)
    summary = diff_report.Summary(f"the base ({start[:10]})", head[:12], compare(old, new), old, new)
    footer = _footer(head)
    body = diff_report.comment_body(summary, summary_url, diff_report.COMMENT_LIMIT - len(footer))
    full = diff_report.markdown(summary)
    return neutralise(full), neutralise(body + footer) if body else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.review.pull_request_comment",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("base", metavar="BASE", help="the pull request's base commit")
    parser.add_argument("head", metavar="HEAD", help="the full commit id of the pull request's head")
    parser.add_argument("--comment", metavar="FILE", type=Path, required=True, help="where to write the comment body")
    parser.add_argument("--summary-url", metavar="URL",
                        help="where the full diff can be read, linked from a long comment")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the base checkout (default: this folder)")
    args = parser.parse_args(argv)
    try:
        summary, body = comment_for(args.root, args.base, args.head, args.summary_url)
    except RevisionError as problem:
        print(f"pull request comment: {problem}", file=sys.stderr)
        return 2
    print(summary)
    args.comment.write_text(body, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
