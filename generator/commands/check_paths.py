"""``handbook check PATH…``: report only the problems of some files or folders, the whole project still loaded.

Cross-references need every file (a drill's link to another drill, a phase's citation of a reference), so the
check always reads the whole project and only the report is narrowed: the problems, the checks held back and the
files counted are those under the paths given.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from ..checks.run import CheckResult
from .choosing import UsageError

#: files of the project's top folder that the check reads besides the content (the site address).
READ_AT_TOP = ("mkdocs.yml",)


def project_paths(root: Path, paths: list[Path]) -> list[str]:
    """Each of ``paths`` as the project shows it ('drills/clamshell.yaml', '' for the project itself); a
    :class:`UsageError` for one that does not exist or lies outside the project."""
    shown = []
    for path in paths:
        if str(path) == "-":
            raise UsageError("the check reads the project's files, not standard input ('-'); save the text in "
                             "drills/ or protocols/ and name that file")
        if not os.path.lexists(path):
            raise UsageError(f"'{path}' does not exist; give files or folders of the project, such as drills/")
        # the path as written (a link among the content is reported, not followed), else where it leads
        for candidate in (Path(os.path.abspath(path)), path.resolve()):
            if candidate == root or root in candidate.parents:
                relative = candidate.relative_to(root).as_posix()
                shown.append("" if relative == "." else relative)
                break
        else:
            raise UsageError(f"'{path}' is outside the project at {root}; give files or folders inside it, "
                             "or name another project with --root")
    return shown


def under(file: str, shown: list[str]) -> bool:
    """Whether ``file`` is one of the paths ``shown`` or inside one of them."""
    return any(not prefix or file == prefix or file.startswith(prefix + "/") for prefix in shown)


def narrowed(result: CheckResult, paths: list[str]) -> CheckResult:
    """``result`` as far as it concerns the files under ``paths`` (see :func:`project_paths`)."""
    files = [file.display for file in result.content.files] + [name for name in READ_AT_TOP
                                                                 if (result.content.root / name).is_file()]
    for path in paths:
        if not any(under(file, [path]) for file in files):
            raise UsageError(f"'{path or '.'}' holds no file the check reads: give files or folders under drills/ "
                             "or protocols/")
    if "" in paths:
        return result
    return dataclasses.replace(
        result,
        problems=[p for p in result.problems if under(p.file, paths)],
        withheld=[w for w in result.withheld if under(w.problem.file, paths)],
        passed_over={file: rules for file, rules in result.passed_over.items() if under(file, paths)},
        covered_files=sum(under(file, paths) for file in files))
