"""The GitHub workflows are valid by the workflow schema check-jsonschema ships (offline), and only call `handbook`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from check_jsonschema.cli.main_command import main as check_jsonschema

WORKFLOWS = sorted((Path(__file__).resolve().parents[2] / ".github" / "workflows").glob("*.yml"))


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_matches_the_github_schema(workflow):
    with pytest.raises(SystemExit) as exit_:
        check_jsonschema(["--builtin-schema", "vendor.github-workflows", str(workflow)])
    assert exit_.value.code == 0


def test_pull_requests_are_fork_safe_and_publishing_uses_pages():
    flows = {path.name: yaml.safe_load(path.read_text()) for path in WORKFLOWS}
    pull_request, comment, publish = flows["pull-request.yml"], flows["pr-comment.yml"], flows["publish.yml"]
    assert pull_request["permissions"] == {"contents": "read"}
    assert comment[True]["workflow_run"]["workflows"] == [pull_request["name"]]
    assert comment["permissions"]["pull-requests"] == "write"
    assert not any("checkout" in step.get("uses", "") for job in comment["jobs"].values() for step in job["steps"])
    uses = {step.get("uses", "").split("@")[0] for job in publish["jobs"].values() for step in job["steps"]}
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= uses
