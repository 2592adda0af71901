"""Today's date, from one place: ``HANDBOOK_TODAY`` (YYYY-MM-DD) when set, so tests can fix it, else the machine's."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    fixed = os.environ.get("HANDBOOK_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()
