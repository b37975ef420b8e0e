"""`invoke bench`: generate, build, rebuild, index with Pagefind, probe both in Chromium, print.

Prints figures and asserts nothing about time: the machines are shared and noisy. It fails
(non-zero exit) only when something does not work: the build fails, an edit does not reach
the rebuilt site, a tool is missing.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench import browser, corpus, pagefind, search_index
from bench.build import (ROOT, BuildError, output_size, plugins_without, run_build,
                         synthetic_overrides, tree_size)
from bench.report import Row, aligned, table

# Fixed queries, all found in the seed texts: frequent and rare terms, a long one (矛盾纠纷调解)
# that both engines must cut into words, and a two-term one over very common words.
QUERIES = ("疫情防控", "垃圾分类", "志愿者", "网格员", "老旧小区", "安全生产", "矛盾纠纷调解",
           "文明实践", "低保", "社区 消防")
OURS_PAGE = "search/"
# The search page's own box, in <main>. (A selector list matches in document order: the one
# used before 2026-12 picked the header's box, which submits to search/ as a new page, so the
# warm figures of ours until then were page loads, not queries typed into a loaded page.)
OURS_INPUT = "main input[name=q]"


@dataclass
class Figures:
    n: int
    runs: int
    short: bool = False
    generate_s: float = 0.0
    build_s: list[float] = field(default_factory=list)
    build_cpu_s: list[float] = field(default_factory=list)
    build_rss_mb: list[float] = field(default_factory=list)
    rebuild_s: list[float] = field(default_factory=list)
    rebuild_cpu_s: list[float] = field(default_factory=list)
    rebuild_rss_mb: list[float] = field(default_factory=list)
    build_warnings: list[str] = field(default_factory=list)
    output_files: int = 0
    output_mb: float = 0.0
    index: dict = field(default_factory=dict)
    pagefind_s: float | None = None
    pagefind_index: dict = field(default_factory=dict)
    queries: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # plugins.reprints' work on the archive (reprint_seconds): sketching every article and
    # grouping (a full build), and grouping with the sketches cached (a rebuild).
    reprints_full_s: float | None = None
    reprints_cached_s: float | None = None
    reprint_groups: str = ""


def reprint_seconds(content: Path, figures: Figures) -> None:
    """The reprint grouping a build does, timed alone in this process (the build's own log
    holds warnings only): each article's text made from its Markdown as the build makes it,
    sketched and grouped; then grouped again from the sketches, as a rebuild does."""
    import markdown

    from plugins.article_meta.textview import plain_text
    from plugins.reprints.groups import Copy, find_groups
    from plugins.reprints.sketch import Sketch

    bodies = [(p.stem, p.read_text(encoding="utf-8").partition("\n\n")[2])
              for p in sorted((content / "articles").glob("*.md"))]
    html = [(slug, markdown.markdown(body)) for slug, body in bodies]
    # CPU time: on a shared machine wall time mostly measures the other processes.
    start = time.process_time()
    copies = [Copy(slug, Sketch.of(plain_text(source)), (slug,)) for slug, source in html]
    groups = find_groups(copies)
    figures.reprints_full_s = time.process_time() - start
    start = time.process_time()
    find_groups(copies)
    figures.reprints_cached_s = time.process_time() - start
    figures.reprint_groups = (f"{len(groups)} groups of {sum(len(g.members) for g in groups)} "
                              "articles")


def measure(n: int, workdir: Path, runs: int = 3, browser_runs: int | None = None,
            seed: int = corpus.DEFAULT_SEED, with_browser: bool = True,
            with_pagefind: bool = True, without: tuple[str, ...] = (), out=None,
            short: bool = False) -> Figures:
    figures = Figures(n=n, runs=runs, short=short)
    out = out or _progress
    browser_runs = runs if browser_runs is None else browser_runs
    t0 = time.perf_counter()
    content = corpus.generate(n, workdir, seed=seed, short=short)
    figures.generate_s = time.perf_counter() - t0
    out(f"bench: {n} {'short' if short else 'real-size'} articles generated in "
        f"{figures.generate_s:.1f}s into {content}")
    output, cache, logs = workdir / "output", workdir / "cache", workdir / "logs"
    overrides = synthetic_overrides(workdir)
    if without:
        overrides["PLUGINS"] = plugins_without(without)
        figures.notes.append("built without " + ", ".join(without))

    for r in range(runs):
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        build = run_build(content, output, cache, logs / f"build-{r + 1}.log", overrides=overrides)
        figures.build_s.append(build.seconds)
        figures.build_cpu_s.append(build.cpu_seconds)
        figures.build_rss_mb.append(build.peak_rss_mb)
        figures.build_warnings = build.warnings
        out(f"bench: full build {r + 1}/{runs}: {build.seconds:.1f}s ({build.cpu_seconds:.1f}s CPU), "
            f"peak {build.peak_rss_mb:.0f} MB, {len(build.warnings)} warnings")
    for r in range(runs):
        i = 1 + r * max(1, n // runs) % n
        marker = f"基准测试修改{r + 1}号"
        corpus.edit_article(content, i, marker)
        build = run_build(content, output, cache, logs / f"rebuild-{r + 1}.log",
                          overrides=overrides)
        _check_edit_published(output, i, marker)
        figures.rebuild_s.append(build.seconds)
        figures.rebuild_cpu_s.append(build.cpu_seconds)
        figures.rebuild_rss_mb.append(build.peak_rss_mb)
        out(f"bench: rebuild after editing article {i}: {build.seconds:.1f}s "
            f"({build.cpu_seconds:.1f}s CPU)")
    reprint_seconds(content, figures)
    out(f"bench: reprint grouping {figures.reprints_full_s:.1f}s CPU, from cached sketches "
        f"{figures.reprints_cached_s:.1f}s CPU ({figures.reprint_groups})")
    size = output_size(output)
    figures.output_files, figures.output_mb = size.files, size.raw_bytes / 1e6

    index = search_index.find(output)
    figures.index = index.summary() if index else {}
    if not index:
        figures.notes.append(f"no search index found under {output} (search plugin not built?)")

    if with_pagefind:
        if not pagefind.available():
            raise SystemExit("bench: Pagefind missing; install requirements-bench.txt "
                             "(.venv/bin/pip install -r requirements-bench.txt) or pass --no-pagefind")
        figures.pagefind_s = pagefind.index_site(output, logs / "pagefind.log")
        pf = tree_size([output / pagefind.BUNDLE])
        figures.pagefind_index = {"files": pf.files, "raw_bytes": pf.raw_bytes,
                                  "gzip_bytes": pf.gzip_bytes}
        out(f"bench: Pagefind indexed the articles in {figures.pagefind_s:.1f}s")

    if with_browser:
        figures.queries = _probe(output, browser_runs, with_pagefind, figures.notes, out)
    return figures


def _progress(message: str) -> None:
    # Flushed: a 10,000-article run takes long and is often watched through a log file.
    print(message, flush=True)


def _check_edit_published(output: Path, i: int, marker: str) -> None:
    pages = list(output.glob(f"articles/**/bench-{i:05d}/index.html"))
    if not pages or not any(marker in p.read_text(encoding="utf-8") for p in pages):
        raise BuildError(f"rebuild did not publish the edit of bench-{i:05d} ({marker!r}); "
                         f"a stale cache? pages found: {pages}")


def _probe(output: Path, runs: int, with_pagefind: bool, notes: list[str], out) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from bench.serve import serve

    ours_ready = (output / OURS_PAGE / "index.html").is_file()
    if not ours_ready:
        notes.append(f"no {OURS_PAGE} page in the site: our search was not probed")
    rows = {q: {"query": q, "ours": [], "pagefind": []} for q in QUERIES}
    with serve(output) as base, sync_playwright() as p:
        chromium = browser.launch(p)
        try:
            chrome = browser.chrome_urls(chromium, base + "index.html") \
                if (output / "index.html").is_file() else set()
            for r in range(runs):
                for q in QUERIES:
                    shown = 10
                    if ours_ready:
                        probe = browser.probe_cold(chromium, base + OURS_PAGE, q, chrome)
                        rows[q]["ours"].append(probe)
                        shown = probe.results or 10
                    if with_pagefind:
                        rows[q]["pagefind"].append(browser.probe_cold(
                            chromium, base + pagefind.PAGE + "/", q, set(), extra=f"&k={shown}"))
                out(f"bench: browser pass {r + 1}/{runs} done")
            if ours_ready:
                warmup = _answered(rows, "ours")
                for q, ms in zip(QUERIES, browser.probe_warm(
                        chromium, base + OURS_PAGE, list(QUERIES), OURS_INPUT, warmup)):
                    rows[q]["ours_warm_ms"] = ms
            if with_pagefind:
                def set_k(page, query):
                    k = rows[query]["ours"][-1].results if rows[query]["ours"] else 10
                    page.evaluate("k => { window.benchK = k; }", k or 10)
                warmup = _answered(rows, "pagefind")
                for q, ms in zip(QUERIES, browser.probe_warm(
                        chromium, base + pagefind.PAGE + "/", list(QUERIES), "#q", warmup,
                        before_query=set_k)):
                    rows[q]["pagefind_warm_ms"] = ms
        finally:
            chromium.close()
    for side in ("ours", "pagefind"):
        errors = sorted({e for row in rows.values() for p in row[side] for e in p.errors})
        if errors:
            notes.append(f"{side}: errors in the search page: " + "; ".join(errors[:5]))
        if any(row[side] for row in rows.values()) and not any(
                p.results for row in rows.values() for p in row[side]):
            notes.append(f"{side}: no result for any query: the search page is broken")
    return [_summarise(row) for row in rows.values()]


def _answered(rows: dict, side: str) -> str:
    """The first query that gave results on this side (to load the search code with)."""
    for q, row in rows.items():
        if row[side] and row[side][-1].results:
            return q
    return QUERIES[0]


def _summarise(row: dict) -> dict:
    result = {"query": row["query"]}
    for side in ("ours", "pagefind"):
        probes = row[side]
        if not probes:
            continue
        last = probes[-1]
        result[side] = {
            "results": last.results,
            "first_ms": browser.median(p.first_ms for p in probes),
            "bytes_total": int(browser.median(p.bytes_total for p in probes)),
            "bytes_search": int(browser.median(p.bytes_search for p in probes)),
            "requests": last.requests,
            "warm_ms": row.get(f"{side}_warm_ms"),
            "fetched": _by_folder(last.fetched),
        }
    return result


def _by_folder(fetched: list[tuple[str, int]]) -> dict[str, list[int]]:
    """Bytes and requests per folder (or per file at the top level): what a query costs."""
    folders: dict[str, list[int]] = {}
    for path, size in fetched:
        folder = path.rsplit("/", 1)[0] + "/*" if path.count("/") > 2 else path
        entry = folders.setdefault(folder, [0, 0])
        entry[0] += size
        entry[1] += 1
    return dict(sorted(folders.items(), key=lambda item: -item[1][0]))


def _side(figures: Figures, side: str, key: str):
    return browser.median(q[side][key] for q in figures.queries if side in q)


def render(figures: Figures) -> str:
    med = browser.median
    idx, pf = figures.index, figures.pagefind_index
    kb = (lambda v: None if v is None else v / 1000)
    rows = [
        Row("full build, median", med(figures.build_s), unit="s",
            note=f"{figures.runs} runs: " + ", ".join(f"{s:.1f}" for s in figures.build_s)),
        Row("full build CPU time, median", med(figures.build_cpu_s), unit="s",
            note="user+system; steadier than wall time on a shared machine"),
        Row("peak memory of the build", max(figures.build_rss_mb, default=None), unit="MB"),
        Row("rebuild after editing one article", med(figures.rebuild_s), unit="s",
            note=", ".join(f"{s:.1f}" for s in figures.rebuild_s)),
        Row("rebuild CPU time, median", med(figures.rebuild_cpu_s), unit="s"),
        Row("reprint grouping, every article sketched, CPU", figures.reprints_full_s, unit="s",
            note=f"a full build's share; {figures.reprint_groups}"),
        Row("reprint grouping, sketches cached, CPU", figures.reprints_cached_s, unit="s",
            note="a rebuild's share (one edited article is sketched anew)"),
        Row("Pagefind indexing", None, figures.pagefind_s, unit="s"),
        Row("output size", figures.output_mb, unit="MB",
            note=f"{figures.output_files:,} files, before Pagefind"),
        Row("search index, raw", kb(idx.get("raw_bytes")), kb(pf.get("raw_bytes")), unit="kB",
            note=idx.get("description", "")),
        Row("search index, gzip", kb(idx.get("gzip_bytes")), kb(pf.get("gzip_bytes")), unit="kB"),
        Row("search index files", idx.get("files"), pf.get("files"), unit="files"),
    ]
    if idx.get("manifest_bytes") is not None:
        rows.append(Row("manifest, gzip", kb(idx.get("manifest_gzip_bytes")), unit="kB"))
    rows += _query_rows(figures)
    size = "short (~1,000 characters)" if figures.short else "of real size (mean ~4,000 characters)"
    parts = [table(f"基层档案 bench: {figures.n:,} articles {size}", rows)]
    if figures.queries:
        # Issue 15's three targets side by side: first-query bytes ≤ 0.5, first-query time
        # ≤ 1 and per-query time after the first ≤ 1 of Pagefind's.
        pairs = [("first-query bytes", "bytes_search"), ("first-query time", "first_ms"),
                 ("warm per-query time", "warm_ms")]
        parts.append("ours/Pagefind, medians: " + ", ".join(
            f"{label} {_ratio(figures, key)}" for label, key in pairs))
    parts += _query_tables(figures)
    if figures.build_warnings:
        parts.append(f"build warnings ({len(figures.build_warnings)}), first ones:\n  "
                     + "\n  ".join(figures.build_warnings[:5]))
    parts += [f"note: {n}" for n in figures.notes]
    return "\n\n".join(parts)


def render_site_probe(figures: Figures, site: Path) -> str:
    """The search's figures of a site built elsewhere (`--site`)."""
    parts = [table(f"基层档案 search of {site}", _query_rows(figures)), *_query_tables(figures)]
    return "\n\n".join(parts + [f"note: {n}" for n in figures.notes])


