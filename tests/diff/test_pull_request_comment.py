"""A fork's pull request cannot choose the comment posted under the bot's name: pr-comment.yml's own steps, run
here as the workflow runs them, work the comment out from the pull request's content with the base's code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.review import report as diff_report
from generator.review.pull_request_comment import main, neutralise

from .conftest import REPO, Repository
from .test_report import MENTION

WORKFLOW = REPO / ".github" / "workflows" / "pr-comment.yml"
FETCH = "Fetch the pull request's commit as data (no checkout)"
WORK_OUT = "Work out the comment from the pull request's content files"
NUMBER = "7"
#: what a fork's own run could hand over as the comment: a passed check, an approval, a mention.
FORGED = f"{diff_report.MARKER}\n## Clinical changes\n\nNo clinical change. ✅ Approved by @clinical-lead\n"


def _step(name: str) -> str:
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["diff"]["steps"]
    return next(step["run"] for step in steps if step.get("name") == name)


class PullRequest:
    """A base repository, a fork with a pull request's commit (published as refs/pull/7/head, as GitHub does),
    and the privileged job's checkout of the base branch (a full clone, like fetch-depth: 0)."""

    def __init__(self, tmp_path: Path):
        self.base = Repository(tmp_path / "base")
        self.fork = tmp_path / "fork"
        self.runner = tmp_path / "runner"
        self.summary = tmp_path / "summary.md"
        subprocess.run(["git", "clone", "-q", str(self.base.root), str(self.fork)], check=True)
        self.fork_repository = Repository.__new__(Repository)
        self.fork_repository.root = self.fork

    def edit(self, old: str, new: str, name: str = "protocols/mini.yaml") -> None:
        self.fork_repository.edit(old, new, name)

    def write(self, name: str, text: str) -> None:
        path = self.fork / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

    def open(self) -> str:
        """Commit the fork's changes, publish them as the pull request's head and check out the base branch."""
        self.fork_repository.commit("the pull request")
        head = self.fork_repository.git("rev-parse", "HEAD").strip()
        self.base.git("fetch", "-q", str(self.fork), f"+{head}:refs/pull/{NUMBER}/head")
        subprocess.run(["git", "clone", "-q", str(self.base.root), str(self.runner)], check=True)
        return head

    def run_step(self, name: str, head: str) -> subprocess.CompletedProcess:
        """One step of the privileged job, in its checkout, with GitHub's shell options and the step's environment."""
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
               "GH_TOKEN": "not-a-token", "NUMBER": NUMBER, "HEAD_SHA": head,
               "BASE_SHA": self.base.git("rev-parse", "main").strip(),
               "SUMMARY_URL": "https://github.test/base/actions/runs/1", "GITHUB_STEP_SUMMARY": str(self.summary)}
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", _step(name)],
                              cwd=self.runner, env=env, capture_output=True, text=True)

    def comment(self, head: str) -> str:
        """The comment body the privileged job hands to the posting job ('' removes the comment)."""
        for name in (FETCH, WORK_OUT):
            done = self.run_step(name, head)
            assert done.returncode == 0, done.stderr
        return (self.runner / "comment" / "body.md").read_text()


@pytest.fixture
def pull_request(tmp_path) -> PullRequest:
    return PullRequest(tmp_path)


