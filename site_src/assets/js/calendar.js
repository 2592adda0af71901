// A phase's weekly sessions as an iCalendar file (RFC 5545), made with ical.js (copied into the site by the
// build): the events of generator/printables/ics.py. One all-day event per session, repeating on its weekdays for
// the weeks asked for, its drills and their dose in the description and, when asked for, a reminder at a time of
// the session's day. No clock is read: the stamp is the
// protocol's review date and the ids come from the content, so the same input gives the same text.

import ICAL from "../vendor/ical.js";
import { isoDay, phaseSessions, weekday } from "./plan.js";

const DAY_MS = 86400000;
// a carriage return is a line break, as generator/printables/ics.py (icalendar) writes it: never raw in a text
const text = (value) => value.replace(/\r\n?/g, "\n");

/** A session's length, each part with its drills and their dose, then its page (as ics.py's _description). */
function description(session, page) {
  const lines = [`About ${session.minutes} min.`];
  let part = null;
  for (const drill of session.drills) {
    if (drill.part !== part) lines.push(`${(part = drill.part)}:`);
    lines.push(`- ${drill.name}: ${drill.dose}`);
  }
  if (page) lines.push(page);
  return lines.join("\n");
}

/** A reminder at `remind` (HH:MM) on each day of the session: an all-day event starts at midnight of its day, so
 * the alarm is that long after the start (as ics.py's _alarm). */
function alarm(session, remind) {
  const [hours, minutes] = remind.split(":").map(Number);
  const valarm = new ICAL.Component("valarm");
  valarm.addPropertyWithValue("action", "DISPLAY");
  valarm.addPropertyWithValue("description", text(session.title));
  valarm.addPropertyWithValue("trigger", ICAL.Duration.fromData({ hours, minutes }));
  return valarm;
}

function event(session, uid, start, weeks, stamp, page, remind) {
  const first = Date.parse(`${start}T00:00:00Z`) / DAY_MS;
  const dates = Array.from({ length: weeks * 7 }, (_, offset) => isoDay(first + offset))
    .filter((date) => session.days.includes(weekday(date)));
  if (!dates.length) return null;
  const begin = ICAL.Time.fromDateString(dates[0]);
  const end = begin.clone();
  end.adjust(1, 0, 0, 0);
  const vevent = new ICAL.Component("vevent");
  vevent.addPropertyWithValue("uid", `${uid}.${session.id}.${start}.${weeks}w@handbook`);
  vevent.addPropertyWithValue("dtstamp", stamp);
  vevent.addPropertyWithValue("dtstart", begin);
  vevent.addPropertyWithValue("dtend", end);
  vevent.addPropertyWithValue("rrule", ICAL.Recur.fromData({
    freq: "WEEKLY", count: dates.length, byday: session.days.map((day) => day.slice(0, 2).toUpperCase()) }));
  vevent.addPropertyWithValue("summary", text(session.title));
  vevent.addPropertyWithValue("description", text(description(session, page)));
  vevent.addPropertyWithValue("transp", "TRANSPARENT");
  if (remind) vevent.addSubcomponent(alarm(session, remind));
  return vevent;
}

/** The .ics text of phase `phaseId`'s sessions in the published `data` of its protocol, from `start`
 * (YYYY-MM-DD, the first day of week 1) for `weeks` weeks; `page`, the phase page's address, ends each
 * description; `remind` (HH:MM), when given, adds a reminder at that time on each session's days. A phase without
 * sessions gives a calendar without events. */
export function phaseCalendar(data, phaseId, start, weeks, page = null, remind = null) {
  const { protocol } = data;
  const number = protocol.phases.findIndex((phase) => phase.id === phaseId);
  const phase = protocol.phases[number];
  const calendar = new ICAL.Component("vcalendar");
  calendar.addPropertyWithValue("prodid", `-//${protocol.title}//${protocol.version}//EN`);
  calendar.addPropertyWithValue("version", "2.0");
  calendar.addPropertyWithValue("x-wr-calname", `Phase ${number + 1}: ${phase.title} – ${protocol.title}`);
  const stamp = ICAL.Time.fromDateTimeString(`${protocol.reviewed.date}T00:00:00Z`);
  const sessions = phase.sessions && phase.sessions.length ? phaseSessions(data, phaseId) : [];
  for (const session of sessions) {
    const vevent = event(session, `${protocol.id}.${phase.id}`, start, weeks, stamp, page, remind);
    if (vevent) calendar.addSubcomponent(vevent);
  }
  return calendar.toString();
}
