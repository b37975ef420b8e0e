"""Time and memory of a full build against N (docs/scale.md): for each N, the real-size bench
corpus built from an empty cache, with the peak of the summed PSS of the build and its worker
processes (workers forked from the build share its pages; PSS counts a shared page once,
where adding up resident sizes would count it in every worker).

    .venv/bin/python -m bench.curve --n 1000 --n 10000 [--without plugins.reprints] [--workdir DIR]
"""
from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import threading
from pathlib import Path

from bench import corpus
from bench.build import plugins_without, run_build, synthetic_overrides


class TreeMemory:
    """Samples the summed PSS of this process's descendants (the build and its workers) until
    stopped; `peak_mb` is the largest sum seen."""

    def __init__(self, every: float):
        self.every, self.peak_mb = every, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.peak_mb = max(self.peak_mb, sum(map(_pss_mb, _descendants(os.getpid()))))


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children") as f:
                    children = [int(c) for c in f.read().split()]
            except OSError:
                continue
            found += children
            todo += children
    return found


def _pss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # the process ended between the listing and the reading
        pass
    return 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.curve")
    parser.add_argument("--n", type=int, action="append", required=True)
    parser.add_argument("--without", action="append", default=[], metavar="PLUGIN")
    parser.add_argument("--every", type=float, default=0.1, help="seconds between samples")
    parser.add_argument("--workdir", default="")
    args = parser.parse_args(argv)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="curve-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    overrides = synthetic_overrides(work)
    if args.without:
        overrides["PLUGINS"] = plugins_without(args.without)
    print(f"{'articles':>9} {'wall s':>8} {'CPU s':>8} {'peak PSS MB':>12} {'peak RSS MB':>12}"
          + (f"   without {', '.join(args.without)}" if args.without else ""))
    for n in args.n:
        content = work / f"corpus-{n}" / "content"
        if not content.is_dir():
            corpus.generate(n, content.parent)
        output, cache = work / f"output-{n}", work / f"cache-{n}"
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        with TreeMemory(args.every) as memory:
            build = run_build(content, output, cache, work / f"build-{n}.log",
                              overrides=overrides)
        print(f"{n:9d} {build.seconds:8.1f} {build.cpu_seconds:8.1f} {memory.peak_mb:12.0f} "
              f"{build.peak_rss_mb:12.0f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
