"""Finds the search index the search plugin wrote, whatever its layout, and sizes it.

The search plugin owns the index; the bench only measures it, so it probes the built site
rather than importing the plugin: a manifest file (`*manifest*.json`) marks the index folder;
without one, the data files under search/ or any JSON named after search or lunr count.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

_SKIP_DIRS = {"pagefind", "pagefind-bench"}
_DATA_SUFFIXES = {".json", ".js", ".bin", ".txt", ".gz"}


@dataclass
class SearchIndex:
    root: Path
    output: Path
    files: list[Path]
    manifest: Path | None

    def summary(self) -> dict:
        raw = gz = 0
        largest = (0, None)
        for f in self.files:
            data = f.read_bytes()
            raw += len(data)
            gz += len(gzip.compress(data, 6, mtime=0))
            largest = max(largest, (len(data), f.name), key=lambda x: x[0])
        out = {"files": len(self.files), "raw_bytes": raw, "gzip_bytes": gz,
               "largest_file": largest[1], "largest_bytes": largest[0],
               "description": f"{len(self.files)} files in "
                              f"{self.root.relative_to(self.output).as_posix() or '.'}/"}
        if self.manifest:
            data = self.manifest.read_bytes()
            out["manifest_bytes"] = len(data)
            out["manifest_gzip_bytes"] = len(gzip.compress(data, 6, mtime=0))
        return out


def _visible(path: Path, output: Path) -> bool:
    return not (set(path.relative_to(output).parts) & _SKIP_DIRS)


def find(output: Path) -> SearchIndex | None:
    output = Path(output)
    manifests = sorted(p for p in output.rglob("*manifest*.json") if _visible(p, output))
    if manifests:
        root = manifests[0].parent
        files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".html")
        return SearchIndex(root, output, files, manifests[0])
    search_dir = output / "search"
    if search_dir.is_dir():
        files = sorted(p for p in search_dir.rglob("*")
                       if p.is_file() and p.suffix in _DATA_SUFFIXES)
        if files:
            return SearchIndex(search_dir, output, files, None)
    files = sorted(p for p in output.rglob("*.json") if _visible(p, output)
                   and any(w in p.name.lower() for w in ("search", "lunr")))
    if files:
        return SearchIndex(output, output, files, None)
    return None
