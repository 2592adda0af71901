"""The diff as a sticky pull-request comment, Markdown, JSON and text, and the `handbook diff` command."""

from __future__ import annotations

import json
import re
from pathlib import Path

from check_jsonschema.cli.main_command import main as check_jsonschema
from jsonschema import Draft202012Validator

from generator.cli import main
from generator.review import report as diff_report
from generator.review.diff import compare, side
from generator.review.revisions import load_revision

REPO = Path(__file__).resolve().parents[2]


def _summary(repository):
    old, new = side(load_revision(repository.root, "HEAD")), side(load_revision(repository.root, None))
    return diff_report.Summary("main", "the working tree", compare(old, new), old, new)


def test_comment_starts_with_the_marker_and_says_what_the_version_needs(repository):
    repository.edit("value: 2\n        text: Pain at most 2/10", "value: 3\n        text: Pain at most 3/10")
    body = diff_report.comment_body(_summary(repository))
    assert body.startswith(diff_report.MARKER)
    assert "| A small test protocol | 1.0.0 → 1.0.0 | major | ❌ raise to a **major** version |" in body
    assert "Phase 1 exit: Pain during activity ≤ 2/10 → ≤ 3/10 \\(loosened\\)" in body


def test_no_content_change_gives_no_comment(repository):
    (repository.root / "README.md").write_text("not content\n")
    assert diff_report.comment_body(_summary(repository)) is None


def test_a_long_comment_is_cut_under_the_limit_with_a_link_to_the_full_summary(repository):
    repository.edit("text: Pain at most 2/10 while walking.", "text: Pain no higher than 2/10 while walking.")
    summary = _summary(repository)
    summary.changes = summary.changes * 3000
    body = diff_report.comment_body(summary, "https://github.test/runs/1")
    assert len(body) <= diff_report.COMMENT_LIMIT and body.startswith(diff_report.MARKER)
    assert body.rstrip().endswith("more lines: the full list is in [the job summary](https://github.test/runs/1).")
    assert len(diff_report.markdown(summary)) > diff_report.COMMENT_LIMIT


def test_markdown_escapes_the_content(repository):
    repository.edit("text: Pain at most 2/10 while walking.", "text: \"Pain at most 2/10 | *walking* [x]\"")
    body = diff_report.markdown(_summary(repository))
    assert "\\| \\*walking\\* \\[x\\]" in body


