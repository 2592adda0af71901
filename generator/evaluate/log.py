"""An athlete's log: read from JSON or CSV, checked against a protocol's measures, written back in either form.

Both forms go through the same checks: the JSON Schema ``schemas/log.schema.json``
(the JSON file read with :mod:`generator.content.source`, so every value keeps its line and
column; a CSV cell keeps its row and column), then what the schema cannot know:
the measures and phases of the protocol, dates not in the future and in order.
Problems are :class:`~generator.problems.Problem` lines like those of ``handbook check``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Iterator

from ..checks.rules.criteria import NUMERIC_KINDS, value_problem
from ..checks.rules.known import closest
from ..content.schemas import SchemaSet
from ..content.source import Source, load_source
from ..problems import Problem, error

#: CSV columns before the measures, and after them.
FIRST_COLUMNS = ("date", "time", "phase", "activity", "session", "drills")
LAST_COLUMNS = ("note",)
_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")
_YES, _NO = {"yes", "true"}, {"no", "false"}
#: the largest log read: a few hundred bytes a day for ten years, far below what a device keeps.
MAX_LOG_BYTES = 2 * 2**20
#: first characters with which a spreadsheet reads a cell as a formula; such a text cell is written after a "'".
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


#: what a CSV log whose columns are separated by semicolons is told (the site's log.js says the same).
SEMICOLONS = ("the columns are separated by semicolons (;), as spreadsheets set to a decimal comma save them; a log's "
              'columns are separated by commas: save it again as "CSV (comma-separated)", or export it from My log, '
              "and import that file")


class LogError(Exception):
    """The log cannot be used; ``problems`` says why, each at its file, line and column."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the log")
        self.problems = problems


def read_log(path: Path, protocol: dict, schemas: SchemaSet, today: dt.date | None = None,
             form: str | None = None) -> list[dict]:
    """The entries of the log at ``path`` (``form`` 'json' or 'csv'; by default CSV when its name ends in .csv,
    JSON otherwise); :class:`LogError` if it has problems."""
    size = path.stat().st_size
    if size > MAX_LOG_BYTES:
        raise too_large(str(path), size)
    with path.open("rb") as handle:  # bounded: a pipe ('/dev/stdin') has no size to look at first
        raw = handle.read(MAX_LOG_BYTES + 1)
    return log_entries(raw, str(path), form or ("csv" if path.suffix.lower() == ".csv" else "json"),
                       protocol, schemas, today)


def too_large(display: str, size: int) -> LogError:
    return LogError([error("E003", display, (1, 1), f"the log is {size / 2**20:.1f} MB, more than the "
                                                    f"{MAX_LOG_BYTES // 2**20} MB a log may hold (about ten years "
                                                    "of daily entries); split it into one file a year")])


def log_entries(raw: bytes, display: str, form: str, protocol: dict, schemas: SchemaSet,
                today: dt.date | None = None) -> list[dict]:
    """The entries of a log's bytes in ``form`` ('json' or 'csv'), shown as ``display`` in messages."""
    if len(raw) > MAX_LOG_BYTES:
        raise too_large(display, len(raw))
    if form == "csv":
        source, problems = _csv_source(raw, display, protocol)
    else:
        not_json = _json_problem(raw, display)
        if not_json:
            raise LogError([not_json])
        source, problems = load_source(raw, display)
        if source is not None and not problems:
            source.data = _as_json(raw, source.data)
    if source is None or problems:
        raise LogError(problems)
    problems = schemas.check("log", source)
    # what the schema cannot know is checked too, so that one badly written time does not hide the other problems
    problems += _content_problems(source, protocol, today or dt.date.today())
    if problems:
        raise LogError(sorted(set(problems)))
    return source.data["entries"]


def _json_problem(raw: bytes, display: str) -> Problem | None:
    """E004 where a log that is not CSV stops being JSON (a JSON log is never read as YAML, which would take a
    trailing comma or a missing quote without a word); None when it is JSON."""
    try:
        json.loads(raw.decode("utf-8-sig"))  # NaN and Infinity are read here and refused as values later (E501)
    except UnicodeDecodeError:
        return error("E001", display, (1, 1), "the file is not UTF-8 text; export it again as UTF-8 JSON")
    except json.JSONDecodeError as problem:
        return error("E004", display, (problem.lineno, problem.colno),
                     f"the log is not JSON: {problem.msg.lower()} here; export it again from My log or write it as "
                     '{"entries": [...]}')
    return None


