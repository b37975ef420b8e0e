"""Signal handlers: give each content tree its own cache folder, attach the cache to the build's
settings when the build starts, save it when the build ends."""
from __future__ import annotations

import hashlib
import logging
import shutil
import time
from pathlib import Path

from pelican import signals

from .settings import buildcache_settings
from .store import _SETTINGS_KEY, BuildCache
from .written import note, start

logger = logging.getLogger(__name__)
# Marks a folder this plugin made, so pruning never removes anything else under CACHE_PATH.
_TREE_MARK = ".buildcache-tree"


# Pelican's reader cache (in the tree folder) keeps what the readers returned, by file stamp
# only: change this when that output changes, so caches of the old code are not read.
# "sanitised": article HTML is sanitised by the reader since issue 14.
READER_OUTPUT = "sanitised"


def tree_folder(cache_root: Path, content_path: str, settings=None) -> Path:
    """The cache folder of one content tree. Pelican's reader cache pickles the settings, and
    with them the functions they name (ARTICLE_ORDER_BY, the Markdown toc's slugify): when one
    of those moves to another module an old cache no longer loads, and Pelican stops. So the
    names of those functions are part of the folder's name, like the version of the readers'
    output; the old folder is pruned with the unused ones."""
    key = "\0".join([str(Path(content_path).resolve()), READER_OUTPUT,
                     *sorted(_function_names(settings))])
    tree_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    return cache_root / tree_id


def _function_names(value) -> set[str]:
    if isinstance(value, dict):
        return set().union(*map(_function_names, value.values())) if value else set()
    if isinstance(value, (list, tuple)):
        return set().union(*map(_function_names, value)) if value else set()
    if callable(value) and hasattr(value, "__qualname__"):
        return {f"{getattr(value, '__module__', '')}.{value.__qualname__}"}
    return set()


def attach(pelican) -> None:
    settings = pelican.settings
    options = buildcache_settings(settings)
    root = Path(settings["CACHE_PATH"]).resolve()
    tree = tree_folder(root, settings["PATH"], settings)
    tree.mkdir(parents=True, exist_ok=True)
    (tree / _TREE_MARK).write_text(settings["PATH"] + "\n", encoding="utf-8")  # also the mtime
    _prune(root, tree, options["MAX_AGE_DAYS"])
    # Pelican's own content cache is keyed by absolute source path: other trees' entries are
    # never hits for this one, and sharing its file lets parallel builds tear it.
    settings["CACHE_PATH"] = str(tree)
    path = tree / options["PATH"] if options["ENABLED"] else None
    settings[_SETTINGS_KEY] = BuildCache(path)


def _prune(root: Path, keep: Path, max_age_days: float) -> None:
    cutoff = time.time() - max_age_days * 86400
    for folder in root.iterdir():
        mark = folder / _TREE_MARK
        if folder != keep and mark.is_file() and mark.stat().st_mtime < cutoff:
            owner = mark.read_text(encoding="utf-8").strip()
            shutil.rmtree(folder, ignore_errors=True)
            logger.info("buildcache: removed the unused cache of %s", owner)


def save(pelican) -> None:
    cache = pelican.settings.get(_SETTINGS_KEY)
    if cache is not None:
        for namespace, (hits, misses) in cache.stats().items():
            logger.info("buildcache: %s: %d reused, %d computed", namespace, hits, misses)
        cache.save()


def register() -> None:
    signals.initialized.connect(attach)
    signals.all_generators_finalized.connect(start)
    signals.content_written.connect(note)
    signals.feed_written.connect(note)
    signals.finalized.connect(save)