def test_a_forks_comment_is_worked_out_again_from_its_content_and_names_the_bump_it_lacks(pull_request, tmp_path):
    pull_request.edit("value: 2\n        text: Pain at most 2/10 while walking.",
                      "value: 3\n        text: Pain at most 3/10 while walking; ask @physio-team.")
    # What the fork's own run would hand over, and its code, which would write that instead of the real diff.
    artifact = tmp_path / "fork-artifact"
    artifact.mkdir()
    (artifact / "number").write_text(NUMBER)
    (artifact / "body.md").write_text(FORGED)
    pull_request.write("comment/body.md", FORGED)
    pull_request.write("generator/__init__.py", "raise SystemExit('the pull request's code ran')\n")
    pull_request.write("generator/pull_request_comment.py", f"open('comment/body.md', 'w').write({FORGED!r})\n")
    head = pull_request.open()

    body = pull_request.comment(head)

    assert body.startswith(diff_report.MARKER) and "Approved" not in body
    assert "| A small test protocol | 1.0.0 → 1.0.0 | major | ❌ raise to a **major** version |" in body
    assert "Phase 1 exit: Pain during activity ≤ 2/10 → ≤ 3/10 \\(loosened\\)" in body
    assert MENTION.findall(body) == [] and "@\u200dphysio-team" in body
    assert body.rstrip().endswith(f"from the content files of commit `{head[:12]}`.</sub>")
    assert "Phase 1 exit: Pain during activity ≤ 2/10 → ≤ 3/10" in pull_request.summary.read_text()
    # The pull request's files were read from git, never checked out next to the code that ran.
    assert not (pull_request.runner / "generator").exists()
    assert (pull_request.runner / "protocols" / "mini.yaml").read_text() == (
        pull_request.base.root / "protocols" / "mini.yaml").read_text()


def test_the_comment_is_removed_only_when_no_content_changed(pull_request):
    pull_request.write("README.md", "Not content.\n")
    pull_request.write("comment/body.md", FORGED)
    assert pull_request.comment(pull_request.open()) == ""


def test_content_that_cannot_be_read_gets_a_note_instead_of_a_diff(pull_request):
    pull_request.edit("title: A small test protocol", "title: [A small test protocol @clinical-lead")
    body = pull_request.comment(pull_request.open())
    assert body.startswith(f"{diff_report.MARKER}\n## Clinical changes\n\nThe clinical diff of commit `")
    assert "could not be worked out: protocols/mini.yaml" not in body  # the reason is the revision's, escaped
    assert "could not be worked out:" in body and "content error" in body
    assert "read with the base branch's checker and schemas" in body and MENTION.findall(body) == []


def test_content_is_checked_against_the_base_branchs_schemas_not_the_pull_requests(pull_request):
    schema = pull_request.fork / "schemas" / "protocol.schema.json"
    schema.write_text(schema.read_text().replace(
        '"pattern": "^(0|[1-9][0-9]*)\\\\.(0|[1-9][0-9]*)\\\\.(0|[1-9][0-9]*)$", ', ""))
    pull_request.edit('version: "1.0.0"', 'version: "2.0.0 | ✅ | signed off by @lead [ok](https://x.test)"')
    pull_request.edit("    severity: red\n    action: stop-and-contact-clinician",
                      "    severity: amber\n    action: step-back")
    assert '"pattern": "^(0' not in schema.read_text()
    body = pull_request.comment(pull_request.open())
    assert "could not be worked out:" in body and "protocols/mini.yaml:4: E105" in body
    assert MENTION.findall(body) == [] and "[ok](" not in body and "\\[ok\\]\\(https://x.test\\)" in body


def test_a_pull_request_that_has_moved_on_is_not_commented_from_an_older_run(pull_request):
    pull_request.write("README.md", "Not content.\n")
    head = pull_request.open()
    older = pull_request.base.git("rev-parse", "main").strip()
    done = pull_request.run_step(FETCH, older)
    assert done.returncode == 1 and f"pull request {NUMBER} is not at {older}" in done.stdout
    assert pull_request.run_step(FETCH, head).returncode == 0


def test_the_head_must_be_a_full_commit_id_of_the_repository(pull_request, capsys, tmp_path):
    pull_request.write("README.md", "Not content.\n")
    head = pull_request.open()
    comment = tmp_path / "body.md"
    for wrong in (head[:12], "origin/main", "0" * 40):
        assert main(["main", wrong, "--comment", str(comment), "--root", str(pull_request.runner)]) == 2
    assert "must be a full commit id" in capsys.readouterr().err and not comment.exists()


