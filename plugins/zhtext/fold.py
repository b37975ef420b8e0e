"""Folding: Traditional → Simplified (OpenCC, phrase level), full-width → half-width, case."""
from functools import lru_cache
import unicodedata

import opencc


@lru_cache(maxsize=1)
def _t2s():
    # t2s converts phrases before characters (OpenCC's own config), so 乾隆 is not 干隆.
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional Chinese → Simplified, at phrase level. Simplified text passes unchanged."""
    return _t2s().convert(text) if text else text


def is_traditional(text: str, threshold: float = 0.02) -> bool:
    """True when enough CJK characters change under t2s to call the text Traditional.

    A few characters differ in any Simplified text (e.g. 乾 in names), hence a ratio.
    """
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return False
    simplified = to_simplified("".join(han))
    changed = sum(1 for a, b in zip(han, simplified) if a != b)
    return changed / len(han) >= threshold


def _halfwidth_alnum(ch: str) -> str:
    # Only Latin letters, digits and the ideographic space are folded: CJK punctuation keeps
    # its full-width form so sentence boundaries survive folding.
    code = ord(ch)
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return chr(code - 0xFEE0)
    if ch == "\u3000" or ch == "\u00a0":
        return " "
    return ch


def fold(text: str) -> str:
    """The search folding: Simplified, half-width Latin letters and digits, lower case, NFC."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(_halfwidth_alnum(c) for c in text)
    return to_simplified(text).lower()
