"""``handbook print``: one phase's checklist as a PDF, optionally with the athlete's name and dated days."""

from __future__ import annotations

import datetime as dt
import sys
from argparse import ArgumentTypeError
from pathlib import Path

from ..model import load_handbook
from ..printables import PAPERS, Person, Printer, site_address, write_checklist

NAME = "print"
HELP = "write a phase's one-page checklist as a PDF, with the athlete's name and dates if given"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def add_arguments(parser) -> None:
    parser.add_argument("phase", metavar="PHASE", help="the phase's id, for example strength-and-control")
    parser.add_argument("--protocol", metavar="ID", help="the protocol's id (needed only if several have the phase)")
    parser.add_argument("--athlete", metavar="NAME", help="name printed on the sheet")
    parser.add_argument("--start", metavar="DATE", type=_date,
                        help="start date, YYYY-MM-DD: the grid's seven days are dated from it")
    parser.add_argument("--paper", choices=sorted(PAPERS), default="a4", help="paper size (default: a4)")
    parser.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True, help="the PDF to write")


def run(args) -> int:
    handbook = load_handbook(args.root)
    protocols = [p for p in handbook.protocols if args.protocol in (None, p.id)]
    phases = [phase for protocol in protocols for phase in protocol.phases if phase.id == args.phase]
    if len(phases) != 1:
        known = ", ".join(f"{phase.id} ({protocol.id})" for protocol in protocols for phase in protocol.phases)
        problem = "is in several protocols; choose one with --protocol" if phases else "is not a phase"
        print(f"handbook print: '{args.phase}' {problem}. Phases: {known or 'none'}", file=sys.stderr)
        return 2
    person = Person(args.athlete, args.start)
    try:
        pages = write_checklist(phases[0], args.output, args.paper, person, printer=Printer(site_address(args.root)))
    except OSError as exc:
        print(f"handbook print: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    note = "" if pages == 1 else f" ({pages} pages: the phase is too long for one)"
    print(f"Wrote {args.output}{note}.")
    return 0
