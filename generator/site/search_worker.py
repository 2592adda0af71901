"""The site's search worker: Material's, with the small words of a question left out first
(``generator/templates/search-worker.js``), written into the docs folder with the name of Material's worker."""

from __future__ import annotations

from pathlib import Path

import material

BODY = Path(__file__).resolve().parent.parent / "templates" / "search-worker.js"
WORKERS = Path(material.__file__).resolve().parent / "templates" / "assets" / "javascripts" / "workers"
TARGET = "assets/js/search-worker.js"


def search_worker() -> dict[str, str]:
    """Path under the docs folder -> text of the handbook's search worker."""
    (worker,) = sorted(WORKERS.glob("search.*.min.js"))  # one per installed version of Material
    return {TARGET: f'const MATERIAL_WORKER = "../javascripts/workers/{worker.name}";\n' + BODY.read_text(encoding="utf-8")}
