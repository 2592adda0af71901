"""Where the printables live in the site, and the links to them from its pages.

Under ``print/``, for each phase: ``<protocol>/<phase>.html`` (the checklist to print from a browser) and
``<phase>-a4.pdf``, ``<phase>-letter.pdf``; for each protocol: the booklets ``<protocol>-plan-a4.pdf``,
``-letter.pdf``. A paper is named by its id (``"a4"``, ``"letter"``) or given as anything with an ``id``.
"""

from __future__ import annotations

import posixpath

from jinja2 import pass_context
from markupsafe import Markup, escape

from ..model import Phase, Protocol

PRINT_DIR = "print"


def _paper_id(paper) -> str:
    return paper if isinstance(paper, str) else paper.id


def checklist_path(phase: Phase, paper) -> str:
    """Where a phase's checklist goes, relative to the printables folder: '<protocol>/<phase>-a4.pdf' for a PDF,
    '<protocol>/<phase>.html' for the page to print from a browser (``paper`` None)."""
    name = f"{phase.id}-{_paper_id(paper)}.pdf" if paper else f"{phase.id}.html"
    return f"{phase.protocol.id}/{name}"


def booklet_path(protocol: Protocol, paper) -> str:
    """Where a protocol's booklet goes, relative to the printables folder: '<protocol>/<protocol>-plan-a4.pdf'."""
    return f"{protocol.id}/{protocol.id}-plan-{_paper_id(paper)}.pdf"


def site_link(from_page: str, item: Phase | Protocol, paper: str | None = None) -> str:
    """The relative address of a printable from a generated page (a path under the docs folder, served with
    directory URLs as MkDocs does): a phase's checklist page, or its PDF on ``paper``; a protocol's booklet."""
    target = checklist_path(item, paper) if isinstance(item, Phase) else booklet_path(item, paper or "a4")
    page = from_page.removesuffix(".md")
    folder = posixpath.dirname(page) if posixpath.basename(page) == "index" else page
    return posixpath.relpath(f"{PRINT_DIR}/{target}", folder or ".")


@pass_context
def print_href(context, item: Phase | Protocol, paper: str | None = None) -> Markup:
    """:func:`site_link` from the page a site template is rendering (its ``page_path``)."""
    return escape(site_link(context["page_path"], item, paper))
