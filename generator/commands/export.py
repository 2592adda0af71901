"""``handbook export --format fhir``: a protocol as a FHIR R4 Bundle, to a file or to standard output.

With ``-o FILE`` the extensions and code systems the Bundle uses are written beside it, one file each
(``StructureDefinition-exercise-dose.json`` …), as the site publishes them beside ``fhir/<protocol>.json``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..build.output_file import check_output_file
from ..export import fhir
from ..model import load_handbook
from ..project import site_address, site_name
from ..site.links import site_pages
from .choosing import chosen_protocol
from .streams import is_stdio, write_out

NAME = "export"
HELP = "write a protocol in an exchange format: --format fhir gives a FHIR R4 Bundle (PlanDefinition and more)"


def add_arguments(parser) -> None:
    parser.add_argument("--format", choices=(fhir.FORMAT,), required=True, help="fhir: a FHIR R4 Bundle as JSON")
    parser.add_argument("--bundle", choices=fhir.BUNDLE_TYPES, default="collection",
                        help="collection (default): the resources to read; transaction: each entry with a PUT "
                             "request, for a FHIR server to load")
    parser.add_argument("--protocol", metavar="ID", help="the protocol's id (needed only when there are several)")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path,
                        help="the file to write, with the definitions it uses beside it (default, or -: the Bundle "
                             "alone to standard output)")


def run(args) -> int:
    handbook = load_handbook(args.root)
    protocol = chosen_protocol(handbook, args.protocol)
    address, publisher = site_address(args.root), site_name(args.root)
    text = fhir.bundle_json(protocol, address, publisher=publisher, pages=site_pages(handbook), kind=args.bundle)
    if args.output is None or is_stdio(args.output):
        write_out(text)
        return 0
    check_output_file(args.root, args.output, ".json", "FHIR bundle")
    files = {args.output: text}
    for name, resource in fhir.definitions(protocol, address, publisher=publisher).items():
        path = args.output.parent / name
        if path.resolve() == args.output.resolve():
            continue
        check_output_file(args.root, path, ".json", "FHIR definition")
        files[path] = fhir.as_json(resource)
    for path, content in files.items():
        try:
            path.write_text(content, encoding="utf-8")
        except OSError as exc:
            print(f"handbook export: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    print(f"Wrote {args.output} and, beside it, the {len(files) - 1} definitions it uses", file=sys.stderr)
    return 0
