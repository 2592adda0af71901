"""Evaluate exit criteria and warning-sign rules against an athlete's log.

The semantics are written once, for clinicians, in ``site_src/clinicians/rules.md``;
``site_src/assets/js/evaluate.js`` implements the same for the browser, and both
run the vectors in ``tests/vectors/rules.json`` and the clinician-judged logs in
``tests/vectors/scenarios.json``. Everything here works on plain data as it stands
in the YAML and the published JSON (rules, measures, log entries as dicts), and
returns plain data, so the two results can be compared.

A rule is read **as of a day** (``today``): only values inside its look-back
(``within``) count. An exit criterion is judged on the latest values ("does it hold
now?"); an amber or red warning sign on the worst moment of its look-back ("did it
happen recently?"). A rule's result has a ``state``: ``met``, ``not-met`` or ``no-data``.
"""

from __future__ import annotations

import datetime as dt
import operator as op
from bisect import bisect_left

OPERATORS = {"<": op.lt, "<=": op.le, "==": op.eq, ">=": op.ge, ">": op.gt}
PERIOD_DAYS = {"days": 1, "weeks": 7}
SEVERITIES = ("red", "amber", "green")
#: actions from the most to the least urgent, and the verdict each one gives.
VERDICTS = {"stop-and-contact-clinician": "stop", "regress-one-phase": "step-back", "step-back": "step-back",
            "hold": "hold", "continue": "keep-going"}
ONCE = {"count": 1, "period": "sessions"}
#: how many values a period needs before its average is compared with the one before (one value is not a week).
AVERAGED_FROM = {"weeks": 2}
#: how a rule is read: "now" (an exit criterion, a green sign) or "worst" (an amber or red sign).
NOW, WORST = "now", "worst"


