"""The shared calendar vectors (tests/vectors/calendar.json) made by generator/printables/ics.py and read back with
icalendar; node runs the same file against the site's calendar (site_src/assets/js/calendar.js)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from generator.model import build_handbook
from generator.printables.ics import phase_calendar

VECTORS = json.loads((Path(__file__).resolve().parents[1] / "vectors" / "calendar.json").read_text(encoding="utf-8"))


def _event(event) -> dict:
    """An event as the vectors write it: plain fields, its days those its RRULE gives."""
    start, stamp = event["dtstart"].dt, event["dtstamp"].dt
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=dt.datetime.combine(start, dt.time()))
    return {
        "uid": str(event["uid"]), "summary": str(event["summary"]), "description": str(event["description"]),
        "stamp": stamp.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "start": start.isoformat(), "end": event["dtend"].dt.isoformat(),
        "byday": event["rrule"]["BYDAY"], "count": event["rrule"]["COUNT"][0],
        "dates": [moment.date().isoformat() for moment in rule],
    } | ({"alarms": [_alarm(alarm) for alarm in event.walk("VALARM")]} if event.walk("VALARM") else {})


def _alarm(alarm) -> dict:
    """A reminder as the vectors write it: its action, text and trigger (an RFC 5545 duration after the start)."""
    return {"action": str(alarm["action"]), "description": str(alarm["description"]),
            "trigger": alarm["trigger"].to_ical().decode()}


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda case: f"{case['phase']}-{case['weeks']}w")
def test_the_python_calendar_gives_the_vector_events(case, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the stamp is then the review date, as on the site
    data = VECTORS["data"]
    [protocol] = build_handbook(data["drills"], [data["protocol"]]).protocols
    [phase] = [phase for phase in protocol.phases if phase.id == case["phase"]]
    weeks = range(1, case["weeks"] + 1)
    remind = dt.time.fromisoformat(case["remind"]) if "remind" in case else None
    calendar = Calendar.from_ical(phase_calendar(phase, dt.date.fromisoformat(case["start"]), weeks, remind=remind))
    assert str(calendar["x-wr-calname"]) == case["calname"]
    assert [_event(event) for event in calendar.walk("VEVENT")] == case["events"]
