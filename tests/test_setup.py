"""`make serve` and `make test` set up what they need: the system packages of the goal asked for, in one go, so
that without sudo the one line printed names everything to install."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def system_package_sets(goal: str) -> list[str]:
    """The package sets ``scripts/system-packages`` is run with, in order, when ``make goal`` sets up from nothing."""
    assert shutil.which("make"), "make is not installed: install with 'sudo apt-get install make'"
    run = subprocess.run(["make", "--dry-run", "--always-make", goal], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    return [line.split()[-1] for line in run.stdout.splitlines() if "scripts/system-packages" in line]


@pytest.mark.parametrize("goal, sets", [("test", ["test", "test"]), ("serve", ["serve"]), ("build", ["serve"]),
                                        ("check", ["serve"])])
def test_the_set_up_installs_the_system_packages_of_the_goal(goal, sets):
    assert system_package_sets(goal) == sets
