"""The cache itself: one pickle file per namespace, loaded on first use, written at the end of
the build with only the entries this build used (so edited and deleted articles drop out)."""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import tempfile
from pathlib import Path
from typing import Any, Callable

from .disk import DiskNamespace

logger = logging.getLogger(__name__)

# Bumped when the file layout changes; older files are then ignored and rewritten.
FORMAT = 1
_SETTINGS_KEY = "_BUILDCACHE"
_NAMESPACE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class _Namespace:
    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict[str, Any] = {}
        self.used: set[str] = set()
        self.hits = self.misses = 0
        if path is not None:
            self.entries = _read(path)


def _key(key_text: str) -> str:
    return hashlib.blake2b(key_text.encode("utf-8"), digest_size=16).hexdigest()


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            fmt, entries = pickle.load(f)
    except FileNotFoundError:
        return {}
    except Exception as e:  # a truncated or foreign file is only a lost cache, not an error
        logger.info("buildcache: ignoring unreadable %s (%s)", path, e)
        return {}
    return entries if fmt == FORMAT and isinstance(entries, dict) else {}


class BuildCache:
    """get_or_compute(namespace, key_text, fn) with entries kept under `path` between builds.

    `path=None` keeps entries in memory only (the ENABLED=False case and plain scripts).
    """

    def __init__(self, path: str | Path | None):
        self.path = Path(path) if path is not None else None
        self._namespaces: dict[str, _Namespace] = {}
        self._on_disk: dict[str, DiskNamespace] = {}
        self._this_build: dict[str, Any] = {}

    def for_this_build(self, key: str, fn: Callable[[], Any]) -> Any:
        """fn(), computed once per build and kept in memory only: work every article needs
        the same answer to (the reference data it is checked against). Forgotten when the
        build ends (save), so a long-lived process never reuses it for the next build."""
        if key not in self._this_build:
            self._this_build[key] = fn()
        return self._this_build[key]

    def get_or_compute(self, namespace: str, key_text: str, fn: Callable[[], Any]) -> Any:
        ns = self._namespace(namespace)
        key = _key(key_text)
        ns.used.add(key)
        try:
            value = ns.entries[key]
        except KeyError:
            ns.misses += 1
            value = ns.entries[key] = fn()
        else:
            ns.hits += 1
        return value

    def get_or_compute_all(self, namespace: str, keyed: list[tuple[str, Any]],
                           fn: Callable[[Any], Any], processes: int = 1) -> list:
        """[get_or_compute(namespace, key_text, lambda: fn(arg)) for key_text, arg in keyed],
        with the values not in the cache computed in `processes` worker processes (0: one
        per core; parallel.py): fn must be module-level, its argument and value picklable."""
        ns = self._namespace(namespace)
        keys = [_key(key_text) for key_text, _ in keyed]
        ns.used.update(keys)
        missing = {key: arg for key, (_, arg) in zip(keys, keyed) if key not in ns.entries}
        ns.hits += len(keys) - len(missing)
        ns.misses += len(missing)
        if missing:
            from .parallel import map_in_processes

            ns.entries.update(zip(missing, map_in_processes(fn, list(missing.values()),
                                                            processes)))
        return [ns.entries[key] for key in keys]

    def write_unless_unchanged(self, namespace: str, key_text: str, path: str | Path,
                               write: Callable[[], None]) -> bool:
        """Call write() to (re)write the file at `path` from the inputs `key_text` describes,
        unless the last build wrote it from the same inputs and it is still as that build
        left it (same size and mtime: a build that failed before saving the cache, or a
        person, may have changed it since). Returns whether write() ran."""
        ns = self._namespace(namespace)
        key = _key(f"{os.fspath(path)}\0{key_text}")
        ns.used.add(key)
        stamp = ns.entries.get(key)
        if stamp is not None and stamp == file_stamp(path):
            ns.hits += 1
            return False
        ns.misses += 1
        write()
        ns.entries[key] = file_stamp(path)
        return True

    def on_disk(self, namespace: str) -> DiskNamespace:
        """A namespace kept on disk and read a batch at a time (disk.py): for values too large
        to hold for the whole archive."""
        ns = self._on_disk.get(namespace)
        if ns is None:
            _check_name(namespace)
            file = self.path / f"{namespace}.sqlite" if self.path is not None else None
            ns = self._on_disk[namespace] = DiskNamespace(file, _key)
        return ns

    def _namespace(self, namespace: str) -> _Namespace:
        ns = self._namespaces.get(namespace)
        if ns is None:
            _check_name(namespace)
            file = self.path / f"{namespace}.pickle" if self.path is not None else None
            ns = self._namespaces[namespace] = _Namespace(file)
        return ns

    # The cache travels inside the settings: a copy of the settings must share it, and
    # Pelican's content cache, which pickles settings, must not drag every entry along.
    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (BuildCache, (None,))

    def stats(self) -> dict[str, tuple[int, int]]:
        """namespace → (hits, misses) since the last save."""
        return {name: (ns.hits, ns.misses)
                for name, ns in sorted({**self._namespaces, **self._on_disk}.items())}

    def save(self) -> None:
        """Write every namespace used since the last save, keeping only the entries used, and
        start counting anew (livereload runs several builds on one cache)."""
        self._this_build.clear()
        for ns in self._namespaces.values():
            self._save(ns)
        for ns in self._on_disk.values():
            ns.save()

    @staticmethod
    def _save(ns: _Namespace) -> None:
        kept = {k: ns.entries[k] for k in ns.used}
        changed = ns.misses or len(kept) != len(ns.entries)
        ns.entries, ns.used, ns.hits, ns.misses = kept, set(), 0, 0
        if ns.path is not None and changed:
            _write_atomically(ns.path, (FORMAT, kept))


def _check_name(namespace: str) -> None:
    if not _NAMESPACE.match(namespace):
        raise ValueError(f"buildcache: namespace {namespace!r} must be ASCII letters, "
                         "digits, '.', '_' or '-' (it names a file)")


def _write_atomically(path: Path, data) -> None:
    # Two builds of one tree at once (a livereload and a test) must not leave a torn file.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def file_stamp(path: str | Path) -> tuple[int, int] | None:
    """(size, mtime in ns) of a file, None when it does not exist."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_size, st.st_mtime_ns


def cache_for(settings) -> BuildCache:
    """The build's cache, kept in the build's own settings (no state shared between builds).

    Without plugins.buildcache in PLUGINS the cache lives in memory for this build only.
    """
    cache = settings.get(_SETTINGS_KEY)
    if cache is None:
        cache = settings[_SETTINGS_KEY] = BuildCache(None)
    return cache
