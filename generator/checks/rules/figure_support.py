"""E239: a figure rests on what its base and position say: each part in 'support' touches the floor or its prop,
the base can rest on it, and the view can see the base (a body lying on its back is not seen from the front)."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...figures.placement import TOLERANCE, allowed_supports, centimetres
from ...figures.positions import POSITIONS, drills_with_figures, placed_positions, viewable
from ...problems import Problem, error

_BASES = {"lying-back": "lying on the back", "lying-front": "lying on the front", "lying-side": "lying on the side",
          "all-fours": "on all fours", "half-kneeling": "half-kneeling"}


def _words(base: str) -> str:
    return _BASES.get(base, base)


def check(content: Content) -> Iterator[Problem]:
    for source in drills_with_figures(content):
        figure = source.data["figure"]
        if not viewable(figure):
            yield error("E239", source.file, source.value_position(("figure", "view")),
                        f"a body {_words(figure['base'])} cannot be seen from the {figure.get('view', 'side')}: "
                        "the reader would look at it from above or below; choose "
                        + ("'front' or 'back'" if figure["base"] == "lying-side" else "'side'"))
            continue
        wrong = False
        for name in POSITIONS:
            for i, part in enumerate(figure.get(name, {}).get("support", [])):
                if part not in allowed_supports(figure["base"]):
                    wrong = True
                    yield error("E239", source.file, source.value_position(("figure", name, "support", i)),
                                f"a body {_words(figure['base'])} cannot rest on its {part.replace('-', ' ')}; "
                                "change the base or the part it rests on")
        if wrong:
            continue
        for name, position, placed in placed_positions(source):
            for part, gap in placed.floats:
                if gap > TOLERANCE:
                    at = ("figure", name, "support", position["support"].index(part)) if part in position.get(
                        "support", []) else ("figure", name)
                    surface = "its prop" if part in placed.surfaces else "the floor"
                    yield error("E239", source.file, source.value_position(at),
                                f"in the {name} position the {part.replace('-', ' ')} is meant to rest on {surface} "
                                f"but ends {centimetres(gap)} cm above it; change the angles of the joints between "
                                "it and the other parts the body rests on, or leave it out of 'support'")
