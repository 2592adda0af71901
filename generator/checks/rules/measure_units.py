"""E233: a measure's unit fits its kind: minutes in min, seconds in s, percent in %, distance in km, a 0-10 scale
in /10 (a minutes measure written in s would show 30 s where 30 minutes is meant)."""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...problems import Problem, error

#: the units each kind may be written in.
UNITS = {"minutes": {"min", "minutes"}, "seconds": {"s", "sec", "seconds"}, "percent": {"%"},
         "distance": {"km", "mi"}}


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        for i, measure in enumerate(source.data["measures"]):
            unit, fitting = measure.get("unit"), UNITS.get(measure["kind"])
            if unit is not None and fitting and unit.strip() not in fitting:
                written = " or ".join(f"'unit: {u}'" for u in sorted(fitting, key=len))
                yield error("E233", source.file, source.value_position(("measures", i, "unit")),
                            f"'{measure['name']}' is a {measure['kind']} measure but its unit is '{unit}'; write "
                            f"{written}, or change 'kind' if the measure is taken in {unit}")
