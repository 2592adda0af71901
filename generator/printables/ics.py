"""A phase's weekly sessions as an iCalendar file (RFC 5545), made with icalendar.

One all-day event per session, repeating on its weekdays for the weeks asked for, with its drills and their
dose in the description and, when asked for, a reminder (an alarm at a time of the session's day). No clock is read: the stamp is the document date, the ids come from the content, so the
same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Alarm, Calendar, Event, vRecur

from ..content.week import WEEKDAYS
from ..model import Phase, Session
from .qr import page_address
from .sheets import document_date

_BYDAY = {day: day[:2].upper() for day in WEEKDAYS}


def _stamp(phase: Phase) -> dt.datetime:
    moment = document_date(phase.protocol)
    if moment.endswith("Z"):
        return dt.datetime.strptime(moment, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    return dt.datetime.combine(dt.date.fromisoformat(moment), dt.time(), dt.timezone.utc)


def _description(session: Session, page: str | None) -> str:
    lines = [f"About {session.minutes} min."]
    for part, prescriptions in session.parts:
        lines.append(f"{part}:")
        lines += [f"- {p.drill.name}: {p.dosage.text(weekly=False)}" for p in prescriptions]
    if page:
        lines.append(page)
    return "\n".join(lines)


def _alarm(session: Session, remind: dt.time) -> Alarm:
    """A reminder at ``remind`` on each day of the session: an all-day event starts at midnight of its day, so the
    alarm is that long after the start (the same on every day, whatever the time zone)."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", session.title)
    alarm.add("trigger", dt.timedelta(hours=remind.hour, minutes=remind.minute))
    return alarm


def _event(session: Session, uid: str, first: dt.date, weeks: range, stamp: dt.datetime,
           page: str | None, remind: dt.time | None = None) -> Event | None:
    dates = [first + dt.timedelta(weeks=week - 1, days=offset) for week in weeks for offset in range(7)]
    dates = [day for day in dates if list(WEEKDAYS)[day.weekday()] in session.days]
    if not dates:
        return None
    event = Event()
    event.add("uid", f"{uid}.{session.id}.{first.isoformat()}.{len(weeks)}w@handbook")
    event.add("dtstamp", stamp)
    event.add("dtstart", dates[0])
    event.add("dtend", dates[0] + dt.timedelta(days=1))
    event.add("rrule", vRecur(freq="weekly", byday=[_BYDAY[day] for day in session.days], count=len(dates)))
    event.add("summary", session.title)
    event.add("description", _description(session, page))
    event.add("transp", "TRANSPARENT")
    if remind is not None:
        event.add_component(_alarm(session, remind))
    return event


def phase_calendar(phase: Phase, start: dt.date, weeks: range, address: str | None = None,
                   remind: dt.time | None = None) -> bytes:
    """The phase's sessions from ``start`` (the first day of week 1) for ``weeks`` (1 for the first week), each
    with a reminder at ``remind`` on its days when one is given."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{phase.protocol.title}//{phase.protocol.version}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{phase.heading} – {phase.protocol.title}")
    page, stamp = page_address(address, phase), _stamp(phase)
    first = start + dt.timedelta(weeks=weeks.start - 1)
    for session in phase.sessions:
        event = _event(session, f"{phase.protocol.id}.{phase.id}", first, range(1, len(weeks) + 1), stamp, page,
                       remind)
        if event:
            calendar.add_component(event)
    return calendar.to_ical()
