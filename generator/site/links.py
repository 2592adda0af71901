"""Handbook links in long texts (``drill:clamshell``, ``phase:load`` …) as addresses relative to a page, or as
paths under the site (for documents published beside it, such as the FHIR export)."""

from __future__ import annotations

from ..content.prose import Target
from ..model import Handbook, Protocol
from .pages import location, page_url, relative

#: link kind -> the attribute of a protocol that lists the items it names.
_SECTIONS = {"phase": "phases", "warning-sign": "warning_signs", "assessment": "assessments",
             "reference": "references"}


def find(handbook: Handbook, target: Target, protocol: Protocol | None = None):
    """The drill, phase, warning sign, assessment or reference a link names (its own protocol first), or None."""
    if target.kind == "drill":
        return handbook.drills.get(target.id)
    protocols = ([protocol] if protocol else []) + [p for p in handbook.protocols if p is not protocol]
    return next((item for p in protocols for item in getattr(p, _SECTIONS[target.kind]) if item.id == target.id), None)


def resolver(handbook: Handbook, page_path: str, protocol: Protocol | None = None):
    """A function giving the address, from ``page_path``, of a handbook link's target (None when unknown)."""

    def resolve(target: Target) -> str | None:
        item = find(handbook, target, protocol)
        return relative(*location(item), page_path) if item is not None else None

    return resolve


def site_pages(handbook: Handbook):
    """A function giving the path under the site of a handbook link's page, with its anchor (None when unknown)."""

    def page(target: Target) -> str | None:
        item = find(handbook, target)
        if item is None:
            return None
        path, anchor = location(item)
        return page_url(path) + (f"#{anchor}" if anchor else "")

    return page
