// The log page's charts as SVG text: pain over time with the phase's thresholds as lines, and minutes per week.
// Drawn here rather than with a charting library: two small charts need no dependency, the SVG follows the
// theme's colours and the page's text size, prints, and works offline with nothing more to cache.

const WIDTH = 360;
const HEIGHT = 200;
const PAD = { left: 28, right: 8, top: 12, bottom: 40 };
const DAY_MS = 86400000;
const WEEKS_SHOWN = 8;
const LABELS = { exit: "move on", amber: "amber", red: "red" };
const SEVERITY = ["red", "amber", "exit"];
const SIGNS = { "<=": "≤", ">=": "≥", "==": "=" };

const escape = (text) => String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const day = (text) => Date.parse(`${text}T00:00:00Z`) / DAY_MS;
const iso = (number) => new Date(number * DAY_MS).toISOString().slice(0, 10);
const short = (text) => new Date(`${text}T00:00:00Z`).toLocaleDateString("en", { day: "numeric", month: "short", timeZone: "UTC" });

/** The rules of an exit criterion or warning sign, those inside `all` and `any` included. */
function comparisons(rule) {
  if (!rule) return [];
  if (rule.all || rule.any) return (rule.all || rule.any).flatMap(comparisons);
  return rule.change ? [] : [rule];
}

/** The 0-10 pain measures the chart shows: the protocol's scale measures about pain (every scale when none is). */
export function painMeasures(protocol) {
  const scales = protocol.measures.filter((measure) => measure.kind === "scale");
  const pain = scales.filter((measure) => /pain/i.test(measure.name));
  return pain.length ? pain : scales;
}

/** The thresholds of the phase on `measures`: exit criteria, and the amber and red warning signs. */
export function thresholds(protocol, phase, measures) {
  const ids = new Set(measures.map((measure) => measure.id));
  const signs = Object.fromEntries(protocol.warning_signs.map((sign) => [sign.id, sign]));
  const sources = [
    ...(phase.exit_criteria || []).map((criterion) => ["exit", criterion]),
    ...phase.warning_signs.map((id) => signs[id]).filter((sign) => sign.severity !== "green")
      .map((sign) => [sign.severity, sign.rule]),
  ];
  const lines = new Map();
  for (const [kind, rule] of sources) {
    for (const part of comparisons(rule).filter((one) => ids.has(one.measure))) {
      for (const value of part.between || [part.value]) {
        const line = lines.get(value) || { value, kinds: [], operators: [] };
        if (!line.kinds.includes(kind)) line.kinds.push(kind);
        const operator = part.between ? "" : SIGNS[part.operator] || part.operator;
        if (!line.operators.includes(operator)) line.operators.push(operator);
        lines.set(value, line);
      }
    }
  }
  return [...lines.values()].map((line) => ({
    value: line.value, kind: SEVERITY.find((kind) => line.kinds.includes(kind)),
    label: `${line.kinds.map((kind) => LABELS[kind]).join(" / ")} ${line.operators.filter(Boolean).join(" ")} ${line.value}`
      .replace(/\s+/g, " "),
  }));
}



/** Pain over time as SVG text, with the phase's thresholds drawn as lines; empty when nothing was logged. */
export function painChart(protocol, phase, entries) {
  const measures = painMeasures(protocol);
  const series = measures.map((measure) => ({
    measure,
    points: entries.filter((entry) => typeof entry.values[measure.id] === "number")
      .map((entry) => [day(entry.date), entry.values[measure.id]]),
  })).filter((one) => one.points.length);
  if (!series.length) return "";
  const days = series.flatMap((one) => one.points.map(([number]) => number));
  const first = Math.min(...days);
  const last = Math.max(first + 6, ...days);
  const x = (number) => PAD.left + ((number - first) / (last - first)) * (WIDTH - PAD.left - PAD.right);
  const y = (value) => PAD.top + (1 - value / 10) * (HEIGHT - PAD.top - PAD.bottom);
  const grid = [0, 2, 4, 6, 8, 10].map((value) =>
    `<line class="hb-chart__grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(value)}" y2="${y(value)}"/>`
    + `<text class="hb-chart__tick" x="${PAD.left - 4}" y="${y(value) + 3}" text-anchor="end">${value}</text>`).join("");
  const limits = thresholds(protocol, phase, measures).map((line) =>
    `<line class="hb-chart__limit hb-chart__limit--${line.kind}" x1="${PAD.left}" x2="${WIDTH - PAD.right}" `
    + `y1="${y(line.value)}" y2="${y(line.value)}"/>`
    + `<text class="hb-chart__limit-label hb-chart__limit-label--${line.kind}" x="${WIDTH - PAD.right - 2}" `
    + `y="${y(line.value) - 3}" text-anchor="end">${escape(line.label)}</text>`).join("");
  const lines = series.map((one, index) => {
    const path = one.points.map(([number, value]) => `${x(number).toFixed(1)},${y(value).toFixed(1)}`).join(" ");
    const dots = one.points.length <= 60 ? one.points.map(([number, value]) =>
      `<circle cx="${x(number).toFixed(1)}" cy="${y(value).toFixed(1)}" r="2.5"/>`).join("") : "";
    return `<g class="hb-chart__series hb-chart__series--${index}"><polyline points="${path}"/>${dots}</g>`;
  }).join("");
  const legend = series.map((one, index) =>
    `<g class="hb-chart__series hb-chart__series--${index}"><line x1="${PAD.left + index * 150}" x2="${PAD.left + index * 150 + 16}" `
    + `y1="${HEIGHT - 8}" y2="${HEIGHT - 8}"/><text class="hb-chart__legend" x="${PAD.left + index * 150 + 20}" `
    + `y="${HEIGHT - 5}">${escape(one.measure.name)}</text></g>`).join("");
  const axis = `<text class="hb-chart__tick" x="${PAD.left}" y="${HEIGHT - PAD.bottom + 13}">${short(iso(first))}</text>`
    + `<text class="hb-chart__tick" x="${WIDTH - PAD.right}" y="${HEIGHT - PAD.bottom + 13}" text-anchor="end">${short(iso(last))}</text>`;
  const latest = series.map((one) => `${one.measure.name} ${one.points[one.points.length - 1][1]}/10`).join(", ");
  return `<svg class="hb-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="hb-pain-title hb-pain-desc">`
    + `<title id="hb-pain-title">Pain over time, 0 to 10</title>`
    + `<desc id="hb-pain-desc">From ${iso(first)} to ${iso(last)}. Latest: ${escape(latest)}.</desc>`
    + `${grid}${limits}${lines}${axis}${legend}</svg>`;
}

