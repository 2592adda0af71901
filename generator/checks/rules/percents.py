"""W307/W308: a threshold on a percent measure written as a fraction (0.9 for 90 %), or above 100 % where the
measure compares one side with the other (900 % symmetry for 90 %)."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...problems import Problem, warning
from .criteria import every_rule


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        measures = {m["id"]: m for m in source.data["measures"]}
        for path, rule in every_rule(source.data):
            measure = measures.get(rule.get("measure"))
            value = rule.get("value")
            if not measure or measure["kind"] != "percent" or "change" in rule or "increase" in rule \
                    or isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            if value > 100 and _a_symmetry(measure):
                yield warning("W308", source.file, source.value_position(path + ("value",)),
                              f"'{measure['name']}' compares one side with the other, so {value:g} % would ask for "
                              f"the injured side to be {value / 100:g} times as strong; if you meant {value / 10:g} %, "
                              f"write {value / 10:g}")
                continue
            if not 0 < value < 1:
                continue
            meant = f"{value * 100:g}"
            yield warning("W307", source.file, source.value_position(path + ("value",)),
                          f"'{measure['name']}' is measured in percent, so {value:g} means {value:g} %; if you meant "
                          f"{meant} %, write {meant}", source.value_fix(path + ("value",), meant))


def _a_symmetry(measure: dict) -> bool:
    """Whether a percent measure is a side-to-side ratio (a limb symmetry index), by its words."""
    words = f"{measure['id']} {measure['name']}".lower()
    return any(word in words for word in ("symmetry", "lsi", "side to side", "side-to-side"))
