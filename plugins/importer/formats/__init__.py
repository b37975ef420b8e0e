"""Formats besides plain text: Word (.docx, and .doc through LibreOffice), PDF with a text
layer, WeChat article pages and other saved web pages (trafilatura).

Each reader turns the raw bytes into a Document (paragraphs, headings, list items, tables) or
raises ImportFailure with one line naming the file; the cleaning pipeline and the metadata then run
as for text.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..document import Document
from ..steps import clean
from .page import page_document
from .pdf import read_pdf
from .wechat import is_wechat, wechat_document
from .word import read_doc, read_docx

READERS: dict[str, Callable[[Path, bytes], Document]] = {
    ".docx": read_docx, ".doc": read_doc, ".pdf": read_pdf,
}
SUFFIXES = set(READERS)

__all__ = ["READERS", "SUFFIXES", "clean_keeping_tables", "is_wechat", "page_document", "read",
           "wechat_document"]


def read(path: Path, data: bytes) -> tuple[Document, str] | None:
    """(document, what it was read as) for a Word or PDF file; None for text and web pages."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        return None
    return reader(path, data), path.suffix.lower().lstrip(".")


def clean_keeping_tables(doc: Document) -> Document:
    """The cleaning pipeline, with tables set aside: its steps read paragraphs as lines of text
    (a table's first row would become the title, a cell starting with 一、 a heading). Each table
    goes back after the paragraph it followed (or the nearest one before it that is left), and its
    cells get the conversions text gets: Traditional → Simplified, full-width punctuation."""
    from plugins.zhtext.fold import to_simplified
    from plugins.zhtext.punctuation import to_fullwidth_punctuation

    tables, text = [], []
    for p in doc.paras:
        if p.kind == "table":
            tables.append((list(text), p))
        else:
            text.append(p)
    doc.paras = text
    clean(doc)
    for p in doc.paras:
        if p.kind == "item":
            # A list item stays an item; the outline step may have taken a short one for a heading.
            p.level = 0
    placed: set[int] = set()
    for preceding, table in tables:
        table.rows = [[to_fullwidth_punctuation(to_simplified(c) if doc.traditional else c)
                       for c in row] for row in table.rows]
        table.text = "\n".join(" ".join(c for c in row if c) for row in table.rows)
        kept = {id(p) for p in doc.paras}
        anchor = next((p for p in reversed(preceding) if id(p) in kept), None)
        at = doc.paras.index(anchor) + 1 if anchor is not None else 0
        while at < len(doc.paras) and id(doc.paras[at]) in placed:   # tables in a row keep their order
            at += 1
        doc.paras.insert(at, table)
        placed.add(id(table))
    return doc
