"""The ``handbook`` command: parse arguments, find the project, run one subcommand.

Exit codes: 0 all good, 1 problems found in the content, 2 usage or internal failure.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from .build.output_file import UnsafeOutput
from .build.site_dir import UnsafeSiteDir
from .checks import report
from .commands import COMMANDS, CONTENT_ERRORS, FAILURE
from .commands.choosing import UsageError
from .model import ContentError
from .project import ProjectNotFound, find_root
from .system import MissingLibrary
from .version import version


class _Parser(argparse.ArgumentParser):
    """Usage mistakes in one line, naming where to read more, as ruff and yamllint do."""

    def error(self, message: str):
        self.exit(FAILURE, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def parser() -> argparse.ArgumentParser:
    main = _Parser(prog="handbook", description="Check and publish the rehab handbook.")
    main.add_argument("--version", action="version", version=f"handbook {version()}")
    main.add_argument("--root", type=Path, help="project folder (default: found from the current folder)")
    # --root also after the command ('handbook check --root DIR'), where it overrides one given before
    after = argparse.ArgumentParser(add_help=False)
    after.add_argument("--root", type=Path, default=argparse.SUPPRESS,
                       help="project folder (default: found from the current folder)")
    subcommands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        sub = subcommands.add_parser(command.NAME, help=command.HELP, description=command.HELP, parents=[after])
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return main


def run() -> None:
    """The ``handbook`` program: :func:`main`, then exit without a last search for reference cycles through
    everything the command read (a third of a second after checking 5,000 drills)."""
    code = main()
    try:  # what is still buffered goes out here, where a reader that stopped early can still be answered quietly
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = FAILURE
    gc.freeze()
    raise SystemExit(code)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        args.root = find_root(args.root)
        return args.run(args)
    except ContentError as exc:
        print(report.text(exc.result))
        print(f"Nothing was written: fix the errors above and run 'handbook {args.command}' again.", file=sys.stderr)
        return CONTENT_ERRORS
    except (ProjectNotFound, UnsafeSiteDir, UnsafeOutput, MissingLibrary) as exc:
        print(f"handbook: {exc}", file=sys.stderr)
        return FAILURE
    except UsageError as exc:
        print(f"handbook {args.command}: {exc}", file=sys.stderr)
        return FAILURE
    except KeyboardInterrupt:
        return FAILURE
    except BrokenPipeError:  # the reader stopped early ('handbook diff | head'): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return FAILURE
    except Exception as exc:  # a bug, not bad content: say so in one line unless debugging
        if os.environ.get("HANDBOOK_DEBUG"):
            raise
        print(f"handbook: internal error ({type(exc).__name__}: {exc}); nothing was published. "
              "Run again with HANDBOOK_DEBUG=1 for details and report it.", file=sys.stderr)
        return FAILURE