def _as_json(raw: bytes, read: object) -> object:
    """The log's values as JSON reads them (``3e1`` is the number 30, as the browser reads it), where the file is
    JSON; the YAML reading, which kept each value's line, otherwise. NaN and Infinity are not JSON numbers."""
    def refuse(constant: str):
        raise ValueError(constant)
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_constant=refuse)
    except ValueError:
        return read


def _content_problems(source: Source, protocol: dict, today: dt.date) -> list[Problem]:
    """The log's problems the schema cannot know, over the entries well enough formed to read (the schema names
    the others)."""
    data = source.data if isinstance(source.data, dict) else {}
    entries = data.get("entries") if isinstance(data.get("entries"), list) else []
    readable = [(i, entry) for i, entry in enumerate(entries) if _readable(entry)]
    return list(_entry_problems(source, protocol, today, readable))


def _readable(entry) -> bool:
    """Whether an entry has a real date, a time that is text if any, and its values as a mapping."""
    if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
        return False
    try:
        dt.date.fromisoformat(entry["date"])
    except (KeyError, TypeError, ValueError):
        return False
    return isinstance(entry.get("time", ""), str) and isinstance(entry.get("phase", ""), str)


def _entry_problems(source: Source, protocol: dict, today: dt.date, entries) -> Iterator[Problem]:
    measures = {measure["id"]: measure for measure in protocol["measures"]}
    phases = {phase["id"] for phase in protocol["phases"]}
    before = None
    for i, entry in entries:
        at = ("entries", i)
        when = (entry["date"], entry.get("time"))
        if dt.date.fromisoformat(entry["date"]) > today:
            yield error("E502", source.file, source.value_position(at + ("date",)),
                        f"the entry is dated {entry['date']}, after today ({today.isoformat()}); correct the date")
        elif before and (when[0] < before[0] or (when[0] == before[0] and when[1] and before[1] and when[1] < before[1])):
            shown = " ".join(filter(None, before))
            yield error("E503", source.file, source.value_position(at + ("date",)),
                        f"the entry of {' '.join(filter(None, when))} comes after one of {shown}; "
                        "keep the entries in date order, oldest first")
        before = when
        if "phase" in entry and entry["phase"] not in phases:
            yield error("E504", source.file, source.value_position(at + ("phase",)),
                        f"'{entry['phase']}' is not a phase of {protocol['id']}{_meant(entry['phase'], phases)}")
        for measure_id, value in entry["values"].items():
            yield from _value_problems(source, at + ("values", measure_id), measures, measure_id, value, protocol)


def _meant(word: str, choices) -> str:
    close = closest(word, choices)
    return f" — did you mean '{close}'?" if close else f"; the phases are: {', '.join(sorted(choices))}"


def nearest_measures(word: str, measures: dict, count: int = 3) -> list[str]:
    """The measures sharing most words with ``word`` ('night-pain': 'night-or-rest-pain' first), in protocol order
    among equals; the same choice as the site's ``nearestMeasures``."""
    words = set(word.lower().replace("_", "-").split("-"))
    shared = {m: len(words & set(m.split("-"))) for m in measures}
    return [m for m in sorted(shared, key=lambda m: -shared[m]) if shared[m]][:count]


def _unknown_measure(file: str, position: tuple[int, int], measure_id: str, measures: dict, protocol: dict) -> Problem:
    close = closest(measure_id, measures)
    nearest = list(dict.fromkeys(([close] if close else []) + nearest_measures(measure_id, measures)))[:3]
    if nearest:
        hint = "; the nearest measures are " + ", ".join(f"'{m}' ({measures[m]['name']})" for m in nearest)
    else:
        hint = "; the measures are listed on the protocol's page and in the log's column names when you export it"
    return error("E202", file, position, f"'{measure_id}' is not a measure of {protocol['id']}{hint}")


