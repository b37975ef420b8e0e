"""Articles on disk: rendering front matter and Markdown, reading them back, the import digest.

The digest (`Import_digest`) is a hash of everything else in the file as the importer wrote it.
If the file no longer matches its digest, an editor has changed it, and the importer leaves it
alone unless told to (--force).
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from plugins.article_meta.schema import Header, read_header

from .document import Document

# Order of the keys in the front matter (DESIGN.md).
FIELDS = [
    ("Title", "title"), ("Date", "date"), ("Date_precision", "date_precision"), ("Period", "period"),
    ("Kind", "kind"),
    ("Province", "province"), ("City", "city"), ("District", "district"), ("Street", "street"),
    ("Communities", "communities"), ("Topics", "topics"), ("Tags", "tags"),
    ("Publisher", "publisher"), ("Source", "source"), ("Source_url", "source_url"),
    ("Author", "author"), ("Source_script", "source_script"), ("Summary", "summary"),
    ("Raw", "raw"), ("Slug", "slug"), ("Reprint_of", "reprint_of"), ("Review", "review"),
]
ALWAYS = {"Province", "City", "District", "Street"}   # written even when empty: "not known"
DIGEST_KEY = "Import_digest"


def md_escape(text: str) -> str:
    """Document text as Markdown that renders as exactly that text (never as HTML or markup)."""
    text = text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([*_`\[\]])", r"\\\1", text)
    # Line starts that Markdown reads as structure: headings, lists, quotes, rules.
    text = re.sub(r"^([#+\-=|])", r"\\\1", text)
    text = re.sub(r"^(\d+)([.)])(\s)", r"\1\\\2\3", text)
    return text


_PIPE = "\ue000"   # stands for | while md_escape runs, so that the cell's pipes are escaped once


def md_cell(text: str) -> str:
    """A table cell's text as Markdown that renders as exactly that text, on one line."""
    text = re.sub(r"\s+", " ", text).strip().replace("|", _PIPE)
    return md_escape(text).replace(_PIPE, "\\|")


def md_table(rows: list[list[str]]) -> str:
    """A Markdown table (the Python-Markdown `extra` tables); the first row is the header."""
    width = max(len(r) for r in rows)
    lines = []
    for i, row in enumerate(rows):
        cells = [md_cell(c) for c in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + " --- |" * width)
    return "\n".join(lines)


def _one_line(value: str) -> str:
    return re.sub(r"\s*\n\s*", " ", value).strip()


def render(doc: Document) -> str:
    lines = []
    for key, name in FIELDS:
        value = _one_line(doc.meta.get(name, ""))
        if key == "Summary":
            # Pelican renders Summary as Markdown, like the body.
            value = md_escape(value)
        if value or key in ALWAYS:
            lines.append(f"{key}: {value}".rstrip())
    body: list[str] = []
    for i, p in enumerate(doc.paras):
        if p.kind == "table" and p.rows:
            body.append(md_table(p.rows))
        elif p.kind == "item":
            item = f"- {md_escape(p.text)}"
            # Consecutive items are one list.
            if i and doc.paras[i - 1].kind == "item":
                body[-1] += "\n" + item
            else:
                body.append(item)
        else:
            text = md_escape(p.text)
            body.append(f"{'#' * p.level} {text}" if p.level else text)
    text = "\n".join(lines) + "\n\n" + "\n\n".join(body) + "\n"
    return with_digest(text)


def digest_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def with_digest(text: str) -> str:
    head, sep, body = text.partition("\n\n")
    return f"{head}\n{DIGEST_KEY}: {digest_of(text)}{sep}{body}"


def strip_digest(text: str) -> tuple[str, str | None]:
    """(text without its digest line, the recorded digest or None)."""
    m = re.search(rf"^{DIGEST_KEY}:[ \t]*([0-9a-f]+)[ \t]*\n", text, re.M)
    if not m:
        return text, None
    return text[: m.start()] + text[m.end():], m.group(1)


def edited(text: str) -> bool:
    """True when the article differs from what the importer wrote (or carries no digest)."""
    rest, recorded = strip_digest(text)
    return recorded is None or digest_of(rest) != recorded


@dataclass
class ArticleFile:
    """An article read back: its header as the build reads it (plugins.article_meta) and its
    body."""
    path: Path
    header: Header
    body: str = ""

    @classmethod
    def read(cls, path: Path) -> "ArticleFile":
        lines = Path(path).read_text(encoding="utf-8").split("\n")
        blank = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
        return cls(Path(path), read_header(path), "\n".join(lines[blank + 1:]))

    def get(self, key: str) -> str:
        return self.header.get(key)

    def line_of(self, key: str) -> int:
        return self.header.line(key)


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and rename: readers never see half a file.
    The file gets the mode an ordinary write would (0666 less the umask), not mkstemp's 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            os.fchmod(f.fileno(), 0o666 & ~_umask())
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    # The only portable way to read the umask is to set it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
