"""Write a large synthetic but valid content corpus for benchmarks.

``make_corpus(folder, protocols=20, drills=5000)`` copies the project's
schemas and mkdocs.yml and writes drills and protocols that pass
``handbook check`` with no errors at any size: each protocol prescribes its
share of the drills across six phases (a share too small to go round is
reused, so no phase is left without drills), and drills link to their
neighbours as regressions and progressions.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ["mobility", "strength", "neuromuscular", "conditioning", "running", "recovery", "warm-up"]
PHASE_TITLES = ["Settle symptoms", "Load without pain", "Strength and control", "Return to running",
                "Progressive running", "Return to sport"]
PHASES = len(PHASE_TITLES)
CONDITIONS = ["Iliotibial band syndrome", "Patellofemoral pain", "Achilles tendinopathy", "Plantar heel pain",
              "Hamstring strain", "Medial tibial stress syndrome"]
STATUSES = ["active", "active", "active", "draft", "retired"]


def shares(items: list, parts: int) -> list[list]:
    """``items`` cut into ``parts`` consecutive runs of nearly equal length; a part that would be empty gets
    one item, reused round-robin."""
    if not items:
        raise ValueError("a corpus needs at least one drill")
    return [items[len(items) * k // parts:len(items) * (k + 1) // parts] or [items[k % len(items)]]
            for k in range(parts)]


def drill(i: int, count: int) -> dict:
    data = {
        "id": f"drill-{i:05d}",
        "name": f"Synthetic drill {i}",
        "aliases": [f"synthetic {i}", f"drill number {i}"],
        "summary": "A synthetic drill used to measure how fast the content is checked and built.",
        "category": CATEGORIES[i % len(CATEGORIES)],
        "regions": ["hip", "core"],
        "targets": ["gluteus medius", "hip external rotators"],
        "equipment": ["mat", "light resistance band"],
        "dosage": {"sets": 3, "reps": "10-15", "tempo": "2-1-2", "rest_seconds": 60, "per_week": 3, "side": "each"},
        "steps": ["Lie on your side with your knees bent.", "Lift the top knee without rolling back.",
                  "Lower slowly and repeat."],
        "cues": ["Keep the pelvis still.", "Move slowly."],
        "common_errors": ["Rolling the pelvis back: stack the hips."],
        "stop_if": ["Sharp pain on the outside of the knee."],
        "references": ["ref-1"],
        "evidence": {"level": "clinical-consensus", "note": "Synthetic."},
    }
    if i % 10:
        data["regression"] = f"drill-{i - 1:05d}"
    if (i + 1) % 10 and i + 1 < count:
        data["progression"] = f"drill-{i + 1:05d}"
    return data


def protocol(p: int, drill_ids: list[str]) -> dict:
    measures = [
        {"id": "pain-during", "name": "Pain during activity", "kind": "scale", "unit": "/10", "how": "Rate it 0-10."},
        {"id": "walk-minutes", "name": "Pain-free walking", "kind": "minutes", "unit": "min", "how": "Time it."},
        {"id": "step-down", "name": "Step-down quality", "kind": "categorical", "values": ["good", "fair", "poor"],
         "how": "Watch the knee.", "assessment": "step-down-test"},
    ]
    phases = []
    for n, ids in enumerate(shares(drill_ids, PHASES)):
        phases.append({
            "id": f"phase-{n + 1}", "title": PHASE_TITLES[n], "summary": "A synthetic phase.",
            "goals": ["Build tolerance."], "typical_duration": {"min_weeks": 1, "max_weeks": 3},
            "activities": {"allowed": ["Walking."], "avoid": ["Downhill running."]},
            "drills": [{"drill": d, "dosage": {"sets": 2}} for d in ids],
            "exit_criteria": [] if n == PHASES - 1 else [
                {"measure": "pain-during", "operator": "<=", "value": 2, "text": "Pain at most 2/10.",
                 "sustained": {"count": 3, "period": "sessions"}, "within": {"days": 7}, "references": ["ref-1"]},
                {"measure": "step-down", "operator": "==", "value": "good", "text": "Step-down looks good.",
                 "within": {"days": 28}, "references": ["ref-1"]}],
            "warning_signs": ["pain-high"], "assessments": ["step-down-test"],
        })
    return {
        "id": f"protocol-{p:02d}", "title": f"Synthetic protocol {p}",
        "condition": CONDITIONS[p % len(CONDITIONS)], "version": "1.0.0", "status": STATUSES[p % len(STATUSES)], "reviewed": {"date": "2026-11-01", "reviewers": ["Reviewer"]},
        "measures": measures,
        "assessments": [{"id": "step-down-test", "name": "Step-down", "purpose": "Control.",
                         "instructions": ["Step down slowly."], "scoring": "good, fair or poor."}],
        "warning_signs": [{"id": "pain-high", "name": "High pain", "description": "Pain above 5/10.",
                           "severity": "red", "action": "stop-and-contact-clinician",
                           "rule": {"measure": "pain-during", "operator": ">", "value": 5, "within": {"days": 14}},
                           "references": ["ref-1"]}],
        "phases": phases,
        "references": [{"id": "ref-1", "authors": "Author A", "year": 2020, "title": "A synthetic source",
                        "source": "Journal 2020;1:1-2"}],
    }


def make_corpus(folder: Path, protocols: int = 20, drills: int = 5000) -> Path:
    """Write the corpus into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "schemas", folder / "schemas", dirs_exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "drills").mkdir(exist_ok=True)
    (folder / "protocols").mkdir(exist_ok=True)
    ids = [f"drill-{i:05d}" for i in range(drills)]
    for i, drill_id in enumerate(ids):
        (folder / "drills" / f"{drill_id}.yaml").write_text(yaml.safe_dump(drill(i, drills), sort_keys=False))
    for p, share in enumerate(shares(ids, protocols)):
        (folder / "protocols" / f"protocol-{p:02d}.yaml").write_text(
            yaml.safe_dump(protocol(p, share), sort_keys=False))
    return folder
