"""What the machine must have beyond the Python packages, checked before the work that needs it."""


class MissingLibrary(Exception):
    """A system library the printables need is not installed; the message says which and how to install it."""


def require_font_subsetting() -> None:
    """Raise :class:`MissingLibrary` unless WeasyPrint subsets fonts with HarfBuzz (libharfbuzz-subset 4.1 or later).

    Without it WeasyPrint falls back to fontTools, whose subsets differ from run to run: the same plan would
    give different PDF bytes, and the cache of printables and every reproducible build would break.
    """
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    if harfbuzz_subset is None or not harfbuzz.hb_version_atleast(4, 1, 0):
        raise MissingLibrary("the printable plans need HarfBuzz's font subsetting library (4.1 or later), which "
                             "is not installed: without it the same plan gives different PDF files. Install it "
                             "with 'sudo apt-get install libharfbuzz-subset0' (Debian, Ubuntu), or run "
                             "'make serve' or 'make test', which install it.")
