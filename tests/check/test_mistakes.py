"""The mistake corpus: one realistic clinician mistake per case, each must give exactly one message at its line.

Cases live in ``mistakes/*.yaml``, grouped by class. Each case edits one file of the
mini project (``replace`` → ``with``, or ``create`` for a new file) and says which
problem must follow:

    - name: minutes written as 1:30            # what the clinician did
      file: drills/easy-walk.yaml
      replace: "duration_minutes: 20"
      with: "duration_minutes: 1:30"
      code: E105
      at: "duration_minutes"                   # the first line (after the edit) containing this text
      column: 3                                # optional
      says: ["1:30", "minutes"]                # words the message must contain
      fix: true                                # the problem suggests an edit, and making it passes the check
      means: {dosage.reps: "10-15"}            # after the edit, these values (dotted paths) are what was meant

Whenever a problem carries a suggested edit, the edit is made and the check must then pass; with ``means``, the
file must then also hold every value the clinician wrote, as meant (a fix may not pass by dropping one).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml


CASES = [case for path in sorted((Path(__file__).parent / "mistakes").glob("*.yaml"))
         for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_one_mistake_gives_one_message_at_its_line(project, case):
    if "create" in case:
        project.write(case["file"], case["create"])
    else:
        project.edit(case["file"], case["replace"], case["with"])
    found = project.problems()
    assert len(found) == 1, "expected exactly one problem:\n" + "\n".join(map(str, found))
    problem = found[0]
    assert (problem.file, problem.code) == (case.get("reported_in", case["file"]), case["code"])
    assert problem.line == project.line_of(problem.file, case["at"]), problem
    if "column" in case:
        assert problem.column == case["column"], problem
    for words in case.get("says", []):
        assert words in problem.message, problem.message
    assert bool(problem.fix) == case.get("fix", False), problem
    if problem.fix:
        target = project.root / problem.file
        target.write_text(problem.fix.apply(target.read_text(encoding="utf-8")), encoding="utf-8")
        assert project.problems() == [], f"the suggested edit {problem.fix} does not make the file pass"
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
        for dotted, meant in case.get("means", {}).items():
            found = data
            for step in dotted.split("."):
                found = found[int(step)] if isinstance(found, list) else found[step]
            assert found == meant, f"after the suggested edit, {dotted} is {found!r}, not the {meant!r} meant"
