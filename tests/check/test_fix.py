"""``handbook check --fix`` and ``--diff``: the suggested edits made in place, safely, and reported.

Every case of the mistake corpus whose message carries an edit must pass the check after ``--fix``, with every
value the clinician wrote kept as meant; ``--diff`` shows the same edits and writes nothing.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from generator.checks.fix import fix_project, write_fixes

from .test_mistakes import CASES

FIXABLE = [case for case in CASES if case.get("fix")]
DRILL = "drills/clamshell.yaml"


def handbook(project, *args, stdin=None):
    return subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(project.root), *args],
                          capture_output=True, text=True, input=stdin, cwd=project.root)


def make_mistake(project, case) -> None:
    if "create" in case:
        project.write(case["file"], case["create"])
    else:
        project.edit(case["file"], case["replace"], case["with"])


def snapshot(project) -> dict[str, bytes]:
    return {str(path.relative_to(project.root)): path.read_bytes()
            for path in sorted(project.root.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("case", FIXABLE, ids=[case["name"] for case in FIXABLE])
def test_every_mistake_with_an_edit_passes_after_fix(project, case):
    make_mistake(project, case)
    outcome = fix_project(project.root)
    assert write_fixes(project.root, outcome) == []
    assert outcome.refused == [] and [p.code for p in outcome.fixed] == [case["code"]]
    assert project.problems() == [], f"after --fix: {project.problems()}"
    file = case.get("reported_in", case["file"])
    data = yaml.safe_load((project.root / file).read_text(encoding="utf-8"))
    for dotted, meant in case.get("means", {}).items():
        found = data
        for step in dotted.split("."):
            found = found[int(step)] if isinstance(found, list) else found[step]
        assert found == meant, f"after --fix, {dotted} is {found!r}, not the {meant!r} meant"


def test_fix_reports_what_it_fixed_then_what_is_left(project):
    project.edit(DRILL, "category: strength", "category: Strength")
    project.edit(DRILL, "reps: 10-15", "reps: 15-10")
    project.edit("drills/easy-walk.yaml", "id: easy-walk", "id: easy-walk\nlevel: 3")
    run = handbook(project, "--fix")
    lines = run.stdout.splitlines()
    assert run.returncode == 1 and run.stderr == ""
    assert lines[0].startswith(f"{DRILL}:4:11: E104 fixed: 'category' must be one of")
    assert lines[1].startswith(f"{DRILL}:9:9: E212 fixed: the range of 'reps' runs the wrong way (15-10)")
    assert lines[2] == "Fixed 2 problems in 1 file."
    assert lines[3].startswith("drills/easy-walk.yaml:2:1: E102 unknown field 'level'")
    assert lines[-1].startswith("1 error, 0 warnings in 4 files.")
    assert "category: strength" in (project.root / DRILL).read_text()
    assert 'reps: "10-15"' in (project.root / DRILL).read_text()
    assert "level: 3" in (project.root / "drills/easy-walk.yaml").read_text()


def test_a_range_held_back_by_a_fixable_field_is_fixed_in_a_second_pass(project):
    project.edit(DRILL, "category: strength", "category: Strength")
    project.edit(DRILL, "reps: 10-15", "reps: 15-10")
    assert [p.code for p in project.problems()] == ["E104"]
    assert handbook(project, "--fix").returncode == 0
    assert project.problems() == []


def test_diff_shows_the_edits_and_writes_nothing(project):
    project.edit("protocols/mini.yaml", 'operator: "<="', 'operator: "=<"')
    before = snapshot(project)
    run = handbook(project, "--diff")
    assert run.returncode == 1 and snapshot(project) == before
    assert run.stdout.splitlines()[:2] == ["--- a/protocols/mini.yaml", "+++ b/protocols/mini.yaml"]
    assert '-        operator: "=<"' in run.stdout.splitlines() and '+        operator: "<="' in run.stdout.splitlines()
    assert "E104 would fix: 'operator' must be one of" in run.stderr
    assert run.stderr.splitlines()[-1] == "Would fix 1 problem in 1 file."
    patched = subprocess.run(["patch", "-p1", "--dry-run"], input=run.stdout, text=True, capture_output=True,
                             cwd=project.root)
    assert patched.returncode == 0, patched.stdout + patched.stderr


def test_diff_with_nothing_to_fix_exits_0_and_prints_no_diff(project):
    run = handbook(project, "--diff")
    assert run.returncode == 0 and run.stdout == ""
    assert run.stderr.strip() == "Nothing would be fixed: no problem comes with an edit the check is sure of."


def test_fix_only_touches_the_paths_given(project):
    project.edit(DRILL, "category: strength", "category: Strength")
    project.edit("protocols/mini.yaml", 'operator: "<="', 'operator: "=<"')
    run = handbook(project, "--fix", "protocols")
    assert "category: Strength" in (project.root / DRILL).read_text()
    assert 'operator: "<="' in (project.root / "protocols/mini.yaml").read_text()
    assert "Fixed 1 problem in 1 file." in run.stdout
    assert run.returncode == 0


def test_line_ends_and_byte_order_mark_are_kept(project):
    path = project.root / DRILL
    text = path.read_text().replace("category: strength", "category: Strength")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert handbook(project, "--fix").returncode == 0
    fixed = path.read_bytes()
    assert fixed == b"\xef\xbb\xbf" + text.replace("Strength", "strength").replace("\n", "\r\n").encode()


def test_an_edit_that_would_drop_another_value_is_refused(project, monkeypatch):
    """A (deliberately wrong) edit that turns the next line into a comment would drop 'regions': it is reported,
    never written."""
    from generator.checks import fix as fixing
    from generator.problems import Fix, error

    project.edit(DRILL, "category: strength", "category: Strength")
    real = fixing.check_project

    def wrong_edit(root):
        result = real(root)
        result.problems = [error("E104", DRILL, (4, 11), "did you mean 'strength'?", Fix((4, 11), (5, 1), "strength\n#"))
                           if p.code == "E104" else p for p in result.problems]
        return result

    monkeypatch.setattr(fixing, "check_project", wrong_edit)
    before = snapshot(project)
    outcome = fix_project(project.root)
    assert outcome.fixed == [] and outcome.changed == {}
    [(problem, why)] = outcome.refused
    assert problem.code == "E104" and "would drop or change" in why
    assert write_fixes(project.root, outcome) == [] and snapshot(project) == before


def test_an_edit_that_would_break_the_yaml_is_refused(project, monkeypatch):
    from generator.checks import fix as fixing
    from generator.problems import Fix, error

    project.edit(DRILL, "category: strength", "category: Strength")
    real = fixing.check_project

    def wrong_edit(root):
        result = real(root)
        result.problems = [error("E104", DRILL, (4, 11), "did you mean 'strength'?", Fix((4, 11), (4, 19), '"strength'))
                           if p.code == "E104" else p for p in result.problems]
        return result

    monkeypatch.setattr(fixing, "check_project", wrong_edit)
    outcome = fix_project(project.root)
    [(problem, why)] = outcome.refused
    assert outcome.changed == {} and "unreadable as YAML" in why


def test_a_file_changed_while_fixing_is_not_written(project):
    project.edit(DRILL, "category: strength", "category: Strength")
    outcome = fix_project(project.root)
    project.edit(DRILL, "name: Clamshell", "name: Clamshell lying")
    assert write_fixes(project.root, outcome) == [DRILL]
    assert "category: Strength" in (project.root / DRILL).read_text()


def test_fix_with_a_format_for_programs_keeps_its_output_clean(project):
    import json

    project.edit(DRILL, "category: strength", "category: Strength")
    run = handbook(project, "--fix", "--format", "json")
    assert run.returncode == 0 and json.loads(run.stdout)["problems"] == []
    assert run.stderr.splitlines()[-1] == "Fixed 1 problem in 1 file."


def test_fix_of_a_path_without_content_changes_nothing(project):
    project.edit(DRILL, "category: strength", "category: Strength")
    before = snapshot(project)
    run = handbook(project, "--fix", "schemas")
    assert run.returncode == 2 and run.stdout == "" and snapshot(project) == before
    assert run.stderr == "handbook check: 'schemas' holds no file the check reads: give files or folders under " \
                         "drills/ or protocols/\n"
