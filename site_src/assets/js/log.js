// An athlete's log in the browser: read and written as the same JSON and CSV that `handbook evaluate` reads
// (generator/evaluate/log.py), and checked the same way: each value against its measure, dates not in the future and
// in order, phases and measures of the protocol. Problems are "line:column: message" texts.

export const FIRST_COLUMNS = ["date", "time", "phase", "activity", "session", "drills"];
export const LAST_COLUMNS = ["note"];
export const NUMERIC_KINDS = new Set(["scale", "seconds", "minutes", "percent", "count", "distance"]);
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const YES = new Set(["yes", "true"]);
const NO = new Set(["no", "false"]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** The log cannot be used; `problems` says why, one text each. */
export class LogError extends Error {
  constructor(problems) {
    super(problems.join("\n"));
    this.problems = problems;
  }
}

// a map with no inherited keys, so ids such as '__proto__' or 'toString' are unknown, as in generator/evaluate/log.py
const byId = (items) => Object.assign(Object.create(null), Object.fromEntries(items.map((item) => [item.id, item])));
/** The largest log read (generator/evaluate/log.py MAX_LOG_BYTES). */
export const MAX_LOG_BYTES = 2 * 2 ** 20;
// first characters with which a spreadsheet reads a cell as a formula; such a text cell is written after a "'".
const FORMULA_START = ["=", "+", "-", "@", "\t", "\r"];
const inert = (text) => (FORMULA_START.some((start) => text.startsWith(start)) ? `'${text}` : text);
/** What an entry can record it was: the log schema's activities (common.schema.json#/$defs/activity). */
export const ACTIVITIES = ["walk", "walk-run", "run", "tempo-run", "downhill-run", "strength", "cross-training",
  "mobility", "test", "rest"];

/** The measures sharing most words with `word`, in protocol order among equals (as generator/evaluate/log.py). */
export function nearestMeasures(word, measures, count = 3) {
  const words = new Set(word.toLowerCase().replaceAll("_", "-").split("-"));
  const shared = measures.map((measure) => [measure, measure.id.split("-").filter((part) => words.has(part)).length]);
  return shared.filter(([, n]) => n).sort((a, b) => b[1] - a[1]).slice(0, count).map(([measure]) => measure);
}

/** Why `id` is not a measure, naming the nearest ones so the athlete can tell which was meant. */
function unknownMeasure(id, protocol) {
  const nearest = nearestMeasures(id, protocol.measures);
  const hint = nearest.length
    ? `; the nearest measures are ${nearest.map((measure) => `'${measure.id}' (${measure.name})`).join(", ")}`
    : "; the measures are listed on the protocol's page and in the log's column names when you export it";
  return `'${id}' is not a measure of ${protocol.id}${hint}`;
}

// the highest value of each kind of measure unless max says otherwise (generator/checks/rules/ranges.py KIND_MAX).
const KIND_MAX = { scale: 10, minutes: 1440, seconds: 86400, percent: 1000, count: 100000, distance: 1000 };

/** The lowest and highest value of a measure: 0 up to the kind's highest unless min or max say otherwise. */
export function measureRange(measure) {
  return [measure.min ?? 0, measure.max ?? KIND_MAX[measure.kind] ?? null];
}

/** Why `value` is not a value of `measure`, in words; null when it is. */
export function valueProblem(measure, value) {
  const { kind, name } = measure;
  if (kind === "boolean") {
    return typeof value === "boolean" ? null : `'${name}' is a yes/no measure, so the value must be yes or no`;
  }
  if (kind === "categorical") {
    return measure.values.includes(value) ? null : `'${name}' takes one of ${measure.values.join(", ")}, not '${value}'`;
  }
  if (typeof value !== "number") return `'${name}' is measured as a number, so the value must be a number`;
  const [low, high] = measureRange(measure);
  if (!Number.isFinite(value)) return `'${name}' runs from ${low} to ${high}, so ${value} is not a value it can take`;
  if (value < low || (high !== null && value > high)) {
    return `'${name}' runs from ${low} to ${high ?? "up"}, so ${value} cannot be reached`;
  }
  if (kind === "count" && !Number.isInteger(value)) return `'${name}' is a count, so the value must be a whole number`;
  return null;
}

/** The log's problems against the protocol (its measures and phases) and today's date (YYYY-MM-DD). */
export function logProblems(entries, protocol, today, where = (index) => `entry ${index + 1}`) {
  const measures = byId(protocol.measures);
  const phases = new Set(protocol.phases.map((phase) => phase.id));
  const problems = [];
  let before = null;
  entries.forEach((entry, index) => {
    const at = where(index);
    if (typeof entry.date !== "string" || !DATE.test(entry.date) || Number.isNaN(Date.parse(entry.date))) {
      problems.push(`${at}: the date must be written YYYY-MM-DD (found '${entry.date ?? ""}')`);
      return;
    }
    if (entry.time !== undefined && !TIME.test(entry.time)) problems.push(`${at}: write the time as HH:MM`);
    const when = [entry.date, entry.time];
    if (entry.date > today) {
      problems.push(`${at}: the entry is dated ${entry.date}, after today (${today}); correct the date`);
    } else if (before && (when[0] < before[0] || (when[0] === before[0] && when[1] && before[1] && when[1] < before[1]))) {
      problems.push(`${at}: the entry of ${when.filter(Boolean).join(" ")} comes after one of `
        + `${before.filter(Boolean).join(" ")}; keep the entries in date order, oldest first`);
    }
    before = when;
    if (entry.activity !== undefined && !ACTIVITIES.includes(entry.activity)) {
      problems.push(`${at}: '${entry.activity}' is not an activity; write one of ${ACTIVITIES.join(", ")}`);
    }
    if (entry.phase !== undefined && !phases.has(entry.phase)) {
      problems.push(`${at}: '${entry.phase}' is not a phase of ${protocol.id}`);
    }
    for (const [id, value] of Object.entries(entry.values || {})) {
      if (!measures[id]) problems.push(`${at}: ${unknownMeasure(id, protocol)}`);
      const why = measures[id] && valueProblem(measures[id], value);
      if (why) problems.push(`${at}: ${why}; correct the value`);
    }
  });
  return problems;
}

// -- JSON -------------------------------------------------------------------------------------------------

/** The entries of a JSON log (`{"entries": [...]}`); LogError when it is not one. */
export function readJson(text, protocol, today) {
  let data;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new LogError([`the file is not JSON: ${error.message}`]);
  }
  if (!data || !Array.isArray(data.entries)) throw new LogError(["a JSON log is {\"entries\": [...]}"]);
  const shapes = data.entries.flatMap((entry, index) =>
    entry && typeof entry === "object" && entry.values && typeof entry.values === "object" ? []
      : [`entry ${index + 1}: an entry needs a date and its values`]);
  if (shapes.length) throw new LogError(shapes);
  const problems = logProblems(data.entries, protocol, today);
  if (problems.length) throw new LogError(problems);
  return data.entries;
}