#: stands in for the GitHub CLI in the posting step: answers the two questions the step asks from the
#: environment and records every other call.
FAKE_GH = """#!/usr/bin/env python3
import os, sys
args = sys.argv[1:]
if args[1].endswith("/pulls/" + os.environ["NUMBER"]):
    print(os.environ["FAKE_PULL_REQUEST_HEAD"])
elif args[1].endswith("/comments") and "--paginate" in args:
    print(os.environ["FAKE_COMMENTS"])
else:
    with open(os.environ["FAKE_CALLS"], "a") as calls:
        calls.write(" ".join(args) + "\\n")
"""


def _post(tmp_path: Path, body: str, existing: str = "", number: str = NUMBER, moved_on: bool = False) -> list[str]:
    """The posting job's script, run with the comment the privileged job worked out; the calls it made."""
    script = next(step["run"] for step in yaml.safe_load(WORKFLOW.read_text())["jobs"]["post"]["steps"]
                  if step.get("name") == "Post it")
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "gh").write_text(FAKE_GH)
    (tmp_path / "bin" / "gh").chmod(0o755)
    (tmp_path / "comment").mkdir()
    (tmp_path / "comment" / "body.md").write_text(body)
    head = "a" * 40
    env = {**os.environ, "PATH": f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}", "REPO": "base/handbook",
           "NUMBER": number, "HEAD_SHA": head, "MARKER": diff_report.MARKER, "GH_TOKEN": "not-a-token",
           "FAKE_PULL_REQUEST_HEAD": "b" * 40 if moved_on else head, "FAKE_COMMENTS": existing,
           "FAKE_CALLS": str(tmp_path / "calls")}
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert done.returncode == (1 if not number.isdigit() else 0), done.stderr
    calls = tmp_path / "calls"
    return calls.read_text().splitlines() if calls.exists() else []


@pytest.mark.parametrize(("body", "existing", "calls"), [
    ("", "", []),
    ("", "41\n42", ["api -X DELETE repos/base/handbook/issues/comments/41"]),
    ("diff\n", "41", ["api -X PATCH repos/base/handbook/issues/comments/41 -F body=@comment/body.md"]),
    ("diff\n", "", [f"api -X POST repos/base/handbook/issues/{NUMBER}/comments -F body=@comment/body.md"]),
], ids=["nothing to remove", "removed", "updated", "created"])
def test_the_posting_step_creates_updates_or_removes_the_one_comment(tmp_path, body, existing, calls):
    assert _post(tmp_path, body, existing) == calls


def test_the_posting_step_posts_nothing_once_the_pull_request_has_moved_on(tmp_path):
    assert _post(tmp_path, "diff\n", "41", moved_on=True) == []


def test_the_posting_step_refuses_a_number_that_is_not_one(tmp_path):
    assert _post(tmp_path, "diff\n", number="7; rm -rf /") == []


def test_the_pull_requests_gitattributes_cannot_hide_or_rewrite_a_content_file(pull_request):
    drill = (pull_request.fork / "drills" / "clamshell.yaml").read_text()
    pull_request.write("drills/side-lying-lift.yaml", drill.replace("id: clamshell", "id: side-lying-lift").replace(
        "name: Clamshell\naliases: [clam shell]", "name: Side-lying lift"))
    pull_request.edit("title: A small test protocol", "title: A small test protocol $Format:%s$")
    pull_request.write(".gitattributes", "drills/side-lying-lift.yaml export-ignore\nprotocols/*.yaml export-subst\n")
    body = pull_request.comment(pull_request.open())
    assert "Side-lying lift" in body and "$Format:%s$" in body


def test_a_link_to_a_file_outside_the_content_gets_a_note(pull_request):
    (pull_request.fork / "drills" / "secrets.yaml").symlink_to("/etc/passwd")
    body = pull_request.comment(pull_request.open())
    assert "could not be worked out:" in body and "drills/secrets.yaml" in body and "root:" not in body


def test_every_at_sign_of_the_comment_gets_one_joiner():
    assert neutralise("@lead, @\u200dteam and a@b") == "@\u200dlead, @\u200dteam and a@\u200db"
