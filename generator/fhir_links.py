"""Handbook links (``drill:clamshell``, ``reference:…``) as the pages of the site that show what they name."""

from __future__ import annotations

from .model import Handbook
from .prose import Target
from .site.links import find
from .site.pages import location, page_url


def site_pages(handbook: Handbook):
    """A function giving the path under the site of a handbook link's page, with its anchor (None when unknown)."""

    def page(target: Target) -> str | None:
        item = find(handbook, target)
        if item is None:
            return None
        path, anchor = location(item)
        return page_url(path) + (f"#{anchor}" if anchor else "")

    return page
