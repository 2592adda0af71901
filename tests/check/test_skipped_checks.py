"""Checks held back by a file that could not be checked are counted, in the summary and in ``--format json``.

A file with a schema error (E102) or a syntax error (E004) is not looked into by the cross-reference rules, so a
range written the wrong way round (E212) in the same file waits until it is fixed. Every such check is counted:
never "0 checks skipped" while one waits.
"""

from __future__ import annotations

import json
import subprocess
import sys

from generator.checks.run import check_project
from generator.checks.report import summary

DRILL, PROTOCOL = "drills/clamshell.yaml", "protocols/mini.yaml"


def handbook(project, *args):
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), "check", *args],
                          capture_output=True, text=True)


def skipped_in_text(project) -> str:
    return handbook(project).stdout.splitlines()[-1]


def skipped_in_json(project) -> dict:
    return json.loads(handbook(project, "--format", "json").stdout)["skipped"]


def test_a_clean_project_skips_nothing(project):
    result = check_project(project.root)
    assert result.skipped_checks == 0 and result.passed_over == {}
    assert skipped_in_json(project) == {"checks": 0, "until_fixed": []}
    assert "skipped" not in skipped_in_text(project)


def test_an_unknown_field_holds_back_a_reversed_range_in_the_same_drill_and_says_so(project):
    project.edit(DRILL, "reps: 10-15", "reps: 15-10\n  repz: 3")
    result = check_project(project.root)
    assert [p.code for p in result.problems] == ["E102"]
    assert "ranges" in result.passed_over[DRILL]
    count = result.skipped_checks
    assert count >= 1
    assert skipped_in_text(project) == (f"1 error, 0 warnings in 4 files. {count} checks skipped until {DRILL} is "
                                        "fixed.")
    assert skipped_in_json(project) == {"checks": count, "until_fixed": [DRILL]}
    project.edit(DRILL, "  repz: 3", "")
    assert [p.code for p in project.problems()] == ["E212"]


def test_a_syntax_error_holds_back_the_rules_of_its_file(project):
    project.edit(DRILL, "reps: 10-15", "reps: 15-10\n  side: [each")
    result = check_project(project.root)
    assert [p.code for p in result.problems] == ["E004"]
    assert {"ranges", "drill_links"} <= result.passed_over[DRILL]
    assert skipped_in_json(project)["checks"] == result.skipped_checks > 0


def test_a_broken_protocol_holds_back_its_own_range_and_what_follows_from_it(project):
    project.edit(PROTOCOL, "{min_weeks: 1, max_weeks: 2}", "{min_weeks: 1, max_weeks: 2, maxweeks: 1}")
    before = check_project(project.root)
    project.edit(PROTOCOL, "{min_weeks: 1, max_weeks: 2, maxweeks: 1}", "{min_weeks: 3, max_weeks: 2, maxweeks: 1}")
    result = check_project(project.root)
    assert [p.code for p in result.problems] == ["E102"]
    assert {"ranges", "criteria", "session_days"} <= result.passed_over[PROTOCOL]
    assert result.skipped_checks == before.skipped_checks
    assert result.waiting_on == [PROTOCOL]
    # what a drill's checks would have said about the protocol's citations waits too, and is counted with the rest
    assert result.skipped_checks == len(result.withheld) + len(result.passed_over[PROTOCOL])


def test_two_broken_files_are_both_named_and_each_counted(project):
    project.edit(DRILL, "reps: 10-15", "reps: 15-10\n  repz: 3")
    project.edit("drills/easy-walk.yaml", "id: easy-walk", "id: easy-walk\nnmae: Easy walk")
    result = check_project(project.root)
    assert result.waiting_on == [DRILL, "drills/easy-walk.yaml"]
    assert result.passed_over[DRILL] == result.passed_over["drills/easy-walk.yaml"]
    count = len(result.withheld) + 2 * len(result.passed_over[DRILL])
    assert result.skipped_checks == count
    assert summary(result).endswith(f"{count} checks skipped until {DRILL}, drills/easy-walk.yaml are fixed.")


def test_rules_sharing_what_one_worked_out_each_count_the_file_they_pass_over(project):
    """citations and usage both read the list of citations, worked out once: each counts the broken drill."""
    project.edit(DRILL, "reps: 10-15", "reps: 10-15\n  repz: 3")
    passed_over = check_project(project.root).passed_over[DRILL]
    assert {"citations", "usage", "long_texts", "bare_citations"} <= passed_over


def test_a_protocol_rule_does_not_count_a_broken_drill(project):
    project.edit(DRILL, "reps: 10-15", "reps: 10-15\n  repz: 3")
    passed_over = check_project(project.root).passed_over[DRILL]
    assert not {"phase_titles", "review_dates", "sign_actions"} & passed_over
