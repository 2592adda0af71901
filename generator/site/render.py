"""Render the handbook's pages from Jinja2 templates into Markdown, and its data into JSON.

The environment passes every ``{{ value }}`` through :func:`markup.plain`, so a
YAML value is always shown as text unless a template explicitly asks for the
safe Markdown subset (``| md``, ``| inline``). Autoescaping is on so that
macro output counts as already safe; ``plain`` always returns Markup, so
Jinja's own HTML escaping never applies twice.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup

from ..clock import today
from ..model import Handbook
from . import links, markup
from .fields import POSE_SECTIONS, FieldReference
from .figure_files import drill_figure, figure_entry
from .figures import drill_figures
from .glossary import glossary, search_words, terms_in
from .pages import (
    DRILLS,
    FIELDS,
    LIBRARY,
    LIBRARY_DATA,
    POSES,
    category_page,
    label,
    location,
    page_url,
    relative,
    site_pages,
)
from .print_links import print_href

DATA_SCHEMA = "data/protocol-data.schema.json"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@pass_context
def _href(context, item, anchor: str | None = None) -> Markup:
    """The link from the page being rendered to ``item`` (anything :func:`location` knows, or a page path)."""
    target, own_anchor = (item, None) if isinstance(item, str) else location(item)
    return Markup(relative(target, anchor or own_anchor, context["page_path"]))


def _page_links(context):
    """How the page being rendered links to handbook pages named in long texts (``drill:clamshell``)."""
    return links.resolver(context["handbook"], context["page_path"], context.get("protocol"))


@pass_context
def _md(context, value) -> Markup:
    return markup.markdown(value, _page_links(context))


@pass_context
def _inline(context, value) -> Markup:
    return markup.inline(value, _page_links(context))


def _front(value) -> Markup:
    """A title, a list of titles or a mapping of keys to lists of titles for YAML front matter: escaped for the
    theme, quoted for YAML."""
    if isinstance(value, dict):
        escaped = {str(key): [markup.title(v) for v in titles] for key, titles in value.items()}
    else:
        escaped = [markup.title(v) for v in value] if isinstance(value, list) else markup.title(value)
    return Markup(json.dumps(escaped, ensure_ascii=False))


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja environment, made once per process; templates reload when their file changes."""
    env = Environment(loader=PackageLoader("generator", "templates"), autoescape=True, finalize=markup.plain,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(md=_md, inline=_inline, plain=markup.plain, anchor=markup.anchor, together=markup.together,
                       url=markup.url, front=_front)
    env.globals.update(href=_href, print_href=print_href, label=label, category_page=category_page,
                       library=LIBRARY, library_data=LIBRARY_DATA, pose_sections=POSE_SECTIONS,
                       poses_page=POSES, fields_page=FIELDS, drill_figures=drill_figures,
                       glossary=glossary, search_words=search_words,
                       terms_in=terms_in, drill_figure=drill_figure)
    return env


def _digest(value) -> str:
    return hashlib.blake2b(json.dumps(value, sort_keys=True, default=str).encode(), digest_size=16).hexdigest()


def _structure(handbook: Handbook) -> str:
    """What links and lists depend on beyond a page's own content: which drills (in which category) and which
    protocols, phases, warning signs, assessments and references there are."""
    protocols = [[p.id, [[item.id for item in items] for items in (p.phases, p.warning_signs, p.assessments,
                                                                  p.references)]] for p in handbook.protocols]
    return _digest([[(d.id, d.category) for d in handbook.drills.values()], protocols])


def _templates_version() -> tuple:
    return tuple(sorted((path.name, path.stat().st_mtime_ns) for path in TEMPLATES.glob("*.j2")))


class Renderer:
    """Renders the pages, and again only those whose inputs changed since its last run.

    A page is made from its template, the content it shows (:attr:`Page.shows`), and what every page may
    depend on: the templates, the schemas, the handbook's structure and the date (reviews fall due). ``fresh`` names the pages the last
    :meth:`render` rendered; the others are the texts it made before.
    """

    def __init__(self):
        self._made: dict[str, tuple[tuple, str]] = {}
        self.fresh: set[str] = set()

    def render(self, handbook: Handbook, schemas: dict[str, dict]) -> dict[str, str]:
        """Path under the docs folder -> Markdown text of every generated page."""
        env = environment()
        common = (_templates_version(), _digest(schemas), _structure(handbook), today())
        digests: dict[int, str] = {}

        def digest(item) -> str:
            if id(item) not in digests:
                digests[id(item)] = _digest(item.data)
            return digests[id(item)]

        shared = {"handbook": handbook, "field_sections": FieldReference(schemas).sections(), "data_schema": DATA_SCHEMA}
        made, self.fresh = {}, set()
        for page in site_pages(handbook):
            key = (page.template, common, tuple(digest(item) for item in page.shows))
            if self._made.get(page.path, (None,))[0] != key:
                text = env.get_template(page.template).render(**shared, **page.context, page_path=page.path)
                self._made[page.path] = key, text
                self.fresh.add(page.path)
            made[page.path] = self._made[page.path][1]
        self._made = {path: self._made[path] for path in made}
        return made


def render_pages(handbook: Handbook, schemas: dict[str, dict]) -> dict[str, str]:
    """Path under the docs folder -> Markdown text of every generated page."""
    return Renderer().render(handbook, schemas)


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _published(doc: dict, path: str, address: str | None) -> dict:
    """A schema as published: identified by the address it is published at, when the handbook has one."""
    if not address:
        return doc
    return {"$schema": doc["$schema"], "$id": address + path, **{k: v for k, v in doc.items() if k != "$schema"}}


def render_data(handbook: Handbook, schemas: dict[str, dict], address: str | None = None) -> dict[str, str]:
    """Path under the docs folder -> JSON text of each protocol's data and of all the schemas (data and content).

    With the handbook's web ``address``, each schema's ``$id`` is where it is published and each protocol's
    data names its schema by that address; without one, the data names its schema beside it.
    """
    files = {f"data/{name}.schema.json": _json(_published(doc, f"data/{name}.schema.json", address))
             for name, doc in schemas.items()}
    for protocol in handbook.protocols:
        drills = {p.drill.id: p.drill for phase in protocol.phases for p in phase.prescriptions}
        figures = {key: figure_entry(drills[key]) for key in sorted(drills) if drills[key].figure}
        files[f"data/{protocol.id}.json"] = _json({
            "$schema": (address or "") + (DATA_SCHEMA if address else DATA_SCHEMA.removeprefix("data/")),
            "format": "itbs-handbook-protocol/1", "version": protocol.version,
            "protocol": protocol.data, "drills": [drills[key].data for key in sorted(drills)],
            **({"figures": figures} if figures else {}),
        })
    files[LIBRARY_DATA] = _library(handbook)
    return files


def _library(handbook: Handbook) -> str:
    """What the drill library's filters need: the protocols, categories and body regions to choose from, and
    each drill with its address relative to this file."""
    groups = handbook.drills_by_category()
    drills = [drill for group in groups.values() for drill in group]
    regions = sorted({region for drill in drills for region in drill.regions})
    return json.dumps({
        "protocols": [{"id": p.id, "title": p.title} for p in handbook.protocols],
        "categories": [{"id": category, "title": label(category)} for category in groups],
        "regions": [{"id": region, "title": label(region)} for region in regions],
        "drills": [{"name": drill.name, "aliases": drill.aliases, "category": drill.category,
                    "regions": drill.regions, "protocols": sorted({use.protocol.id for use in drill.used_in}),
                    "url": page_url(location(drill)[0]).removeprefix(f"{DRILLS}/")} for drill in drills],
    }, ensure_ascii=False, separators=(",", ":")) + "\n"
