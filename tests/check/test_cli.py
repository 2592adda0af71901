"""The `handbook check` command: output formats, exit codes, never a traceback."""

import json
import os
import subprocess
import sys
from pathlib import Path

from generator.problems import CODES

BAD = Path(__file__).parent / "fixtures" / "bad"


def handbook(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd)


def broken(project):
    project.use_bad("schema-errors.yaml", "drills/side-plank.yaml")
    project.use_bad("duplicate-key.yaml", "drills/core.yaml")
    return project


def test_clean_project_exits_0(project):
    run = handbook("--root", str(project.root), "check")
    assert run.returncode == 0 and "All good: 4 files checked" in run.stdout


def test_text_format_one_line_per_problem(project):
    run = handbook("--root", str(broken(project).root), "check")
    assert run.returncode == 1 and "Traceback" not in run.stderr + run.stdout
    lines = run.stdout.splitlines()
    assert "drills/side-plank.yaml:6:3: E102 unknown field 'set' — did you mean 'sets'?" in lines
    assert lines[-1].startswith("6 errors, 0 warnings in 6 files")
    files = [line.split(":")[0] for line in lines[:-1]]
    assert files == sorted(files)


def test_github_format_annotates_each_line(project):
    run = handbook("--root", str(broken(project).root), "check", "--format", "github")
    assert run.returncode == 1
    assert "::error file=drills/side-plank.yaml,line=6,col=3,title=E102::unknown field 'set'" in run.stdout
    assert "::error file=drills/core.yaml,line=8,col=3,title=E006::field 'sets' appears twice" in run.stdout


def test_json_format(project):
    run = handbook("--root", str(broken(project).root), "check", "--format", "json")
    report = json.loads(run.stdout)
    assert run.returncode == 1 and report["errors"] == 6 and report["warnings"] == 0
    assert {"file": "drills/core.yaml", "line": 8, "column": 3, "code": "E006", "severity": "error"}.items() \
        <= next(p for p in report["problems"] if p["code"] == "E006").items()


def test_json_carries_the_suggested_edit(project):
    project.edit("protocols/mini.yaml", "- drill: easy-walk", "- drill: easy-walkk")
    problem = json.loads(handbook("--root", str(project.root), "check", "--format", "json").stdout)["problems"][0]
    assert problem["code"] == "E201" and problem["fix"] == {"start": [49, 16], "end": [49, 26], "text": "easy-walk"}


def test_errors_are_listed_before_warnings_in_every_format(project):
    project.write("drills/lunge.yaml", "id: lunge\nname: Lunge\ncategory: strength\ntargets: [quadriceps]\n"
                  "dosage: {sets: 2, reps: 8}\nsteps: [Step forward., Step back.]\ncues: [Tall trunk.]\n")
    project.edit("protocols/mini.yaml", "warning_signs: [pain-high]", "warning_signs: [pain-hi]")
    text = handbook("--root", str(project.root), "check").stdout.splitlines()
    assert [line.split(": ")[1][:4] for line in text[:-1]] == ["E203", "W301"]
    github = handbook("--root", str(project.root), "check", "--format", "github").stdout.splitlines()
    assert [line[:4] for line in github[:-1]] == ["::er", "::wa"]
    report = json.loads(handbook("--root", str(project.root), "check", "--format", "json").stdout)
    assert [p["code"] for p in report["problems"]] == ["E203", "W301"]


def test_warnings_alone_exit_0(project):
    project.edit("drills/clamshell.yaml", "references: [fredericson-2000]\n", "")
    run = handbook("--root", str(project.root), "check")
    assert run.returncode == 0 and "0 errors, 1 warning" in run.stdout


def test_not_a_project_exits_2_without_traceback(tmp_path):
    run = handbook("check", cwd=tmp_path)
    assert run.returncode == 2 and "no handbook project" in run.stderr and "Traceback" not in run.stderr


def test_bad_usage_exits_2():
    assert handbook("check", "--format", "xml").returncode == 2


def test_codes_are_listed():
    run = handbook("check", "--codes")
    assert run.returncode == 0 and all(code in run.stdout for code in CODES)


def test_every_bad_fixture_at_once_is_reported_without_traceback(project):
    names = sorted(path.name for path in BAD.iterdir())
    for name in names:
        project.use_bad(name, f"drills/{name}")
    run = handbook("--root", str(project.root), "check")
    assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr
    reported = {line.split(":")[0] for line in run.stdout.splitlines()[:-1]}
    assert {f"drills/{name}" for name in names} <= reported


def test_a_reader_that_stops_early_gets_no_error(project):
    """`handbook check --codes | head -1` and the like: the pipe closes before the output ends. Python's output
    is buffered as on any terminal-less run (PYTHONUNBUFFERED left out), so it is also written at the very end."""
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    run = subprocess.run(f"'{sys.executable}' -m generator --root '{project.root}' check --codes | true",
                         shell=True, capture_output=True, text=True, env=environment)
    assert run.stderr == ""
