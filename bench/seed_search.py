"""Figures of the search on a built site (by default the seed archive): index size, bytes a
first query fetches, time to first results and per-query time in headless Chromium. Prints;
asserts nothing (the machine is shared and noisy; `invoke bench` runs the synthetic archives).
Served by bench.serve, which gzips as a real static host does.

    .venv/bin/python -m bench.seed_search [OUTPUT_DIR] [--query Q ...] [--runs N]

Without OUTPUT_DIR the archive in content/ is built into a temporary folder first.
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlparse

from bench.browser import launch, new_context
from bench.build import ROOT
from bench.serve import serve

DEFAULT_QUERIES = ["老旧小区改造", "网格员", "棗莊", "社區", "疫情防控 核酸", "志愿服务",
                   "和谐社区建设示范单位", "垎塔埠", "电动车", "航天飞机"]
DONE = "#search-results[data-search-done]"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6, mtime=0))


def index_sizes(output: Path) -> dict:
    index = output / "search" / "index"
    groups: dict[str, list[int]] = {}
    raw = gzipped = 0
    for path in sorted(p for p in index.rglob("*") if p.is_file()):
        data = path.read_bytes()
        # Compressed files: raw is the JSON inside, gzip what is on disk (and on the wire).
        inflated = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
        group = path.parent.name if path.parent != index else path.name.split(".")[0]
        groups.setdefault(group, []).append(len(data))
        raw += len(inflated)
        gzipped += len(data) if inflated is not data else gz(data)
    # The page's script and the worker (lunr.js, search-core.js and the worker in one file).
    lunr_js = (output / "search" / "worker.js").read_bytes()
    js = (ROOT / "themes/archive/static/js" / "search.js").read_bytes()
    manifest = json.loads((index / "manifest.json").read_text("utf-8"))
    return {"raw": raw, "gzip": gzipped, "groups": groups, "manifest": manifest,
            "code_raw": len(lunr_js) + len(js), "code_gzip": gz(lunr_js) + gz(js)}


def is_search_asset(url: str) -> bool:
    """What the search costs on top of any page: index files, lunr.js, the search JS and CSS
    (not the HTML document, nor main.css and prefs.js that every page loads)."""
    path = urlparse(url).path
    return (path.startswith("/search/") and path != "/search/") or \
        path.rsplit("/", 1)[-1].startswith("search")


def probe(output: Path, queries: list[str], runs: int) -> list[dict]:
    """Cold (fresh context, empty cache) and warm (search code and manifest loaded) figures."""
    from playwright.sync_api import sync_playwright

    rows = []
    with serve(output) as base, sync_playwright() as p:
        base = base.rstrip("/")
        browser = launch(p)
        for query in queries:
            cold_ms, cold_bytes, search_bytes, warm_ms, results = [], [], [], [], 0
            for _ in range(runs):
                context = new_context(browser)
                page = context.new_page()
                sizes: list[tuple[str, int]] = []

                def finished(request, sizes=sizes):
                    s = request.sizes()
                    sizes.append((request.url, s["responseHeadersSize"] + max(0, s["responseBodySize"])))
                page.on("requestfinished", finished)
                page.goto(f"{base}/search/?q={quote(query)}")
                page.wait_for_selector(DONE, state="attached", timeout=30000)
                cold_ms.append(page.evaluate("performance.now()"))
                page.wait_for_load_state("networkidle")
                results = page.locator("#search-results li").count()
                cold_bytes.append(sum(n for _, n in sizes))
                search_bytes.append(sum(n for u, n in sizes if is_search_asset(u)))
                # Warm: a second query on the same page, code and manifest already loaded.
                page.evaluate("document.getElementById('search-results').removeAttribute('data-search-done')")
                box = page.locator("#search-q")
                box.fill(query + " ")
                started = time.perf_counter()
                box.press("Enter")
                page.wait_for_selector(DONE, state="attached", timeout=30000)
                warm_ms.append((time.perf_counter() - started) * 1000)
                context.close()
            rows.append({"query": query, "results": results,
                         "bytes_total": statistics.median(cold_bytes),
                         "bytes_search": statistics.median(search_bytes),
                         "first_results_ms": statistics.median(cold_ms),
                         "warm_ms": statistics.median(warm_ms)})
        browser.close()
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", help="a built site (default: build content/)")
    parser.add_argument("--query", action="append", help="query (repeatable)")
    parser.add_argument("--runs", type=int, default=3, help="cold runs per query (median)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.output:
            output = Path(args.output)
        else:
            sys.path.insert(0, str(ROOT))
            from tests.conftest import build_site
            started = time.perf_counter()
            output = build_site(Path(tmp), content=ROOT / "content")
            print(f"built content/ in {time.perf_counter() - started:.1f} s")
        sizes = index_sizes(output)
        m = sizes["manifest"]
        print(f"index: {m['documents']} articles, {m['terms']} terms, {m['postings']} postings, "
              f"{m['shards']} shards, {m['record_chunks']} record chunks")
        print(f"index size: {sizes['raw'] / 1024:.1f} kB raw, {sizes['gzip'] / 1024:.1f} kB gzip "
              f"(+ search code {sizes['code_raw'] / 1024:.1f} kB raw, "
              f"{sizes['code_gzip'] / 1024:.1f} kB gzip)")
        for group, files in sorted(sizes["groups"].items()):
            print(f"  {group:<9} {len(files):>5} files, {sum(files) / 1024:>8.1f} kB on disk, "
                  f"largest {max(files) / 1024:.1f} kB")
        rows = probe(output, args.query or DEFAULT_QUERIES, args.runs)
        print(f"\nChromium, 127.0.0.1, medians of {args.runs} cold runs (fresh context each):")
        print(f"{'query':<16}{'results':>8}{'page+search kB':>16}{'search kB':>11}"
              f"{'first results ms':>18}{'warm query ms':>15}")
        for r in rows:
            print(f"{r['query']:<16}{r['results']:>8}{r['bytes_total'] / 1024:>16.1f}"
                  f"{r['bytes_search'] / 1024:>11.1f}{r['first_results_ms']:>18.0f}{r['warm_ms']:>15.0f}")
        print(f"{'median':<16}{'':>8}{statistics.median(r['bytes_total'] for r in rows) / 1024:>16.1f}"
              f"{statistics.median(r['bytes_search'] for r in rows) / 1024:>11.1f}"
              f"{statistics.median(r['first_results_ms'] for r in rows):>18.0f}"
              f"{statistics.median(r['warm_ms'] for r in rows):>15.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
