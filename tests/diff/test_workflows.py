"""The GitHub workflows: valid by the workflow schema check-jsonschema ships, clean by zizmor and actionlint (all
offline), least privilege job by job, and fork-safe: the job that may comment runs nothing of the pull request."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from check_jsonschema.cli.main_command import main as check_jsonschema

FOLDER = Path(__file__).resolve().parents[2] / ".github" / "workflows"
WORKFLOWS = sorted(FOLDER.glob("*.yml"))
#: the test environment's programs: zizmor, actionlint and the shellcheck actionlint runs on each `run:` script.
BIN = Path(sys.executable).parent
PINNED = re.compile(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}")


def _flows() -> dict[str, dict]:
    return {path.name: yaml.safe_load(path.read_text()) for path in WORKFLOWS}


def _steps(flow: dict):
    return [step for job in flow["jobs"].values() for step in job["steps"]]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_matches_the_github_schema(workflow):
    with pytest.raises(SystemExit) as exit_:
        check_jsonschema(["--builtin-schema", "vendor.github-workflows", str(workflow)])
    assert exit_.value.code == 0


def _zizmor(*options: str) -> list[dict]:
    done = subprocess.run([BIN / "zizmor", "--offline", "--no-config", "--format", "json", *options, str(FOLDER)],
                          capture_output=True, text=True)
    assert done.returncode in (0, 10, 11, 12, 13, 14), done.stderr  # 1x: findings of that severity
    return json.loads(done.stdout)


def _where(finding: dict) -> str:
    """'ident: description at file:line' of a zizmor finding."""
    location = finding["locations"][0]
    key = next(iter(location["symbolic"]["key"].values()))
    path = Path(key.get("verbatim_path") or key.get("given_path") or "?").name
    line = location["concrete"]["location"]["start_point"]["row"] + 1
    return f"{finding['ident']}: {finding['desc']} at {path}:{line}"


@pytest.mark.parametrize("persona", ["regular", "auditor"])
def test_zizmor_finds_nothing(persona):
    findings = _zizmor("--persona", persona)
    assert findings == [], "\n".join(map(_where, findings))


def test_the_one_finding_zizmor_is_told_to_ignore_is_the_comment_workflows_trigger():
    """pr-comment.yml must run on workflow_run to comment on a fork's pull request; what makes that safe is tested
    in test_pull_request_comment.py and below."""
    findings = _zizmor("--persona", "auditor", "--no-ignores")
    assert [_where(f) for f in findings] == [
        "dangerous-triggers: use of fundamentally insecure workflow trigger at pr-comment.yml:7"]


def test_actionlint_finds_nothing_and_checks_the_scripts_with_shellcheck():
    assert (BIN / "shellcheck").is_file()
    done = subprocess.run([BIN / "actionlint", "-format", "{{json .}}", *map(str, WORKFLOWS)], capture_output=True,
                          text=True, env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"})
    findings = json.loads(done.stdout or "[]")
    assert findings == [] and done.returncode == 0, "\n".join(
        f"{f['filepath']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]" for f in findings) or done.stderr


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it():
    for path in WORKFLOWS:
        for line in path.read_text().splitlines():
            if "uses:" in line:
                action = line.split("uses:", 1)[1].split("#")[0].strip()
                assert PINNED.fullmatch(action) and re.search(r"# v\d+\.\d+\.\d+$", line), f"{path.name}: {line}"


def test_each_job_holds_only_the_permissions_it_uses():
    flows = _flows()
    for name, flow in flows.items():
        assert flow["permissions"] == {}, name
        assert "group" in flow["concurrency"], name
    pull_request, comment, publish = flows["pull-request.yml"], flows["pr-comment.yml"], flows["publish.yml"]
    assert {job["permissions"]["contents"] for job in pull_request["jobs"].values()} == {"read"}
    assert all(job["permissions"] == {"contents": "read"} for job in pull_request["jobs"].values())
    assert publish["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert publish["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    deploying = [step.get("uses", "").split("@")[0] for step in publish["jobs"]["deploy"]["steps"]]
    assert deploying == ["actions/deploy-pages"]
    uses = {step.get("uses", "").split("@")[0] for step in _steps(publish)}
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= uses
    for flow in flows.values():
        for step in _steps(flow):
            if "actions/checkout" in step.get("uses", ""):
                assert step["with"]["persist-credentials"] is False


def test_the_comment_is_worked_out_from_the_pull_requests_content_never_from_its_run():
    flows = _flows()
    pull_request, comment = flows["pull-request.yml"], flows["pr-comment.yml"]
    assert comment[True]["workflow_run"]["workflows"] == [pull_request["name"]]
    diff, post = comment["jobs"]["diff"], comment["jobs"]["post"]
    assert diff["permissions"] == {"contents": "read", "pull-requests": "read"}
    assert post["permissions"] == {"pull-requests": "write"}
    # The base branch is the only checkout; the pull request's commit is fetched as objects, never checked out.
    checkouts = [step for step in diff["steps"] if "actions/checkout" in step.get("uses", "")]
    assert len(checkouts) == 1 and set(checkouts[0]["with"]) == {"fetch-depth", "persist-credentials"}
    scripts = "\n".join(step.get("run", "") for step in _steps(comment))
    assert "git checkout" not in scripts and "git switch" not in scripts and "git worktree" not in scripts
    assert "python -m generator.review.pull_request_comment" in scripts
    # The job that may write runs nothing but gh, on the artifact of this same run (no run-id: not the pull
    # request's run), and no artifact of the pull request's run is read anywhere.
    assert [step.get("uses", "").split("@")[0] for step in post["steps"]] == ["actions/download-artifact", ""]
    assert all("run-id" not in step.get("with", {}) for step in _steps(comment))
    assert not any("upload-artifact" in step.get("uses", "") and step["with"]["name"] == "clinical-diff-comment"
                   for step in _steps(pull_request))
    # Nothing from the event is pasted into a script: values reach the shell as environment variables.
    assert "${{" not in scripts
