"""A figure in words: the alternative text of each position, and a change of pose for the clinical diff."""

from __future__ import annotations

import re

from ..content.prose import words as plain_words

BASES = {"standing": "standing", "sitting": "sitting", "kneeling": "kneeling", "half-kneeling": "kneeling on one knee",
         "all-fours": "on hands and knees", "lying-back": "lying on the back", "lying-front": "lying face down",
         "lying-side": "lying on the left side", "floating": "upright in deep water"}
PROPS = {"mat": "a mat", "band": "a band", "step": "a step", "box": "a box", "bench": "a bench",
         "high-bench": "a high bench", "wall": "a wall", "foam-roller": "a foam roller", "bike": "an exercise bike",
         "leg-press": "a leg press", "elliptical": "an elliptical trainer", "anchor": "an anchor point",
         "cones": "cones", "line": "a line on the floor", "water": "water", "slope": "a slope"}
#: (path in a position, words before the angle, words for a negative angle, least angle worth saying).
ANGLES = (
    (("trunk", "flexion"), "trunk bent forward", "trunk arched back", 10),
    (("trunk", "side_bend"), "trunk bent to the right", "trunk bent to the left", 8),
    (("trunk", "rotation"), "chest turned to the right", "chest turned to the left", 10),
    (("pelvis", "hike"), "right side of the pelvis raised", "right side of the pelvis dropped", 4),
)
LIMB_ANGLES = (
    (("hip", "flexion"), "{side} hip bent", "{side} hip extended", 10),
    (("hip", "abduction"), "{side} leg out to the side", "{side} leg across the body", 8),
    (("hip", "rotation"), "{side} hip turned out", "{side} hip turned in", 8),
    (("knee",), "{side} knee bent", "{side} knee pushed straight", 10),
    (("ankle",), "{side} ankle pulled up", "{side} foot pointed", 15),
    (("shoulder", "flexion"), "{side} arm raised forward", "{side} arm behind the body", 20),
    (("shoulder", "abduction"), "{side} arm raised to the side", "", 20),
    (("elbow",), "{side} elbow bent", "", 30),
)
POSITION_WORDS = {"start": "start position", "middle": "middle position", "end": "end position"}
#: (field, its words, its value when left out, its unit) of how a figure is seen, for the diff.
VIEW_FIELDS = (("base", "base", None, ""), ("view", "view", "side", ""), ("near", "near side", "right", ""),
               ("turn", "turn of the view", 0, "°"), ("elevation", "view from above", 0, "°"),
               ("arrow", "arrow on", "the part that moves furthest", ""))
TRAVEL_WORDS = {"forward": "forward", "back": "back", "left": "to the left", "right": "to the right"}


def _get(data: dict, path: tuple) -> int:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return int(data or 0)


def angles(position: dict) -> list[tuple[str, str, str, int, int]]:
    """(key, words, words when negative, least worth saying, value) of every angle of a position, in body order."""
    found = [(".".join(path), plus, minus, least, _get(position, path)) for path, plus, minus, least in ANGLES]
    for side in ("right", "left"):
        for path, plus, minus, least in LIMB_ANGLES:
            found.append((".".join((side, *path)), plus.format(side=side), minus.format(side=side), least,
                          _get(position, (side, *path))))
    return found


def travel_words(position: dict) -> str:
    """How far a position has moved over the floor since the start ('moved 40 cm to the left'), or nothing."""
    travel = position.get("travel")
    return f"moved {travel['cm']} cm {TRAVEL_WORDS[travel['to']]}" if travel else ""


def _angle_words(plus: str, minus: str, value: int) -> str:
    return f"{plus} {value}°" if value >= 0 or not minus else f"{minus} {-value}°"


