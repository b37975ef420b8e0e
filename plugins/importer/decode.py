"""Raw bytes → text: size and binary checks, then encoding detection (charset-normalizer)."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from .errors import ImportFailure

# Chinese encodings the archive receives, and the superset to decode them with: GB2312 and
# GBK text decodes the same under GB18030; Big5 pages often use the HKSCS extensions.
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs",
             "cp950": "big5hkscs", "ascii": "utf_8"}
_CANDIDATES = ["utf_8", "gb18030", "big5hkscs"]
_DETECT = ["utf_8", "gb18030", "big5"]


def check_size(path, size: int, limit: int) -> None:
    if size == 0:
        raise ImportFailure(path, "empty file")
    if size > limit:
        raise ImportFailure(path, f"file too large ({size} bytes; the limit is {limit}); "
                                  "split it or raise --max-bytes")


def decode(path, data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Raises ImportFailure naming the file (and line) when the bytes
    are binary, undecodable or blank."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(path, data[3:], "utf_8"), "utf_8_sig"
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf_16"), (codecs.BOM_UTF16_BE, "utf_16")):
        if data.startswith(bom):
            return _strict(path, data, enc), enc
    if b"\x00" in data[:8192] or _control_ratio(data[:8192]) > 0.05:
        raise ImportFailure(path, "binary file (control bytes), not a text or HTML document")
    # The detector ranks the encodings the archive receives (DESIGN.md) by how chaotic each
    # decoding looks; strict decoding then decides. On a tie (a very short text decodes cleanly
    # both ways) GB18030 wins: the archive's sources are mostly mainland pages.
    matches = from_bytes(data, cp_isolation=_DETECT)
    ranked = sorted(matches, key=lambda m: (round(m.chaos, 3), _DETECT.index(m.encoding)
                                            if m.encoding in _DETECT else len(_DETECT)))
    for enc in dict.fromkeys([*(_SUPERSET.get(m.encoding, m.encoding) for m in ranked), *_CANDIDATES]):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if not text.strip():
            raise ImportFailure(path, "empty file (only whitespace)")
        return text, enc
    line, offset, byte = _first_bad(data)
    raise ImportFailure(path, f"undecodable bytes (0x{byte:02x} at byte {offset}) in UTF-8, "
                              "GB18030 and Big5", line)


def _strict(path, data: bytes, enc: str) -> str:
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise ImportFailure(path, f"undecodable bytes after a {enc} byte-order mark", line) from None
    if not text.strip():
        raise ImportFailure(path, "empty file (only whitespace)")
    return text


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    control = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return control / len(data)


def _first_bad(data: bytes) -> tuple[int, int, int]:
    """Where decoding goes wrong for the candidate that gets furthest."""
    furthest = 0
    for enc in _CANDIDATES:
        try:
            data.decode(enc)
        except UnicodeDecodeError as e:
            furthest = max(furthest, e.start)
    return data[:furthest].count(b"\n") + 1, furthest, data[furthest] if furthest < len(data) else 0