def _value_problems(source: Source, path: tuple, measures: dict, measure_id: str, value, protocol: dict):
    measure = measures.get(measure_id)
    if measure is None:
        yield _unknown_measure(source.file, source.key_position(path), measure_id, measures, protocol)
        return
    why = value_problem(measure, "==", value)
    if why:
        yield error("E501", source.file, source.value_position(path), f"{why}; correct the value")


# -- CSV ------------------------------------------------------------------------------------------------


def _cell(text: str, measure: dict | None):
    """A CSV cell's value: a number, true or false for yes/no, else the text as written."""
    kind = measure and measure["kind"]
    if kind == "boolean" and text.lower() in _YES | _NO:
        return text.lower() in _YES
    if kind in NUMERIC_KINDS and _NUMBER.fullmatch(text):
        return float(text) if set(text) & set(".eE") else int(text)
    return text


def _csv_source(raw: bytes, display: str, protocol: dict) -> tuple[Source | None, list[Problem]]:
    """The CSV log as a :class:`Source`: the entries, and the row and column of every cell."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [error("E001", display, (1, 1), "the file is not UTF-8 text; export it again as UTF-8 CSV")]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header and len(header) == 1 and "date" in (name.strip() for name in header[0].split(";")):
        return None, [error("E101", display, (1, 1), SEMICOLONS)]
    if not header or "date" not in header:
        return None, [error("E101", display, (1, 1), "the first row must name the columns, 'date' first; "
                                                     f"for example: {','.join(FIRST_COLUMNS + LAST_COLUMNS)}")]
    measures = {measure["id"]: measure for measure in protocol["measures"]}
    unknown = [_unknown_measure(display, (1, column), name, measures, protocol) for column, name in enumerate(header, 1)
               if name not in measures and name not in FIRST_COLUMNS + LAST_COLUMNS]
    if unknown:
        return None, unknown
    source = Source(display, {"entries": []}, text.splitlines())
    line = reader.line_num + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            _csv_entry(source, header, row, line, measures)
        line = reader.line_num + 1
    return source, []


def _csv_entry(source: Source, header: list[str], row: list[str], line: int, measures: dict) -> None:
    path = ("entries", len(source.data["entries"]))
    entry: dict = {"values": {}}
    source.values[path] = (line, 1)
    for column, (name, text) in enumerate(zip(header, row), 1):
        text = text.strip()
        if not text:
            continue
        if name == "drills":
            entry[name] = [drill.strip() for drill in text.split(";") if drill.strip()]
            at = path + (name,)
        elif name in FIRST_COLUMNS or name in LAST_COLUMNS:
            entry[name] = text[1:] if text[:1] == "'" and text[1:2].startswith(FORMULA_START) else text
            at = path + (name,)
        else:
            entry["values"][name] = _cell(text, measures.get(name))
            at = path + ("values", name)
            source.keys[at] = (line, column)
        source.values[at] = (line, column)
    source.data["entries"].append(entry)


def _shown(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return repr(value) if isinstance(value, float) else str(value)


def _inert(text: str) -> str:
    """A text cell a spreadsheet will not run: "'" before a first character that starts a formula (OWASP CSV
    injection); reading the log back takes it off again."""
    return f"'{text}" if text.startswith(FORMULA_START) else text


def to_csv(entries: list[dict], protocol: dict | None = None) -> str:
    """The entries as CSV, one row per entry: the measures in the protocol's order, then any others."""
    order = [measure["id"] for measure in (protocol or {}).get("measures", [])]
    used = {measure_id for entry in entries for measure_id in entry["values"]}
    extra = [m for m in dict.fromkeys(m for entry in entries for m in entry["values"]) if m not in order]
    columns = [m for m in order if m in used] + extra
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*FIRST_COLUMNS, *columns, *LAST_COLUMNS])
    for entry in entries:
        fixed = [";".join(entry.get("drills", [])) if name == "drills" else entry.get(name, "") for name in FIRST_COLUMNS]
        values = [_shown(entry["values"][m]) if m in entry["values"] else "" for m in columns]
        writer.writerow([*map(_inert, fixed), *values, _inert(entry.get("note", ""))])
    return out.getvalue()


def to_json(entries: list[dict]) -> str:
    return json.dumps({"entries": entries}, indent=2, ensure_ascii=False) + "\n"
