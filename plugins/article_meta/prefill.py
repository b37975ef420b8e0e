"""Articles read on every core before Pelican reads them one by one.

Pelican reads (and renders from Markdown) each article in turn, keeping the result in its
reader cache by file stamp. Here the articles whose cached reading is missing or stale are
read first in worker processes with the same reader, and their results put into that cache:
Pelican's own pass then finds every article read, exactly as on a rebuild with a warm cache
(which tests/site/test_reader_cache.py shows to be byte for byte a fresh build).
"""
from __future__ import annotations

import logging
import os

from pelican.readers import _filter_discardable_metadata

from plugins.buildcache import processes
from plugins.buildcache.parallel import map_in_processes

logger = logging.getLogger(__name__)

# The reader the workers use: set just before they are forked, so they inherit it.
_reader = None


def _read(path: str) -> tuple:
    return _reader.read(path)


def read_in_parallel(generator) -> None:
    global _reader
    settings = generator.settings
    readers = generator.readers
    paths = [os.path.abspath(os.path.join(generator.path, name)) for name in
             generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])]
    stale = [path for path in paths if path.endswith(".md")
             and readers.get_cached_data(path, None) is None]
    logger.info("build: %d of %d articles to read, the others are in the reader cache",
                len(stale), len(paths))
    if len(stale) < 2 or processes(settings) == 1:
        return
    _reader = readers.readers["md"]
    try:
        for path, (content, metadata) in zip(stale, map_in_processes(_read, stale,
                                                                     processes(settings))):
            readers.cache_data(path, (content, _filter_discardable_metadata(metadata)))
    finally:
        _reader = None
