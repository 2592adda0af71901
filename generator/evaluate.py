"""Evaluate exit criteria and warning-sign rules against an athlete's log.

The semantics are written once, for clinicians, in ``site_src/clinicians/rules.md``;
``site_src/assets/js/evaluate.js`` implements the same for the browser, and both
run the vectors in ``tests/vectors/rules.json``. Everything here works on plain
data as it stands in the YAML and the published JSON (rules, measures, log
entries as dicts), and returns plain data, so the two results can be compared.

A rule's result has a ``state``: ``met``, ``not-met`` or ``no-data``.
"""

from __future__ import annotations

import datetime as dt
import operator as op

OPERATORS = {"<": op.lt, "<=": op.le, "==": op.eq, ">=": op.ge, ">": op.gt}
PERIOD_DAYS = {"days": 1, "weeks": 7}
SEVERITIES = ("red", "amber", "green")
#: actions from the most to the least urgent, and the verdict each one gives.
VERDICTS = {"stop-and-contact-clinician": "stop", "regress-one-phase": "step-back", "step-back": "step-back",
            "hold": "hold", "continue": "keep-going"}
ONCE = {"count": 1, "period": "sessions"}


def _day(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


def _iso(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


def observations(entries: list[dict], measure_id: str) -> list[tuple[int, object]]:
    """(day number, value) of every recorded value of a measure, oldest first."""
    return [(_day(entry["date"]), entry["values"][measure_id]) for entry in entries
            if entry.get("values", {}).get(measure_id) is not None]


def periods(seen: list[tuple[int, object]], period: str, count: int) -> list[dict]:
    """The last ``count`` periods (oldest first) ending at the latest observation, each with its values.

    A session is one recorded value; days and weeks are counted back from the day of the latest value,
    and a day or week with no value is kept, empty: a gap.
    """
    if period == "sessions":
        return [{"start": _iso(day), "end": _iso(day), "values": [value]} for day, value in seen[-count:]]
    length, last = PERIOD_DAYS[period], seen[-1][0]
    found = [{"start": _iso(last - length * k - length + 1), "end": _iso(last - length * k), "values": []}
             for k in range(count - 1, -1, -1)]
    first = last - length * count + 1
    for day, value in seen:
        if day >= first:
            found[(day - first) // length]["values"].append(value)
    return found


def _compares(rule: dict, measure: dict, value) -> bool:
    """Whether one value (or change) satisfies the rule's operator and value, or lies in its range."""
    if "between" in rule:
        low, high = rule["between"]
        return low <= value <= high
    threshold = rule["value"]
    if measure["kind"] == "categorical" and "change" not in rule:
        value, threshold = measure["values"].index(value), measure["values"].index(threshold)
    return OPERATORS[rule["operator"]](value, threshold)


def _mean(values: list) -> float:
    return sum(values) / len(values)


def _comparison(rule: dict, measures: dict, entries: list[dict]) -> dict:
    measure = measures[rule["measure"]]
    sustained = rule.get("sustained", ONCE)
    needed, period = sustained["count"], sustained["period"]
    seen = observations(entries, rule["measure"])
    window = periods(seen, period, needed) if seen else []
    for part in window:
        part["holds"] = all(_compares(rule, measure, v) for v in part["values"]) if part["values"] else None
    held = sum(part["holds"] is True for part in window)
    streak = 0
    while streak < len(window) and window[len(window) - 1 - streak]["holds"] is True:
        streak += 1
    state = "no-data" if not seen else "met" if held == needed else "not-met"
    return {"state": state, "measure": rule["measure"], "period": period, "needed": needed, "held": held,
            "streak": streak, "periods": window}


def _change(rule: dict, measures: dict, entries: list[dict]) -> dict:
    seen = observations(entries, rule["measure"])
    window = periods(seen, rule["change"], 2) if seen else []
    for part in window:
        part["mean"] = _mean(part["values"]) if part["values"] else None
    current = window[-1] if window else None
    previous = window[-2] if len(window) == 2 and window[0]["values"] else None
    difference = current["mean"] - previous["mean"] if previous else None
    state = ("no-data" if difference is None
             else "met" if _compares(rule, measures[rule["measure"]], difference) else "not-met")
    return {"state": state, "measure": rule["measure"], "change": rule["change"], "current": current,
            "previous": previous, "difference": difference}


def _group(rule: dict, measures: dict, entries: list[dict]) -> dict:
    combine = "all" if "all" in rule else "any"
    parts = [evaluate_rule(part, measures, entries) for part in rule[combine]]
    states = {part["state"] for part in parts}
    decisive, other = ("not-met", "met") if combine == "all" else ("met", "not-met")
    state = decisive if decisive in states else "no-data" if "no-data" in states else other
    return {"state": state, "combine": combine, "parts": parts}


def evaluate_rule(rule: dict, measures: dict, entries: list[dict]) -> dict:
    """The result of one rule (an exit criterion or a warning-sign rule) on log entries in date order."""
    if "all" in rule or "any" in rule:
        return _group(rule, measures, entries)
    if "change" in rule:
        return _change(rule, measures, entries)
    return _comparison(rule, measures, entries)


def current_phase(protocol: dict, entries: list[dict]) -> str:
    """The phase the latest entry that names one is in; the first phase when none does."""
    named = [entry["phase"] for entry in entries if entry.get("phase")]
    return named[-1] if named else protocol["phases"][0]["id"]


def _verdict(phases: list[dict], index: int, criteria: list[dict], signs: list[dict]) -> dict:
    """The one thing to do now: the most urgent action of a sign present, else move on when every criterion is met."""
    actions = [action for action in VERDICTS if any(sign["action"] == action for sign in signs)]
    action = actions[0] if actions else "continue"
    if action == "regress-one-phase":
        return {"verdict": "step-back", "action": action, "target": phases[max(index - 1, 0)]["id"]}
    if action != "continue":
        return {"verdict": VERDICTS[action], "action": action, "target": phases[index]["id"]}
    ready = index + 1 < len(phases) and all(criterion["result"]["state"] == "met" for criterion in criteria)
    if ready:
        return {"verdict": "move-on", "action": action, "target": phases[index + 1]["id"]}
    return {"verdict": "keep-going", "action": action, "target": phases[index]["id"]}


def evaluate_phase(protocol: dict, entries: list[dict], phase_id: str | None = None) -> dict:
    """Each exit criterion of the phase, the warning signs present (most severe first) and the verdict."""
    phase_id = phase_id or current_phase(protocol, entries)
    phases = protocol["phases"]
    index = next(i for i, phase in enumerate(phases) if phase["id"] == phase_id)
    measures = {measure["id"]: measure for measure in protocol["measures"]}
    criteria = [{"text": criterion["text"], "result": evaluate_rule(criterion, measures, entries)}
                for criterion in phases[index].get("exit_criteria", [])]
    listed = {sign["id"]: sign for sign in protocol["warning_signs"]}
    signs = []
    for sign_id in phases[index]["warning_signs"]:
        sign = listed[sign_id]
        result = evaluate_rule(sign["rule"], measures, entries) if "rule" in sign else None
        if result and result["state"] == "met":
            signs.append({"id": sign_id, "name": sign["name"], "severity": sign["severity"],
                          "action": sign["action"], "result": result})
    signs.sort(key=lambda sign: SEVERITIES.index(sign["severity"]))
    latest = entries[-1]["date"] if entries else None
    return {"protocol": protocol["id"], "phase": phase_id, "latest": latest, "criteria": criteria, "signs": signs,
            **_verdict(phases, index, criteria, signs)}
