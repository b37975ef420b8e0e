"""The document as it moves through the cleaning pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Para:
    """One paragraph (or heading, list item, table) of the article, with the raw line it came from."""
    text: str
    line: int = 0          # 1-based line in the raw file (Word and PDF: paragraph number; 0: none)
    level: int = 0         # 0 paragraph; 2..5 Markdown heading level
    kind: str = "text"     # "text", "item" (a bulleted list item) or "table"
    # A table's cells, header row first; its text is the cells joined, so that metadata (places,
    # topics) reads them like any other text.
    rows: list[list[str]] = field(default_factory=list)

    @classmethod
    def table(cls, rows: list[list[str]], line: int = 0) -> "Para":
        return cls("\n".join(" ".join(c for c in row if c) for row in rows), line, kind="table",
                   rows=rows)


@dataclass
class Change:
    """What a step did: removed, changed, found (metadata), guessed, or flagged for review."""
    step: str
    action: str            # "removed" | "changed" | "found" | "guessed" | "review"
    text: str
    line: int = 0

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.text}"


@dataclass
class Document:
    paras: list[Para]
    meta: dict[str, str] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    review: list[str] = field(default_factory=list)   # front-matter fields an editor should confirm
    traditional: bool = False

    @classmethod
    def from_lines(cls, lines: list[str], first_line: int = 1) -> "Document":
        return cls([Para(t, i) for i, t in enumerate(lines, start=first_line)])

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras)

    def add_review(self, field_name: str) -> None:
        if field_name not in self.review:
            self.review.append(field_name)