def _day(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


def _iso(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


def _mean(values: list) -> float:
    return sum(values) / len(values)


def _compares(rule: dict, measure: dict, value) -> bool:
    """Whether one value (or change) satisfies the rule's operator and value, or lies in its range."""
    if "between" in rule:
        low, high = rule["between"]
        return low <= value <= high
    threshold = rule["value"]
    if measure["kind"] == "categorical" and "change" not in rule:
        value, threshold = measure["values"].index(value), measure["values"].index(threshold)
    return OPERATORS[rule["operator"]](value, threshold)


class Reading:
    """One log read as of a day: the entries, the day they are read on and the day the log begins."""

    def __init__(self, entries: list[dict], measures: dict, today: str | None = None):
        self.entries = entries
        self.measures = measures
        self.today = _day(today) if today else (_day(entries[-1]["date"]) if entries else None)
        self.first = _day(entries[0]["date"]) if entries else None

    def observations(self, rule: dict) -> tuple[list[tuple[int, object]], list[dict]]:
        """(day, value) of every value the rule can use, oldest first, and the values set aside.

        A value counts only from an entry of the rule's ``activity`` (when it names some), and only when the same
        entry meets the measure's ``counts_when`` (30 "pain-free" minutes logged with 4/10 pain are set aside).
        """
        measure_id, activities = rule["measure"], rule.get("activity")
        condition = self.measures[measure_id].get("counts_when")
        seen, aside = [], []
        for entry in self.entries:
            value = entry.get("values", {}).get(measure_id)
            if value is None or (activities is not None and entry.get("activity") not in activities):
                continue
            other = entry["values"].get(condition["measure"]) if condition else None
            if other is not None and not _compares(condition, self.measures[condition["measure"]], other):
                aside.append({"date": entry["date"], "value": value, "measure": condition["measure"], "found": other})
                continue
            seen.append((_day(entry["date"]), value))
        return seen, aside

    def window(self, rule: dict, within: dict | None):
        """The observations inside the look-back (the last ``days`` days up to today), the date of the latest one
        left out as too old, and the values set aside."""
        seen, aside = self.observations(rule)
        if not within or self.today is None:
            return seen, None, aside
        start = self.today - within["days"] + 1
        cut = bisect_left(seen, start, key=lambda pair: pair[0])
        stale = _iso(seen[cut - 1][0]) if cut and cut == len(seen) else None
        return seen[cut:], stale, [a for a in aside if _day(a["date"]) >= start]


def periods(seen: list[tuple[int, object]], period: str, count: int, first: int | None = None) -> list[dict]:
    """The last ``count`` periods (oldest first) ending at the latest observation, each with its values.

    A session is one recorded value; days and weeks are counted back from the day of the latest value,
    and a day or week with no value is kept, empty: a gap. A day or week of which the log (from ``first``, its
    first day) covers less than half is marked ``before_log``: the log cannot show it.
    """
    if period == "sessions":
        return [{"start": _iso(day), "end": _iso(day), "values": [value]} for day, value in seen[-count:]]
    length, last = PERIOD_DAYS[period], seen[-1][0]
    found = [{"start": _iso(last - length * k - length + 1), "end": _iso(last - length * k), "values": [],
              "before_log": first is not None and 2 * (last - length * k - first + 1) < length}
             for k in range(count - 1, -1, -1)]
    begin = last - length * count + 1
    for day, value in seen[bisect_left(seen, begin, key=lambda pair: pair[0]):]:
        found[(day - begin) // length]["values"].append(value)
    return found


def _held(rule: dict, measure: dict, seen: list, reading: Reading) -> dict:
    """The comparison read on the latest of ``seen``: the periods it needs, and how many held."""
    sustained = rule.get("sustained", ONCE)
    needed, period = sustained["count"], sustained["period"]
    window = periods(seen, period, needed, reading.first) if seen else []
    for part in window:
        holds = part["values"] and not part.get("before_log")
        part["holds"] = all(_compares(rule, measure, v) for v in part["values"]) if holds else None
    held = sum(part["holds"] is True for part in window)
    streak = 0
    while streak < len(window) and window[len(window) - 1 - streak]["holds"] is True:
        streak += 1
    state = "no-data" if not seen else "met" if held == needed else "not-met"
    return {"state": state, "period": period, "needed": needed, "held": held,
            "streak": streak, "periods": window}


def _worst_of_each_day(seen: list[tuple[int, object]]) -> list[tuple[int, object]]:
    """One value a day, the highest: two entries on one day are one day of the week, not two."""
    days: dict[int, object] = {}
    for day, value in seen:
        days[day] = max(days.get(day, value), value)
    return list(days.items())


def _changed(rule: dict, measure: dict, seen: list, reading: Reading) -> dict:
    """The change of the mean from the period before. Days and weeks average their days, each at its worst,
    and a week needs two such days to have a mean."""
    if rule["change"] != "sessions":
        seen = _worst_of_each_day(seen)
    window = periods(seen, rule["change"], 2) if seen else []
    fewest = AVERAGED_FROM.get(rule["change"], 1)
    for part in window:
        part["mean"] = _mean(part["values"]) if len(part["values"]) >= fewest else None
    current = window[-1] if window else None
    previous = window[-2] if len(window) == 2 and window[0]["mean"] is not None else None
    difference = current["mean"] - previous["mean"] if previous and current["mean"] is not None else None
    state = "no-data" if difference is None else "met" if _compares(rule, measure, difference) else "not-met"
    return {"state": state, "current": current, "previous": previous, "difference": difference}


def _per_activity(rule: dict, reading: Reading, within: dict | None) -> dict:
    """The rule read now on each activity's own values: the latest activity on which it holds, else the latest
    activity logged (no data when none is in the look-back)."""
    kinds = dict.fromkeys(entry.get("activity") for entry in reading.entries
                          if entry.get("values", {}).get(rule["measure"]) is not None
                          and ("activity" not in rule or entry.get("activity") in rule["activity"]))
    found = []
    for kind in kinds:
        seen, _, _ = reading.window({**rule, "activity": [kind]}, within)
        if seen:
            result = _held(rule, reading.measures[rule["measure"]], seen, reading)
            found.append((result["state"] == "met", seen[-1][0], {**result, "activity": kind}))
    if not found:
        return _held(rule, reading.measures[rule["measure"]], [], reading)
    return max(found, key=lambda one: one[:2])[2]


def _leaf(rule: dict, reading: Reading, how: str, within: dict | None, by_activity: bool = False) -> dict:
    """A comparison or a change on one measure, read now, at its worst moment in the look-back, or (by activity)
    on the latest value of each activity."""
    within = rule.get("within", within)
    measure = reading.measures[rule["measure"]]
    seen, stale, aside = reading.window(rule, within)
    judge = _changed if "change" in rule else _held
    per_activity = how == WORST and rule.get("by_activity", by_activity) and "change" not in rule
    found = _per_activity(rule, reading, within) if per_activity else judge(rule, measure, seen, reading)
    if how == WORST and not per_activity and found["state"] != "met":
        # the worst moment: the latest point in the look-back at which the sign held
        for end in range(len(seen) - 1, 0, -1):
            earlier = judge(rule, measure, seen[:end], reading)
            if earlier["state"] == "met":
                found = earlier
                break
    found.update({"measure": rule["measure"], "within": within["days"] if within else None, "stale": stale,
                  "set_aside": aside})
    if "change" in rule:
        found["change"] = rule["change"]
    return found


def _weekly(rule: dict, reading: Reading, seen: list, end: int) -> dict:
    """The increase of the 7 days up to ``end`` over the mean weekly total of the weeks before them."""
    before = rule["increase"]["weeks"]
    totals = [sum(v for day, v in seen if end - 7 * w - 6 <= day <= end - 7 * w) for w in range(before + 1)]
    covered = reading.first is not None and reading.first <= end - 7 * before - 6
    baseline = _mean(totals[1:])
    percent = (totals[0] / baseline - 1) * 100 if covered and baseline > 0 else None
    return {"start": _iso(end - 6), "end": _iso(end), "total": totals[0], "baseline": baseline if covered else None,
            "percent": percent,
            "holds": None if percent is None else _compares(rule, reading.measures[rule["measure"]], percent)}


def _increase_at(rule: dict, reading: Reading, seen: list, end: int) -> dict:
    """The latest ``sustained`` weeks up to ``end``, each compared with the weeks before it."""
    needed = rule.get("sustained", ONCE)["count"]
    weeks = [_weekly(rule, reading, seen, end - 7 * k) for k in range(needed - 1, -1, -1)]
    held = sum(week["holds"] is True for week in weeks)
    state = "no-data" if all(week["percent"] is None for week in weeks) else "met" if held == needed else "not-met"
    return {"state": state, "needed": needed, "held": held, "weeks": weeks}


def _increase(rule: dict, reading: Reading, how: str, within: dict | None) -> dict:
    """A load rule: weekly totals counted back from today (for a sign, from any day of its look-back)."""
    seen, _ = reading.observations(rule)
    found = {"state": "no-data", "needed": rule.get("sustained", ONCE)["count"], "held": 0, "weeks": []}
    if reading.today is not None:
        ends = range(within["days"] if within and how == WORST else 1)
        results = [_increase_at(rule, reading, seen, reading.today - back) for back in ends]
        found = next((result for result in results if result["state"] == "met"), results[0])
    return {**found, "measure": rule["measure"], "increase": rule["increase"]["weeks"],
            "within": within["days"] if within else None, "stale": None, "set_aside": []}


def _group(rule: dict, reading: Reading, how: str, within: dict | None, by_activity: bool = False) -> dict:
    combine = "all" if "all" in rule else "any"
    parts = [_evaluate(part, reading, how, rule.get("within", within), rule.get("by_activity", by_activity))
             for part in rule[combine]]
    states = {part["state"] for part in parts}
    decisive, other = ("not-met", "met") if combine == "all" else ("met", "not-met")
    state = decisive if decisive in states else "no-data" if "no-data" in states else other
    return {"state": state, "combine": combine, "parts": parts}


def _evaluate(rule: dict, reading: Reading, how: str, within: dict | None = None, by_activity: bool = False) -> dict:
    if "all" in rule or "any" in rule:
        return _group(rule, reading, how, within, by_activity)
    if "increase" in rule:
        return _increase(rule, reading, how, rule.get("within", within))
    return _leaf(rule, reading, how, within, by_activity)


def evaluate_rule(rule: dict, measures: dict, entries: list[dict], today: str | None = None, how: str = NOW) -> dict:
    """The result of one rule on log entries in date order, read as of ``today`` (default: the latest entry's day):
    ``how="now"`` for an exit criterion, ``how="worst"`` for an amber or red warning sign."""
    return _evaluate(rule, Reading(entries, measures, today), how)


def current_phase(protocol: dict, entries: list[dict]) -> str:
    """The phase the latest entry that names one is in; the first phase when none does."""
    named = [entry["phase"] for entry in entries if entry.get("phase")]
    return named[-1] if named else protocol["phases"][0]["id"]


def _against(result: dict) -> bool:
    """Whether a criterion's result shows a value that fails it (not merely too few values, or none)."""
    if "parts" in result:
        parts = [_against(part) for part in result["parts"]]
        return any(parts) if result["combine"] == "all" else all(parts)
    if "periods" in result:
        return any(part["holds"] is False for part in result["periods"])
    return result["state"] == "not-met"


def _early_move(protocol: dict, entries: list[dict], index: int) -> dict | None:
    """When the log moved into phase ``index`` from the phase before it: that phase's exit criteria that the log
    showed failing on the day of the move (not those merely unrecorded), or None."""
    if index == 0:
        return None
    current, before = protocol["phases"][index]["id"], protocol["phases"][index - 1]
    named = [(i, entry["phase"]) for i, entry in enumerate(entries) if entry.get("phase")]
    last_before = max((n for n, (_, phase) in enumerate(named) if phase == before["id"]), default=None)
    if last_before is None or not all(phase == current for _, phase in named[last_before + 1:]) \
            or last_before + 1 == len(named):
        return None
    moved = named[last_before + 1][0]
    reading = Reading(entries[:moved], {measure["id"]: measure for measure in protocol["measures"]},
                      entries[moved]["date"])
    failing = [criterion["text"] for criterion in before.get("exit_criteria", [])
               if _against(_evaluate(criterion, reading, NOW))]
    return {"phase": before["id"], "date": entries[moved]["date"], "criteria": failing} if failing else None


def _verdict(phases: list[dict], index: int, criteria: list[dict], signs: list[dict], early: dict | None) -> dict:
    """The one thing to do now: the most urgent action of a sign present (a move on past a gate the log showed
    unmet sends back a phase), else move on when every criterion is met."""
    actions = [action for action in VERDICTS if any(sign["action"] == action for sign in signs)
               or (early and action == "regress-one-phase")]
    action = actions[0] if actions else "continue"
    if action == "regress-one-phase":
        return {"verdict": "step-back", "action": action, "target": phases[max(index - 1, 0)]["id"]}
    if action != "continue":
        return {"verdict": VERDICTS[action], "action": action, "target": phases[index]["id"]}
    ready = index + 1 < len(phases) and all(criterion["result"]["state"] == "met" for criterion in criteria)
    if ready:
        return {"verdict": "move-on", "action": action, "target": phases[index + 1]["id"]}
    return {"verdict": "keep-going", "action": action, "target": phases[index]["id"]}


def evaluate_phase(protocol: dict, entries: list[dict], phase_id: str | None = None, today: str | None = None) -> dict:
    """Each exit criterion of the phase, the warning signs present and the one verdict, read as of ``today``.

    The signs returned are those that decide the verdict, so each one shown gives the same instruction; any other
    amber or red sign present is named in ``also`` (a green "carry on" beside an amber one is left out). ``early``
    names the phase the log moved on from while showing its gate unmet, with those criteria.
    """
    phase_id = phase_id or current_phase(protocol, entries)
    phases = protocol["phases"]
    index = next(i for i, phase in enumerate(phases) if phase["id"] == phase_id)
    reading = Reading(entries, {measure["id"]: measure for measure in protocol["measures"]}, today)
    criteria = [{"text": criterion["text"], "result": _evaluate(criterion, reading, NOW)}
                for criterion in phases[index].get("exit_criteria", [])]
    listed = {sign["id"]: sign for sign in protocol["warning_signs"]}
    signs = []
    for sign_id in phases[index]["warning_signs"]:
        sign = listed[sign_id]
        if "rule" not in sign:
            continue
        result = _evaluate(sign["rule"], reading, NOW if sign["severity"] == "green" else WORST)
        if result["state"] == "met":
            signs.append({"id": sign_id, "name": sign["name"], "severity": sign["severity"],
                          "action": sign["action"], "result": result})
    early = _early_move(protocol, entries, index) if phase_id == current_phase(protocol, entries) else None
    decided = _verdict(phases, index, criteria, signs, early)
    shown = [sign for sign in signs if sign["action"] == decided["action"]]
    also = [sign["id"] for sign in signs if sign not in shown and sign["action"] != "continue"]
    shown.sort(key=lambda sign: SEVERITIES.index(sign["severity"]))
    latest = entries[-1]["date"] if entries else None
    as_of = _iso(reading.today) if reading.today is not None else None
    return {"protocol": protocol["id"], "phase": phase_id, "latest": latest, "today": as_of, "criteria": criteria,
            "signs": shown, "also": also, "early": early, **decided}
