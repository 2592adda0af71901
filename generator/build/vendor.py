"""The npm packages the site's scripts use, copied into the docs folder at build time (never loaded from a CDN).

They come from the repository's ``node_modules`` (``npm ci`` installs them from package-lock.json), found from
this package rather than from the project, so projects in other folders get them too. They are generated files:
listed in the manifest, rewritten when the package changes, kept offline by the service worker.
"""

from __future__ import annotations

from pathlib import Path

from .errors import BuildFailed

REPO = Path(__file__).resolve().parents[2]
#: path under the docs folder -> file of an installed package, under node_modules.
PACKAGES = {"assets/vendor/ical.js": "ical.js/dist/ical.js"}


def vendor_files(repo: Path = REPO) -> dict[str, str]:
    """Path under the docs folder -> text of each package file; BuildFailed when a package is not installed."""
    files = {}
    for target, source in PACKAGES.items():
        path = repo / "node_modules" / source
        if not path.is_file():
            raise BuildFailed([f"ERROR: {path} is missing: run 'npm ci' in {repo} to install the site's npm packages"])
        files[target] = path.read_bytes().decode("utf-8")
    return files
