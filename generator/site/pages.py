"""Where each part of the handbook lives in the site, which pages there are, and the navigation."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from ..model import Assessment, Drill, Handbook, Phase, Protocol, Reference, WarningSign
from .markup import title

DRILLS = "drills"
FIELDS = "clinicians/fields.md"
CONTRIBUTING = "clinicians/index.md"
TAGS = "tags.md"


@dataclass
class Page:
    """A generated Markdown page: its place under the docs folder, its template and what the template needs."""

    path: str
    template: str
    context: dict = field(default_factory=dict)


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


def site_pages(handbook: Handbook) -> list[Page]:
    """Every generated page, in a stable order."""
    pages = [Page("index.md", "home.md.j2")]
    for protocol in handbook.protocols:
        pages.append(Page(protocol_page(protocol), "protocol.md.j2", {"protocol": protocol}))
        pages += [Page(location(phase)[0], "phase.md.j2", {"protocol": protocol, "phase": phase})
                  for phase in protocol.phases]
        for name in ("warning-signs", "assessments", "references"):
            pages.append(Page(protocol_page(protocol, name), f"{name}.md.j2", {"protocol": protocol}))
    pages.append(Page(f"{DRILLS}/index.md", "drills.md.j2"))
    pages += [Page(location(drill)[0], "drill.md.j2", {"drill": drill}) for drill in handbook.drills.values()]
    pages += [Page(TAGS, "tags.md.j2"), Page(FIELDS, "fields.md.j2")]
    return pages


def navigation(handbook: Handbook) -> list:
    """The site navigation as MkDocs reads it: page titles come from the pages, section titles are escaped here."""
    protocols = [
        {title(protocol.title): [protocol_page(protocol)] + [location(phase)[0] for phase in protocol.phases]
         + [protocol_page(protocol, name) for name in ("warning-signs", "assessments", "references")]}
        for protocol in handbook.protocols
    ]
    drills = [{title(category.replace("-", " ").capitalize()): [location(drill)[0] for drill in group]}
              for category, group in handbook.drills_by_category().items()]
    return ["index.md", *protocols, {"Drill library": [f"{DRILLS}/index.md", *drills, TAGS]},
            {"For clinicians": [CONTRIBUTING, FIELDS]}]
