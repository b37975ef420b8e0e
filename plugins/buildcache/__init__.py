"""A content-hash cache for work a plugin does per article (tokens, extraction results), so a
rebuild after one edit redoes the work for that article only.

    from plugins.buildcache import cache_for
    tokens = cache_for(self.settings).get_or_compute("search.tokens.v1", text,
                                                     lambda: tokenize(text))

The key is a hash of `key_text` (the exact input of the computation); the namespace names the
computation and its version: bump the version whenever the computation changes, and old entries
are simply never hit again. Values must pickle, and are shared: treat them as read-only.

`cache_for(settings).get_or_compute_all(...)` computes the missing values in worker processes
(parallel.py). `written_files()` lists the files the build in progress has written (written.py).
"""
from .plugin import register
from .settings import buildcache_settings
from .store import BuildCache, cache_for
from .written import written_files

__all__ = ["BuildCache", "cache_for", "processes", "register", "written_files"]


def processes(settings) -> int:
    """Worker processes for per-article work (BUILDCACHE["PROCESSES"]; 0: one per core)."""
    return buildcache_settings(settings)["PROCESSES"]
