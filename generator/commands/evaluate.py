"""``handbook evaluate``: the current phase's exit criteria and warning signs on an athlete's log, and one verdict."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import textwrap
from pathlib import Path

from ..clock import today
from ..content import prose
from ..content.schemas import SchemaSet
from ..evaluate.engine import evaluate_phase
from ..evaluate.log import MAX_LOG_BYTES, LogError, log_entries, read_log
from ..model import ACTIONS, Phase, Protocol, Rule, RuleGroup, load_handbook
from .choosing import UsageError, chosen_protocol
from .streams import STDIN_NAME, is_stdio, log_form, read_in

NAME = "evaluate"
HELP = "evaluate an athlete's log (JSON or CSV) against a phase: exit criteria, warning signs and a verdict"
STATES = {"met": "met", "not-met": "not yet", "no-data": "no data"}


def add_arguments(parser) -> None:
    parser.add_argument("log", metavar="LOG", type=Path,
                        help="the log: a .json file, a .csv file with one row per entry, or - to read it from "
                             "standard input")
    parser.add_argument("--log-format", choices=("auto", "json", "csv"), default="auto",
                        help="the log's form (default: from the file's name, .csv or else JSON; from standard input, "
                             "JSON when it starts with '{', else CSV)")
    parser.add_argument("--protocol", metavar="ID", help="the protocol's id (needed only when there are several)")
    parser.add_argument("--phase", metavar="ID", help="the phase to evaluate (default: the latest phase the log names, "
                                                      "else the first)")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", type=_date,
                        help="read the log as it stood on this day (default: today); values older than a rule's "
                             "look-back are not evidence")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text for people, json for programs")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write it YYYY-MM-DD, for example 2026-03-14") from None


def run(args) -> int:
    protocol = chosen_protocol(load_handbook(args.root), args.protocol)
    phases = [phase.id for phase in protocol.phases]
    if args.phase and args.phase not in phases:
        raise UsageError(f"'{args.phase}' is not a phase of {protocol.id}. Phases: {', '.join(phases)}")
    as_of = args.as_of or today()
    try:
        entries = _entries(args, protocol, as_of)
    except OSError as exc:
        raise UsageError(f"cannot read {args.log}: {exc.strerror or exc}") from None
    except LogError as exc:
        for problem in exc.problems:
            print(f"{problem.file}:{problem.line}:{problem.column}: {problem.code} {problem.message}")
        print(f"The log was not evaluated: fix the {len(exc.problems)} problem(s) above.", file=sys.stderr)
        return 1
    result = evaluate_phase(protocol.data, entries, args.phase, as_of.isoformat())
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.format == "json" else report(protocol, result))
    return 0


def _entries(args, protocol: Protocol, as_of: dt.date) -> list[dict]:
    """The log's entries, from its file or from standard input ('-')."""
    schemas = SchemaSet(args.root / "schemas")
    if not is_stdio(args.log):
        form = None if args.log_format == "auto" else args.log_format
        return read_log(args.log, protocol.data, schemas, as_of, form)
    raw = read_in(MAX_LOG_BYTES)
    form = log_form(raw, args.log_format)
    if args.log_format == "auto":
        print(f"handbook evaluate: read standard input as {form.upper()} (say --log-format "
              f"{'csv' if form == 'json' else 'json'} if it is not)", file=sys.stderr)
    return log_entries(raw, STDIN_NAME, form, protocol.data, schemas, as_of)


def report(protocol: Protocol, result: dict) -> str:
    """The result in words: each criterion with its deciding values, the signs present, the verdict."""
    phase = next(p for p in protocol.phases if p.id == result["phase"])
    latest = f"log up to {result['latest']}" if result["latest"] else "no entries yet"
    lines = [f"{protocol.title}, {phase.heading} ({latest}, read on {result['today'] or 'no date'})", "",
             "Exit criteria:"]
    for criterion, found in zip(phase.exit_criteria, result["criteria"]):
        lines.append(f"  {STATES[found['result']['state']]:<8} {criterion.threshold}")
        lines += [f"           {line}" for line in deciding(criterion.rule, found["result"])]
    if not phase.exit_criteria:
        lines.append("  none: this is the last phase")
    lines += ["", "Warning signs present:"]
    signs = {sign.id: sign for sign in protocol.warning_signs}
    for found in result["signs"]:
        sign = signs[found["id"]]
        lines.append(f"  {sign.severity.upper():<6} {sign.name}: {sign.action_text}")
        lines += [f"         {line}" for line in textwrap.wrap(prose.words(sign.advice), 100)] if sign.advice else []
        lines += [f"         {line}" for line in deciding(sign.rule, found["result"], only_met=True)]
    if not result["signs"] and not result["early"]:
        lines.append("  none")
    if result["early"]:
        before = next(p for p in protocol.phases if p.id == result["early"]["phase"])
        lines.append(f"  Moved on too early: on {result['early']['date']} the log moved on from {before.heading} while "
                     "it showed these of its exit criteria not met:")
        lines += [f"         {text}" for text in result["early"]["criteria"]]
    if result["also"]:
        lines.append(f"  Also in the log: {'; '.join(signs[sign_id].name for sign_id in result['also'])} "
                     "(tell your clinician)")
    lines += ["", f"Verdict: {verdict(protocol, phase, result)}"]
    missing = to_record(phase, result)
    if missing and result["verdict"] == "keep-going":
        lines.append(f"To record next: {', '.join(missing)}.")
    return "\n".join(lines)


