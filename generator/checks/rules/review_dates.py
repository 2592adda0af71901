"""W304/W305/E236: a protocol's next clinical review (``reviewed.next``) has passed, or is due within 30 days; the
review's own date (``reviewed.date``) is not after today."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from ...clock import today
from ...content.load import Content
from ...problems import Problem, error, warning

SOON = dt.timedelta(days=30)


def check(content: Content) -> Iterator[Problem]:
    now = today()
    for source in content.valid_protocols():
        done = source.data["reviewed"]["date"]
        if dt.date.fromisoformat(done) > now:
            yield error("E236", source.file, source.value_position(("reviewed", "date")),
                        f"the clinical review is dated {done}, after today ({now.isoformat()}); write the day the "
                        "review took place (a review still to come goes under 'next')")
        due = source.data["reviewed"].get("next")
        if due is None:
            continue
        days = (dt.date.fromisoformat(due) - now).days
        place = source.value_position(("reviewed", "next"))
        if days < 0:
            yield warning("W304", source.file, place,
                          f"the clinical review was due on {due}, {-days} day{'s' * (days != -1)} ago: review the "
                          "protocol, then set 'reviewed: date' to the review's date and 'next' to the next one")
        elif days <= SOON.days:
            yield warning("W305", source.file, place,
                          f"the clinical review is due on {due}, in {days} day{'s' * (days != 1)}: plan it with "
                          "the reviewers")
