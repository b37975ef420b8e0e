"""First-query bytes and times in headless Chromium (Playwright), for any search page whose
results are `<li>` items in `#search-results` and which reads `?q=` from its URL.

Cold probe, one fresh browser context per query (empty cache): open `<page>?q=<query>` and
record, from inside the page, when the first result appears (performance.now(), whose origin is
the navigation start), then wait for the network to go idle (records or fragments of the shown
results) and add up the bytes Chromium reports for every response (headers + encoded body).

Warm probe, one page for all queries: after a first query has loaded the search code, type each
query into the search box and press Enter; the time runs from the key press until a result
rendered for the new query is in the DOM (old result items are marked beforehand).
"""
from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
RESULTS = "#search-results li"
# A page may mark its results list with data-search-done once it has answered (our Pagefind
# page does), so a query with no result is timed too instead of waiting for the time limit.
ANSWERED = "#search-results li, #search-results[data-search-done]"
# Records the moment the first result item enters the DOM, before any page script runs.
_OBSERVER = """
window.__bench = {first: undefined};
new MutationObserver(() => {
  if (window.__bench.first === undefined && document.querySelector(%r))
    window.__bench.first = performance.now();
}).observe(document, {childList: true, subtree: true, attributes: true});
""" % ANSWERED


@dataclass
class QueryProbe:
    query: str
    results: int = 0                 # result items shown for the cold query
    first_ms: float | None = None    # navigation start → first result in the DOM
    bytes_total: int = 0             # everything fetched for the cold query
    bytes_search: int = 0            # minus the HTML document and what every site page loads
    requests: int = 0
    warm_ms: float | None = None     # Enter → new results, search code already loaded
    fetched: list[tuple[str, int]] = field(default_factory=list)  # (URL path, bytes)
    errors: list[str] = field(default_factory=list)  # script errors and failed requests


def _size(request) -> int:
    try:
        sizes = request.sizes()
    except Exception:  # an aborted request has no sizes; it fetched nothing worth counting
        return 0
    body = max(sizes["responseBodySize"], 0)
    if not body:
        # Chromium reports no body for a Web Worker's own script (ours, and Pagefind's
        # pagefind-worker.js): count the bytes the server said it sent.
        try:
            body = int((request.response().headers or {}).get("content-length") or 0)
        except Exception:
            body = 0
    return sizes["responseHeadersSize"] + body


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def new_context(browser):
    """A context whose pages the probes may poll: Playwright's wait_for_function evaluates a
    string in the page, which the site's Content-Security-Policy refuses (no 'unsafe-eval').
    The bench measures, it does not test the policy (tests/site/test_csp.py does)."""
    return browser.new_context(bypass_csp=True)


def chrome_urls(browser, url: str) -> set[str]:
    """URLs (other than the document) that a plain site page loads: CSS and scripts every page
    shares, which are not search assets."""
    context = new_context(browser)
    page = context.new_page()
    seen = []
    page.on("requestfinished", lambda r: seen.append(r.url))
    page.goto(url, wait_until="networkidle")
    context.close()
    return {u for u in seen if u.split("?")[0] != url.split("?")[0]}


def probe_cold(browser, page_url: str, query: str, chrome: set[str], extra: str = "",
               timeout_ms: int = 15000) -> QueryProbe:
    probe = QueryProbe(query)
    context = new_context(browser)
    page = context.new_page()
    page.add_init_script(_OBSERVER)
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    # A search that breaks shows no result; the figures must then say why, not just "0".
    page.on("pageerror", lambda error: probe.errors.append(f"script error: {error}"))
    page.on("response", lambda r: probe.errors.append(f"HTTP {r.status} {urlsplit(r.url).path}")
            if r.status >= 400 else None)
    url = f"{page_url}?q={quote(query)}{extra}"
    page.goto(url, wait_until="load")
    try:
        page.wait_for_function("window.__bench.first !== undefined", timeout=timeout_ms)
        probe.first_ms = page.evaluate("window.__bench.first")
    except Exception:  # no result within the time limit: reported as missing, not as a time
        pass
    try:
        page.wait_for_load_state("networkidle", timeout=timeout_ms)
    except Exception:
        pass
    probe.results = page.locator(RESULTS).count()
    document = url.split("#")[0]
    for request in finished:
        size = _size(request)
        probe.bytes_total += size
        probe.fetched.append((urlsplit(request.url).path, size))
        if request.url != document and request.url not in chrome \
                and request.resource_type != "document":
            probe.bytes_search += size
    probe.requests = len(finished)
    context.close()
    return probe


def probe_warm(browser, page_url: str, queries: list[str], input_selector: str,
               warmup: str, before_query=None, timeout_ms: int = 15000) -> list[float | None]:
    """Per-query time with the search code and the shards of `warmup` (a query with results)
    already loaded."""
    context = new_context(browser)
    page = context.new_page()
    page.add_init_script(_OBSERVER)
    page.goto(f"{page_url}?q={quote(warmup)}", wait_until="load")
    times: list[float | None] = []
    try:
        page.wait_for_function("window.__bench.first !== undefined", timeout=timeout_ms)
    except Exception:
        context.close()
        return [None] * len(queries)
    for query in queries:
        # A query the page does not answer in time counts as no figure (None), not as the end
        # of the bench: a 10,000-article run once lost its page's search box for 30 s here
        # after 8 minutes of building, and the whole run with it.
        try:
            page.evaluate("sel => document.querySelectorAll(sel).forEach("
                          "li => li.setAttribute('data-bench-stale', ''))", RESULTS)
            if before_query:
                before_query(page, query)
            box = page.locator(input_selector).first
            box.fill(query, timeout=timeout_ms)
            start = time.perf_counter()
            box.press("Enter", timeout=timeout_ms)
            page.wait_for_selector(f"{RESULTS}:not([data-bench-stale])", timeout=timeout_ms)
            times.append((time.perf_counter() - start) * 1000)
        except Exception:
            times.append(None)
    context.close()
    return times


def median(values) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None
