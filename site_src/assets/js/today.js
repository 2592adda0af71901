// "Today" on the home page: the athlete picks a phase and its start date once; the page then shows today's
// sessions with tick boxes, the week so far, a way to change phase and a calendar file of the phase's sessions
// (calendar.js). The exit-criteria boxes of the phase pages are kept too. Everything stays in this browser
// (store.js); nothing is sent anywhere.

import { element, saveFile, together } from "./dom.js";
import { localToday, phaseSessions, siteAddress, sessionsOn, tickKey, weekOfPhase, weekSoFar } from "./plan.js";
import { keys, load, save } from "./store.js";

const dateText = (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/** Starts "Today" in `root`: the phase chosen in its form, and that phase's day. */
export function start(root) {
  const form = root.querySelector(".hb-today__setup");
  const plan = root.querySelector(".hb-today__plan");
  const show = async () => {
    const chosen = load(keys.plan, null);
    const option = chosen && form.elements.phase.querySelector(`option[value="${chosen.protocol}/${chosen.phase}"]`);
    form.hidden = Boolean(option);
    plan.hidden = !option;
    if (!option) return;
    form.elements.phase.value = option.value;
    form.elements.start.value = chosen.start;
    const data = await (await fetch(siteAddress(`data/${chosen.protocol}.json`))).json();
    showPlan(plan, data, chosen, option);
  };
  form.elements.start.value ||= localToday();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const [protocol, phase] = form.elements.phase.value.split("/");
    save(keys.plan, { ...load(keys.plan, {}), protocol, phase, start: form.elements.start.value });
    show();
  });
  const change = root.querySelector(".hb-today__change");
  change.addEventListener("click", () => {
    form.hidden = false;
    plan.hidden = true;
    form.elements.phase.focus();
  });
  const remind = element("input", { type: "time", class: "hb-today__remind", value: load(keys.plan, {})?.remind || "" });
  remind.addEventListener("change", () => {
    const plan = load(keys.plan, null);
    if (plan) save(keys.plan, { ...plan, remind: remind.value || undefined });
  });
  change.parentElement.after(element("p", { class: "hb-today__calendar-row" },
    element("label", { class: "hb-today__reminder" }, "Remind me at (optional) ", remind), " ",
    element("button", { type: "button", class: "md-button hb-today__calendar" }, "Add to my calendar (.ics)")));
  root.hidden = false;
  show();
}

function showPlan(plan, data, chosen, option) {
  const today = localToday();
  const sessions = phaseSessions(data, chosen.phase);
  const key = keys.ticks(chosen.protocol, chosen.phase);
  const ticks = load(key, {});
  const week = weekOfPhase(chosen.start, today);
  const where = plan.querySelector(".hb-today__where");
  where.replaceChildren(element("a", { href: siteAddress(`${chosen.protocol}/${chosen.phase}/`) }, option.textContent),
    week ? `, week ${week} (started ${dateText(chosen.start)})` : `, starts ${dateText(chosen.start)}`);
  const tick = (date, done) => {
    ticks[date] = done;
    save(key, ticks);
    weekList(plan, sessions, chosen, ticks, today, tick);
  };
  const todays = week ? sessionsOn(sessions, today) : [];
  const list = plan.querySelector(".hb-today__sessions");
  list.replaceChildren(...todays.map((session) => sessionBox(session, ticks[today] || [], (done) => tick(today, done))));
  if (!todays.length) {
    list.replaceChildren(element("p", {}, week ? "No session today: a rest day." : "Your phase has not started yet."));
  }
  weekList(plan, sessions, chosen, ticks, today, tick);
  const player = plan.querySelector(".hb-today__start");
  player.hidden = !todays.length;
  for (const link of player.querySelectorAll("a")) link.hidden = link.dataset.protocol !== chosen.protocol;
  const calendar = plan.querySelector(".hb-today__calendar");
  const weekly = data.protocol.phases.find((phase) => phase.id === chosen.phase).sessions?.length;
  calendar.hidden = !weekly;
  plan.querySelector(".hb-today__reminder").hidden = !weekly;
  calendar.onclick = () => downloadCalendar(data, chosen, plan.querySelector(".hb-today__remind").value || null);
  // the start date and week travel after '#', which never leaves the device
  plan.querySelector(".hb-today__print").href = siteAddress(
    `print/${chosen.protocol}/${chosen.phase}.html#start=${chosen.start}&week=${Math.max(week, 1)}`);
}

/** Downloads the phase's sessions from its start date for its longest typical duration, as `handbook print
 * --ics` does, with a reminder at `remind` (HH:MM) on each session's days when one is chosen (`--remind`); the
 * file is made here and sent nowhere. */
