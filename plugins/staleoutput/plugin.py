"""Signal handler: at the end of the build, remove the files the previous build wrote into the
same output folder and this one did not (plugins.buildcache notes what a build writes)."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from pelican import signals

from plugins.buildcache import written_files

logger = logging.getLogger(__name__)
LIST_NAME = "written-files.txt"


def remove_stale(pelican) -> None:
    output = Path(os.path.abspath(pelican.output_path))
    listing = Path(pelican.settings["CACHE_PATH"]) / LIST_NAME
    current = sorted(p for p in written_files() if Path(p).is_relative_to(output))
    if not pelican.settings.get("DELETE_OUTPUT_DIRECTORY"):
        for path in _previous(listing, output) - set(current):
            _remove(Path(path), output)
    listing.parent.mkdir(parents=True, exist_ok=True)
    listing.write_text("\n".join([str(output), *current]) + "\n", encoding="utf-8")


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
    signals.finalized.connect(remove_stale)
