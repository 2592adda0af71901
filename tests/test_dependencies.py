"""Every package the set-up installs runs on the Python the README names: Debian 12's, 3.11.2.

pip leaves out a release whose ``Requires-Python`` excludes the running Python, so a pin that only a later 3.11
accepts (pymdown-extensions 13 asks for 3.11.5) makes ``make`` fail on a fresh Debian 12 machine while passing
everywhere else. The installed packages' own metadata says what each accepts; no network is needed.
"""

from importlib import metadata

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

#: Debian 12's python3 (3.11.2-1+b1), the oldest Python the README's quick start promises.
DEBIAN_12_PYTHON = "3.11.2"


def installed_with_the_project():
    """The distributions ``pip install -e '.[test]'`` brings, found by following Requires-Dist from the project."""
    found = {}
    todo = [("itbs-handbook", frozenset({"test"}))]
    seen = set()
    while todo:
        name, extras = todo.pop()
        if (canonicalize_name(name), extras) in seen:
            continue
        seen.add((canonicalize_name(name), extras))
        dist = metadata.distribution(name)
        found[canonicalize_name(name)] = dist
        for text in dist.requires or []:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker is None or any(marker.evaluate({"extra": extra}) for extra in extras | {""}):
                todo.append((requirement.name, frozenset(requirement.extras)))
    return found


def test_the_walk_reaches_the_pinned_packages_and_theirs():
    found = installed_with_the_project()
    assert {"pymdown-extensions", "weasyprint", "pytest", "playwright", "markdown", "pydyf"} <= set(found)


def test_every_installed_package_accepts_debian_12s_python():
    refused = []
    for name, dist in sorted(installed_with_the_project().items()):
        accepted = dist.metadata.get("Requires-Python")
        if accepted and not SpecifierSet(accepted).contains(DEBIAN_12_PYTHON, prereleases=True):
            refused.append(f"{name} {dist.version} (Requires-Python {accepted})")
    assert not refused, (f"pip on Debian 12's Python {DEBIAN_12_PYTHON} cannot install: {', '.join(refused)}; "
                         "pin the last release that accepts it")