def _query_tables(figures: Figures) -> list[str]:
    return [_query_table(figures), _fetched_table(figures.queries[0])] if figures.queries else []


def _query_rows(figures: Figures) -> list[Row]:
    if not figures.queries:
        return []
    kb = (lambda v: None if v is None else v / 1000)
    return [
            Row("first query: search bytes fetched, median", kb(_side(figures, "ours", "bytes_search")),
                kb(_side(figures, "pagefind", "bytes_search")), unit="kB",
                note="all search assets, gzip on the wire"),
            Row("first query: all bytes fetched, median", kb(_side(figures, "ours", "bytes_total")),
                kb(_side(figures, "pagefind", "bytes_total")), unit="kB", note="with the page"),
            Row("time to first results, cold, median", _side(figures, "ours", "first_ms"),
                _side(figures, "pagefind", "first_ms"), unit="ms"),
            Row("per-query time, warm, median", _side(figures, "ours", "warm_ms"),
                _side(figures, "pagefind", "warm_ms"), unit="ms"),
    ]


def _ratio(figures: Figures, key: str) -> str:
    ours, theirs = _side(figures, "ours", key), _side(figures, "pagefind", key)
    return "n/a" if ours is None or not theirs else f"{ours / theirs:.2f}"


def _query_table(figures: Figures) -> str:
    head = ("query", "results", "search kB", "first ms", "warm ms")
    body = []
    for q in figures.queries:
        def pair(key, scale=1.0, fmt="{:.0f}"):
            vals = []
            for side in ("ours", "pagefind"):
                v = q.get(side, {}).get(key)
                vals.append("n/a" if v is None else fmt.format(v / scale))
            return " / ".join(vals)
        body.append((q["query"], pair("results"), pair("bytes_search", 1000, "{:.1f}"),
                     pair("first_ms"), pair("warm_ms")))
    return aligned("per query (ours / Pagefind; first = cold, median of runs)", head, body)