def verdict(protocol: Protocol, phase: Phase, result: dict) -> str:
    target = next(p for p in protocol.phases if p.id == result["target"])
    if result["verdict"] == "move-on":
        return f"ready to move on to {target.heading}."
    if result["action"] == "regress-one-phase":
        return f"step back: go back to {target.heading}."
    if result["verdict"] == "keep-going":
        return ("keep going: this is the last phase." if phase.next is None
                else "keep going: not every exit criterion is met yet.")
    return ACTIONS[result["action"]][0].lower() + ACTIONS[result["action"]][1:] + "."


def to_record(phase: Phase, result: dict) -> list[str]:
    """The measures the exit criteria have no recent value of, by name: what the athlete should log next."""
    names = []
    for criterion, found in zip(phase.exit_criteria, result["criteria"]):
        rules = criterion.rule.parts if isinstance(criterion.rule, RuleGroup) else [criterion.rule]
        parts = found["result"].get("parts", [found["result"]])
        names += [rule.measure.name.lower() for rule, part in zip(rules, parts)
                  if part["state"] == "no-data" and isinstance(rule, Rule)]
    return list(dict.fromkeys(names))


def deciding(rule: Rule | RuleGroup, result: dict, only_met: bool = False) -> list[str]:
    """The values that decide a rule, in words: '2 of the last 3 sessions ≤ 2 /10; needs 3 in a row'; the parts
    of a group each on a line of its own, indented (for a sign present, only the parts that raised it)."""
    if isinstance(rule, RuleGroup):
        lines = []
        for part_rule, part in zip(rule.parts, result["parts"]):
            if only_met and part["state"] != "met":
                continue
            lines.append(f"{STATES[part['state']]}: {part_rule.text()}")
            lines += [f"  {line}" for line in deciding(part_rule, part, only_met)]
        return lines
    lines = [_increase(rule, result) if "increase" in result else _change(rule, result) if "change" in result
             else _comparison(rule, result)]
    for aside in result.get("set_aside", []):
        other = rule.measure.counts_when
        lines.append(f"not counted: {rule.measure.shown(aside['value'])} on {aside['date']}, logged with "
                     f"{aside['measure'].replace('-', ' ')} at {aside['found']}, above the limit of {other['value']}")
    return lines


def _condition(rule: Rule) -> str:
    if rule.between or rule.measure.kind not in ("categorical", "boolean"):
        return rule.comparison()
    accepted = [v for v in rule.measure.values if rule.holds(v)] if rule.measure.kind == "categorical" else [rule.value]
    return "at " + " or ".join(rule.measure.shown(v) for v in accepted)


def _nothing(result: dict) -> str:
    """Why a rule has no data: nothing logged, or only values older than its look-back."""
    if result.get("stale"):
        return (f"the latest value ({result['stale']}) is older than {result['within']} days, so it no longer "
                "counts: record it again")
    return f"nothing logged in the last {result['within']} days" if result.get("within") else "nothing logged yet"


def _comparison(rule: Rule, result: dict) -> str:
    if result["state"] == "no-data":
        return _nothing(result)
    shown = rule.measure.shown
    if result["needed"] == 1:
        found = result["periods"][-1]
        return f"{shown(found['values'][-1])} on {found['end']}"
    period = result["period"]
    values = ", ".join(shown(v) for part in result["periods"] for v in part["values"]) or "no values"
    words = f"{result['held']} of the last {result['needed']} {period} {_condition(rule)} ({values})"
    gaps = sum(part["holds"] is None for part in result["periods"])
    if gaps:
        words += f"; {gaps} {period.removesuffix('s') if gaps == 1 else period} without a value"
        early = sum(bool(part.get("before_log")) for part in result["periods"])
        if early:
            words += f" ({early} before the log begins)"
    return words if result["state"] == "met" else f"{words}; needs {result['needed']} in a row"


def _change(rule: Rule, result: dict) -> str:
    period = result["change"].removesuffix("s")
    if result["previous"] is None:
        return f"nothing to compare with the {period} before" if result["current"] else _nothing(result)
    shown = rule.measure.shown
    return (f"this {period}: {shown(round(result['current']['mean'], 2))}, the {period} before: "
            f"{shown(round(result['previous']['mean'], 2))} (change {result['difference']:+.2g})")


def _increase(rule: Rule, result: dict) -> str:
    week = result["weeks"][-1] if result["weeks"] else None
    if week is None or week["percent"] is None:
        return f"the log does not reach back the {result['increase'] + 1} weeks this needs, or there was no running before"
    shown = rule.measure.shown
    before = "the week before" if result["increase"] == 1 else f"the weekly average of the {result['increase']} weeks before"
    return (f"{week['start']} to {week['end']}: {shown(round(week['total'], 1))}; {before}: "
            f"{shown(round(week['baseline'], 1))} ({week['percent']:+.0f}\u00a0%)")