def _props(figure: dict) -> str:
    names = []
    for prop in figure.get("props", []):
        name = PROPS[prop["prop"]]
        if prop["prop"] == "band" and "around" in prop:
            name += f" around the {prop['around']}"
        elif prop["prop"] == "band" and "to" in prop:
            name += f" to the {prop['to'].replace('-', ' ')}"
        elif "under" in prop:
            name += f" under the {prop['under'].replace('-', ' ')}"
        if name not in names:
            names.append(name)
    return (", with " + ", ".join(names)) if names else ""


def _step(steps: list[str], position: dict) -> str:
    number = position.get("step")
    if number and number <= len(steps):
        text = re.sub(r"\s+([.,;:!?])", r"\1", plain_words(steps[number - 1]))   # runs are joined by spaces
        return f" Step {number}: {text.strip()}"
    return ""


def position_text(name: str, figure: dict, position: str, steps: list[str]) -> str:
    """The alternative text of one position: the drill, the base and props, the angles that matter, and the step."""
    data = figure[position]
    said = [_angle_words(plus, minus, value) for _, plus, minus, least, value in angles(data) if abs(value) >= least]
    if position != "start":
        start = {key: value for key, *_, value in angles(figure["start"])}
        said = [_angle_words(plus, minus, value) for key, plus, minus, least, value in angles(data)
                if value != start[key] and abs(value - start[key]) >= 5]
        if "travel" in data:
            said.append(travel_words(data))
        body = ("; from the start: " + ", ".join(said)) if said else "; as at the start"
    else:
        body = (": " + ", ".join(said)) if said else ": upright, arms by the sides"
    base = BASES[figure["base"]]
    return f"{name}, {POSITION_WORDS[position]}, {base}{_props(figure) if position == 'start' else ''}{body}." + \
        _step(steps, data)


def small_text(name: str, figure: dict, steps: list[str]) -> str:
    """The alternative text of a drill's small figure: the drill, how the body rests and on what, and the step the
    end position shows ('Clamshell: lying on the left side, with a mat. Step 3: Lift the top knee …')."""
    step = _step(steps, figure["end"])
    if not step:
        return position_text(name, figure, "end", steps)
    return f"{name}: {BASES[figure['base']]}{_props(figure)}.{step}"


def figure_changes(before: dict | None, after: dict | None) -> list[str]:
    """A change of a drill's figure in words, one line per change: 'end position: right hip out to the side 30° → 45°'."""
    if not before and not after:
        return []
    if not before:
        return ["figure added"]
    if not after:
        return ["figure removed"]
    lines = []
    for key, what, default, unit in VIEW_FIELDS:
        if before.get(key, default) != after.get(key, default):
            lines.append(f"{what}: {before.get(key, default)}{unit} → {after.get(key, default)}{unit}")
    if before.get("props", []) != after.get("props", []):
        lines.append(f"props: {_props(before).removeprefix(', with ') or 'none'} → "
                     f"{_props(after).removeprefix(', with ') or 'none'}")
    for position, words in POSITION_WORDS.items():
        old, new = before.get(position), after.get(position)
        if old is None and new is None:
            continue
        if old is None or new is None:
            lines.append(f"{words} {'added' if old is None else 'removed'}")
            continue
        for (_, plus, minus, _, was), (_, _, _, _, now) in zip(angles(old), angles(new)):
            if was == now:
                continue
            if (was >= 0) == (now >= 0) or not minus:
                label = plus if now >= 0 or not minus else minus
                lines.append(f"{words}: {label} {abs(was)}° → {abs(now)}°")
            else:
                lines.append(f"{words}: {_angle_words(plus, minus, was)} → {_angle_words(plus, minus, now)}")
        if old.get("travel") != new.get("travel"):
            lines.append(f"{words}: {travel_words(old) or 'not moved'} → {travel_words(new) or 'not moved'}")
        if old.get("support") != new.get("support"):
            lines.append(f"{words}: resting on {', '.join(old.get('support', ['the base']))} → "
                         f"{', '.join(new.get('support', ['the base']))}")
    return lines
