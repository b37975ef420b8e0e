"""Punctuation and spacing normalisation for Chinese prose.

Documents typed on Western keyboards or passed through converters mix half-width `, : ; ( ) ! ?`
into Chinese sentences. Chinese typography uses the full-width forms there; numbers (`97.34%`,
`1.6万`, `2022.5.20`, `9:50:25`, `1,000`) and Latin text keep their half-width forms.
"""
from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Characters that make a neighbouring half-width mark "Chinese": Han characters, full-width
# punctuation and the quotes Chinese text uses.
_CJK_CONTEXT = HAN + "\u3000-\u303f\uff01-\uff60\u201c\u201d\u2018\u2019\u2026\u2014"

# Odd spaces: ideographic space, no-break spaces, thin/em spaces. Zero-width characters are
# dropped outright: they only ever come from copy-paste and break search.
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
_SPACE_RUN = re.compile(r"[ \t]{2,}")

_SIMPLE = {",": "，", ";": "；", "!": "！", "?": "？"}
_ctx = f"[{_CJK_CONTEXT}]"
# `,` `;` `!` `?` next to a Chinese character (on either side). `1,000` has digits on both
# sides and no Chinese neighbour, so it never matches.
_MARK_AFTER_CJK = re.compile(rf"(?<={_ctx})[ ]?([,;!?])")
_MARK_BEFORE_CJK = re.compile(rf"([,;!?])[ ]?(?={_ctx})")
# `:` is also a time and ratio separator (9:50, 1:1000): only convert it after Chinese text and
# not when digits stand on both sides.
_COLON = re.compile(rf"(?<={_ctx}) ?:(?!\d\d?(?::\d\d)?\b)")
_COLON_BEFORE = re.compile(rf"(?<![\d]):[ ]?(?={_ctx})")
# A parenthesised group that belongs to Chinese text: it contains a Han character, or a Han
# character stands right outside it, or it opens a line as an enumerator like (1).
_PAREN = re.compile(r"\(([^()\n]{0,200})\)")
# Full-width marks carry their own spacing: a space beside one is a typing slip.
_FULLWIDTH_MARKS = "，。、：；！？（）《》“”‘’【】"
_SPACE_BY_MARK = re.compile(rf" +(?=[{_FULLWIDTH_MARKS}])|(?<=[{_FULLWIDTH_MARKS}]) +")


def normalize_spaces(text: str) -> str:
    """Odd spaces → ASCII space, zero-width characters removed, runs of spaces collapsed."""
    text = _ZERO_WIDTH.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return _SPACE_RUN.sub(" ", text).strip()


def _is_cjk(ch: str) -> bool:
    return bool(ch) and re.match(_ctx, ch) is not None


def _paren(match: re.Match) -> str:
    inner = match.group(1)
    text = match.string
    before = text[match.start() - 1] if match.start() > 0 else ""
    after = text[match.end()] if match.end() < len(text) else ""
    enumerator = match.start() == 0 and re.fullmatch(r"\d{1,2}|[一二三四五六七八九十]{1,3}", inner)
    if enumerator or re.search(f"[{HAN}]", inner) or _is_cjk(before) or _is_cjk(after):
        return f"（{inner}）"
    return match.group(0)


def to_fullwidth_punctuation(text: str) -> str:
    """Half-width `, : ; ( ) ! ?` in Chinese context → full-width (and spaces beside full-width
    marks dropped); numbers and Latin kept."""
    # Each conversion makes Chinese context for its neighbours (一,, → 一，，; 一,(a) → 一，（a）):
    # repeat until nothing changes. Parentheses first, so a converted （ counts for the marks.
    previous = None
    while previous != text:
        previous = text
        text = _PAREN.sub(_paren, text)
        text = _MARK_AFTER_CJK.sub(lambda m: _SIMPLE[m.group(1)], text)
        text = _MARK_BEFORE_CJK.sub(lambda m: _SIMPLE[m.group(1)], text)
        text = _COLON.sub("：", text)
        text = _COLON_BEFORE.sub("：", text)
    return _SPACE_BY_MARK.sub("", text)
