"""The plain text of an article's HTML, with a map back into the HTML, and the marking of
source sentences in that HTML.

Extraction reads the text a reader sees (what the browser renders), and the anchor has to
land on exactly that text in the HTML, even when a sentence crosses inline markup
(`街道<strong>荣获</strong>…`). So the text is built from the HTML itself, keeping for every
character the HTML range it came from.
"""
from __future__ import annotations

import html
import re
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
_SOURCE_OPENER = re.compile(r'<span class="timeline-source" id="[^"]*">')


@dataclass
class _Tag:
    start: int
    end: int
    name: str
    closing: bool
    partner: int | None = None  # index of the matching open/close tag in HtmlText.tags


class HtmlText:
    """`text` is what a reader reads; `starts[i]`/`ends[i]` give the HTML range of text[i]
    (-1 for the line breaks inserted at block boundaries)."""

    def __init__(self, source: str):
        self.source = source
        chars: list[str] = []
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
                tag = _Tag(token.start(), token.end(), name, closing)
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
                    chars.append("\n")
                    self.starts.append(-1)
                    self.ends.append(-1)
                continue
            if skipping:
                continue
            self._add_text(piece, token.start(), chars)
        self.text = "".join(chars)

    def _add_text(self, piece: str, offset: int, chars: list[str]) -> None:
        position = 0
        for entity in _ENTITY.finditer(piece) if "&" in piece else ():
            self._add_plain(piece, position, entity.start(), offset, chars)
            decoded = html.unescape(entity.group(0))
            chars.append(decoded)
            self.starts.extend([offset + entity.start()] * len(decoded))
            self.ends.extend([offset + entity.end()] * len(decoded))
            position = entity.end()
        self._add_plain(piece, position, len(piece), offset, chars)

    def _add_plain(self, piece: str, start: int, end: int, offset: int, chars: list[str]) -> None:
        # Whole runs at once: articles are long and this runs for every one of them.
        chars.append(piece[start:end])
        self.starts.extend(range(offset + start, offset + end))
        self.ends.extend(range(offset + start + 1, offset + end + 1))

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


def unwrap_sources(source: str) -> str:
    """The HTML without the anchor spans wrap_ranges put in, so marking is idempotent: an
    article whose HTML already carries them (a cache, a second pass) is not wrapped twice."""
    if 'class="timeline-source"' not in source:
        return source
    doc = HtmlText(source)
    cuts = []
    for tag in doc.tags:
        if (not tag.closing and tag.name == "span" and tag.partner is not None
                and _SOURCE_OPENER.fullmatch(source, tag.start, tag.end)):
            closer = doc.tags[tag.partner]
            cuts += [(tag.start, tag.end), (closer.start, closer.end)]
    out, position = [], 0
    for start, end in sorted(cuts):
        out.append(source[position:start])
        position = end
    out.append(source[position:])
    return "".join(out)
