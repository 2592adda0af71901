"""The sources the content cites, and the level of evidence behind an item."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.prose import in_text


@dataclass(frozen=True)
class Evidence:
    level: str
    note: str | None = None

    @property
    def level_text(self) -> str:
        return self.level.replace("-", " ").capitalize()


@dataclass(eq=False)
class Reference:
    id: str
    authors: str
    year: int
    title: str
    source: str
    protocol_id: str
    doi: str | None = None
    url: str | None = None
    evidence: Evidence | None = None

    @property
    def link(self) -> str | None:
        """Where the source can be read: its DOI address, else its web address."""
        return f"https://doi.org/{self.doi}" if self.doi else self.url

    def citation(self) -> str:
        return f"{self.authors} ({self.year}). {self.title}. {self.source}."

    @property
    def short(self) -> str:
        """In-text form: 'Fredericson et al., 2000', 'Fredericson & Wolf, 2005', 'Noble, 1980'."""
        return in_text(self.authors, self.year)