async function downloadCalendar(data, chosen, remind) {
  const { phaseCalendar } = await import("./calendar.js"); // ical.js is loaded only when asked for
  const phase = data.protocol.phases.find((one) => one.id === chosen.phase);
  const text = phaseCalendar(data, phase.id, chosen.start, phase.typical_duration.max_weeks,
    siteAddress(`${chosen.protocol}/${phase.id}/`), remind);
  saveFile(text, `${phase.id}-from-${chosen.start}.ics`, "text/calendar");
}

function sessionBox(session, done, changed, day = null) {
  const ticked = new Set(done);
  const title = [session.title, session.minutes && `about ${session.minutes}\u00a0min`].filter(Boolean).join(", ");
  const items = session.drills.map((drill) => {
    const input = element("input", { type: "checkbox", "data-tick": tickKey(session, drill), checked: ticked.has(tickKey(session, drill)) });
    input.addEventListener("change", () => {
      if (input.checked) ticked.add(input.dataset.tick);
      else ticked.delete(input.dataset.tick);
      changed([...ticked]);
    });
    return element("li", {}, figure(drill), element("label", {}, input, " ", element("span", {}, drill.name)),
      drill.dose ? ` — ${together(drill.dose)}` : "", drill.part !== "Main" ? element("em", {}, ` (${drill.part.toLowerCase()})`) : "",
      " ", element("a", { class: "hb-today__how", href: siteAddress(`drills/${drill.id}/`), "aria-label": `How to do ${drill.name}` }, "how"));
  });
  return element("fieldset", { class: "hb-today__session", "data-session": session.id },
    element("legend", {}, day ? `${day}: ${title}` : title), element("ul", {}, ...items));
}

/** The drill's small figure (a file of the site, shown light on the dark scheme by the stylesheet), or nothing. */
function figure(drill) {
  if (!drill.figure) return null;
  return element("img", { class: "hb-fig", src: siteAddress(drill.figure.src), alt: drill.figure.alt, width: 80,
    height: 48, loading: "lazy", decoding: "async" });
}

/** The days of this week of the phase so far, each with what was ticked; a past day's sessions open to be ticked
 * afterwards (a session done but ticked the next day still counts for its day). */
function weekList(plan, sessions, chosen, ticks, today, tick) {
  const list = plan.querySelector(".hb-today__week");
  const open = new Set([...list.querySelectorAll("details[open]")].map((details) => details.dataset.date));
  const days = weekSoFar(sessions, chosen.start, today);
  list.replaceChildren(...days.map((day) => {
    const planned = day.sessions.flatMap((session) => session.drills.map((drill) => tickKey(session, drill)));
    const done = (ticks[day.date] || []).filter((one) => planned.includes(one)).length;
    const what = day.sessions.length ? day.sessions.map((session) => session.title).join(", ") : "rest day";
    const name = day.date === today ? "Today" : dateText(day.date);
    const item = element("li", { class: done && done === planned.length ? "hb-today__day--done" : null, "data-date": day.date },
      element("strong", {}, name), `: ${what}`, planned.length ? ` — ${done} of ${planned.length} ticked` : "");
    if (day.date !== today && day.sessions.length) {
      item.append(element("details", { class: "hb-today__past", "data-date": day.date, open: open.has(day.date) },
        element("summary", {}, `Tick what you did on ${name}`),
        ...day.sessions.map((session) => sessionBox(session, ticks[day.date] || [], (ticked) => tick(day.date, ticked), name))));
    }
    return item;
  }));
}

/** Keeps the exit-criteria boxes of a phase page ticked on this device. */
export function keepCriteria(document) {
  const boxes = [...document.querySelectorAll(".hb-checklist input[type=checkbox]")];
  if (!boxes.length) return;
  const key = keys.criteria(location.pathname.replace(/index\.html$/, ""));
  const name = (box, index) => box.closest("[data-criterion]")?.dataset.criterion || String(index);
  const ticked = new Set(load(key, []));
  const before = ticked.size;
  boxes.forEach((box, index) => {
    if (box.checked) ticked.add(name(box, index)); // ticked before this script ran: kept, not undone
    box.checked = ticked.has(name(box, index));
    box.addEventListener("change", () => {
      if (box.checked) ticked.add(name(box, index));
      else ticked.delete(name(box, index));
      save(key, [...ticked]);
    });
  });
  if (ticked.size !== before) save(key, [...ticked]);
  boxes[0].closest(".hb-checklist")?.setAttribute("data-kept", "");
}

/** On a drill page, puts the dose of the phase chosen in Today first and marks it as the athlete's. */
export function markPhase(document) {
  const chosen = load(keys.plan, null);
  const table = document.querySelector(".hb-doses");
  const row = chosen && table && [...table.querySelectorAll("tr[data-phase]")]
    .find((one) => one.dataset.phase === `${chosen.protocol}/${chosen.phase}`);
  if (!row) return;
  row.classList.add("hb-doses__yours");
  row.cells[0].prepend(element("strong", {}, "Your phase: "));
  row.parentElement.prepend(row);
}
