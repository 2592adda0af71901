"""The words runners search with, on the search results they name.

Material's search indexes a page as one entry for the page and one for each of its sections, and gives every
one of them all the page's front-matter ``tags``; its search weighs a tag far above a title. A page that gathers
the words of many sections (the warning signs, the glossary) so came up, with every section, for any question
touching one of its words. This plugin, run after Material's search has indexed a page, puts the page's
``tags`` on the page's own entry only, and the words a page names for one of its sections (front matter
``section_tags``: anchor -> words) on that section's entry only, so a question finds the one sign or term that
answers it, shown first under its page rather than folded among the others.
"""

from __future__ import annotations

PLUGIN = "handbook-search-sections"
#: how much more Material's search weighs a page's own entry than its sections' entries when all the question's
#: words match (its post-query boost: 1 + 2² against 1 + 1²); a section with words of its own is given it back,
#: so that it competes with a short page on equal terms.
SECTION_BOOST = 2.5
#: the front-matter key of a page's per-section words: {anchor: [words]}.
SECTION_TAGS = "section_tags"


def placed_tags(entries: list[dict], url: str, page_tags, section_tags, page_boost: float = 1) -> None:
    """Give the search ``entries`` of the page at ``url`` their own words, in place: ``page_tags`` on the
    page's entry, ``section_tags[anchor]`` on the entry of the section with that anchor (weighed as a page's
    own entry is: ``page_boost`` times :data:`SECTION_BOOST`), none on the others."""
    section_tags = section_tags if isinstance(section_tags, dict) else {}
    for entry in entries:
        page, _, anchor = entry["location"].partition("#")
        if page != url:
            continue
        words = section_tags.get(anchor, []) if anchor else page_tags if isinstance(page_tags, list) else []
        words = [str(word) for word in words if word and isinstance(word, (str, int, float))]
        if words:
            entry["tags"] = words
        else:
            entry.pop("tags", None)
        if anchor and words:
            entry["boost"] = page_boost * SECTION_BOOST


def search_sections_plugin():
    """A MkDocs plugin that places each page's search words on its own entries of Material's search index
    (see the module's docstring); it runs after the search plugin, which it finds by its index."""
    from mkdocs.plugins import BasePlugin

    class SearchSections(BasePlugin):
        def on_page_context(self, context, *, page, config, nav):
            search = next((plugin for plugin in config.plugins.values() if hasattr(plugin, "search_index")), None)
            if search is not None:
                boost = (page.meta.get("search") or {}).get("boost", 1)
                placed_tags(search.search_index.entries, page.url, page.meta.get("tags"),
                            page.meta.get(SECTION_TAGS), boost if isinstance(boost, (int, float)) else 1)
            return context

    return SearchSections()
