"""The command line follows ruff, yamllint and check-jsonschema: --version, options after the command, paths to
check, one-line usage mistakes."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import version

DRILL = "drills/clamshell.yaml"


def handbook(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd)


def test_version_is_the_installed_packages():
    run = handbook("--version")
    assert run.returncode == 0 and run.stdout == f"handbook {version('itbs-handbook')}\n"
    assert re.fullmatch(r"handbook \d+\.\d+\.\d+\S*\n", run.stdout)


def test_root_may_follow_the_command(project, tmp_path):
    project.edit(DRILL, "sets: 3", "sets: -3")
    after = handbook("check", "--root", str(project.root), cwd=tmp_path)
    before = handbook("--root", str(project.root), "check", cwd=tmp_path)
    assert after.returncode == before.returncode == 1 and after.stdout == before.stdout
    assert f"{DRILL}:8:" in after.stdout


def test_root_after_the_command_wins_over_one_before(project, tmp_path):
    run = handbook("--root", str(tmp_path), "check", "--root", str(project.root))
    assert run.returncode == 0 and run.stdout.startswith("All good")


def test_usage_mistakes_are_one_line():
    for args in (["check", "--format", "xml"], ["check", "--nope"], [], ["evaluate"]):
        run = handbook(*args)
        assert run.returncode == 2 and run.stdout == ""
        [line] = run.stderr.splitlines()
        assert line.startswith("handbook") and "(see 'handbook" in line and "Traceback" not in line


def test_check_reports_only_the_files_given_while_reading_all(project):
    project.edit(DRILL, "sets: 3", "sets: -3")
    project.edit("protocols/mini.yaml", 'operator: "<="', 'operator: "=<"')
    one = handbook("check", DRILL, "--root", str(project.root), cwd=project.root)
    assert one.returncode == 1
    assert [line.split(":")[0] for line in one.stdout.splitlines()[:-1]] == [DRILL]
    assert one.stdout.splitlines()[-1].startswith("1 error, 0 warnings in 1 file.")
    folder = handbook("check", "protocols/", cwd=project.root / "drills" / "..")
    assert [line.split(":")[0] for line in folder.stdout.splitlines()[:-1]] == ["protocols/mini.yaml"]
    both = handbook("check", DRILL, "protocols", cwd=project.root)
    assert both.stdout.splitlines()[-1].startswith("2 errors, 0 warnings in 2 files.")


def test_a_clean_file_is_all_good_even_when_another_is_broken(project):
    project.edit(DRILL, "category: strength", "category: Strength")
    run = handbook("check", "drills/easy-walk.yaml", cwd=project.root)
    assert run.returncode == 0 and run.stdout == "All good: 1 file checked, no problems.\n"


def test_a_file_whose_checks_wait_on_another_says_so(project):
    """A drill's citation of a protocol reference is held back while the protocol is broken: not 'All good'."""
    project.edit("protocols/mini.yaml", "title: A small test protocol", "title: A small test protocol: mini")
    run = handbook("check", DRILL, cwd=project.root)
    assert run.returncode == 0
    assert re.fullmatch(r"No problems in 1 file checked so far: \d+ checks? skipped until protocols/mini\.yaml is "
                        r"fixed\.\n", run.stdout)


def test_a_cross_reference_still_sees_the_whole_project(project):
    """The drill links to clamshell-band, which is not among the paths given: no 'unknown drill'."""
    run = handbook("check", DRILL, cwd=project.root)
    assert run.returncode == 0 and run.stdout.startswith("All good: 1 file checked")


def test_paths_that_cannot_be_checked_are_one_clear_line(project, tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("id: x\n")
    cases = {"drills/nothere.yaml": "'drills/nothere.yaml' does not exist",
             str(outside): f"'{outside}' is outside the project at {project.root}",
             "schemas": "'schemas' holds no file the check reads",
             "-": "not standard input"}
    for path, words in cases.items():
        run = handbook("check", path, cwd=project.root)
        assert run.returncode == 2 and run.stdout == ""
        [line] = run.stderr.splitlines()
        assert line.startswith("handbook check: ") and words in line, line


def test_json_of_some_files_counts_only_those(project):
    import json

    project.edit(DRILL, "sets: 3", "sets: -3")
    report = json.loads(handbook("check", DRILL, "--format", "json", cwd=project.root).stdout)
    assert report["files"] == 1 and report["errors"] == 1 and {p["file"] for p in report["problems"]} == {DRILL}
