"""Word files → Document, with python-docx: headings, numbered outlines, lists and tables kept.

`.doc` (Word 97-2003) is first converted to `.docx` by LibreOffice headless, when it is installed.

Word numbers lists itself (the numbers are not in the text): the label a reader sees (`1.`, `一、`,
`（一）`, `①`) is rebuilt from the document's numbering definitions and put in front of the text, so
the cleaning pipeline reads a numbered outline the same way as in a plain text report. Bulleted
paragraphs become list items. Tables with two or more columns become Markdown tables; one-column
tables (Word users draw boxes around text with them) are read as paragraphs.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from ..document import Document, Para
from ..errors import ImportFailure

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
SOFFICE_TIMEOUT = 180


def read_docx(path: Path, data: bytes) -> Document:
    try:
        word = docx.Document(_bytes_io(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError) as e:
        raise ImportFailure(path, f"not a readable Word (.docx) file: damaged or incomplete "
                                  f"({type(e).__name__}: {e})") from None
    return _document(word)


def read_doc(path: Path, data: bytes) -> Document:
    """Word 97-2003: LibreOffice converts it to .docx in a temporary folder (raw/ is never
    written to), with a profile of its own, so that a LibreOffice the user has open does not
    swallow the request."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise ImportFailure(path, "a .doc (Word 97-2003) file needs LibreOffice to be converted: "
                                  "install it (Debian: apt-get install libreoffice-writer-nogui) "
                                  "or save the file as .docx")
    with tempfile.TemporaryDirectory(prefix="import-doc-") as tmp:
        source = Path(tmp) / "source.doc"
        source.write_bytes(data)
        try:
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                            "--convert-to", "docx", "--outdir", tmp, str(source)],
                           capture_output=True, timeout=SOFFICE_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise ImportFailure(path, f"LibreOffice did not convert the .doc within "
                                      f"{SOFFICE_TIMEOUT} s") from None
        converted = Path(tmp) / "source.docx"
        if not converted.exists():
            raise ImportFailure(path, "LibreOffice could not convert the .doc (damaged, "
                                      "password-protected, or not a Word file)")
        return read_docx(path, converted.read_bytes())


def _bytes_io(data: bytes):
    import io
    return io.BytesIO(data)


def _document(word) -> Document:
    numbering = _Numbering(word)
    paras: list[Para] = []
    title = ""
    for block in word.iter_inner_content():
        if isinstance(block, Table):
            paras.extend(_table(block, len(paras) + 1))
            continue
        text = block.text.strip()
        if not text:
            continue
        style = _style_name(block)
        heading = _HEADING_STYLE.match(style)
        if not paras and not title and (style.lower() == "title" or (heading and heading.group(1) == "1")):
            title = text
            continue
        label, bullet = numbering.label(block)
        if bullet:
            paras.extend(Para(t, len(paras) + 1, kind="item") for t in _lines(text))
            continue
        if label:
            text = label + text
        level = 0
        if heading:
            # With the title taken from the first Heading 1, Heading 2 is the first level (##).
            level = max(2, min(5, int(heading.group(1)) + (0 if title else 1)))
        for t in _lines(text):
            paras.append(Para(t, len(paras) + 1, level=level))
    doc = Document(paras)
    if title:
        doc.meta["title"] = title
        # The title step removes a paragraph equal to the title; keep it first so it is found.
        doc.paras.insert(0, Para(title, 0))
    return doc


def _lines(text: str) -> list[str]:
    """A soft line break (Shift+Enter) separates lines as in a text file."""
    return [t.strip() for t in text.split("\n") if t.strip()]


def _style_name(paragraph: Paragraph) -> str:
    try:
        return paragraph.style.name or ""
    except (KeyError, AttributeError):
        return ""


def _table(table: Table, line: int) -> list[Para]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans: keep its text once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(_lines(cell.text)))
        rows.append(cells)
    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    if max(len(r) for r in rows) < 2:
        return [Para(t, line + i) for i, t in enumerate(t for r in rows for c in r for t in _lines(c))]
    return [Para.table(rows, line)]


# --- numbering -----------------------------------------------------------------------------
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _chinese(n: int, digits: str = _CHINESE, ten: str = "十") -> str:
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return (digits[tens] if tens > 1 else "") + ten + (digits[ones] if ones else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                       (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


# numFmt values of the OOXML standard; an unknown one is shown as a decimal.
_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: "".join(chr(ord(c) + 0xFEE0) for c in str(n)),
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 0 < n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 0 < n <= 20 else str(n),
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "ideographDigital": lambda n: "".join(_CHINESE[int(c)] for c in str(n)),
    "taiwaneseCountingThousand": _chinese,
    "chineseLegalSimplified": lambda n: _chinese(n, _LEGAL, "拾"),
    "ideographLegalTraditional": lambda n: _chinese(n, _LEGAL, "拾"),
    "ideographTraditional": lambda n: _TIANGAN[(n - 1) % 10],
    "none": lambda n: "",
}


class _Numbering:
    """Word's list numbering: numId → abstract definition → per level (format, label text,
    start); counters run per numId, and a level's counter restarts when a higher level moves."""

    def __init__(self, word):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = word.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for a in root.iter(f"{_W}abstractNum"):
            lvls = {}
            for lvl in a.iter(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                lvls[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "",
                    int(start.get(f"{_W}val")) if start is not None else 1)
            abstract[a.get(f"{_W}abstractNumId")] = lvls
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None and ref.get(f"{_W}val") in abstract:
                self.levels[num.get(f"{_W}numId")] = abstract[ref.get(f"{_W}val")]

    def label(self, paragraph: Paragraph) -> tuple[str, bool]:
        """(the label a reader sees, whether the paragraph is a bulleted item)."""
        num_id, ilvl = self._num_pr(paragraph)
        levels = self.levels.get(num_id or "")
        if not levels or ilvl not in levels:
            return "", False
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return "", True
        counters = self.counters.setdefault(num_id, [0] * 9)
        for i in range(9):
            if i == ilvl:
                counters[i] = (counters[i] + 1) if counters[i] else levels[i][2]
            elif i > ilvl:
                counters[i] = 0
        def number(m):
            i = int(m.group(1)) - 1
            if i not in levels:
                return ""
            value = counters[i] or levels[i][2]
            return _FORMATS.get(levels[i][0], str)(value)
        return re.sub(r"%(\d)", number, text), False

    @staticmethod
    def _num_pr(paragraph: Paragraph) -> tuple[str | None, int]:
        """numPr of the paragraph, else of its style or the style's ancestors."""
        holders = [paragraph._p.pPr]
        try:
            style = paragraph.style
        except (KeyError, AttributeError):
            style = None
        while style is not None:
            holders.append(style.element.pPr)
            style = style.base_style
        num_id, ilvl = None, None
        for pPr in holders:
            if pPr is None or pPr.numPr is None:
                continue
            if num_id is None and pPr.numPr.numId is not None:
                num_id = str(pPr.numPr.numId.val)
            if ilvl is None and pPr.numPr.ilvl is not None:
                ilvl = int(pPr.numPr.ilvl.val)
        # numId 0 means "no numbering" (a list style switched off for this paragraph).
        return (None if num_id == "0" else num_id), (ilvl or 0)
