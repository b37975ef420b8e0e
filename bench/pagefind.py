"""Pagefind over the same built site, the reference our search is measured against.

Pagefind (PyPI `pagefind[extended]`, a benchmark-only dependency: requirements-bench.txt) indexes
the article pages only (`articles/**`, the documents our index holds), from their `<main>`,
with Chinese segmentation (the extended build). The probe page uses Pagefind's JS API, not its
UI bundle, so the bytes counted are Pagefind's minimum for a query; it renders the same number
of results as our page shows for that query (`k`), fetching one fragment per shown result, as
our page fetches one record per shown result.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

BUNDLE = "pagefind"
PAGE = "pagefind-bench"

_PAGE_HTML = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Pagefind 对照</title></head>
<body><main>
<form id="search-form" role="search"><input id="q" name="q" type="search" aria-label="搜索"></form>
<ol id="search-results"></ol>
</main>
<script type="module">
const pagefind = await import("../%(bundle)s/pagefind.js");
const list = document.getElementById("search-results");
const params = new URLSearchParams(location.search);
window.benchK = Number(params.get("k") || 10);
function text(html) {
  return new DOMParser().parseFromString(html, "text/html").body.textContent;
}
async function run(query) {
  const search = await pagefind.search(query);
  const shown = await Promise.all(search.results.slice(0, window.benchK).map(r => r.data()));
  list.removeAttribute("data-search-done");
  list.replaceChildren(...shown.map(d => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = d.url;
    a.textContent = d.meta.title || d.url;
    const p = document.createElement("p");
    p.textContent = text(d.excerpt);
    li.append(a, p);
    return li;
  }));
  list.setAttribute("data-search-done", "");
}
document.getElementById("search-form").addEventListener("submit", event => {
  event.preventDefault();
  run(document.getElementById("q").value);
});
if (params.get("q")) run(params.get("q"));
</script>
</body></html>
"""


class PagefindError(Exception):
    pass


def index_site(output: Path, log: Path) -> float:
    """Run Pagefind over the built site and add its probe page; returns Pagefind's seconds."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(output), "--output-subdir", BUNDLE,
           "--glob", "articles/**/*.html", "--root-selector", "main"]
    start = time.perf_counter()
    with open(log, "w", encoding="utf-8") as out:
        result = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8").splitlines()[-20:])
        raise PagefindError(f"pagefind exited {result.returncode} (log {log}):\n{tail}")
    if not (output / BUNDLE / "pagefind.js").is_file():
        raise PagefindError(f"{output / BUNDLE}: pagefind wrote no pagefind.js (log {log})")
    page = output / PAGE
    page.mkdir(exist_ok=True)
    (page / "index.html").write_text(_PAGE_HTML % {"bundle": BUNDLE}, encoding="utf-8")
    return seconds


def available() -> bool:
    try:
        import pagefind  # noqa: F401
    except ImportError:
        return False
    return True
