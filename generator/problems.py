"""Problems found in the content: a stable code, a severity, a place and a message.

Every check yields :class:`Problem` objects; reporters turn them into text,
GitHub annotations or JSON. Codes never change meaning once published:
E0xx file and YAML, E1xx schema, E2xx cross-references, W3xx warnings,
E4xx versions and changelog, E5xx athlete logs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"

#: code -> short title, the catalogue shown by ``handbook check --codes``.
CODES = {
    "E001": "file is not valid UTF-8 text",
    "E002": "file is empty",
    "E003": "file is too large",
    "E004": "YAML syntax error",
    "E005": "tab or other invisible character used for indentation",
    "E006": "duplicate key",
    "E007": "too many anchors/aliases or a recursive alias",
    "E008": "unsupported YAML tag",
    "E009": "file must hold a single mapping",
    "E010": "not a regular file inside the project (a link or special file)",
    "E011": "number written as a time (1:30), which YAML reads in base 60",
    "E012": "text cut off by ' #', which YAML reads as a comment",
    "E013": "list item without its '- ', or with its '- ' indented further than the items above",
    "E014": "symbol that must be put in quotes (>, >=, |)",
    "E101": "required field missing",
    "E102": "unknown field",
    "E103": "wrong type of value",
    "E104": "value not allowed",
    "E105": "value has the wrong form",
    "E106": "value out of range",
    "E107": "too few or too many items",
    "E108": "repeated item",
    "E109": "value matches none of the allowed forms",
    "E110": "Markdown outside the allowed subset (headings, HTML, images, code …)",
    "E111": "link address not allowed",
    "E201": "unknown drill",
    "E202": "unknown measure",
    "E203": "unknown warning sign",
    "E204": "unknown assessment",
    "E205": "unknown reference",
    "E206": "id used twice",
    "E207": "file name does not match id",
    "E208": "regression/progression loop",
    "E209": "phase without a measurable exit criterion",
    "E210": "criterion value does not fit its measure",
    "E211": "file the check does not load (in a subfolder, or a name not ending in .yaml)",
    "E212": "range written the wrong way round",
    "E213": "phase title carries its own number",
    "E214": "link to a handbook page that does not exist",
    "E215": "rule written in two forms at once (all/any with a measure, between with operator and value, change with sustained)",
    "E216": "walk-run session whose total minutes do not add up",
    "E217": "reference year in the future",
    "E218": "two drills with the same name",
    "E219": "a drill saved in protocols/, or a protocol in drills/",
    "E220": "session lists a drill its phase does not prescribe",
    "E221": "drill's times a week differ from the days of its sessions",
    "E222": "strength sessions or runs on two days in a row",
    "E223": "week without a rest day",
    "E224": "reference cited by its bare id in a text athletes read",
    "E225": "rule without a look-back (it would read values however old)",
    "E226": "look-back shorter than the rule needs",
    "E227": "warning sign whose severity and action disagree (red must stop, amber change the plan, green carry on)",
    "E228": "words and rule that state different numbers for the same threshold",
    "E229": "red warning sign with a rule that no phase lists",
    "E230": "session shorter than the least time its drills' doses take",
    "E231": "drill done far less or far more often a week than its dose says",
    "E232": "exit criterion listed twice in a phase",
    "E233": "measure whose unit does not fit its kind",
    "E234": "two references with one DOI",
    "E235": "two drills sharing a search alias",
    "E236": "clinical review dated after today",
    "E237": "two strength sessions, or two runs, on one day",
    "E238": "figure with a body part below the floor",
    "E239": "figure whose body does not rest on what its base or position says, or a view its base cannot be seen from",
    "E240": "figure prop with nothing to sit on (a band to no anchor, a step under a part the body does not rest on)",
    "E241": "figure with joint angles that cannot go together",
    "E242": "figure whose start position moves over the floor, or that travels a way that points up or down",
    "W301": "drill not used by any phase",
    "W302": "reference never cited",
    "W303": "site address not set (printables leave it out)",
    "W304": "clinical review overdue",
    "W305": "clinical review due within 30 days",
    "W306": "clinical threshold without a reference or an evidence note",
    "W307": "percent threshold written as a fraction (0.9 for 90 %)",
    "W308": "a side-to-side percent threshold above 100 % (900 for 90, say)",
    "W309": "figure whose start and end positions are the same (it shows no movement)",
    "E401": "version not raised enough for the changes since the base revision",
    "E402": "changelog has no entry for the version, or the entry leaves out a changed phase",
    "E403": "changelog entry names a phase the protocol does not have",
    "E404": "site address (site_url) is not where the handbook is published",
    "E405": "changelog entry below an older version (the newest goes first)",
    "E406": "two changelog entries for one version",
    "E407": "changelog entry whose kind is not the step its version takes",
    "E408": "changelog entry whose kind is smaller than the changes it records (--since)",
    "E501": "log value does not fit its measure",
    "E502": "log entry dated in the future",
    "E503": "log entries out of date order",
    "E504": "log names a phase the protocol does not have",
}


@dataclass(frozen=True)
class Fix:
    """An edit that the message suggests: replace the text from ``start`` up to ``end`` with ``text``.

    Positions are 1-based (line, column), ``end`` exclusive, as in :class:`Problem`.
    """

    start: tuple[int, int]
    end: tuple[int, int]
    text: str

    def apply(self, source: str) -> str:
        """``source`` (a whole file's text) with this edit made."""
        lines = source.split("\n")

        def offset(position: tuple[int, int]) -> int:
            line, column = position
            return sum(len(text) + 1 for text in lines[:line - 1]) + column - 1

        return source[:offset(self.start)] + self.text + source[offset(self.end):]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at ``file:line:column`` (1-based)."""

    file: str
    line: int
    column: int
    code: str
    message: str = field(compare=False)
    severity: str = field(default=ERROR, compare=False)
    fix: Fix | None = field(default=None, compare=False)

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code}")

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def error(code: str, file: str, position: tuple[int, int], message: str, fix: Fix | None = None) -> Problem:
    return Problem(file, position[0], position[1], code, message, ERROR, fix)


def warning(code: str, file: str, position: tuple[int, int], message: str, fix: Fix | None = None) -> Problem:
    return Problem(file, position[0], position[1], code, message, WARNING, fix)
