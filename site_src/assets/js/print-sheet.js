// A phase's printable checklist in the browser (print/<protocol>/<phase>.html): the athlete's name, start date and
// week written on it, its days dated from the start date and put in that order (a week of the phase starts on the
// weekday it started, as `handbook print --start` prints it), and the sheet scaled to fit a phone's screen.
// The start date and week come from the address after '#' (Today's print link) or from the plan kept on this
// device; the name is kept on this device. Nothing is sent anywhere.

import { keys, load, save } from "./store.js";

const DAY_MS = 86400000;
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const valid = (text) => /^\d{4}-\d\d-\d\d$/.test(text || "") && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
const dayNumber = (text) => Date.parse(`${text}T00:00:00Z`) / DAY_MS;
const dateOf = (number) => new Date(number * DAY_MS);
const weekdayIndex = (date) => (date.getUTCDay() + 6) % 7;

/** The start date and week this sheet is for: from '#start=…&week=…', else from Today's plan of this phase. */
function chosen(protocol, phase) {
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (valid(fragment.get("start"))) return { start: fragment.get("start"), week: Number(fragment.get("week")) || 1 };
  const plan = load(keys.plan, null);
  if (plan && plan.protocol === protocol && plan.phase === phase && valid(plan.start)) {
    const days = Math.floor((Date.now() - Date.parse(`${plan.start}T00:00:00Z`)) / DAY_MS);
    return { start: plan.start, week: days < 0 ? 1 : Math.floor(days / 7) + 1 };
  }
  return { start: "", week: 1 };
}

/** The grid's rows: each row's last seven cells are its days, Monday first as printed. */
function dayCells(grid) {
  return [...grid.querySelectorAll("tr")].map((row) => [...row.children].slice(-7))
    .filter((cells) => cells.length === 7 && cells.every((cell) => cell.matches(".day, .write")));
}

function fill(sheet, grid, original, form) {
  const { athlete, start, week } = form.elements;
  const weekNumber = Math.max(1, Math.min(52, Number(week.value) || 1));
  sheet.querySelector(".fill.athlete").textContent = athlete.value.trim();
  const first = valid(start.value) ? dayNumber(start.value) + 7 * (weekNumber - 1) : null;
  const startDate = valid(start.value) ? dateOf(dayNumber(start.value)) : null;
  sheet.querySelector(".fill.start").textContent = startDate
    ? `${WEEKDAYS[weekdayIndex(startDate)]} ${startDate.getUTCDate()} ${MONTHS[startDate.getUTCMonth()]} ${startDate.getUTCFullYear()}` : "";
  sheet.querySelector(".fill.week").textContent = startDate || weekNumber > 1 ? String(weekNumber) : "";
  const shift = first === null ? 0 : weekdayIndex(dateOf(first));
  original.forEach((cells, index) => {
    const row = cells[0].parentElement;
    for (let n = 0; n < 7; n++) row.append(cells[(n + shift) % 7]);
    if (index !== 0) return;
    cells.forEach((cell, at) => {
      cell.querySelector(".date")?.remove();
      cell.querySelector("br")?.remove();
      if (first === null) return;
      const date = dateOf(first + ((at - shift + 7) % 7));
      const day = date.getUTCDate();
      const label = document.createElement("span");
      label.className = "date";
      label.textContent = day === 1 || at === shift ? `${day} ${MONTHS[date.getUTCMonth()]}` : String(day);
      cell.append(document.createElement("br"), label);
    });
  });
}

/** Shows the sheet at the width of a screen narrower than the paper. */
function fit(sheet) {
  sheet.style.zoom = "";
  const room = document.body.clientWidth - 2 * parseFloat(getComputedStyle(document.body).paddingLeft || "0");
  const width = sheet.offsetWidth;
  if (width > room && room > 0) sheet.style.zoom = String(Math.floor((room / width) * 1000) / 1000);
}

const sheet = document.querySelector(".checklist");
const form = document.querySelector("form.personal");
if (sheet && form) {
  const [protocol, phase] = location.pathname.replace(/\.html$/, "").split("/").slice(-2);
  const grid = sheet.querySelector(".grid");
  const original = dayCells(grid);
  const { start, week } = chosen(protocol, phase);
  form.elements.start.value = start;
  form.elements.week.value = week;
  form.elements.athlete.value = load(keys.athlete, "");
  form.addEventListener("input", () => {
    save(keys.athlete, form.elements.athlete.value.trim());
    fill(sheet, grid, original, form);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  fill(sheet, grid, original, form);
  fit(sheet);
  addEventListener("resize", () => fit(sheet));
}
