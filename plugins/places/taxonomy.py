"""The topic taxonomy (data/topics.toml) and the ASCII slugs of free tags."""
from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

from pelican.utils import slugify

from .listing import Topic

_TOPIC_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class TaxonomyError(ValueError):
    """data/topics.toml breaks its schema; the message names the file and the entry."""


def load_topics(path: Path, settings: dict) -> list[Topic]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TaxonomyError(f"{path}: cannot read the topic taxonomy: {exc}") from exc
    topics, names, slugs = [], set(), set()
    for number, entry in enumerate(data.get("topic", []), start=1):
        name, slug = entry.get("name"), entry.get("slug")
        where = f"{path}: topic #{number} ({name or slug or '?'})"
        if not isinstance(name, str) or not name.strip():
            raise TaxonomyError(f"{where}: `name` is missing")
        if not isinstance(slug, str) or not _TOPIC_SLUG.fullmatch(slug):
            raise TaxonomyError(f"{where}: `slug` {slug!r} must be lowercase ASCII words joined by -")
        if name in names or slug in slugs:
            raise TaxonomyError(f"{where}: name or slug used twice")
        names.add(name)
        slugs.add(slug)
        topics.append(Topic(name, slug, list(entry.get("keywords", [])), settings))
    return topics


def tag_slug(name: str) -> str:
    """Readable and collision-free: the pinyin slug Pelican would make (社区 and 设区 are both
    she-qu) plus a short hash of the exact name."""
    readable = slugify(name, regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""),
                                         (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")])
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
    return f"{readable[:40].strip('-') or 'tag'}-{digest}"
