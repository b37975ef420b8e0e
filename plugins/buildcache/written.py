"""The files this build wrote: every page and feed Pelican's writer reports (content_written,
feed_written), noted from the moment the build starts writing. plugins.staleoutput removes
what the previous build wrote and this one did not; plugins.seo lists the pages in the sitemap.

One build at a time per process (Pelican's signals are global; livereload builds one after
another), so the list is module state, started anew before each build writes anything."""
from __future__ import annotations

import os

_written: set[str] | None = None


def start(sender) -> None:
    """all_generators_finalized: every context is built, nothing is written yet."""
    global _written
    _written = set()


def note(path, **kwargs) -> None:
    if _written is not None:
        _written.add(os.path.abspath(path))


def written_files() -> set[str]:
    """Absolute paths of the files this build wrote so far."""
    if _written is None:
        raise RuntimeError("plugins.buildcache is not in PLUGINS: nothing notes the files a "
                           "build writes")
    return set(_written)
