"""E405/E406/E407: the changelog reads newest first, one entry a version, each entry's kind the step its version
takes from the entry below it (a major step written as a patch would tell readers nothing changed clinically).

None of these can know which of the two fields is wrong, so each names both and changes neither.
"""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...content.version_numbers import bump_between, parse
from ...problems import Problem, error


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        entries = source.data.get("changes", [])
        seen: dict[str, int] = {}
        for i, entry in enumerate(entries):
            version, at = entry["version"], ("changes", i, "version")
            if version in seen:
                yield error("E406", source.file, source.value_position(at),
                            f"version {version} has a changelog entry already (entry {seen[version] + 1}); merge "
                            "the two into one entry, or correct the version of this one")
                continue
            seen[version] = i
            above = entries[i - 1]["version"] if i else None
            if above and parse(version) > parse(above):
                yield error("E405", source.file, source.value_position(at),
                            f"the changelog lists the newest version first, but {version} comes below {above}; move "
                            f"this entry above the one for {above}")
                continue
            below = entries[i + 1]["version"] if i + 1 < len(entries) else None
            step = below and parse(below) < parse(version) and bump_between(below, version)
            if step and step != entry["kind"]:
                yield error("E407", source.file, source.value_position(("changes", i, "kind")),
                            f"version {version} follows {below}, a {step} step, but the entry says 'kind: "
                            f"{entry['kind']}'; write 'kind: {step}', or correct the version if the change is "
                            f"{entry['kind']}")
