"""The caches of builds of parts of one content tree, merged into the cache of a whole build.

A partitioned build (docs/scale.md) builds each part of the archive on its own (Pelican's
ARTICLE_PATHS naming the part's articles, the same PATH and settings, its own CACHE_PATH), so
the per-article work of every part runs at once on different machines. Merged here, their
caches let a build of the whole archive find that work done: Pelican's reader cache (the
Markdown read and rendered, by source path and stamp) and every namespace of this plugin (by
the hash of each computation's input). A result that depends on more than its own article is
keyed by that too, and is simply computed again by the whole build.

    python -m plugins.buildcache.merge CACHE_PATH PART_CACHE_PATH [PART_CACHE_PATH ...]
"""
from __future__ import annotations

import gzip
import pickle
import sys
from pathlib import Path

from .plugin import _TREE_MARK
from .store import FORMAT, _write_atomically

# Pelican's reader caches: one gzipped pickle per generator, {source path: (stamp, data)}.
_READER_CACHE_SUFFIX = "-Readers"
# What a build wrote (written.py) belongs to that build's output folder, not to the merge.
_NOT_MERGED = {"written-files.txt"}
# Half-written files, and namespaces kept on disk (disk.py): the one there, every article's
# search terms, is cut with the whole archive's word list, which a part does not have.
_NOT_MERGED_SUFFIXES = {".tmp", ".sqlite", ".sqlite-journal"}


def merge_caches(target: Path, parts: list[Path]) -> dict[str, int]:
    """Merge the cache folders `parts` (each a CACHE_PATH) into `target`, a CACHE_PATH that
    may hold a cache already. Returns the number of entries per merged file."""
    merged: dict[Path, dict] = {}
    for part in parts:
        marks = list(Path(part).glob(f"*/{_TREE_MARK}"))
        if not marks:
            raise ValueError(f"{part}: no build cache here (a CACHE_PATH a build used)")
        for mark in marks:
            # The tree's folder and its mark (the content path) are the same in every part.
            (Path(target) / mark.parent.name).mkdir(parents=True, exist_ok=True)
            (Path(target) / mark.relative_to(part)).write_bytes(mark.read_bytes())
            for source in sorted(p for p in mark.parent.rglob("*") if p.is_file()):
                name = source.relative_to(part)
                if (source.name in _NOT_MERGED or source == mark
                        or source.suffix in _NOT_MERGED_SUFFIXES):
                    continue
                entries = merged.setdefault(name, _read(Path(target) / name) or {})
                entries.update(_read(source) or {})
    for name, entries in merged.items():
        path = Path(target) / name
        if name.name.endswith(_READER_CACHE_SUFFIX):
            path.parent.mkdir(parents=True, exist_ok=True)
            # As the parts wrote it: gzipped unless the project sets GZIP_CACHE = False.
            zipped = _is_gzip(next(Path(p) / name for p in parts if (Path(p) / name).is_file()))
            with (gzip.open if zipped else open)(path, "wb") as out:
                pickle.dump(entries, out)
        else:
            _write_atomically(path, (FORMAT, entries))
    return {str(name): len(entries) for name, entries in merged.items()}


def _read(path: Path) -> dict | None:
    if not path.is_file():
        return None
    if path.name.endswith(_READER_CACHE_SUFFIX):
        with _open_reader_cache(path) as f:
            return pickle.load(f)
    with open(path, "rb") as f:
        fmt, entries = pickle.load(f)
    if fmt != FORMAT:
        raise ValueError(f"{path}: a cache of another format ({fmt}, not {FORMAT})")
    return entries


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(2) == b"\x1f\x8b"


def _open_reader_cache(path: Path):
    return gzip.open(path, "rb") if _is_gzip(path) else open(path, "rb")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    for name, count in merge_caches(Path(args[0]), [Path(a) for a in args[1:]]).items():
        print(f"{name}: {count} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