/** Minutes of each minutes measure in each of the last weeks (7-day blocks ending on the latest entry). */
export function weeklyMinutes(protocol, entries, weeks = WEEKS_SHOWN) {
  const measures = protocol.measures.filter((measure) => measure.kind === "minutes");
  if (!entries.length) return { measures, weeks: [] };
  const last = day(entries[entries.length - 1].date);
  const blocks = Array.from({ length: weeks }, (_, k) => {
    const end = last - 7 * (weeks - 1 - k);
    return { start: iso(end - 6), end: iso(end), totals: Object.fromEntries(measures.map((m) => [m.id, 0])) };
  });
  for (const entry of entries) {
    const block = blocks[weeks - 1 - Math.floor((last - day(entry.date)) / 7)];
    if (!block) continue;
    for (const measure of measures) {
      const value = entry.values[measure.id];
      if (typeof value === "number") block.totals[measure.id] += value;
    }
  }
  return { measures, weeks: blocks };
}

/** Minutes per week as SVG bars, one group a week; empty when no minutes were logged. */
export function minutesChart(protocol, entries) {
  const { measures, weeks } = weeklyMinutes(protocol, entries);
  const top = Math.max(0, ...weeks.flatMap((week) => Object.values(week.totals)));
  if (!top) return "";
  const scale = Math.ceil(top / 30) * 30;
  const band = (WIDTH - PAD.left - PAD.right) / weeks.length;
  const bar = (band - 6) / measures.length;
  const y = (value) => PAD.top + (1 - value / scale) * (HEIGHT - PAD.top - PAD.bottom);
  const grid = [0, scale / 2, scale].map((value) =>
    `<line class="hb-chart__grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(value)}" y2="${y(value)}"/>`
    + `<text class="hb-chart__tick" x="${PAD.left - 4}" y="${y(value) + 3}" text-anchor="end">${value}</text>`).join("");
  const bars = weeks.map((week, k) => measures.map((measure, index) => {
    const value = week.totals[measure.id];
    const left = PAD.left + k * band + 3 + index * bar;
    return `<rect class="hb-chart__bar hb-chart__bar--${index}" x="${left.toFixed(1)}" y="${y(value).toFixed(1)}" `
      + `width="${(bar - 1).toFixed(1)}" height="${(y(0) - y(value)).toFixed(1)}">`
      + `<title>${escape(measure.name)}, week to ${week.end}: ${value} min</title></rect>`;
  }).join("") + `<text class="hb-chart__tick" x="${(PAD.left + (k + 0.5) * band).toFixed(1)}" y="${HEIGHT - PAD.bottom + 13}" `
    + `text-anchor="middle">${k === weeks.length - 1 ? "this" : `−${weeks.length - 1 - k}`}</text>`).join("");
  const legend = measures.map((measure, index) =>
    `<rect class="hb-chart__bar hb-chart__bar--${index}" x="${PAD.left + index * 150}" y="${HEIGHT - 13}" width="10" height="10"/>`
    + `<text class="hb-chart__legend" x="${PAD.left + index * 150 + 14}" y="${HEIGHT - 4}">${escape(measure.name)}</text>`).join("");
  const latest = measures.map((measure) => `${measure.name} ${weeks[weeks.length - 1].totals[measure.id]} min`).join(", ");
  return `<svg class="hb-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="hb-minutes-title hb-minutes-desc">`
    + `<title id="hb-minutes-title">Minutes per week, the last ${weeks.length} weeks</title>`
    + `<desc id="hb-minutes-desc">This week: ${escape(latest)}.</desc>${grid}${bars}${legend}</svg>`;
}
