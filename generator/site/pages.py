"""Where each part of the handbook lives in the site, which pages there are, and the navigation.

Drill pages are out of the navigation (a menu of every drill would make every page grow with the library):
the drill library and its category pages list them, a category page at most :data:`PER_PAGE` at a time.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from ..model import Assessment, Drill, Handbook, Phase, Protocol, Reference, WarningSign
from .markup import title

DRILLS = "drills"
LIBRARY = f"{DRILLS}/index.md"
LIBRARY_DATA = f"{DRILLS}/library.json"
CATEGORIES = f"{DRILLS}/category"
FIELDS = "clinicians/fields.md"
CONTRIBUTING = "clinicians/index.md"
CHANGING = "clinicians/changing.md"
POSES = "clinicians/poses.md"
#: the drill whose figure the page on writing a pose shows as its example.
POSE_EXAMPLE = "clamshell"
#: a protocol's pages after its phases, each made from the template of the same name (the glossary only when the
#: protocol has one).
PROTOCOL_PAGES = ("session", "log", "report", "warning-signs", "assessments", "glossary", "references", "changes")


def protocol_pages(protocol: Protocol) -> tuple[str, ...]:
    """The names of a protocol's pages after its phases."""
    return tuple(name for name in PROTOCOL_PAGES if name != "glossary" or protocol.data.get("glossary"))
#: folders whose pages are reached from other pages rather than from the navigation.
OUT_OF_NAV = (DRILLS,)
#: the most drills one category page lists; longer categories continue on further pages.
PER_PAGE = 50


@dataclass
class Page:
    """A generated Markdown page: its place under the docs folder, its template and what the template needs."""

    path: str
    template: str
    context: dict = field(default_factory=dict)
    #: the drills and protocols whose content the page shows: the page changes only when one of them does.
    shows: tuple = ()


def protocol_page(protocol: Protocol, name: str = "index") -> str:
    return f"{protocol.id}/{name}.md"


def location(item) -> tuple[str, str | None]:
    """(page path, anchor) of anything that has a page or a place on one."""
    if isinstance(item, Protocol):
        return protocol_page(item), None
    if isinstance(item, Phase):
        return protocol_page(item.protocol, item.id), None
    if isinstance(item, Drill):
        return f"{DRILLS}/{item.id}.md", None
    if isinstance(item, WarningSign):
        return protocol_page(item.protocol, "warning-signs"), item.id
    if isinstance(item, Assessment):
        return protocol_page(item.protocol, "assessments"), item.id
    if isinstance(item, Reference):
        return f"{item.protocol_id}/references.md", item.id
    raise TypeError(f"{type(item).__name__} has no place in the site")


def relative(target: str, anchor: str | None, from_page: str) -> str:
    """The link from ``from_page`` to ``target`` (both paths under the docs folder), with its anchor."""
    link = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
    if target == from_page:
        link = ""
    return f"{link}#{anchor}" if anchor else link


def label(value: str) -> str:
    """A category or body region in words: 'warm-up' -> 'Warm up'."""
    return value.replace("-", " ").capitalize()


def page_url(path: str) -> str:
    """The address of a page (a path under the docs folder) relative to the site, as MkDocs serves it with
    directory URLs: 'drills/clamshell.md' -> 'drills/clamshell/', 'drills/index.md' -> 'drills/'."""
    folder, name = posixpath.split(path.removesuffix(".md"))
    return f"{folder}/" if name == "index" else posixpath.join(folder, name) + "/"


def category_page(category: str, number: int = 1) -> str:
    """The page listing a category's drills, or its ``number``-th page when the category is long."""
    return f"{CATEGORIES}/{category}.md" if number == 1 else f"{CATEGORIES}/{category}-{number}.md"


def _unique(items) -> tuple:
    """``items`` in order without repeats (the same object twice) and without None."""
    return tuple({id(item): item for item in items if item is not None}.values())


def _category_pages(handbook: Handbook) -> list[Page]:
    pages = []
    for category, drills in handbook.drills_by_category().items():
        chunks = [drills[start:start + PER_PAGE] for start in range(0, len(drills), PER_PAGE)]
        for number, chunk in enumerate(chunks, 1):
            pages.append(Page(category_page(category, number), "category.md.j2",
                              {"category": category, "drills": chunk, "number": number, "count": len(chunks),
                               "total": len(drills)},
                              shows=_unique([*chunk, *(use.protocol for drill in chunk for use in drill.used_in)])))
    return pages


def _drill_shows(drill: Drill, protocols: dict[str, Protocol]) -> tuple:
    """A drill page shows the drill, the names of its easier and harder versions, the phases that use it and
    the references it cites."""
    return _unique([drill, drill.regression, drill.progression, *(use.protocol for use in drill.used_in),
                    *(protocols.get(ref.protocol_id) for ref in drill.references)])


def site_pages(handbook: Handbook) -> list[Page]:
    """Every generated page, in a stable order."""
    pages = [Page("index.md", "home.md.j2", shows=tuple(handbook.protocols))]
    for protocol in handbook.protocols:
        pages.append(Page(protocol_page(protocol), "protocol.md.j2", {"protocol": protocol}, shows=(protocol,)))
        pages += [Page(location(phase)[0], "phase.md.j2", {"protocol": protocol, "phase": phase},
                       shows=_unique([protocol, *(p.drill for p in phase.prescriptions)]))
                  for phase in protocol.phases]
        for name in protocol_pages(protocol):
            pages.append(Page(protocol_page(protocol, name), f"{name}.md.j2", {"protocol": protocol},
                              shows=(protocol,)))
    pages.append(Page(LIBRARY, "drills.md.j2", shows=(*handbook.protocols, *handbook.drills.values())))
    pages += _category_pages(handbook)
    protocols = {protocol.id: protocol for protocol in handbook.protocols}
    pages += [Page(location(drill)[0], "drill.md.j2", {"drill": drill}, shows=_drill_shows(drill, protocols))
              for drill in handbook.drills.values()]
    example = handbook.drills.get(POSE_EXAMPLE)
    pages.append(Page(POSES, "poses.md.j2", {"example": example}, shows=_unique([example])))
    pages.append(Page(FIELDS, "fields.md.j2"))
    return pages


def navigation(handbook: Handbook) -> list:
    """The site navigation as MkDocs reads it: page titles come from the pages, section titles are escaped here.

    Its size grows with the protocols and categories, never with the drills.
    """
    protocols = [
        {title(protocol.title): [protocol_page(protocol)] + [location(phase)[0] for phase in protocol.phases]
         + [protocol_page(protocol, name) for name in protocol_pages(protocol)]}
        for protocol in handbook.protocols
    ]
    categories = [category_page(category) for category in handbook.drills_by_category()]
    return ["index.md", {"Protocols": protocols}, {"Drill library": [LIBRARY, *categories]},
            {"For clinicians": [CONTRIBUTING, CHANGING, "clinicians/sessions.md", "clinicians/rules.md",
                                "clinicians/fhir.md", POSES, FIELDS]}]
