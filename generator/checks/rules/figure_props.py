"""E240: every prop of a figure has something to sit on: a band to an anchor needs the anchor (or a wall or bench
to tie it to), a step, box, bench or roller carries a part that some position rests on, and a band goes around
the legs or to a body part."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...figures.placement import base_supports
from ...figures.positions import POSITIONS, drills_with_figures
from ...problems import Problem, error

CARRIERS = ("step", "box", "bench", "high-bench", "foam-roller", "bike", "leg-press", "elliptical")
ANCHORS = ("anchor", "wall", "bench", "high-bench")


def check(content: Content) -> Iterator[Problem]:
    for source in drills_with_figures(content):
        figure = source.data["figure"]
        props = figure.get("props", [])
        kinds = {prop["prop"] for prop in props}
        resting = {part for name in POSITIONS if name in figure
                   for part in figure[name].get("support", base_supports(figure["base"]))}
        for i, prop in enumerate(props):
            at = source.value_position(("figure", "props", i))
            if prop["prop"] == "band" and not ("around" in prop or "to" in prop):
                yield error("E240", source.file, at, "the band has nothing to sit on: write where it goes, "
                            "'around: knees' (or thighs, ankles, feet) or 'to: right-ankle' with an anchor")
            elif prop["prop"] == "band" and "to" in prop and not kinds & set(ANCHORS):
                yield error("E240", source.file, at, f"the band to the {prop['to'].replace('-', ' ')} is tied to "
                            "nothing: add the prop it is anchored to ('prop: anchor', a wall or a bench)")
            elif prop["prop"] in CARRIERS and "under" in prop and prop["under"] not in resting:
                yield error("E240", source.file, at, f"the {prop['prop']} is under the {prop['under'].replace('-', ' ')}"
                            ", but no position rests on it; add it to a position's 'support' or move the "
                            f"{prop['prop']} under a part that rests on it")
            elif prop["prop"] in ("step", "box", "bench", "high-bench", "foam-roller") and "under" not in prop:
                yield error("E240", source.file, at, f"the {prop['prop']} carries nothing: write the body part that "
                            "rests on it, 'under: right-foot' for example")
