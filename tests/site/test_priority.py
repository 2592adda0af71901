"""The pages of a build that prints are built on a thread of lower priority than the printing workers."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from generator.build.priority import LOWER_BY, behind_printing


def test_the_work_runs_on_a_thread_of_lower_priority_and_hands_back_what_it_returns():
    def work():
        return threading.current_thread() is not threading.main_thread(), os.getpriority(os.PRIO_PROCESS, 0)

    before = os.getpriority(os.PRIO_PROCESS, 0)
    elsewhere, priority = behind_printing(work)
    assert elsewhere
    if sys.platform.startswith("linux"):
        assert priority == min(before + LOWER_BY, 19)
    assert os.getpriority(os.PRIO_PROCESS, 0) == before  # the build's own thread keeps its priority


def test_what_the_work_raises_reaches_the_build():
    def work():
        raise ValueError("a content error, say")

    with pytest.raises(ValueError, match="a content error"):
        behind_printing(work)
