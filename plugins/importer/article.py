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
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document

# Order of the keys in the front matter (DESIGN.md).
FIELDS = [
    ("Title", "title"), ("Date", "date"), ("Date_precision", "date_precision"), ("Period", "period"),
    ("Kind", "kind"),
    ("Province", "province"), ("City", "city"), ("District", "district"), ("Street", "street"),
    ("Communities", "communities"), ("Topics", "topics"), ("Tags", "tags"),
    ("Publisher", "publisher"), ("Source", "source"), ("Source_url", "source_url"),
    ("Author", "author"), ("Source_script", "source_script"), ("Summary", "summary"),
    ("Raw", "raw"), ("Slug", "slug"), ("Review", "review"),
]
ALWAYS = {"Province", "City", "District", "Street"}   # written even when empty: "not known"
DIGEST_KEY = "Import_digest"
_KEY_LINE = re.compile(r"^([A-Za-z][A-Za-z_]*):\s?(.*)$")


def md_escape(text: str) -> str:
    """Document text as Markdown that renders as exactly that text (never as HTML or markup)."""
    text = text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([*_`\[\]])", r"\\\1", text)
    # Line starts that Markdown reads as structure: headings, lists, quotes, rules.
    text = re.sub(r"^([#+\-=|])", r"\\\1", text)
    text = re.sub(r"^(\d+)([.)])(\s)", r"\1\\\2\3", text)
    return text


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
    body = []
    for p in doc.paras:
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
    """An article read back for checking: its front matter keys with their line numbers."""
    path: Path
    meta: dict[str, tuple[str, int]] = field(default_factory=dict)
    duplicate_keys: list[tuple[str, int]] = field(default_factory=list)
    bad_lines: list[int] = field(default_factory=list)
    body: str = ""

    @classmethod
    def read(cls, path: Path) -> "ArticleFile":
        article = cls(Path(path))
        text = Path(path).read_text(encoding="utf-8")
        lines = text.split("\n")
        body_start = len(lines)
        last_key = None
        for i, line in enumerate(lines, start=1):
            if not line.strip():
                body_start = i
                break
            m = _KEY_LINE.match(line)
            if m:
                key = m.group(1).lower()
                if key in article.meta:
                    article.duplicate_keys.append((m.group(1), i))
                article.meta[key] = (m.group(2).strip(), i)
                last_key = key
            elif line.startswith((" ", "\t")) and last_key:
                value, lineno = article.meta[last_key]
                article.meta[last_key] = (f"{value} {line.strip()}", lineno)
            else:
                article.bad_lines.append(i)
        article.body = "\n".join(lines[body_start:])
        return article

    def get(self, key: str) -> str:
        return self.meta.get(key.lower(), ("", 0))[0]

    def line_of(self, key: str) -> int:
        return self.meta.get(key.lower(), ("", 1))[1]


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
