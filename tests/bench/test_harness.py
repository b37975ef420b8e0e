"""`invoke bench` end to end on a 20-article archive: builds, rebuild, Pagefind and both searches
probed in headless Chromium. Figures are printed, never asserted on: only that each was
measured and is plausible."""
import json
import re

import pytest

from bench import run


@pytest.mark.slow
@pytest.mark.browser
def test_bench_runs_end_to_end_on_a_tiny_archive(tmp_path, capsys):
    figures_file = tmp_path / "figures.json"
    assert run.main(["--n", "20", "--runs", "1", "--workdir", str(tmp_path / "work"),
                     "--json", str(figures_file)]) == 0
    printed = capsys.readouterr().out
    assert "基层档案 bench: 20 articles" in printed and "ours/PF" in printed
    assert re.search(r"ours/Pagefind, medians: first-query bytes \d\.\d\d, first-query time "
                     r"\d\.\d\d, warm per-query time \d\.\d\d", printed)
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["build_s"][0] > 0 and figures["build_cpu_s"][0] > 0
    assert figures["build_rss_mb"][0] > 50
    assert figures["rebuild_s"][0] > 0 and figures["build_warnings"] == []
    assert figures["output_files"] > 20
    assert figures["index"]["files"] > 1 and figures["index"]["gzip_bytes"] > 0
    assert figures["pagefind_index"]["files"] > 1
    queries = {q["query"]: q for q in figures["queries"]}
    assert list(queries) == list(run.QUERIES)
    answered = [q for q in queries.values() if q["ours"]["results"]]
    assert answered, "our search page showed no result for any query"
    for q in answered:
        ours = q["ours"]
        assert ours["first_ms"] > 0 and ours["bytes_search"] > 0
        assert ours["bytes_total"] > ours["bytes_search"]
    assert any(q["pagefind"]["results"] for q in queries.values())

    # --site probes a site built elsewhere, without building anything.
    site = tmp_path / "work" / "output"
    assert run.main(["--site", str(site), "--browser-runs", "1"]) == 0
    printed = capsys.readouterr().out
    assert f"基层档案 search of {site}" in printed
    assert re.search(r"first query: search bytes fetched, median \(kB\) +\d", printed)
    with pytest.raises(SystemExit) as refused:
        run.main(["--site", str(tmp_path / "work")])
    assert refused.value.code == 2 and "no search/index.html" in capsys.readouterr().err

    # A query the page cannot be given (no such box) is a missing figure, not the end of
    # the bench: the warm probe goes on to the next query.
    from playwright.sync_api import sync_playwright

    from bench import browser
    from bench.serve import serve
    with serve(site) as base, sync_playwright() as p:
        chromium = browser.launch(p)
        try:
            times = browser.probe_warm(chromium, base + run.OURS_PAGE, ["社区", "网格员"],
                                       "main input[name=no-such-box]", answered[0]["query"],
                                       timeout_ms=2000)
            again = browser.probe_warm(chromium, base + run.OURS_PAGE,
                                       [answered[-1]["query"]], run.OURS_INPUT,
                                       answered[0]["query"])
        finally:
            chromium.close()
    assert times == [None, None]
    assert again[0] > 0  # the same probe with the page's own box still measures
