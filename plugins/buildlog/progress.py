"""Progress of a long build, so an editor or a CI log can tell a slow build from a hung one.

Attached to a terminal: a bar with counts and time left while the articles are read, and a
count while the pages are written. Otherwise (a CI log, a file): one line per phase when it
ends, e.g. `build: read 10000 articles in 41.2 s`.

One build at a time per process (Pelican's signals are global); a phase starts anew with
each build."""
from __future__ import annotations

import sys
import time

from pelican.contents import Article
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)

_console = Console(stderr=True)
_phase: dict = {}


def _start(name: str, total: int | None) -> None:
    _finish()
    _phase.update(name=name, count=0, started=time.perf_counter(), bar=None)
    if _console.is_terminal:
        columns = [TextColumn(f"build: {name}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn()] + ([TimeRemainingColumn()] if total else [])
        bar = Progress(*columns, console=_console, transient=True)
        _phase["bar"], _phase["task"] = bar, bar.add_task(name, total=total)
        bar.start()


def _advance() -> None:
    if not _phase:
        return
    _phase["count"] += 1
    if _phase["bar"] is not None:
        _phase["bar"].advance(_phase["task"])


def _finish() -> None:
    if not _phase:
        return
    if _phase["bar"] is not None:
        _phase["bar"].stop()
    noun = {"reading": "read {} articles", "writing": "wrote {} pages"}[_phase["name"]]
    seconds = time.perf_counter() - _phase["started"]
    print(f"build: {noun.format(_phase['count'])} in {seconds:.1f} s", file=sys.stderr)
    _phase.clear()


def reading(generator) -> None:
    if _phase.get("bar") is not None:  # left by a build that stopped on an error
        _phase["bar"].stop()
    _phase.clear()
    settings = generator.settings
    total = sum(1 for _ in generator.get_files(settings["ARTICLE_PATHS"],
                                               exclude=settings["ARTICLE_EXCLUDES"]))
    _start("reading", total)


def read_one(content) -> None:
    if isinstance(content, Article) and _phase.get("name") == "reading":
        _advance()


def writing(generators) -> None:
    _start("writing", None)


def wrote_one(path, **kwargs) -> None:
    if _phase.get("name") == "writing":
        _advance()


def done(pelican) -> None:
    _finish()
