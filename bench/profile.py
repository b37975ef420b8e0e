"""`invoke bench --profile`: where one full build of the synthetic archive spends its time.

Runs the build under py-spy (a sampling profiler: it attaches from outside, so the build runs
unmodified) and prints the share of samples per build phase and per plugin or library, counted
inclusively: a sample in Markdown called by the reader counts for both.
"""
from __future__ import annotations

import argparse
import collections
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import corpus
from bench.build import ROOT, synthetic_overrides

# Frame patterns → the group a sample is charged to; first match wins within a group family.
PHASES = (
    ("read articles (readers, metadata)", ("ArticlesGenerator.generate_context",)),
    ("write articles and pages", ("ArticlesGenerator.generate_output",
                                  "PagesGenerator.generate_output")),
    ("other generators' context", ("generate_context",)),
    ("other generators' output", ("generate_output",)),
    ("start-up and plugin loading", ("Pelican.__init__", "<module>")),
)
LIBRARIES = (
    ("markdown", "markdown/"), ("jinja2 templates", "jinja2/"), ("lunr.py", "lunr/"),
    ("jieba / rjieba", "jieba"), ("opencc", "opencc"), ("pickle / cache", "pickle"),
    ("plugins.search", "plugins/search/"), ("plugins.timeline", "plugins/timeline/"),
    ("plugins.places", "plugins/places/"), ("plugins.seo", "plugins/seo/"),
    ("plugins.article_meta", "plugins/article_meta/"), ("plugins.zhtext", "plugins/zhtext/"),
    ("plugins.gazetteer", "plugins/gazetteer/"), ("plugins.buildcache", "plugins/buildcache/"),
    ("json", "json/"), ("file writes", "writers.py"),
)


def summarise(raw_profile: Path) -> dict:
    """Inclusive sample counts per phase and per library from py-spy's raw (collapsed) output."""
    total = 0
    phases: collections.Counter = collections.Counter()
    libraries: collections.Counter = collections.Counter()
    for line in raw_profile.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        total += n
        for name, patterns in PHASES:
            if any(p in stack for p in patterns):
                phases[name] += n
                break
        else:
            phases["other"] += n
        for name, pattern in LIBRARIES:
            if pattern in stack:
                libraries[name] += n
    return {"samples": total, "phases": dict(phases.most_common()),
            "libraries": dict(libraries.most_common())}


def render(summary: dict, seconds_per_sample: float) -> str:
    total = summary["samples"] or 1
    lines = [f"{summary['samples']} samples (~{total * seconds_per_sample:.1f}s of the build)",
             "", "by phase (exclusive):"]
    lines += [f"  {share(n, total)}  {name}" for name, n in summary["phases"].items()]
    lines += ["", "by library or plugin (inclusive, so shares overlap):"]
    lines += [f"  {share(n, total)}  {name}" for name, n in summary["libraries"].items()]
    return "\n".join(lines)


def share(n: int, total: int) -> str:
    return f"{100 * n / total:5.1f}%"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="bench.profile", description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--rate", type=int, default=50, help="samples per second")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--short", action="store_true",
                    help="the first benchmarks' corpus of ~1,000-character articles")
    a = ap.parse_args(argv)
    if shutil.which("py-spy", path=str(Path(sys.executable).parent)) is None \
            and shutil.which("py-spy") is None:
        print("bench: py-spy missing; install requirements-bench.txt", file=sys.stderr)
        return 1
    workdir = a.workdir or Path(tempfile.mkdtemp(prefix="archive-profile-"))
    try:
        content = corpus.generate(a.n, workdir, short=a.short)
        raw = workdir / "profile.txt"
        spy = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or "py-spy"
        cmd = [spy, "record", "-r", str(a.rate), "-f", "raw", "-o", str(raw), "--",
               sys.executable, "-m", "pelican", str(content), "-o", str(workdir / "output"),
               "-s", str(ROOT / "pelicanconf.py"), "--log-handler", "plain",
               "-e", "CACHE_PATH=" + json.dumps(str(workdir / "cache"))]
        cmd += [f"{k}={json.dumps(v, ensure_ascii=False)}"
                for k, v in synthetic_overrides(workdir).items()]
        with open(workdir / "build.log", "w", encoding="utf-8") as log:
            result = subprocess.run(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        if result.returncode != 0:
            print(f"bench: profiled build failed, see {workdir / 'build.log'}", file=sys.stderr)
            return 1
        print(f"profile of one full build of {a.n} articles")
        print(render(summarise(raw), 1 / a.rate))
    finally:
        if a.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
