"""``handbook serve``: live preview on 127.0.0.1 that regenerates and reloads when a file is saved."""

from __future__ import annotations

import sys

NAME = "serve"
HELP = "preview the site on http://127.0.0.1:8000/, reloading the page whenever a file is saved"


def add_arguments(parser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="port to serve on (default: 8000)")


def run(args) -> int:
    from ..build.errors import BuildFailed
    from ..build.serve import Preview

    try:
        preview = Preview(args.root, port=args.port)
    except BuildFailed as exc:
        print("\n".join(exc.messages), file=sys.stderr)
        return 2
    try:
        preview.serve()
    except KeyboardInterrupt:
        print("Stopped.")
    return 0