/** The entries as the CLI writes them (generator/evaluate/log.py to_json). */
export function writeJson(entries) {
  return `${JSON.stringify({ entries }, null, 2)}\n`;
}

// -- CSV --------------------------------------------------------------------------------------------------

/** The rows of a CSV text, as Python's csv module reads them, each with the line it starts on. */
export function csvRows(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === "\n") line++;
        cell += char;
      }
    } else if (char === '"' && cell === "") {
      quoted = true;
    } else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push({ line: start, cells: row });
      row = [];
      cell = "";
      start = ++line;
    } else {
      cell += char;
    }
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push({ line: start, cells: row });
  }
  return rows;
}

/** A CSV cell's value: a number, true or false for yes/no, else the text as written (generator/evaluate/log.py _cell). */
export function cellValue(text, measure) {
  const kind = measure && measure.kind;
  const lower = text.toLowerCase();
  if (kind === "boolean" && (YES.has(lower) || NO.has(lower))) return YES.has(lower);
  if (NUMERIC_KINDS.has(kind) && NUMBER.test(text)) return Number(text);
  return text;
}

/** What a CSV log whose columns are separated by semicolons is told (generator/log.py SEMICOLONS). */
export const SEMICOLONS = "1:1: the columns are separated by semicolons (;), as spreadsheets set to a decimal comma "
  + "save them; a log's columns are separated by commas: save it again as \"CSV (comma-separated)\", or export "
  + "it from My log, and import that file";

