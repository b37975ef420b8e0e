"""A namespace kept on disk (SQLite) and read a batch at a time, for values too large to hold
for a whole archive at once: every article's search terms are about 2 GB at 100,000 articles,
where a pickled namespace is loaded whole and held for the build.

    terms = cache_for(settings).on_disk("search.tokens.v4")
    values = terms.get_or_compute_all(keyed, fn, processes)   # as BuildCache's, per batch

As with the other namespaces, the entries this build did not use are dropped when the build's
cache is saved. Values are pickled.
"""
from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path
from typing import Any, Callable

# SQLite allows 32,766 parameters in one statement; fewer keep each statement small.
_KEYS_PER_QUERY = 900


class DiskNamespace:
    def __init__(self, path: Path | None, key_of: Callable[[str], str]):
        self.path, self._key_of = path, key_of
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        # A build and a livereload of one tree may share the file: wait for the other's write.
        self.db = sqlite3.connect(str(path) if path is not None else ":memory:", timeout=60)
        self.db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB)")
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
        self.hits = self.misses = 0

    def get_or_compute_all(self, keyed: list[tuple[str, Any]], fn: Callable[[Any], Any],
                           processes: int = 1) -> list:
        """BuildCache.get_or_compute_all, with the entries read from and written to disk."""
        keys = [self._key_of(key_text) for key_text, _ in keyed]
        found: dict[str, bytes] = {}
        for at in range(0, len(keys), _KEYS_PER_QUERY):
            part = keys[at:at + _KEYS_PER_QUERY]
            found.update(self.db.execute(
                f"SELECT key, value FROM entries WHERE key IN ({','.join('?' * len(part))})",
                part))
        missing = {key: arg for key, (_, arg) in zip(keys, keyed) if key not in found}
        self.hits += len(keys) - len(missing)
        self.misses += len(missing)
        computed: dict[str, Any] = {}
        if missing:
            from .parallel import map_in_processes

            computed = dict(zip(missing, map_in_processes(fn, list(missing.values()), processes)))
            self.db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)",
                                ((key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
                                 for key, value in computed.items()))
        self.db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in keys))
        self.db.commit()
        return [computed[key] if key in computed else pickle.loads(found[key]) for key in keys]

    def save(self) -> tuple[int, int]:
        """Drop the entries this build did not use, start counting anew; (hits, misses)."""
        if self.hits or self.misses:
            self.db.execute("DELETE FROM entries WHERE key NOT IN (SELECT key FROM used)")
        self.db.execute("DELETE FROM used")
        self.db.commit()
        counts, self.hits, self.misses = (self.hits, self.misses), 0, 0
        return counts
