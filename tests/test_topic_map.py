"""The ITBS topic map covers every required topic, and every id it names exists.

The map (protocols/topic-maps/itbs-runners.yaml) says which content carries
each clinical topic of the source notes. These tests fail when a topic has no
content, when a mapped id disappears from drills/ or the protocol, or when a
required topic is missing from the map.
"""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PROTOCOL_ID = "itbs-runners"
MAP_FILE = ROOT / "protocols" / "topic-maps" / f"{PROTOCOL_ID}.yaml"
PROTOCOL_FILE = ROOT / "protocols" / f"{PROTOCOL_ID}.yaml"
DRILLS_DIR = ROOT / "drills"

#: Topics the handbook must carry; each must appear in the map with content.
REQUIRED_TOPICS = [
    "initial-assessment",
    "symptom-monitoring",
    "low-impact-conditioning",
    "flat-walking-short-jogs",
    "cadence-step-length",
    "abductor-tfl-flexibility",
    "gluteal-strength",
    "hip-external-rotation",
    "adductor-quadriceps-balance",
    "core-pelvic-control",
    "bands-plyometrics-after-base",
    "tempo-and-mileage",
    "training-log",
    "video-coach-feedback",
    "sport-specific-drills",
    "soft-surface-return",
    "warm-up",
    "cool-down",
    "downhill-eccentric-control",
    "balance-proprioception",
    "race-pace-endurance",
    "footwear-surfaces",
    "recovery-lifestyle",
    "psychological-readiness",
    "warning-signs-education",
    "red-flags",
    "relapse-review",
    "periodic-retesting",
    "clinician-coach-collaboration",
]

KINDS = {"drill", "phase", "measure", "assessment", "warning-sign", "education", "criterion", "return-to-run"}


def load(path: Path):
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def topic_map():
    data = load(MAP_FILE)
    assert isinstance(data, dict), f"{MAP_FILE.name} must hold a mapping"
    assert data.get("protocol") == PROTOCOL_ID
    assert isinstance(data.get("topics"), list) and data["topics"], "the map needs a non-empty 'topics' list"
    return data


@pytest.fixture(scope="module")
def protocol():
    return load(PROTOCOL_FILE)


@pytest.fixture(scope="module")
def drill_ids():
    ids = set()
    for path in DRILLS_DIR.glob("*.yaml"):
        data = load(path)
        if isinstance(data, dict) and data.get("id") == path.stem:
            ids.add(path.stem)
    return ids


def _ids(items):
    return {item["id"] for item in items or [] if isinstance(item, dict) and "id" in item}


def resolver(protocol, drill_ids):
    """A function (kind, id) -> True when the id exists in the content."""
    phases = {phase["id"]: phase for phase in protocol["phases"]}
    education = _ids(protocol.get("education"))
    for phase in phases.values():
        education |= _ids(phase.get("education"))
    known = {
        "drill": drill_ids,
        "phase": set(phases),
        "measure": _ids(protocol.get("measures")),
        "assessment": _ids(protocol.get("assessments")),
        "warning-sign": _ids(protocol.get("warning_signs")),
        "education": education,
    }

    def exists(kind, item_id):
        if kind == "criterion":
            phase_id, _, index = str(item_id).partition("/")
            if phase_id not in phases or not index.isdigit():
                return False
            return int(index) < len(phases[phase_id].get("exit_criteria") or [])
        if kind == "return-to-run":
            return item_id in phases and bool(phases[item_id].get("return_to_run"))
        return item_id in known[kind]

    return exists


def test_topic_entries_are_well_formed(topic_map):
    seen = set()
    for topic in topic_map["topics"]:
        assert isinstance(topic.get("id"), str) and topic["id"], f"topic without an id: {topic!r}"
        assert topic["id"] not in seen, f"topic '{topic['id']}' is listed twice"
        seen.add(topic["id"])
        assert isinstance(topic.get("label"), str) and topic["label"].strip(), f"topic '{topic['id']}' has no label"
        for entry in topic.get("content") or []:
            assert entry.get("kind") in KINDS, f"topic '{topic['id']}': unknown kind {entry.get('kind')!r}"
            assert entry.get("id"), f"topic '{topic['id']}': an entry has no id"


def test_every_topic_has_content(topic_map):
    empty = [topic["id"] for topic in topic_map["topics"] if not topic.get("content")]
    assert not empty, f"topics with no content: {', '.join(empty)}"


def test_required_topics_are_mapped(topic_map):
    mapped = {topic["id"] for topic in topic_map["topics"]}
    missing = [key for key in REQUIRED_TOPICS if key not in mapped]
    assert not missing, f"required topics missing from the map: {', '.join(missing)}"


def test_mapped_ids_exist(topic_map, protocol, drill_ids):
    exists = resolver(protocol, drill_ids)
    gone = [
        f"{topic['id']}: {entry['kind']} '{entry['id']}'"
        for topic in topic_map["topics"]
        for entry in topic.get("content") or []
        if entry.get("kind") in KINDS and not exists(entry["kind"], entry["id"])
    ]
    assert not gone, "mapped ids not found in the content:\n" + "\n".join(gone)


def test_every_drill_is_mapped(topic_map, drill_ids):
    mapped = {entry["id"] for topic in topic_map["topics"] for entry in topic.get("content") or []
              if entry.get("kind") == "drill"}
    unmapped = sorted(drill_ids - mapped)
    assert not unmapped, f"drills not mapped to any topic: {', '.join(unmapped)}"
