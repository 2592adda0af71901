"""Render the handbook's pages from Jinja2 templates into Markdown, and its data into JSON.

The environment passes every ``{{ value }}`` through :func:`markup.plain`, so a
YAML value is always shown as text unless a template explicitly asks for the
safe Markdown subset (``| md``, ``| inline``). Autoescaping is on so that
macro output counts as already safe; ``plain`` always returns Markup, so
Jinja's own HTML escaping never applies twice.
"""

from __future__ import annotations

import json
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup

from ..model import Handbook
from ..printables.site import print_href
from . import links, markup
from .fields import FieldReference
from .pages import location, relative, site_pages

DATA_SCHEMA = "data/protocol-data.schema.json"


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
    """A title or list of titles for YAML front matter: escaped for the theme, quoted for YAML."""
    escaped = [markup.title(v) for v in value] if isinstance(value, list) else markup.title(value)
    return Markup(json.dumps(escaped, ensure_ascii=False))


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja environment, made once per process; templates reload when their file changes."""
    env = Environment(loader=PackageLoader("generator", "templates"), autoescape=True, finalize=markup.plain,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(md=_md, inline=_inline, plain=markup.plain, anchor=markup.anchor,
                       url=markup.url, front=_front)
    env.globals.update(href=_href, print_href=print_href)
    return env


def render_pages(handbook: Handbook, schemas: dict[str, dict]) -> dict[str, str]:
    """Path under the docs folder -> Markdown text of every generated page."""
    env = environment()
    shared = {"handbook": handbook, "field_sections": FieldReference(schemas).sections(), "data_schema": DATA_SCHEMA}
    return {page.path: env.get_template(page.template).render(**shared, **page.context, page_path=page.path)
            for page in site_pages(handbook)}


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
        drills = {p.drill.id: p.drill.data for phase in protocol.phases for p in phase.prescriptions}
        files[f"data/{protocol.id}.json"] = _json({
            "$schema": (address or "") + (DATA_SCHEMA if address else DATA_SCHEMA.removeprefix("data/")),
            "format": "itbs-handbook-protocol/1", "version": protocol.version,
            "protocol": protocol.data, "drills": [drills[key] for key in sorted(drills)],
        })
    return files
