"""The topic taxonomy (data/topics.toml): the one loader the importer, the validator, the
browse pages and the search index share."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TOPICS_FILE = "topics.toml"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Topic:
    name: str
    slug: str
    keywords: tuple[str, ...]


class TaxonomyError(ValueError):
    """data/topics.toml breaks its schema; the message names the file and the entry."""


def load_topics(data_dir: str | Path) -> tuple[Topic, ...]:
    """The topics of `data_dir`/topics.toml, in file order. A missing or broken file is an
    error: an archive whose articles name topics cannot go on without it."""
    path = (Path(data_dir) / TOPICS_FILE).resolve()
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot read the topic taxonomy ({exc.strerror})") from exc
    return _load(path, stamp)


@lru_cache(maxsize=4)
def _load(path: Path, stamp: int) -> tuple[Topic, ...]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TaxonomyError(f"{path}: cannot read the topic taxonomy: {exc}") from exc
    topics, names, slugs = [], set(), set()
    for number, entry in enumerate(data.get("topic", []), start=1):
        name, slug, keywords = entry.get("name"), entry.get("slug"), entry.get("keywords", [])
        where = f"{path}: topic #{number} ({name or slug or '?'})"
        if not isinstance(name, str) or not name.strip():
            raise TaxonomyError(f"{where}: `name` is missing")
        if not isinstance(slug, str) or not _SLUG.fullmatch(slug):
            raise TaxonomyError(f"{where}: `slug` {slug!r} must be lowercase ASCII words joined by -")
        if not isinstance(keywords, list) or not all(isinstance(k, str) and k for k in keywords):
            raise TaxonomyError(f"{where}: `keywords` must be a list of words")
        if name in names or slug in slugs:
            raise TaxonomyError(f"{where}: name or slug used twice")
        names.add(name)
        slugs.add(slug)
        topics.append(Topic(name, slug, tuple(keywords)))
    return tuple(topics)
