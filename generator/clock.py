"""Today's date, from one place: ``HANDBOOK_TODAY`` (YYYY-MM-DD) when set, so tests can fix it, else the machine's;
and the date written into outputs, ``SOURCE_DATE_EPOCH``."""

from __future__ import annotations

import datetime as dt
import os
from contextlib import contextmanager


def today() -> dt.date:
    fixed = os.environ.get("HANDBOOK_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


@contextmanager
def dated(epoch: str | None):
    """``SOURCE_DATE_EPOCH`` set to ``epoch`` (unset for None) for what runs inside, as it was afterwards."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    _set_epoch(epoch)
    try:
        yield
    finally:
        _set_epoch(saved)


def _set_epoch(epoch: str | None) -> None:
    if epoch is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = epoch
