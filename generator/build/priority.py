"""Work that can wait for the printing: run on a thread that the system schedules after the printing workers.

A build that prints runs its workers beside the page generation and MkDocs, and on a machine with as many
cores as workers they contend for the cores. The printing is the build's longest step, so the pages are built at
a lower priority: they use what the workers leave, and the printing ends sooner. Linux sets a priority per
thread; elsewhere the work runs at the build's own priority.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from typing import TypeVar

T = TypeVar("T")
#: how much lower the work's priority is (a nice value: 0 is the default, 19 the lowest).
LOWER_BY = 10


def behind_printing(work: Callable[[], T]) -> T:
    """Run ``work`` on a thread of lower priority and wait for it; return what it returns, raise what it raises."""
    with ThreadPoolExecutor(1, thread_name_prefix="pages", initializer=_lower_priority) as thread:
        return thread.submit(work).result()


def _lower_priority() -> None:
    if sys.platform.startswith("linux"):
        with suppress(OSError):  # a system that refuses it builds the pages at the build's own priority
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LOWER_BY)  # this thread only
