"""The clinical diff as text, Markdown (the pull-request comment and job summary) or JSON."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..content.version_numbers import bump_between
from .changes import BUMPS, Change, Side
from .diff import needed_bump

#: the hidden line that finds the pull request's one diff comment again on the next push.
MARKER = "<!-- handbook-clinical-diff -->"
#: GitHub refuses comments longer than this many characters.
COMMENT_LIMIT = 65_536
LIBRARY = "Drill library"


@dataclass
class Summary:
    """The changes between two sides, with what each changed protocol's version says and needs."""

    base: str
    head: str
    changes: list[Change]
    old: Side
    new: Side

    def versions(self) -> list[dict]:
        rows = []
        for protocol_id in sorted({c.protocol for c in self.changes if c.protocol} |
                                  {p for c in self.changes for p in c.affects}):
            old, new = self.old.protocol(protocol_id), self.new.protocol(protocol_id)
            needs = needed_bump(self.changes, protocol_id)
            raised = bump_between(old.version, new.version) if old and new else None
            ok = not needs or (raised is not None and BUMPS.index(raised) >= BUMPS.index(needs))
            rows.append({"protocol": protocol_id, "title": (new or old).title, "from": old and old.version,
                         "to": new and new.version, "needs": needs, "raised": raised, "ok": ok or not (old and new)})
        return rows

    def groups(self) -> dict[str, dict[str, list[Change]]]:
        """Changes by protocol title (the drill library last), then by place: the whole protocol, then each phase."""
        groups: dict[str, dict[str, list[Change]]] = {}
        for change in self.changes:
            protocol = change.protocol and (self.new.protocol(change.protocol) or self.old.protocol(change.protocol))
            phase = change.phase and (self.new.phase(change.protocol, change.phase)
                                      or self.old.phase(change.protocol, change.phase))
            heading = phase.heading if phase else ("Whole protocol" if protocol else "Drills")
            groups.setdefault(protocol.title if protocol else LIBRARY, {}).setdefault(heading, []).append(change)
        return groups


def _words_text(change: Change) -> str:
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(marks[op].format(words) for op, words in change.words)


def text(summary: Summary) -> str:
    if not summary.changes:
        return f"No content changes between {summary.base} and {summary.head}."
    lines = [f"Content changes from {summary.base} to {summary.head}:"]
    for row in summary.versions():
        lines.append(f"  {row['title']}: {_version_words(row)}")
    for title, places in summary.groups().items():
        lines += ["", title]
        for place, changes in places.items():
            lines.append(f"  {place}")
            for change in changes:
                lines.append(f"    [{change.kind}, {change.bump}] {change.text}")
                if change.words:
                    lines.append(f"        {_words_text(change)}")
    return "\n".join(lines)


def _version_words(row: dict) -> str:
    if row["needs"] is None:
        return f"version {row['from']} → {row['to']}"
    verdict = "ok" if row["ok"] else f"NOT ENOUGH: raise it to a {row['needs']} version"
    return f"version {row['from'] or '—'} → {row['to'] or '—'}; the changes need a {row['needs']} version ({verdict})"


_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")
#: put between '@' and a name, it leaves '@physio-team' reading as written, but GitHub finds no mention in it
#: (an entity such as '&#64;' is not enough: rendered, it is an '@' again when GitHub looks for mentions).
ZERO_WIDTH_JOINER = "\u200d"


def escape(words: str) -> str:
    """Text shown as written in GitHub Markdown: no markup, no HTML, no @mention that would notify anyone
    (a zero-width joiner after the '@'), one line (carriage returns and line breaks as spaces)."""
    words = _SPECIAL.sub(r"\\\1", words).replace("<", "&lt;").replace("@", "@" + ZERO_WIDTH_JOINER)
    return words.replace("\r", " ").replace("\n", " ")


def _words_markdown(change: Change) -> str:
    marks = {"=": "{}", "-": "~~{}~~", "+": "**{}**"}
    return " ".join(marks[op].format(escape(words)) for op, words in change.words)


def markdown(summary: Summary) -> str:
    """The diff as GitHub Markdown, starting with the comment marker."""
    lines = [MARKER, "## Clinical changes", ""]
    if not summary.changes:
        return "\n".join(lines + [f"No content changes between `{summary.base}` and `{summary.head}`.", ""])
    lines += ["| Protocol | Version | The changes need | |", "| --- | --- | --- | --- |"]
    for row in summary.versions():
        mark = "✅" if row["ok"] else f"❌ raise to a **{row['needs']}** version"
        lines.append(f"| {escape(row['title'])} | {escape(str(row['from'] or '—'))} → {escape(str(row['to'] or '—'))} | "
                     f"{row['needs'] or 'no new version'} | {mark} |")
    for title, places in summary.groups().items():
        lines += ["", f"### {escape(title)}"]
        for place, changes in places.items():
            lines += ["", f"**{escape(place)}**", ""]
            for change in changes:
                lines.append(f"- `{change.bump}` {change.kind}: {escape(change.text)}")
                if change.words:
                    lines.append(f"  <br>{_words_markdown(change)}")
    return "\n".join(lines + [""])


def as_json(summary: Summary) -> str:
    return json.dumps({"base": summary.base, "head": summary.head, "versions": summary.versions(),
                       "changes": [c.as_json() for c in summary.changes]}, indent=2, ensure_ascii=False, default=str)


def comment_body(summary: Summary, full_summary_url: str | None = None, limit: int = COMMENT_LIMIT) -> str | None:
    """The pull request's sticky comment, or None when no content changed (the comment is then removed).

    A body longer than GitHub allows is cut at a line and ends with a link to the full summary.
    """
    if not summary.changes:
        return None
    body = markdown(summary)
    if len(body) <= limit:
        return body
    where = f"[the job summary]({full_summary_url})" if full_summary_url else "the job summary of this run"
    footer = f"\n\n… {{}} more lines: the full list is in {where}.\n"
    lines = body.split("\n")
    kept, size = [], 0
    for line in lines:
        if size + len(line) + 1 + len(footer) + 10 > limit:
            break
        kept.append(line)
        size += len(line) + 1
    return "\n".join(kept) + footer.format(len(lines) - len(kept))


FORMATS = {"text": text, "markdown": markdown, "json": as_json}
