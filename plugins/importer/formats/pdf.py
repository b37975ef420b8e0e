"""PDFs with a text layer → Document, with pdfminer.six.

A PDF has no paragraphs, only positioned lines. Running headers and footers (a line at the top or
bottom of most pages, page numbers) are removed and reported; the remaining lines are joined into
paragraphs: Chinese lines broken at the page width join without a space, and a paragraph ends at
a short line, before an indented line, a numbered outline line (一、 （一） 1.) or a change of font
size. A PDF without any text (a scan) is refused with what to do.
"""
from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from ..document import Change, Document, Para
from ..errors import ImportFailure

# Page numbers as printed: 3, - 3 -, —3—, 第3页, 第 3 页 共 9 页, 3/9, Page 3 of 9.
PAGE_NUMBER = re.compile(r"^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"
                         r"|\d{1,4}\s*[/／]\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$",
                         re.I)
OUTLINE_START = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．]\D|[（(]\d{1,2}[）)])")
SENTENCE_END = "。！？!?：:；;…”』」"
# A line is a page's header or footer candidate when it is among the first or last EDGE_LINES of
# the page; it is furniture when the same text (digits aside) is there on REPEAT_SHARE of pages.
EDGE_LINES = 2
REPEAT_SHARE = 0.5
# pdfminer inserts a space where two characters stand further apart than word_margin × their
# size. Justified Chinese lines are stretched, so at its default (0.1) "2022年" came out as
# "2022 年"; at 0.3 the gaps between Latin words (a quarter of an em and more) still get theirs.
LAYOUT = LAParams(word_margin=0.3)


@dataclass
class Line:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    size: float


def read_pdf(path: Path, data: bytes) -> Document:
    pages = _pages(path, data)
    lines = [line for page in pages for line in page]
    if sum(len(line.text.strip()) for line in lines) == 0:
        raise ImportFailure(path, "the PDF has no text layer (a scan); OCR it first")
    body, changes = _drop_furniture(pages)
    doc = Document([Para(text, i) for i, text in enumerate(_paragraphs(body), start=1)])
    doc.changes.extend(changes)
    return doc


def _pages(path: Path, data: bytes) -> list[list[Line]]:
    pages = []
    try:
        for number, layout in enumerate(extract_pages(io.BytesIO(data), laparams=LAYOUT), start=1):
            found = []
            _collect(layout, number, found)
            found.sort(key=lambda l: (round(l.top), l.x0))
            pages.append(_merge_same_baseline(found))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ImportFailure(path, "the PDF is password-protected; save an unprotected copy and "
                                  "import that") from None
    except Exception as e:  # noqa: BLE001 — pdfminer raises many kinds of errors on damaged files
        raise ImportFailure(path, f"not a readable PDF: damaged or incomplete "
                                  f"({type(e).__name__}: {str(e)[:80]})") from None
    return pages


def _collect(item, page: int, out: list[Line]) -> None:
    if isinstance(item, LTTextLine):
        text = item.get_text().strip()
        if text:
            sizes = [c.size for c in item if isinstance(c, LTChar)]
            out.append(Line(text, page, item.x0, item.x1, -item.y1,
                            statistics.median(sizes) if sizes else item.height))
        return
    if isinstance(item, LTTextContainer) or hasattr(item, "__iter__"):
        for child in item:
            _collect(child, page, out)


def _merge_same_baseline(lines: list[Line]) -> list[Line]:
    """Pieces of one printed line (a header with text left and right) become one line."""
    merged: list[Line] = []
    for line in lines:
        last = merged[-1] if merged else None
        if last and abs(last.top - line.top) < 2 and line.x0 >= last.x1:
            merged[-1] = Line(f"{last.text} {line.text}", last.page, last.x0, line.x1, last.top,
                              max(last.size, line.size))
        else:
            merged.append(line)
    return merged


def _key(text: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"\d+", "#", text))


def _drop_furniture(pages: list[list[Line]]) -> tuple[list[Line], list[Change]]:
    edge_keys = Counter()
    for page in pages:
        edges = page[:EDGE_LINES] + page[-EDGE_LINES:]
        edge_keys.update({_key(l.text) for l in edges})
    repeated = {k for k, n in edge_keys.items()
                if len(pages) >= 2 and n >= max(2, REPEAT_SHARE * len(pages))}
    removed: Counter = Counter()
    body = []
    for page in pages:
        edges = {id(l) for l in page[:EDGE_LINES] + page[-EDGE_LINES:]}
        for line in page:
            if id(line) in edges and (PAGE_NUMBER.match(line.text.strip()) or _key(line.text) in repeated):
                removed[_key(line.text).replace("#", "N")] += 1
                continue
            body.append(line)
    changes = [Change("pdf_pages", "removed", f"page header/footer on {n} page{'s' * (n > 1)}: {key}")
               for key, n in removed.items()]
    return body, changes


def _paragraphs(lines: list[Line]) -> list[str]:
    if not lines:
        return []
    size = statistics.median(l.size for l in lines)
    left = Counter(round(l.x0) for l in lines).most_common(1)[0][0]
    # The right edge of full lines: most lines of a justified text end there.
    right = sorted(l.x1 for l in lines)[int(len(lines) * 0.9)]
    paragraphs: list[str] = []
    prev = None
    for line in lines:
        text = line.text.strip()
        new = prev is None or _ends_paragraph(prev, right, size, text) or line.x0 > left + 0.8 * size \
            or abs(line.size - prev.size) > 1.5 or OUTLINE_START.match(text)
        if new:
            paragraphs.append(text)
        else:
            last = paragraphs[-1]
            # Chinese lines join without a space; Latin words and numbers split by the break
            # get one.
            glue = " " if re.search(r"[A-Za-z0-9,.;]$", last) and re.match(r"[A-Za-z0-9]", text) else ""
            paragraphs[-1] = last + glue + text
        prev = line
    return paragraphs


def _ends_paragraph(line: Line, right: float, size: float, following: str) -> bool:
    """A short line ends its paragraph. Lines inside a paragraph may end up to three characters
    short (a closing mark may not start a line and pulls the character before it along, and
    ragged lines vary by one more); a line that ends a sentence and falls a character short
    ends its paragraph."""
    short = right - line.x1
    # A number or Latin word is not broken: it moves whole to the next line (about half an em
    # a character), with the one or two characters before it (以“1+8+N”), leaving this one shorter.
    m = re.match(r"([^A-Za-z0-9]{0,2})([A-Za-z0-9%.,/:+\-]+)", following)
    if m:
        short -= len(m.group(1)) * size + len(m.group(2)) * 0.55 * size
    return short > 3.0 * size or (line.text.rstrip()[-1:] in SENTENCE_END and short > 1.0 * size)
