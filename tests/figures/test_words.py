"""The figure in words: alternative text from the pose and the steps, and a changed pose for the clinical diff."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from generator.figures.words import figure_changes, position_text

REPO = Path(__file__).resolve().parents[2]


def drill(drill_id: str) -> dict:
    return yaml.safe_load((REPO / "drills" / f"{drill_id}.yaml").read_text(encoding="utf-8"))


def test_the_start_says_the_base_the_props_the_angles_and_its_step():
    clamshell = drill("clamshell")
    text = position_text("Clamshell", clamshell["figure"], "start", clamshell["steps"])
    assert text.startswith("Clamshell, start position, lying on the left side, with a mat: ")
    assert "right hip bent 45°" in text and "right knee bent 90°" in text
    assert text.endswith("Step 2: Stack your hips one on top of the other and rest your head on your arm.")


def test_the_end_says_what_changed_from_the_start():
    clamshell = drill("clamshell")
    text = position_text("Clamshell", clamshell["figure"], "end", clamshell["steps"])
    assert "from the start: right leg out to the side 20°, right hip turned out 40°." in text
    assert "knee bent 90°" not in text   # what stays as it was is not said again
    assert "Step 3: Keeping your feet together, lift the top knee" in text


def test_markup_in_a_step_is_read_as_words():
    bridge = drill("single-leg-bridge")
    bridge["steps"][3] = "Hold at the top, keeping the **pelvis level**."
    text = position_text("Single-leg bridge", bridge["figure"], "end", bridge["steps"])
    assert text.endswith("Step 4: Hold at the top, keeping the pelvis level.")


def test_negative_angles_read_as_their_own_movement():
    figure = {"base": "standing", "start": {"right": {"hip": {"flexion": -20}}, "trunk": {"side_bend": -10}},
              "end": {}}
    text = position_text("Swing", figure, "start", [])
    assert "right hip extended 20°" in text and "trunk bent to the left 10°" in text


def test_a_changed_angle_is_one_line_with_both_values():
    before = drill("clamshell")["figure"]
    after = copy.deepcopy(before)
    after["end"]["right"]["hip"]["abduction"] = 45
    assert figure_changes(before, after) == ["end position: right leg out to the side 20° → 45°"]


def test_props_base_and_support_changes_are_said():
    before = drill("forward-step-down")["figure"]
    after = copy.deepcopy(before)
    after["props"] = [{"prop": "box", "under": "right-foot"}]
    after["end"]["support"] = ["right-foot"]
    after["end"]["left"]["hip"]["flexion"] = -5
    lines = figure_changes(before, after)
    assert "props: a step under the right foot → a box under the right foot" in lines
    assert "end position: resting on right-foot, left-heel → right-foot" in lines
    bent = before["end"]["left"]["hip"]["flexion"]
    assert f"end position: left hip bent {bent}° → left hip extended 5°" in lines


def test_a_figure_added_or_removed():
    figure = drill("clamshell")["figure"]
    assert figure_changes(None, figure) == ["figure added"]
    assert figure_changes(figure, None) == ["figure removed"]
    assert figure_changes(figure, copy.deepcopy(figure)) == []


def test_a_position_that_travels_says_how_far_and_which_way_and_the_diff_says_a_changed_travel():
    hops = drill("lateral-hops")
    assert "moved 40 cm to the left" in position_text("Lateral hops", hops["figure"], "end", hops["steps"])
    after = copy.deepcopy(hops["figure"])
    after["end"]["travel"] = {"to": "left", "cm": 60}
    assert figure_changes(hops["figure"], after) == ["end position: moved 40 cm to the left → moved 60 cm to the left"]
    del after["end"]["travel"]
    assert figure_changes(hops["figure"], after) == ["end position: moved 40 cm to the left → not moved"]


def test_the_diff_says_how_the_figure_is_seen_when_that_changes():
    hops = drill("lateral-hops")
    after = copy.deepcopy(hops["figure"])
    after.update(turn=40, elevation=20, arrow="pelvis")
    assert figure_changes(hops["figure"], after) == [
        "turn of the view: 25° → 40°", "view from above: 0° → 20°", "arrow on: the part that moves furthest → pelvis"]
