"""Folding: Traditional → Simplified (OpenCC), full-width → half-width, case.

Two Traditional → Simplified conversions live here, for two different jobs:
- `to_simplified` converts at phrase level (OpenCC's t2s config), for text people read:
  the importer turns a Traditional document into Simplified prose with it.
- `fold` converts character by character with `t2s_char_map()`, for matching: the browser
  folds queries with the same map (shipped as JSON by the search plugin), and a phrase-level
  conversion cannot be reproduced there. Both sides fold alike, so 乾 becoming 干 in both the
  index and the query is harmless.
"""
from functools import lru_cache
import unicodedata

import opencc

# Every block of CJK ideographs whose characters OpenCC may map (BMP, compatibility, and the
# supplementary planes where some Traditional variants live).
CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
              (0x20000, 0x2EBEF), (0x30000, 0x3134F))


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


@lru_cache(maxsize=1)
def t2s_char_map() -> dict[str, str]:
    """Single-character Traditional → Simplified map generated from OpenCC's own t2s data.

    Every CJK code point is converted on its own line, so no phrase rule can apply; only
    characters that change, and change into exactly one character, are kept (folding must
    keep text length, because search offsets point into folded text).
    """
    chars = [chr(c) for first, last in CJK_RANGES for c in range(first, last + 1)]
    converted = _t2s().convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        raise RuntimeError("zhtext: OpenCC t2s changed the number of lines; cannot build the map")
    return {a: b for a, b in zip(chars, converted) if a != b and len(b) == 1}


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    table = {ord(k): v for k, v in t2s_char_map().items()}
    # Full-width Latin letters and digits → ASCII; the ideographic and no-break spaces →
    # space. CJK punctuation keeps its full-width form so sentence boundaries survive.
    for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)):
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    table[0x00A0] = " "
    # Only ASCII letters are lower-cased: str.lower() changes the length of a few non-ASCII
    # letters (İ → i̇) and JavaScript's toLowerCase() differs from it on others.
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    for code in range(0xFF21, 0xFF3B):
        table[code] = chr(code - 0xFEE0 + 32)
    return table


def fold(text: str) -> str:
    """The search folding: NFC, then per character Simplified, half-width Latin letters and
    digits, ASCII lower case. On NFC text it keeps the length (one character for one)."""
    return unicodedata.normalize("NFC", text).translate(_fold_table())
