"""E217: a reference's year is not in the future (2070 for 2007)."""

from __future__ import annotations

from typing import Iterator

from ...clock import today
from ...content.load import Content
from ...problems import Problem, error


def check(content: Content) -> Iterator[Problem]:
    this_year = today().year
    for source in content.valid_protocols():
        for i, reference in enumerate(source.data["references"]):
            if reference["year"] > this_year:
                yield error("E217", source.file, source.value_position(("references", i, "year")),
                            f"the year {reference['year']} of '{reference['id']}' is in the future; write the year "
                            "the work was published")
