"""Shared fixtures: the real handbook's checklists and booklet, written once per session, and small made-up projects."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from generator.build.pipeline import build_site
from generator.model import load_handbook
from generator.printables import Printer, write_booklets, write_phase_pdfs

REPO = Path(__file__).resolve().parents[2]
#: The web address the real content's printables are printed with.
ADDRESS = "https://itbs-handbook.example/"


def plain(text: str) -> str:
    """Text with runs of white space as one space, to compare what is printed with what was written."""
    return " ".join(text.split())


class Pdf:
    """Reading back what was printed."""

    @staticmethod
    def pages(path: Path) -> list[str]:
        return [plain(page.extract_text()) for page in PdfReader(path).pages]

    @staticmethod
    def text(path: Path) -> str:
        return " ".join(Pdf.pages(path))

    @staticmethod
    def sizes(path: Path) -> list[tuple[int, int]]:
        """(width, height) of each page in points, rounded."""
        return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(path).pages]

    plain = staticmethod(plain)


@pytest.fixture(scope="session")
def pdf():
    return Pdf


@pytest.fixture(scope="session")
def handbook():
    return load_handbook(REPO)


@pytest.fixture(scope="session")
def printer():
    """A Printer of the real content, with a web address to print in the footers."""
    return Printer(ADDRESS)


@pytest.fixture(scope="session")
def printed(handbook, printer, tmp_path_factory) -> Path:
    """Folder with every phase checklist and booklet (A4 and Letter) of the real content."""
    folder = tmp_path_factory.mktemp("printables")
    write_phase_pdfs(handbook, folder, printer=printer)
    write_booklets(handbook, folder, printer=printer)
    return folder


@pytest.fixture(scope="session")
def phases(handbook):
    return [phase for protocol in handbook.protocols for phase in protocol.phases]


def drill(number: int, name: str | None = None) -> dict:
    return {"id": f"drill-{number}", "name": name or f"Made-up drill number {number}", "category": "strength",
            "targets": ["gluteus medius"], "dosage": {"sets": 3, "reps": "10-15", "per_week": 3, "side": "each"},
            "steps": ["Lie on your side.", "Lift the top knee."], "cues": ["Keep the pelvis still."]}


def protocol(drill_ids: list[str], criterion_text: str = "Pain at most 2/10 for a week.") -> dict:
    return {
        "id": "made-up", "title": "A made-up protocol", "condition": "Iliotibial band syndrome", "version": "2.3.4",
        "status": "active", "reviewed": {"date": "2026-03-01", "reviewers": ["Test physio"]},
        "measures": [{"id": "pain", "name": "Pain during activity", "kind": "scale", "unit": "/10", "how": "Rate it."}],
        "warning_signs": [
            {"id": "pain-high", "name": "Pain above 5/10", "description": "Sharp pain.", "severity": "red",
             "action": "stop-and-contact-clinician"},
            {"id": "ache", "name": "Mild ache", "description": "An ache.", "severity": "green", "action": "continue"},
        ],
        "phases": [
            {"id": "only", "title": "The only phase", "goals": ["Get stronger."],
             "typical_duration": {"min_weeks": 1, "max_weeks": 2},
             "activities": {"allowed": ["Walking."], "avoid": ["Running."]},
             "drills": [{"drill": d} for d in drill_ids],
             "exit_criteria": [{"measure": "pain", "operator": "<=", "value": 2, "within": {"days": 7},
                               "text": criterion_text}],
             "warning_signs": ["pain-high", "ache"]},
            {"id": "after", "title": "Keep it up", "goals": ["Stay strong."],
             "typical_duration": {"min_weeks": 2, "max_weeks": 2},
             "activities": {"allowed": ["Running."], "avoid": []},
             "drills": [{"drill": drill_ids[0]}], "warning_signs": ["pain-high"]},
        ],
        "references": [{"id": "ref", "authors": "Doe J", "year": 2020, "title": "A study", "source": "J Test"}],
    }


#: The site's hand-written folders (the rest of site_src/ is generated, and so is clinicians/fields.md).
HAND_WRITTEN = ("site_src/assets", "site_src/overrides", "site_src/clinicians")


def make_project(folder: Path, drills: list[dict], protocol_data: dict) -> Path:
    """A project in ``folder`` with the repository's schemas, site configuration and hand-written pages (but
    site_url https://handbook.test/), and the given drills and protocol."""
    shutil.copytree(REPO / "schemas", folder / "schemas")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^site_url: .*\n", "", config) + "site_url: https://handbook.test/\n"
    (folder / "mkdocs.yml").write_text(config)
    for part in HAND_WRITTEN:
        shutil.copytree(REPO / part, folder / part, ignore=shutil.ignore_patterns("fields.md"))
    (folder / "drills").mkdir()
    (folder / "protocols").mkdir()
    for data in drills:
        (folder / "drills" / f"{data['id']}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    (folder / "protocols" / f"{protocol_data['id']}.yaml").write_text(yaml.safe_dump(protocol_data, allow_unicode=True))
    return folder


def made_up_project(root: Path, count: int, names: dict[int, str] | None = None,
                    criterion: str = "Pain at most 2/10 for a week."):
    """Make a valid project in ``root`` and load it: its first phase, 'only', prescribes ``count`` drills, its
    last, 'after', one; ``names`` maps drill numbers to names, ``criterion`` is the first phase's exit criterion."""
    drills = [drill(n, (names or {}).get(n)) for n in range(1, count + 1)]
    return load_handbook(make_project(root, drills, protocol([d["id"] for d in drills], criterion)))


@pytest.fixture
def made_up(tmp_path):
    """:func:`made_up_project` in tmp_path/project."""
    return lambda count, **options: made_up_project(tmp_path / "project", count, **options)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """A made-up project with five drills, built into a site once: (handbook, project folder, site folder)."""
    project = tmp_path_factory.mktemp("site") / "project"
    handbook = made_up_project(project, 5)
    return handbook, project, build_site(project).site_dir
