"""The ASCII slugs of free tags."""
from __future__ import annotations

import hashlib

from pelican.utils import slugify


def tag_slug(name: str) -> str:
    """Readable and collision-free: the pinyin slug Pelican would make (社区 and 设区 are both
    she-qu) plus a short hash of the exact name."""
    readable = slugify(name, regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""),
                                         (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")])
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
    return f"{readable[:40].strip('-') or 'tag'}-{digest}"
