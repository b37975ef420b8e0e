"""Signal handlers: note every file Pelican's writer writes, and at the end of the build remove
those the previous build wrote into the same output folder and this one did not."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from pelican import signals

logger = logging.getLogger(__name__)
LIST_NAME = "written-files.txt"

# Paths written by the build in progress (one build at a time per process: Pelican's signals
# are global, and livereload runs its builds one after another).
_written: set[str] = set()


def start(pelican) -> None:
    _written.clear()


def note(path, **kwargs) -> None:
    _written.add(os.path.abspath(path))


def remove_stale(pelican) -> None:
    output = Path(os.path.abspath(pelican.output_path))
    listing = Path(pelican.settings["CACHE_PATH"]) / LIST_NAME
    current = sorted(p for p in _written if Path(p).is_relative_to(output))
    if not pelican.settings.get("DELETE_OUTPUT_DIRECTORY"):
        for path in _previous(listing, output) - set(current):
            _remove(Path(path), output)
    listing.parent.mkdir(parents=True, exist_ok=True)
    listing.write_text("\n".join([str(output), *current]) + "\n", encoding="utf-8")
    _written.clear()


def _previous(listing: Path, output: Path) -> set[str]:
    """What the last build wrote, if it wrote into this output folder."""
    try:
        first, *paths = listing.read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, ValueError):
        return set()
    return set(paths) if first == str(output) else set()


def _remove(path: Path, output: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    logger.info("staleoutput: removed %s (no longer written)", path)
    # Folders left empty (articles/2019/<slug>/) go too, up to the output folder.
    folder = path.parent
    while folder != output and folder.is_relative_to(output):
        try:
            folder.rmdir()
        except OSError:  # not empty
            break
        folder = folder.parent


def register() -> None:
    signals.initialized.connect(start)
    signals.content_written.connect(note)
    signals.feed_written.connect(note)
    signals.finalized.connect(remove_stale)
