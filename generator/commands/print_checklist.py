"""``handbook print``: a phase's checklist as a PDF (one page per week, with the athlete's name and dates if given),
and its weekly sessions as an iCalendar file."""

from __future__ import annotations

import datetime as dt
import re
import sys
import tempfile
from argparse import ArgumentTypeError
from pathlib import Path

import yaml

from ..build.output_file import check_output_file
from ..clock import today
from ..model import load_handbook
from ..printables.sheets import PAPERS, Person
from ..project import ProjectNotFound, find_root
from .streams import is_stdio, write_out

NAME = "print"
HELP = "write a phase's one-page checklist as a PDF (a page per week), or its sessions as a calendar file"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def _time(text: str) -> dt.time:
    if not re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", text):
        raise ArgumentTypeError(f"'{text}' is not a time of day: write it HH:MM, like 07:30")
    return dt.time.fromisoformat(text)


def _week(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise ArgumentTypeError(f"'{text}' is not a week number: write 1 for the first week")
    return int(text)


def _weeks(text: str) -> range:
    found = re.fullmatch(r"([1-9][0-9]*)-([1-9][0-9]*)", text)
    if not found or int(found[1]) > int(found[2]):
        raise ArgumentTypeError(f"'{text}' is not a range of weeks: write it like 1-4")
    return range(int(found[1]), int(found[2]) + 1)


def _phases_note() -> str:
    """The phases of the project in the current folder, for the help text."""
    try:
        root = find_root(None)
    except ProjectNotFound:
        return "\nRun it inside the project to see its phases here.\n"
    lines = []
    for path in sorted((root / "protocols").glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            lines += [f"  {phase['id']:<24} {phase['title']} ({data['id']})" for phase in data["phases"]]
        except Exception:  # a file that cannot be read: `handbook check` says why
            lines.append(f"  ({path.name} cannot be read: run handbook check)")
    return "\nphases:\n" + "\n".join(lines) + "\n"


def current_week(start: dt.date | None, day: dt.date) -> int:
    """The week of a phase started on ``start`` that ``day`` falls in (1 for its first 7 days, and before it or
    without a start date)."""
    if start is None or day < start:
        return 1
    return (day - start).days // 7 + 1


def add_arguments(parser) -> None:
    parser.add_argument("phase", metavar="PHASE", help="the phase's id, for example strength-and-control")
    parser.add_argument("--protocol", metavar="ID", help="the protocol's id (needed only if several have the phase)")
    parser.add_argument("--athlete", metavar="NAME", help="name printed on the sheet")
    parser.add_argument("--start", metavar="DATE", type=_date,
                        help="the phase's first day, YYYY-MM-DD: the sheet's days are dated from it")
    weeks = parser.add_mutually_exclusive_group()
    weeks.add_argument("--week", metavar="N", type=_week, help="the week of the phase the sheet is for (default: the week "
                                                               "today falls in when --start is given, else 1)")
    weeks.add_argument("--weeks", metavar="A-B", type=_weeks, help="one page for each of these weeks, like 1-4")
    parser.add_argument("--paper", choices=sorted(PAPERS), default="a4", help="paper size (default: a4)")
    parser.add_argument("-o", "--output", metavar="FILE.pdf", type=Path,
                        help="the PDF to write, or - for standard output")
    parser.add_argument("--ics", metavar="FILE.ics", type=Path,
                        help="also write the phase's sessions as a calendar file (- for standard output), from the "
                             "start date (default "
                             "today) for the weeks asked for (default the phase's longest typical duration)")
    parser.add_argument("--remind", metavar="HH:MM", type=_time,
                        help="with --ics: a reminder at this time on each session's day (as Today's calendar file)")
    plain = parser.format_help
    parser.format_help = lambda: plain() + _phases_note()
    parser.set_defaults(usage_error=parser.error)


def run(args) -> int:
    from ..printables import Printer, site_address, write_weeks
    from ..printables.ics import phase_calendar

    if not args.output and not args.ics:
        args.usage_error("say where to write: -o FILE.pdf, --ics FILE.ics, or both")
    if args.remind and not args.ics:
        args.usage_error("--remind is for the calendar file: add --ics FILE.ics")
    if is_stdio(args.output) and is_stdio(args.ics):
        args.usage_error("only one of -o and --ics can go to standard output ('-'); write the other to a file")
    if args.output and not is_stdio(args.output):
        check_output_file(args.root, args.output, ".pdf", "checklist")
    if args.ics and not is_stdio(args.ics):
        check_output_file(args.root, args.ics, ".ics", "calendar file")
    handbook = load_handbook(args.root)
    protocols = [p for p in handbook.protocols if args.protocol in (None, p.id)]
    phases = [phase for protocol in protocols for phase in protocol.phases if phase.id == args.phase]
    if len(phases) != 1:
        known = ", ".join(f"{phase.id} ({protocol.id})" for protocol in protocols for phase in protocol.phases)
        problem = "is in several protocols; choose one with --protocol" if phases else "is not a phase"
        print(f"handbook print: '{args.phase}' {problem}. Phases: {known or 'none'}", file=sys.stderr)
        return 2
    phase = phases[0]
    first = args.week or current_week(args.start, today())
    weeks = args.weeks or range(first, first + 1)
    written = []
    try:
        if args.output:
            target = args.output
            people = [Person(args.athlete, args.start, week) for week in weeks]
            printer = Printer(site_address(args.root))
            if is_stdio(args.output):
                with tempfile.TemporaryDirectory(prefix="handbook-print-") as folder:
                    pdf = Path(folder) / "checklist.pdf"
                    pages = write_weeks(phase, pdf, args.paper, people, printer=printer)
                    write_out(pdf.read_bytes())
            else:
                pages = write_weeks(phase, args.output, args.paper, people, printer=printer)
            note = "" if pages == len(people) else f" ({pages} pages: the phase is too long for one a week)"
            if not (args.week or args.weeks) and first > 1:
                note += f" (week {first} of the phase, the week today falls in; --week N for another)"
            written.append(f"{'the checklist to standard output' if is_stdio(args.output) else args.output}{note}")
        if args.ics:
            target = args.ics
            start = args.start or today()
            calendar_weeks = weeks if args.weeks or args.week else range(1, phase.max_weeks + 1)
            calendar = phase_calendar(phase, start, calendar_weeks, site_address(args.root), args.remind)
            if is_stdio(args.ics):
                write_out(calendar)
                written.append("the calendar to standard output")
            else:
                args.ics.write_bytes(calendar)
                written.append(str(args.ics))
    except OSError as exc:
        print(f"handbook print: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    # what was written goes where it does not mix with a file sent to standard output
    to_stdout = is_stdio(args.output) or is_stdio(args.ics)
    print(f"Wrote {' and '.join(written)}.", file=sys.stderr if to_stdout else sys.stdout)
    return 0
