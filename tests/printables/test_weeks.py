"""Checklists and calendars made from a phase's weekly sessions: boxes only on the days a drill is done, the
sheet dated for the week asked for, a page per week, a QR code to the phase's page, and the same bytes each time."""

from __future__ import annotations

import datetime as dt
import subprocess
from html.parser import HTMLParser

import pytest
import zxingcpp
from icalendar import Calendar
from PIL import Image

from generator.cli import main
from generator.model import load_handbook
from generator.printables import Printer, checklist_html

from .conftest import drill, make_project, protocol

SESSIONS = [
    {"id": "strength-a", "title": "Strength A", "kind": "strength", "minutes": 30, "days": ["mon", "thu"],
     "drills": ["drill-1", "drill-2"], "cool_down": ["drill-4"],
     "evidence": {"level": "clinical-consensus", "note": "Two strength days with a day between."}},
    {"id": "mobility", "title": "Mobility", "kind": "mobility", "minutes": 10, "days": ["tue", "sat"],
     "drills": ["drill-3"], "evidence": {"level": "clinical-consensus", "note": "Short and often."}},
]
PAGE = "https://handbook.test/made-up/only/"


@pytest.fixture
def project(tmp_path):
    drills = [drill(n) for n in range(1, 6)]
    data = protocol([d["id"] for d in drills])
    data["phases"][0]["sessions"] = SESSIONS
    return make_project(tmp_path / "project", drills, data)


@pytest.fixture
def phase(project):
    return load_handbook(project).protocols[0].phases[0]


class _Grid(HTMLParser):
    """For each drill row of the checklist's grid: its session and whether each day's cell has a box."""

    def __init__(self):
        super().__init__()
        self.group, self.session, self.rows = False, None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tbody":
            self.group, self.session = "group" in (attrs.get("class") or ""), attrs.get("data-session")
        elif tag == "tr" and self.group:
            self.rows.append((self.session, []))
        elif tag == "td" and "day" in (attrs.get("class") or "").split() and self.rows:
            self.rows[-1][1].append("on" in attrs["class"].split())


def _grid(html: str) -> dict[str, list[list[bool]]]:
    grid = _Grid()
    grid.feed(html)
    found: dict[str, list[list[bool]]] = {}
    for session, cells in grid.rows:
        if cells:
            found.setdefault(session, []).append(cells)
    return found


def test_boxes_only_on_the_days_a_drill_is_scheduled_grouped_by_session(phase):
    grid = _grid(checklist_html(phase, "a4", printer=Printer()))
    monday_thursday = [True, False, False, True, False, False, False]
    assert grid["strength-a"] == [monday_thursday] * 3  # its two drills and its cool-down
    assert grid["mobility"] == [[False, True, False, False, False, True, False]]
    assert grid[None] == [[True] * 7]  # drill-5 is in no session: an optional extra, any day


def _print(project, *options) -> int:
    return main(["--root", str(project), "print", "only", *options])


def test_week_n_dates_the_sheet_for_that_week(project, pdf, tmp_path):
    out = tmp_path / "week3.pdf"
    assert _print(project, "--start", "2026-03-30", "--week", "3", "-o", str(out)) == 0
    text = pdf.text(out)
    assert "Mon 13 Tue 14 Wed 15 Thu 16 Fri 17 Sat 18 Sun 19" in text
    assert "Week 3" in text and "Mon 30 Mar 2026" in text


def test_weeks_a_to_b_print_one_page_per_week(project, pdf, tmp_path):
    out = tmp_path / "weeks.pdf"
    assert _print(project, "--start", "2026-03-30", "--weeks", "2-4", "-o", str(out)) == 0
    pages = pdf.pages(out)
    assert len(pages) == 3 and pdf.sizes(out) == [(595, 842)] * 3
    for page, monday in zip(pages, ("Mon 6", "Mon 13", "Mon 20")):
        assert monday in pdf.plain(page)


def test_the_same_input_gives_the_same_bytes(project, tmp_path):
    made = []
    for run in ("one", "two"):
        pdf_file, ics_file = tmp_path / f"{run}.pdf", tmp_path / f"{run}.ics"
        assert _print(project, "--athlete", "Sam", "--start", "2026-03-30", "--weeks", "1-2", "-o", str(pdf_file),
                      "--ics", str(ics_file)) == 0
        made.append((pdf_file.read_bytes(), ics_file.read_bytes()))
    assert made[0] == made[1]


def test_the_calendar_has_one_event_per_session_with_its_drills(project, tmp_path):
    out = tmp_path / "plan.ics"
    assert _print(project, "--start", "2026-03-30", "--weeks", "1-2", "--ics", str(out)) == 0
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Strength A", "Mobility"]
    strength = events[0]
    assert strength["dtstart"].dt.isoformat() == "2026-03-30"
    assert strength["rrule"]["byday"] == ["MO", "TH"] and strength["rrule"]["count"] == [4]
    assert "Made-up drill number 1" in strength["description"] and PAGE in strength["description"]


def test_remind_gives_each_session_a_reminder_at_that_time_of_its_days(project, tmp_path, capsys):
    out = tmp_path / "plan.ics"
    assert _print(project, "--start", "2026-03-30", "--weeks", "1-2", "--ics", str(out), "--remind", "18:05") == 0
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    alarms = [event.walk("VALARM") for event in events]
    at = dt.timedelta(hours=18, minutes=5)
    assert [[(str(a["action"]), str(a["description"]), a["trigger"].dt) for a in each] for each in alarms] == [
        [("DISPLAY", "Strength A", at)], [("DISPLAY", "Mobility", at)]]
    for wrong in (["--ics", str(out), "--remind", "7:30"], ["--ics", str(out), "--remind", "24:00"],
                  ["--remind", "07:30", "-o", str(tmp_path / "a.pdf")]):
        with pytest.raises(SystemExit):
            _print(project, *wrong)
    said = capsys.readouterr().err
    assert "'7:30' is not a time of day: write it HH:MM" in said and "--remind is for the calendar file" in said


def test_the_qr_code_decodes_to_the_phase_page(project, tmp_path, poppler):
    out = tmp_path / "sheet.pdf"
    assert _print(project, "-o", str(out)) == 0
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(out), str(tmp_path / "sheet")], check=True)
    codes = zxingcpp.read_barcodes(Image.open(tmp_path / "sheet.png"))
    assert [code.text for code in codes] == [PAGE]


def test_no_qr_code_while_the_site_has_no_address(phase):
    assert 'class="qr"' not in checklist_html(phase, "a4", printer=Printer(None))
    assert 'class="qr"' in checklist_html(phase, "a4", printer=Printer("https://handbook.test/"))


def test_print_help_lists_the_phases(project, monkeypatch, capsys):
    monkeypatch.chdir(project)
    with pytest.raises(SystemExit):
        main(["print", "--help"])
    assert "only                     The only phase (made-up)" in capsys.readouterr().out


def test_without_week_the_sheet_is_for_the_week_today_falls_in(project, pdf, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-04-14")  # the third week of a phase started on 30 March
    out = tmp_path / "now.pdf"
    assert _print(project, "--start", "2026-03-30", "-o", str(out)) == 0
    text = pdf.text(out)
    assert "Mon 13 Tue 14 Wed 15 Thu 16 Fri 17 Sat 18 Sun 19" in text and "Week 3" in text
    assert "week 3 of the phase, the week today falls in" in capsys.readouterr().out
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-03-01")  # before the start: its first week
    assert _print(project, "--start", "2026-03-30", "-o", str(out)) == 0
    assert "Mon 30 Tue 31 Wed 1" in pdf.text(out)