/** The entries of a CSV log, one row per entry; LogError at the row and column of each problem. */
export function readCsv(text, protocol, today) {
  const [header, ...rows] = csvRows(text.replace(/^\uFEFF/, ""));
  const names = header ? header.cells : [];
  if (!names.includes("date")) {
    if (names.length === 1 && names[0].split(";").map((name) => name.trim()).includes("date")) throw new LogError([SEMICOLONS]);
    throw new LogError([`1:1: the first row must name the columns, 'date' first; for example: ${
      [...FIRST_COLUMNS, ...LAST_COLUMNS].join(",")}`]);
  }
  const measures = byId(protocol.measures);
  const unknown = names.flatMap((name, column) =>
    measures[name] || FIRST_COLUMNS.includes(name) || LAST_COLUMNS.includes(name) ? []
      : [`1:${column + 1}: ${unknownMeasure(name, protocol)}`]);
  if (unknown.length) throw new LogError(unknown);
  const kept = rows.filter((row) => row.cells.some((cell) => cell.trim()));
  const entries = kept.map((row) => csvEntry(names, row.cells, measures));
  const problems = logProblems(entries, protocol, today, (index) => `${kept[index].line}:1`);
  if (problems.length) throw new LogError(problems);
  return entries;
}

function csvEntry(names, cells, measures) {
  const entry = { values: {} };
  names.forEach((name, column) => {
    const text = (cells[column] ?? "").trim();
    if (!text) return;
    if (name === "drills") entry.drills = text.split(";").map((drill) => drill.trim()).filter(Boolean);
    else if (FIRST_COLUMNS.includes(name) || LAST_COLUMNS.includes(name)) {
      entry[name] = text[0] === "'" && FORMULA_START.some((start) => text.slice(1).startsWith(start)) ? text.slice(1) : text;
    }
    else entry.values[name] = cellValue(text, measures[name]);
  });
  return entry;
}

const shown = (value) => (typeof value === "boolean" ? (value ? "yes" : "no") : String(value));
const quoted = (text) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The entries as CSV, one row per entry: the measures in the protocol's order, then any others
 * (generator/evaluate/log.py to_csv). */
export function writeCsv(entries, protocol) {
  const order = protocol.measures.map((measure) => measure.id);
  const used = new Set(entries.flatMap((entry) => Object.keys(entry.values)));
  const extra = [...used].filter((id) => !order.includes(id));
  const columns = [...order.filter((id) => used.has(id)), ...extra];
  const rows = [[...FIRST_COLUMNS, ...columns, ...LAST_COLUMNS]];
  for (const entry of entries) {
    const fixed = FIRST_COLUMNS.map((name) => (name === "drills" ? (entry.drills || []).join(";") : entry[name] ?? ""));
    const values = columns.map((id) => (id in entry.values ? shown(entry.values[id]) : ""));
    rows.push([...fixed.map((cell) => inert(String(cell))), ...values, inert(entry.note ?? "")]);
  }
  return rows.map((row) => row.map((cell) => quoted(String(cell))).join(",")).join("\n") + "\n";
}

/** The log's entries in date order, with `entry` added after those of the same day (and earlier times). */
export function withEntry(entries, entry) {
  const later = (one) => one.date > entry.date
    || (one.date === entry.date && one.time && entry.time && one.time > entry.time);
  const index = entries.findIndex(later);
  return index < 0 ? [...entries, entry] : [...entries.slice(0, index), entry, ...entries.slice(index)];
}

/** The yes/no measures whose "yes" a red warning sign stops on: the red flags an athlete answers each time. */
export function redFlags(protocol) {
  const ids = new Set();
  const visit = (rule) => {
    if (rule.all || rule.any) (rule.all || rule.any).forEach(visit);
    else if (rule.value === true) ids.add(rule.measure);
  };
  protocol.warning_signs.filter((sign) => sign.severity === "red" && sign.rule).forEach((sign) => visit(sign.rule));
  return protocol.measures.filter((measure) => measure.kind === "boolean" && ids.has(measure.id)).map((m) => m.id);
}
