"""The version rules of `handbook check --since BASE`: enough of a bump, and a changelog entry naming the phases."""

from __future__ import annotations

from generator.checks.run import check_project
from generator.cli import main
from generator.content.version_numbers import bump_between, raised
from generator.review.versions import with_version_problems

LOOSENED = ("value: 2\n        text: Pain at most 2/10", "value: 3\n        text: Pain at most 3/10")
REWORDED = ("text: Pain at most 2/10 while walking.", "text: Pain no higher than 2/10 while walking.")


def _release(repository, version: str, kind: str, phases: str = "") -> None:
    repository.edit('version: "1.0.0"', f'version: "{version}"')
    repository.edit("reviewed:", f"changes:\n  - version: \"{version}\"\n    date: 2026-12-01\n    kind: {kind}\n"
                                  f"    summary: What changed.\n{phases}reviewed:")


def _problems(repository):
    result = with_version_problems(repository.root, "HEAD", check_project(repository.root))
    return [(p.code, p.message) for p in result.errors]


def test_versions_compare_by_their_numbers():
    assert (bump_between("1.0.0", "2.0.0"), bump_between("1.9.3", "1.10.0"), bump_between("1.0.0", "1.0.1")) == \
        ("major", "minor", "patch")
    assert bump_between("1.0.0", "1.0.0") is None and bump_between("2.0.0", "1.9.9") is None
    assert (raised("1.2.3", "major"), raised("1.2.3", "minor"), raised("1.2.3", "patch")) == ("2.0.0", "1.3.0", "1.2.4")


def test_loosened_threshold_without_a_major_bump_fails(repository):
    repository.edit(*LOOSENED)
    _release(repository, "1.1.0", "minor")
    [(code, message)] = _problems(repository)
    assert code == "E401" and 'need a major version' in message and 'write "2.0.0"' in message
    assert "Phase 1 exit: Pain during activity ≤ 2/10 → ≤ 3/10 (loosened)" in message


def test_loosened_threshold_with_a_major_bump_and_entry_passes(repository):
    repository.edit(*LOOSENED)
    _release(repository, "2.0.0", "major")
    assert _problems(repository) == []


def test_wording_with_a_patch_bump_passes(repository):
    repository.edit(*REWORDED)
    _release(repository, "1.0.1", "patch")
    assert _problems(repository) == []


def test_wording_without_any_bump_fails(repository):
    repository.edit(*REWORDED)
    [(code, message)] = _problems(repository)
    assert code == "E401" and 'need a patch version' in message and 'write "1.0.1"' in message


def test_a_bump_needs_a_changelog_entry(repository):
    repository.edit(*REWORDED)
    repository.edit('version: "1.0.0"', 'version: "1.0.1"')
    [(code, message)] = _problems(repository)
    assert code == "E402" and "no entry for version 1.0.1" in message


def test_the_entry_names_every_changed_phase_when_it_names_phases(repository):
    repository.edit(*REWORDED)
    _release(repository, "1.0.1", "patch", "    phases: [load]\n")
    [(code, message)] = _problems(repository)
    assert code == "E402" and "does not name phase 'settle'" in message


def test_check_since_exits_1_on_a_version_problem(repository, capsys):
    repository.edit(*LOOSENED)
    assert main(["--root", str(repository.root), "check", "--since", "HEAD"]) == 1
    assert "E401" in capsys.readouterr().out


def test_unknown_base_is_a_usage_failure(repository, capsys):
    assert main(["--root", str(repository.root), "check", "--since", "no-such-branch"]) == 2
    assert "'no-such-branch' is not a commit" in capsys.readouterr().err


def _kind_problems(repository):
    result = with_version_problems(repository.root, "HEAD", check_project(repository.root))
    return [p for p in result.errors if p.code in ("E407", "E408")]


def test_a_changelog_kind_smaller_than_the_change_fails_at_the_kind(repository):
    repository.edit(*LOOSENED)
    _release(repository, "2.0.0", "patch")
    [problem] = _kind_problems(repository)
    text = (repository.root / "protocols/mini.yaml").read_text()
    assert (problem.code, text.split("\n")[problem.line - 1].strip()) == ("E408", "kind: patch")
    assert problem.message == (
        "the entry for version 2.0.0 says 'kind: patch' (a wording change), but its changes are a change in clinical "
        "approach (Phase 1 exit: Pain during activity ≤ 2/10 → ≤ 3/10 (loosened)); write 'kind: major' so that "
        "readers of the changelog know")
    (repository.root / "protocols/mini.yaml").write_text(problem.fix.apply(text))
    assert _kind_problems(repository) == [] and _problems(repository) == []


def test_a_changelog_kind_as_large_as_the_change_or_larger_passes(repository):
    repository.edit(*REWORDED)
    _release(repository, "1.1.0", "minor")
    assert _kind_problems(repository) == []


def test_a_kind_that_disagrees_with_its_version_step_is_said_once(repository):
    repository.edit(*LOOSENED)
    repository.edit('version: "1.0.0"', 'version: "2.0.0"')
    repository.edit("reviewed:", "changes:\n  - version: \"2.0.0\"\n    date: 2026-12-01\n    kind: patch\n"
                                  "    summary: Looser gate.\n  - version: \"1.0.0\"\n    date: 2026-11-01\n"
                                  "    kind: major\n    summary: First version.\nreviewed:")
    assert [p.code for p in _kind_problems(repository)] == ["E407"]
