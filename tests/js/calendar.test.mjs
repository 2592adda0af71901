// The site's calendar (site_src/assets/js/calendar.js) read back with ical.js, on the shared calendar vectors that
// pytest runs against the Python one (tests/printables/test_calendar_vectors.py).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { register } from "node:module";
import test from "node:test";

import ICAL from "ical.js";

// calendar.js imports the site's copy of ical.js (assets/vendor/, written by the build): here, the package itself.
register(`data:text/javascript,${encodeURIComponent(`export function resolve(specifier, context, next) {
  return next(specifier.endsWith("/vendor/ical.js") ? "ical.js" : specifier, context);
}`)}`, import.meta.url);
const { phaseCalendar } = await import("../../site_src/assets/js/calendar.js");

const VECTORS = JSON.parse(readFileSync(new URL("../vectors/calendar.json", import.meta.url), "utf-8"));
const PAGE = "https://handbook.example/knee/load/";

/** An event as the vectors write it: plain fields, its days those its RRULE gives. */
function plain(vevent) {
  const event = new ICAL.Event(vevent);
  const rule = vevent.getFirstPropertyValue("rrule");
  const dates = [];
  for (let iterator = event.iterator(), next; (next = iterator.next());) dates.push(next.toString());
  return {
    uid: event.uid, summary: event.summary, description: event.description,
    stamp: vevent.getFirstPropertyValue("dtstamp").toString(),
    start: event.startDate.toString(), end: event.endDate.toString(),
    byday: rule.parts.BYDAY, count: rule.count, dates,
    ...(vevent.getAllSubcomponents("valarm").length ? { alarms: vevent.getAllSubcomponents("valarm").map((valarm) => ({
      action: valarm.getFirstPropertyValue("action"), description: valarm.getFirstPropertyValue("description"),
      trigger: valarm.getFirstPropertyValue("trigger").toString() })) } : {}),
  };
}

const parsed = (text) => new ICAL.Component(ICAL.parse(text));

for (const vector of VECTORS.cases) {
  test(`the calendar of '${vector.phase}' for ${vector.weeks} weeks${vector.remind ? ` with a reminder at ${vector.remind}` : ""} holds the vector's events`, () => {
    const calendar = parsed(phaseCalendar(VECTORS.data, vector.phase, vector.start, vector.weeks, null, vector.remind));
    assert.equal(calendar.getFirstPropertyValue("x-wr-calname"), vector.calname);
    assert.equal(calendar.getFirstPropertyValue("prodid"), "-//Knee rehab//2.1.0//EN");
    assert.deepEqual(calendar.getAllSubcomponents("vevent").map(plain), vector.events);
  });
}

test("the phase page ends each description, and the same input gives the same text", () => {
  const [vector] = VECTORS.cases;
  const text = phaseCalendar(VECTORS.data, vector.phase, vector.start, vector.weeks, PAGE);
  const events = parsed(text).getAllSubcomponents("vevent").map(plain);
  assert.deepEqual(events.map((event) => event.description), vector.events.map((event) => `${event.description}\n${PAGE}`));
  assert.equal(phaseCalendar(VECTORS.data, vector.phase, vector.start, vector.weeks, PAGE), text);
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.ok(text.split("\r\n").every((line) => line.length <= 75), "long lines are folded");
});

test("a carriage return in a title or a dose is a line break, never raw in the file (as the CLI writes it)", () => {
  const [vector] = VECTORS.cases;
  const data = structuredClone(VECTORS.data);
  const phase = data.protocol.phases.find((one) => one.id === vector.phase);
  phase.sessions[0].title = "Strength\r\nday\rone";
  const text = phaseCalendar(data, vector.phase, vector.start, vector.weeks);
  assert.ok(!text.replaceAll("\r\n", "").includes("\r"), "no raw carriage return");
  const [event] = parsed(text).getAllSubcomponents("vevent").map(plain);
  assert.equal(event.summary, "Strength\nday\none");
});
