"""The diff as a sticky pull-request comment, Markdown, JSON and text, and the `handbook diff` command."""

from __future__ import annotations

import json

from generator.cli import main
from generator.review import report as diff_report
from generator.review.diff import compare, side
from generator.review.revisions import load_revision


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


def test_the_comment_mentions_nobody_and_keeps_each_change_on_its_line(repository):
    repository.edit("text: Pain at most 2/10 while walking.", "text: Pain at most 2/10 while walking; ask @physio-team.")
    body = diff_report.comment_body(_summary(repository))
    assert "@" not in body and "&#64;physio-team" in body
    assert diff_report.escape("one\r\ntwo\rthree") == "one  two three"
