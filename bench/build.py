"""Builds of the synthetic archive in a child process: wall time, peak memory, warnings, sizes.

The build runs as `python -m pelican` with the project's pelicanconf.py, exactly as `invoke
build` does, only PATH, OUTPUT_PATH and CACHE_PATH pointed into the bench folder. Peak memory is
the child's own maximum resident set (os.wait4 gives the rusage of that one child and the
processes it waited for), so successive builds in one bench run do not mask each other, as the
cumulative RUSAGE_CHILDREN maximum would.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_WARNING = re.compile(r"\b(WARNING|ERROR|CRITICAL)\b")


class BuildError(Exception):
    """The Pelican build failed; carries the tail of its log."""


@dataclass
class BuildRun:
    seconds: float
    # user + system CPU seconds of the build: on a shared machine wall time includes the
    # waiting for a core, CPU time does not, so it shows a change in our code more steadily.
    cpu_seconds: float
    peak_rss_mb: float
    warnings: list[str]
    log: Path


def synthetic_overrides(workdir: Path) -> dict:
    """Settings that differ for a synthetic archive: editors' curation of the real archive
    (data/timeline.toml names entries of the real articles) does not apply to it, so the
    timeline reads an empty curation file instead."""
    from pelican.settings import read_settings

    curation = workdir / "timeline-curation.toml"
    curation.write_text("# the synthetic archive has no editorial curation\n", encoding="utf-8")
    # Merged over the project's own TIMELINE settings: `-e` replaces a whole setting.
    timeline = dict(read_settings(str(ROOT / "pelicanconf.py")).get("TIMELINE") or {})
    timeline["CURATION_FILE"] = str(curation)
    return {"TIMELINE": timeline}


def plugins_without(names) -> list[str]:
    """The project's PLUGINS less `names`: to tell one plugin's share of the build, or to get
    figures for the rest when one plugin does not finish at some scale."""
    from pelican.settings import read_settings

    plugins = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    unknown = [n for n in names if n not in plugins]
    if unknown:
        raise SystemExit(f"bench: --without {', '.join(unknown)}: not in PLUGINS {plugins}")
    return [p for p in plugins if p not in names]


def run_build(content: Path, output: Path, cache: Path, log: Path,
              settings_file: Path = ROOT / "pelicanconf.py",
              overrides: dict | None = None, verbose: bool = False) -> BuildRun:
    """One Pelican build of `content` into `output`, caches under `cache`; `verbose` logs
    what the build reports at INFO level too (what each cache reused)."""
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(output),
           "-s", str(settings_file), "--log-handler", "plain",
           *(["-v"] if verbose else []), "-e", "CACHE_PATH=" + json.dumps(str(cache))]
    cmd += [f"{key}={json.dumps(value, ensure_ascii=False)}"
            for key, value in (overrides or {}).items()]
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("CI", None)
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        tail = "\n".join(text.splitlines()[-30:])
        raise BuildError(f"pelican exited {proc.returncode} building {content} (log {log}):\n{tail}")
    warnings = [line for line in text.splitlines() if _WARNING.search(line)]
    # Linux reports ru_maxrss in KiB.
    return BuildRun(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                    warnings, log)


@dataclass
class TreeSize:
    files: int
    raw_bytes: int
    gzip_bytes: int


def tree_size(paths, gzip_level: int = 6) -> TreeSize:
    """Total size of files (or folders of files), raw and each file gzipped on its own, as a
    static host sends them."""
    files = raw = gz = 0
    for path in paths:
        path = Path(path)
        for f in ([path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())):
            data = f.read_bytes()
            files += 1
            raw += len(data)
            gz += len(gzip.compress(data, gzip_level, mtime=0)) if gzip_level else 0
    return TreeSize(files, raw, gz)


def output_size(output: Path) -> TreeSize:
    return tree_size([output], gzip_level=0)
