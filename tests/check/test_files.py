"""Content files: every file under drills/ and protocols/ is loaded or reported, links and special
files are never read, and one broken file gives one message, not a cascade."""

import json
import os
import subprocess
import sys

import pytest

from generator.checks.run import check_project
from generator.content.source import MAX_BYTES

PROTOCOL = "protocols/mini.yaml"


def handbook_check(project, *args):
    """``handbook check`` in a separate process, stopped if it does not finish in time."""
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), "check", *args],
                          capture_output=True, text=True, timeout=30)


def test_link_to_a_file_outside_the_project_is_never_read_or_quoted(project, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: clamshell\npassword: hunter2\n")
    (project.root / "drills/clamshell.yaml").unlink()
    (project.root / "drills/clamshell.yaml").symlink_to(secret)
    problem = project.only("E010")
    assert problem.file == "drills/clamshell.yaml" and "outside the project" in problem.message
    assert all("hunter2" not in p.message and str(tmp_path) not in p.message for p in project.problems())
    assert len(project.problems()) == 1, "the drills linking to it and the phase prescribing it are not reported"


def test_link_to_dev_zero_is_refused_without_reading(project):
    (project.root / "drills/zero.yaml").symlink_to("/dev/zero")
    run = handbook_check(project)
    assert run.returncode == 1 and "drills/zero.yaml:1:1: E010" in run.stdout and "/dev/zero" not in run.stdout


def test_named_pipe_is_refused_without_opening_it(project):
    os.mkfifo(project.root / "drills/pipe.yaml")
    run = handbook_check(project)
    assert run.returncode == 1 and "drills/pipe.yaml:1:1: E010 this is a named pipe" in run.stdout


def test_link_inside_the_project_is_refused_and_names_its_target(project):
    (project.root / "drills/walk.yaml").symlink_to("easy-walk.yaml")
    problem = project.only("E010")
    assert problem.file == "drills/walk.yaml" and "'drills/easy-walk.yaml'" in problem.message


def test_content_folder_that_is_a_link_is_refused(project, tmp_path):
    (project.root / "drills").rename(tmp_path / "elsewhere")
    (project.root / "drills").symlink_to(tmp_path / "elsewhere")
    problem = project.only("E010")
    assert problem.file == "drills" and str(tmp_path) not in problem.message


def test_size_is_checked_before_reading(project):
    with open(project.root / "drills/huge.yaml", "wb") as handle:
        handle.truncate(50 * MAX_BYTES)
    problem = project.only("E003")
    assert problem.file == "drills/huge.yaml" and f"{50 * MAX_BYTES:,} bytes" in problem.message


def test_drill_in_a_subfolder_is_reported_and_still_claims_its_id(project):
    (project.root / "drills/hip").mkdir()
    (project.root / "drills/clamshell.yaml").rename(project.root / "drills/hip/clamshell.yaml")
    problem = project.only("E211")
    assert problem.file == "drills/hip/clamshell.yaml" and "move it up to 'drills/clamshell.yaml'" in problem.message
    assert len(project.problems()) == 1


def test_other_files_in_a_subfolder_are_reported(project):
    (project.root / "drills/photos").mkdir()
    project.write("drills/photos/clamshell.jpg", b"\xff\xd8")
    assert "move it out of drills/" in project.only("E211").message


@pytest.mark.parametrize("name", ["lunge.YAML", "lunge.yml", "lunge.Yml", "lunge.yaml.txt", "lunge.yaml~", "lunge"])
def test_wrong_name_is_reported_with_the_name_to_use(project, name):
    project.write(f"drills/{name}", "id: lunge\n")
    problem = project.only("E211")
    assert problem.file == f"drills/{name}" and "rename it to 'lunge.yaml'" in problem.message


def test_hidden_files_are_left_alone(project):
    project.write("drills/.DS_Store", b"\x00\x00\x00\x01Bud1")
    project.write("drills/.clamshell.yaml.swp", b"b0VIM 9.0")
    (project.root / "drills/.git").mkdir()
    assert project.problems() == []


def test_topic_maps_are_not_protocols(project):
    (project.root / "protocols/topic-maps").mkdir()
    project.write("protocols/topic-maps/mini.yaml", "protocol: mini\ntopics: []\n")
    assert project.problems() == []


def test_protocol_that_cannot_be_read_holds_back_what_follows_from_it(project):
    project.edit(PROTOCOL, "title: Load", "title: Load: strength")
    result = check_project(project.root)
    assert [p.code for p in result.problems] == ["E004"]
    assert result.withheld and result.waiting_on == [PROTOCOL]
    assert {w.problem.code for w in result.withheld} == {"W301", "E205"}


def test_summary_says_how_many_checks_wait(project):
    project.edit(PROTOCOL, "title: Load", "title: Load: strength")
    result = check_project(project.root)
    skipped = len(result.withheld) + len(result.passed_over[PROTOCOL])
    assert len(result.withheld) == 4 and {"ranges", "criteria", "phase_titles"} <= result.passed_over[PROTOCOL]
    summary = handbook_check(project).stdout.splitlines()[-1]
    assert summary == f"1 error, 0 warnings in 4 files. {skipped} checks skipped until protocols/mini.yaml is fixed."
    report = json.loads(handbook_check(project, "--format", "json").stdout)
    assert report["skipped"] == {"checks": skipped, "until_fixed": [PROTOCOL]}


def test_invalid_drill_does_not_make_its_reference_uncited(project):
    project.edit("drills/clamshell.yaml", "sets: 3", "sets: -3")
    assert [(p.file, p.line) for p in project.problems()] == [("drills/clamshell.yaml", 8)]


def test_two_files_with_one_id_name_each_other(project):
    project.write("drills/clamshell-2.yaml", (project.root / "drills/clamshell.yaml").read_text())
    problem = project.only("E206")
    assert problem.file == "drills/clamshell-2.yaml" and "drills/clamshell.yaml" in problem.message
    assert len(project.problems()) == 1


def test_two_protocols_with_one_id(project):
    project.write("protocols/mini-2.yaml", (project.root / PROTOCOL).read_text())
    problem = project.only("E206")
    assert problem.file == "protocols/mini-2.yaml" and PROTOCOL in problem.message


@pytest.mark.parametrize("link", ["reference:thomee-1997", "phase:settle", "warning-sign:pain-high",
                                  "assessment:step-down-test"])
def test_a_drills_link_to_a_protocol_that_cannot_be_read_waits_for_it(project, link):
    project.edit("drills/clamshell.yaml", "cues: [Keep the pelvis still.]", f"cues: ['See [this page]({link}) first.']")
    assert project.problems() == []
    project.edit(PROTOCOL, "title: Load", "title: Load: strength")
    result = check_project(project.root)
    assert [p.code for p in result.problems] == ["E004"]
    assert "E214" in {w.problem.code for w in result.withheld}