def test_command_writes_json_and_the_comment_file(repository, capsys, tmp_path):
    repository.edit("    severity: red\n    action: stop-and-contact-clinician", "    severity: amber\n    action: step-back")
    comment = tmp_path / "body.md"
    assert main(["--root", str(repository.root), "diff", "HEAD", "--format", "json", "--comment", str(comment)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["versions"] == [{"protocol": "mini", "title": "A small test protocol", "from": "1.0.0", "to": "1.0.0",
                                 "needs": "major", "raised": None, "ok": False}]
    assert ("Red flag 'Pain above 5/10': severity red → amber (softened)", "clinical", "major") in [
        (c["text"], c["kind"], c["bump"]) for c in data["changes"]]
    assert comment.read_text().startswith(diff_report.MARKER)


def test_command_compares_two_revisions_and_defaults_to_main(repository, capsys):
    repository.git("checkout", "-q", "-b", "change")
    repository.edit("text: Pain at most 2/10 while walking.", "text: Pain no higher than 2/10 while walking.")
    repository.commit("wording")
    assert main(["--root", str(repository.root), "diff", "main", "change"]) == 0
    out = capsys.readouterr().out
    assert "[editorial, patch] Phase 1 exit, 'Pain during activity ≤ 2/10': text reworded" in out
    assert "Pain [-at most-] {+no higher than+} 2/10 while walking." in out
    assert main(["--root", str(repository.root), "diff"]) == 0
    assert "text reworded" in capsys.readouterr().out


def test_the_comment_keeps_each_change_on_its_line():
    assert diff_report.escape("one\r\ntwo\rthree") == "one  two three"


SCHEMA = REPO / "schemas" / "diff.schema.json"
#: what GitHub reads as an @mention of a user or team: an '@' after no letter, digit or backtick, then a name.
MENTION = re.compile(r"(?<![A-Za-z0-9`])@[A-Za-z0-9]")


def test_json_carries_each_change_as_data_valid_by_its_own_schema(repository, capsys, tmp_path):
    repository.edit("value: 2\n        text: Pain at most 2/10", "value: 3\n        text: Pain at most 3/10")
    repository.edit("      - drill: clamshell\n", "      - drill: clamshell\n        dosage: {sets: 2}\n")
    repository.edit("text: Pain at most 3/10 while walking.", "text: Pain no higher than 3/10 while walking.")
    repository.edit("  reps: 12\n", "  reps: 15\n", "drills/clamshell-band.yaml")
    assert main(["--root", str(repository.root), "diff", "HEAD", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    Draft202012Validator(json.loads(SCHEMA.read_text()), format_checker=Draft202012Validator.FORMAT_CHECKER).validate(data)
    assert check_jsonschema(["--schemafile", str(SCHEMA), _written(tmp_path, data)], standalone_mode=False) == 0
    rows = {(c["item_type"], c["item"], c["field"], c["class"], c["bump"]): (c["protocol"], c["phase"], c["old"], c["new"])
            for c in data["changes"]}
    assert rows == {
        ("exit-criterion", "pain-during", "value", "loosened", "major"): ("mini", "settle", 2, 3),
        ("exit-criterion", "pain-during", "text", "reworded", "patch"): (
            "mini", "settle", "Pain at most 2/10 while walking.", "Pain no higher than 3/10 while walking."),
        ("phase-drill", "clamshell", "dosage", "less", "minor"): (
            "mini", "settle", {"sets": 3, "reps": "10-15", "side": "each"}, {"sets": 2, "reps": "10-15", "side": "each"}),
        ("drill", "clamshell-band", "dosage", "more", "minor"): (
            None, None, {"sets": 3, "reps": 12, "side": "each"}, {"sets": 3, "reps": 15, "side": "each"}),
    }


def test_the_schema_refuses_a_change_without_its_data():
    change = {"protocol": "mini", "phase": None, "place": "Phase 1", "change": "x", "text": "Phase 1: x",
              "kind": "clinical", "bump": "minor", "words": [], "affects": ["mini"]}
    errors = list(Draft202012Validator(json.loads(SCHEMA.read_text())).iter_errors(
        {"base": "a", "head": "b", "versions": [], "changes": [change]}))
    assert errors and all("is a required property" in e.message for e in errors)


def _written(folder, data) -> str:
    path = folder / "diff.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_mentions_in_the_content_notify_nobody(repository):
    repository.edit("text: Pain at most 2/10 while walking.", "text: Pain at most 2/10 while walking; ask @physio-team.")
    repository.edit("name: Clamshell\n", "name: Clamshell (@coach)\n", "drills/clamshell.yaml")
    repository.edit("    name: Step-down test\n", "    name: Step-down test for @clinic/physios\n")
    body = diff_report.comment_body(_summary(repository))
    assert MENTION.findall(body) == []
    for written in ("@\u200dphysio-team", "@\u200dcoach", "@\u200dclinic/physios"):
        assert written in body
    assert body.count("@") == body.count("@\u200d")


def test_comment_to_standard_output_is_the_comment_alone(repository, tmp_path):
    """``--comment -`` prints the comment instead of the report, and writes no file named '-'."""
    import subprocess
    import sys

    repository.edit("    severity: red\n    action: stop-and-contact-clinician", "    severity: amber\n    action: step-back")
    run = subprocess.run([sys.executable, "-m", "generator", "--root", str(repository.root), "diff", "HEAD",
                          "--comment", "-"], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0 and run.stderr == ""
    assert run.stdout.startswith(diff_report.MARKER) and "severity red → amber \\(softened\\)" in run.stdout
    assert not (tmp_path / "-").exists() and not (repository.root / "-").exists()
