"""The code keeps one direction of flow and no import cycles (the contracts in pyproject.toml)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_each_stage_imports_only_from_earlier_stages_and_nothing_imports_in_a_circle():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_every_stage_package_says_what_comes_in_and_what_goes_out():
    for package in sorted((ROOT / "generator").glob("*/__init__.py")):
        text = package.read_text(encoding="utf-8")
        assert text.startswith('"""'), f"{package.parent.name} has no docstring"
        if package.parent.name not in ("commands",):
            assert "In:" in text and "Out:" in text, f"{package.parent.name}'s docstring does not say what comes in and out"
