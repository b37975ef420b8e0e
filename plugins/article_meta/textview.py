"""The one conversion of HTML to text in the archive, used by the search index, the timeline,
descriptions (seo) and the table of contents; and the marking of sentences in that HTML.

The timeline reads the text a reader sees (what the browser renders), and its anchor has to
land on exactly that text in the HTML, even when a sentence crosses inline markup
(`街道<strong>荣获</strong>…`). So the text is built from the HTML itself, keeping for every
character the HTML range it came from (when asked for: the index needs only the text).
Block elements end a line; inline markup adds nothing, so 街道<b>荣获</b> reads 街道荣获.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

# Elements whose boundaries end a sentence: the text gets a line break there.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul",
})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                       "meta", "source", "track", "wbr"})
# Text inside these is not prose a reader reads as sentences.
SKIP_TAGS = frozenset({"script", "style", "template"})

_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<\?[^>]*>|<[^>]+>|[^<]+", re.S)
_TAG_NAME = re.compile(r"<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9-]*)")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?")
_ID_ATTRIBUTE = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_SPACES = re.compile(r"\s+")


@dataclass
class _Tag:
    start: int
    end: int
    name: str
    closing: bool
    partner: int | None = None  # index of the matching open/close tag in HtmlText.tags
    text_at: int = 0            # length of the text before the tag


class HtmlText:
    """`text` is what a reader reads. With `offsets`, `starts[i]`/`ends[i]` give the HTML
    range of text[i] (-1 for the line breaks inserted at block boundaries)."""

    def __init__(self, source: str, offsets: bool = True):
        self.source = source
        self.offsets = offsets
        self._chars: list[str] = []
        self._length = 0
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.tags: list[_Tag] = []
        open_stack: list[int] = []
        skipping = 0
        for token in _TOKEN.finditer(source):
            piece = token.group(0)
            if piece.startswith("<"):
                tag_match = _TAG_NAME.match(piece)
                if not tag_match:  # comment, doctype, processing instruction
                    continue
                closing, name = bool(tag_match.group(1)), tag_match.group(2).lower()
                tag = _Tag(token.start(), token.end(), name, closing, text_at=self._length)
                index = len(self.tags)
                self.tags.append(tag)
                if name in SKIP_TAGS:
                    skipping += -1 if closing else 1
                    skipping = max(skipping, 0)
                if closing:
                    # Pair with the nearest open tag of that name; tags left open in between
                    # (sloppy HTML) stay unpaired and are never crossed.
                    for depth in range(len(open_stack) - 1, -1, -1):
                        if self.tags[open_stack[depth]].name == name:
                            opener = open_stack[depth]
                            self.tags[opener].partner = index
                            tag.partner = opener
                            del open_stack[depth:]
                            break
                elif name not in VOID_TAGS and not piece.rstrip().endswith("/>"):
                    open_stack.append(index)
                if name in BLOCK_TAGS:
                    self._append("\n", -1, -1)
                continue
            if skipping:
                continue
            self._add_text(piece, token.start())
        self.text = "".join(self._chars)
        del self._chars

    def _append(self, text: str, start: int, end: int) -> None:
        self._chars.append(text)
        self._length += len(text)
        if self.offsets:
            self.starts.extend([start] * len(text))
            self.ends.extend([end] * len(text))

    def _add_text(self, piece: str, offset: int) -> None:
        position = 0
        for entity in _ENTITY.finditer(piece) if "&" in piece else ():
            self._add_plain(piece, position, entity.start(), offset)
            self._append(html.unescape(entity.group(0)), offset + entity.start(),
                         offset + entity.end())
            position = entity.end()
        self._add_plain(piece, position, len(piece), offset)

    def _add_plain(self, piece: str, start: int, end: int, offset: int) -> None:
        # Whole runs at once: articles are long and this runs for every one of them.
        self._chars.append(piece[start:end])
        self._length += end - start
        if self.offsets:
            self.starts.extend(range(offset + start, offset + end))
            self.ends.extend(range(offset + start + 1, offset + end + 1))

    def headings(self, levels: tuple[str, ...] = ("h2", "h3")) -> list[dict]:
        """[{level, id, text}] of the headings with an id, in document order."""
        found = []
        for tag in self.tags:
            if tag.closing or tag.name not in levels or tag.partner is None:
                continue
            anchor = _ID_ATTRIBUTE.search(self.source, tag.start, tag.end)
            text = _SPACES.sub(" ", self.text[tag.text_at:self.tags[tag.partner].text_at]).strip()
            if anchor and text:
                found.append({"level": int(tag.name[1]), "text": text,
                              "id": html.unescape(next(g for g in anchor.groups() if g is not None))})
        return found

    def html_range(self, start: int, end: int) -> tuple[int, int]:
        """The smallest well-nested HTML range holding text[start:end].

        A sentence that starts outside an inline element and ends inside it (or the reverse)
        cannot be wrapped in one element as it is; the range grows to take in the whole
        element, so the wrapper is valid HTML and still covers the entire sentence.
        """
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"text range {start}:{end} outside 0:{len(self.text)}")
        begin = self.starts[start]
        finish = self.ends[end - 1]
        if begin < 0 or finish < 0:
            raise ValueError("a sentence range may not start or end at a block boundary")
        changed = True
        while changed:
            changed = False
            for tag in self.tags:
                if tag.end <= begin or tag.start >= finish or tag.partner is None:
                    continue
                partner = self.tags[tag.partner]
                if tag.closing and partner.start < begin:
                    begin, changed = partner.start, True
                elif not tag.closing and partner.end > finish:
                    finish, changed = partner.end, True
        return begin, finish


def wrap_ranges(source: str, ranges: list[tuple[int, int, list[str]]]) -> str:
    """Insert `<span class="timeline-source" id=…>` around each HTML range.

    `ranges` holds (begin, end, ids). Several ids on one range nest one span per id, so every
    entry drawn from the same sentence has its own target. Overlapping ranges (possible only
    after html_range widened one) are merged, keeping the result well nested.
    """
    merged: list[list] = []
    for begin, end, ids in sorted(ranges, key=lambda r: (r[0], -r[1])):
        if merged and begin < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].extend(i for i in ids if i not in merged[-1][2])
        else:
            merged.append([begin, end, list(ids)])
    out = source
    for begin, end, ids in reversed(merged):
        opening = "".join(f'<span class="timeline-source" id="{html.escape(i, quote=True)}">'
                          for i in ids)
        out = out[:begin] + opening + out[begin:end] + "</span>" * len(ids) + out[end:]
    return out


def plain_text(source: str, length: int = 0) -> str:
    """The HTML's text on one line: NFC-normalised, whitespace runs as one space, cut at
    `length` characters with an ellipsis. NFC here keeps the search folding from changing the
    text's length, so offsets in folded text are offsets in this text."""
    text = unicodedata.normalize("NFC", HtmlText(source or "", offsets=False).text)
    text = _SPACES.sub(" ", text).strip()
    if length and len(text) > length:
        text = text[: length - 1].rstrip() + "…"
    return text


def section_id(value: str, separator: str) -> str:
    """The Markdown toc extension's slugify: every heading id is "sec" (the extension makes
    them unique: sec, sec_1, …), so ids stay ASCII whatever the heading says. A module-level
    function, not a lambda, so that Pelican's reader cache can pickle the settings."""
    return "sec"
