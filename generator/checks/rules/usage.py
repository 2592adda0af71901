"""W301/W302: drills no phase uses and references nothing cites (warnings).

Both depend on every file that could use them: while one cannot be checked,
the warnings are held back. A misspelt id counts as using what it was meant to
name, so the misspelling alone is reported.
"""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content, Withheld, unless_broken
from ...problems import Problem, warning
from .citations import citations
from .known import closest, file_id, known_drills, known_references
from .shared_labels import repeated_dois


def _meant(ids: set[str], known: set[str]) -> set[str]:
    """``ids`` with each unknown one replaced by the known id it most likely misspells."""
    return {i if i in known else closest(i, known) for i in ids}


def check(content: Content) -> Iterator[Problem | Withheld]:
    prescribed = _meant({p["drill"] for s in content.valid_protocols() for phase in s.data["phases"]
                         for p in phase["drills"]}, known_drills(content))
    linked = {s.data.get(link) for s in content.valid_drills() for link in ("regression", "progression")}
    protocols_broken = content.broken("protocol")
    for source in content.valid_drills():
        drill_id = source.data["id"]
        if not {drill_id, file_id(source)} & prescribed:
            note = " (it is only reachable as a regression or progression)" if drill_id in linked else ""
            yield unless_broken(warning("W301", source.file, source.value_position(("id",)),
                                        f"no phase prescribes the drill '{drill_id}'{note}; add it to a phase's "
                                        "'drills' or remove the file"), protocols_broken)
    cited = _meant({ref for _, _, ref in citations(content)}, known_references(content))
    any_broken = content.broken("drill", "protocol")
    for source in content.valid_protocols():
        repeats = repeated_dois(source.data)  # a second entry for one source is reported once, by E234
        for i, reference in enumerate(source.data["references"]):
            if reference["id"] not in cited and i not in repeats:
                yield unless_broken(warning("W302", source.file, source.value_position(("references", i, "id")),
                                            f"nothing cites the reference '{reference['id']}'; cite it where it "
                                            "supports a claim or remove it"), any_broken)
