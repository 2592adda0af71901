"""The handbook offline: a service worker, written into each built site, that keeps every page, asset, the
search index and the protocol data on the device once the handbook has been visited.

A service worker rather than another way: it is the one standard way a static site can answer its own
requests with no network, and the only one that also covers the search worker and the data the log page
fetches. Its text is the worker (``offline-worker.js``) after this build's list of files, each with a digest
of its bytes, so every build that changes a file gives a new worker; the browser installs it, fetches only
the files whose digest changed and drops the rest. It lives at the site's root so that its scope is the
whole site, answers only requests inside that scope and never asks any other site for anything.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

WORKER = "sw.js"
PLUGIN = "handbook-offline"
BODY = Path(__file__).resolve().parent.parent / "templates" / "offline-worker.js"
#: what is kept at install: pages, styles, scripts, the search index, data and images.
KEPT = {".html", ".css", ".js", ".json", ".svg", ".png", ".ico", ".webmanifest"}
#: what is fetched only when asked for: printables, the FHIR export, the schemas, search in other languages.
LEFT_OUT = ("print/", "fhir/", "assets/javascripts/lunr/", "data/protocol-data.schema.json")


def kept_files(site_dir: Path) -> list[tuple[str, str]]:
    """(address relative to the site, digest) of each file the worker keeps; pages by their directory address."""
    files = []
    for path in sorted(site_dir.rglob("*")):
        name = path.relative_to(site_dir).as_posix()
        if not path.is_file() or path.suffix not in KEPT or name == WORKER or name.startswith(LEFT_OUT):
            continue
        if name.startswith("data/") and name.endswith(".schema.json"):
            continue
        address = name.removesuffix("index.html") if path.name == "index.html" else name
        files.append((address or "./", hashlib.blake2b(path.read_bytes(), digest_size=6).hexdigest()))
    return files


def worker_text(site_dir: Path) -> str:
    """The service worker of the site in ``site_dir``: this build's files, then the worker's code."""
    files = json.dumps(kept_files(site_dir), separators=(",", ":"))
    return f"const FILES = {files};\n{BODY.read_text(encoding='utf-8')}"


def offline_plugin():
    """A MkDocs plugin that writes the service worker into the built site; the theme registers it when the
    plugin is there (``site_src/overrides/main.html``), so the live preview has none."""
    from mkdocs.plugins import BasePlugin

    class Offline(BasePlugin):
        def on_post_build(self, *, config):
            site_dir = Path(config["site_dir"])
            (site_dir / WORKER).write_text(worker_text(site_dir), encoding="utf-8")

    return Offline()
