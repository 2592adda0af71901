"""``handbook export --format fhir``: a protocol as a FHIR R4 Bundle, to a file or to standard output."""

from __future__ import annotations

import sys
from pathlib import Path

from ..build.output_file import check_output_file
from ..export import fhir
from ..model import load_handbook
from ..project import site_address
from .choosing import chosen_protocol

NAME = "export"
HELP = "write a protocol in an exchange format: --format fhir gives a FHIR R4 Bundle (PlanDefinition and more)"


def add_arguments(parser) -> None:
    parser.add_argument("--format", choices=(fhir.FORMAT,), required=True, help="fhir: a FHIR R4 Bundle as JSON")
    parser.add_argument("--protocol", metavar="ID", help="the protocol's id (needed only when there are several)")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path,
                        help="the file to write (default: standard output)")


def run(args) -> int:
    if args.output is not None:
        check_output_file(args.root, args.output, ".json", "FHIR bundle")
    text = fhir.bundle_json(chosen_protocol(load_handbook(args.root), args.protocol), site_address(args.root))
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"handbook export: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"Wrote {args.output}", file=sys.stderr)
    return 0
