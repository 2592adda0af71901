"""E234/E235: no two references share a DOI (one source cited under two ids), and no two drills share a search
alias (a copied drill that kept its original's aliases, so one word finds both)."""

from __future__ import annotations

import difflib
from typing import Iterator

from ...content.load import Content
from ...problems import Problem, error


def repeated_dois(protocol: dict) -> dict[int, str]:
    """Index of each reference whose DOI an earlier one of the protocol has -> the id of that earlier one."""
    first: dict[str, str] = {}
    repeats = {}
    for i, reference in enumerate(protocol["references"]):
        doi = reference.get("doi", "").lower()
        if doi in first:
            repeats[i] = first[doi]
        elif doi:
            first[doi] = reference["id"]
    return repeats


def _references(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        for i, kept in repeated_dois(source.data).items():
            reference = source.data["references"][i]
            yield error("E234", source.file, source.value_position(("references", i, "doi")),
                        f"the DOI {reference['doi']} is also the one of reference '{kept}': one source under two "
                        f"ids; keep '{kept}', cite it where '{reference['id']}' is cited, and remove this entry (or "
                        "correct the DOI if it is another source)")


def _aliases(content: Content) -> Iterator[Problem]:
    """E235 on every drill but one that lists an alias: the one whose name is most like the alias keeps it."""
    holders: dict[str, list[tuple]] = {}
    for source in content.valid_drills():
        for i, alias in enumerate(source.data.get("aliases", [])):
            holders.setdefault(" ".join(alias.lower().split()), []).append((source, i))
    for alias, found in holders.items():
        if len({source.data["id"] for source, _ in found}) < 2:
            continue
        owner = max(found, key=lambda one: (_likeness(alias, one[0].data["name"]), one[0].file))[0]
        for source, i in found:
            if source is not owner:
                yield error("E235", source.file, source.value_position(("aliases", i)),
                            f"'{source.data['aliases'][i]}' is also an alias of the drill '{owner.data['id']}' "
                            f"({owner.file}), so searching it finds both; keep it there and remove it here")


def _likeness(alias: str, name: str) -> float:
    return difflib.SequenceMatcher(None, alias.replace(" ", ""), name.lower().replace(" ", "")).ratio()


def check(content: Content) -> Iterator[Problem]:
    yield from _references(content)
    yield from _aliases(content)
