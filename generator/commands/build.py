"""``handbook build``: check, generate the pages and build the site with MkDocs (strict), all or nothing."""

from __future__ import annotations

import sys
from pathlib import Path

from .choosing import UsageError
from .streams import is_stdio

NAME = "build"
HELP = "check the content and build the site into site/ (the old site stays if anything fails)"


def add_arguments(parser) -> None:
    parser.add_argument("--site-dir", type=Path, help="where to put the site (default: site/ in the project)")


def run(args) -> int:
    from ..build.errors import BuildFailed
    from ..build.pipeline import build_site

    if is_stdio(args.site_dir):
        raise UsageError("a site is a folder of many files and cannot go to standard output ('-'); give a folder, "
                         "such as --site-dir site-preview")
    try:
        built = build_site(args.root, args.site_dir)
    except BuildFailed as exc:
        print("\n".join(exc.messages), file=sys.stderr)
        print("The site was not built; the previous site/ is unchanged.", file=sys.stderr)
        return 2
    for problem in built.generated.handbook.warnings:
        print(f"{problem.file}:{problem.line}:{problem.column}: {problem.code} warning: {problem.message}")
    generated = built.generated
    if built.current:
        print(f"{built.site_dir} is up to date: nothing it is built from has changed since it was built "
              f"(checked and generated in {generated.seconds:.2f} s).")
        return 0
    print(f"Built {built.site_dir} in {built.total:.1f} s "
          f"(pages generated in {generated.seconds:.2f} s, {len(generated.written)} changed; "
          f"MkDocs {built.mkdocs_seconds:.1f} s and, beside it, printable checklists and PDFs "
          f"{built.printables_seconds:.1f} s, {len(built.rendered)} rendered, the others from the cache).")
    return 0
