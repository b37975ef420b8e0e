"""Work on every article, spread over the machine's cores.

Reading Markdown, cutting text into search terms and extracting timeline entries are
independent per article: `map_in_processes` runs such a function in forked worker processes
and returns the results in order, exactly what a loop would give (the function must be
module-level and its arguments and results picklable). One core, or few items, run in this
process: starting workers costs more than it saves.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Sequence

# Below this many items a loop in this process is faster than starting workers.
MIN_ITEMS = 64


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def map_in_processes(fn: Callable[[Any], Any], items: Sequence, processes: int) -> list:
    """[fn(item) for item in items], in `processes` workers (0: one per core)."""
    processes = processes or cores()
    if processes <= 1 or len(items) < MIN_ITEMS:
        return [fn(item) for item in items]
    # fork: the workers start with this process's memory (settings, dictionaries, rules)
    # instead of importing and building them again.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        return list(pool.map(fn, items, chunksize=max(1, len(items) // (processes * 8))))
