"""W307: a threshold on a percent measure written as a fraction (0.9 for 90 %)."""

from __future__ import annotations

from typing import Iterator

from ..content import Content
from ..problems import Problem, warning
from .criteria import every_rule


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        measures = {m["id"]: m for m in source.data["measures"]}
        for path, rule in every_rule(source.data):
            measure = measures.get(rule.get("measure"))
            value = rule.get("value")
            if not measure or measure["kind"] != "percent" or "change" in rule or isinstance(value, bool) \
                    or not isinstance(value, (int, float)) or not 0 < value < 1:
                continue
            meant = f"{value * 100:g}"
            yield warning("W307", source.file, source.value_position(path + ("value",)),
                          f"'{measure['name']}' is measured in percent, so {value:g} means {value:g} %; if you meant "
                          f"{meant} %, write {meant}", source.value_fix(path + ("value",), meant))