def _fetched_table(query: dict) -> str:
    body = []
    for side in ("ours", "pagefind"):
        for folder, (size, count) in query.get(side, {}).get("fetched", {}).items():
            body.append((side, folder, f"{size / 1000:.1f}", str(count)))
    return aligned(f"what the first query {query['query']!r} fetched (cold)",
                   ("search", "path", "kB", "requests"), body)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="articles in the synthetic archive")
    ap.add_argument("--runs", type=int, default=3, help="full builds and rebuilds (medians)")
    ap.add_argument("--browser-runs", type=int, default=None,
                    help="cold passes over the queries in Chromium (default: --runs)")
    ap.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    ap.add_argument("--workdir", type=Path, default=None,
                    help="keep the archive, site and logs here (default: a temp folder, removed)")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--no-pagefind", action="store_true")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    ap.add_argument("--short", action="store_true",
                    help="the first benchmarks' corpus: ~1,000-character articles of seed "
                         "paragraphs (default: articles of real size, bench/corpus.py LENGTHS)")
    ap.add_argument("--without", action="append", default=[], metavar="PLUGIN",
                    help="leave this plugin out of PLUGINS (e.g. plugins.timeline); repeatable")
    ap.add_argument("--site", type=Path, default=None,
                    help="probe the search of this built site only (no archive generated, no "
                         "build, no Pagefind): for an archive too large to build in the bench")
    a = ap.parse_args(argv)
    if a.n < 1 or a.runs < 1:
        ap.error("--n and --runs must be at least 1")
    if a.site is not None:
        if not (a.site / OURS_PAGE / "index.html").is_file():
            ap.error(f"--site {a.site}: no {OURS_PAGE}index.html there (a built site's output folder)")
        figures = Figures(n=0, runs=a.browser_runs or a.runs)
        figures.queries = _probe(a.site, figures.runs, False, figures.notes, _progress)
        print(render_site_probe(figures, a.site))
        return 0
    workdir = a.workdir or Path(tempfile.mkdtemp(prefix="archive-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        figures = measure(a.n, workdir, runs=a.runs, browser_runs=a.browser_runs, seed=a.seed,
                          with_browser=not a.no_browser, with_pagefind=not a.no_pagefind,
                          without=tuple(a.without), short=a.short)
    except (BuildError, corpus.CorpusError, pagefind.PagefindError) as e:
        print(f"bench: {e}", file=sys.stderr)
        return 1
    finally:
        if a.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(render(figures))
    if a.json:
        a.json.write_text(json.dumps(asdict(figures), ensure_ascii=False, indent=1), encoding="utf-8")
    return 0
