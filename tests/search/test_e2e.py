"""End to end in headless Chromium: the search page of a built site, typed into like a
citizen would, with facets, URL state, the back button and hostile queries."""
import json
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser import chromium, run_script_file, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RESULT_TITLES = "#search-results li h3 a"


@pytest.fixture(scope="module")
def browser_page(search_site):
    with serve(search_site) as base, chromium() as browser:
        context = browser.new_context()
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.base = base.rstrip("/")
        page.dialogs = dialogs
        yield page


def titles(page):
    return page.locator(RESULT_TITLES).all_inner_texts()


def type_query(page, query):
    # (wait_for_function is given functions: a bare expression is run with eval in the page,
    # which the site's Content-Security-Policy refuses.)
    page.goto(page.base + "/search/")
    box = page.locator("#search-q")
    box.press_sequentially(query, delay=20)
    box.press("Enter")
    page.wait_for_function(
        "q => document.getElementById('search-status').textContent.includes(q)"
        " && !document.getElementById('search-status').textContent.startsWith('正在')"
        " && document.getElementById('search-results').hasAttribute('data-search-done')",
        arg=query.strip())
    return titles(page)


def test_typing_queries_shows_expected_titles(browser_page):
    page = browser_page
    assert set(type_query(page, "老旧小区改造")) >= {"垎塔埠街道召开新闻发布会"}
    assert "灵山卫街道聚智聚力回应群众关切" in type_query(page, "老旧小区")
    got = type_query(page, "网格员")
    assert set(got) == {"垎塔埠街道召开新闻发布会", "中山西路街道2022年工作总结"}
    # The count is announced: the status line is a polite live region.
    status = page.locator("#search-status")
    # The third article has only 网格 (网格化建设): a partial match, after them and labelled.
    assert status.inner_text() == "找到 2 篇与“网格员”相关的文章，另有 1 篇部分匹配。"
    partial = page.locator("#search-partial-section")
    assert partial.is_visible() and partial.locator("h2").inner_text() == "部分匹配"
    assert partial.locator("li h3 a").all_inner_texts() == ["怡园街道寨北社区荣获全省和谐社区建设示范单位称号"]
    assert partial.locator(".search-match").inner_text() == "包含：网格员（相近的词“网格”）"
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    # Enter moves the focus to the first result, for keyboard users.
    assert page.evaluate("document.activeElement.closest('#search-results') !== null")
    # The match is highlighted in the snippet, and place, date and kind are shown.
    first = page.locator("#search-results li").first
    assert "网格员" in first.locator(".search-snippet mark").all_inner_texts()
    assert first.locator(".search-meta").inner_text() in (
        "枣庄市 市中区 垎塔埠街道 · 2022年9月15日 · 新闻",
        "呼和浩特市 回民区 中山西路街道 · 2022年 · 工作报告")
    href = first.locator("h3 a").get_attribute("href")
    assert href.startswith("/articles/") and href.endswith("/")


@pytest.mark.parametrize("traditional,simplified", [("棗莊", "枣庄"), ("社區", "社区")])
def test_traditional_gives_same_results(browser_page, traditional, simplified):
    page = browser_page
    a = type_query(page, traditional)
    b = type_query(page, simplified)
    assert a == b and a


def test_script_query_is_shown_as_text(browser_page):
    page = browser_page
    query = "<script>alert(1)</script>网格员"
    type_query(page, query)
    assert query in page.locator("#search-status").inner_text()
    assert page.locator("#search-app script").count() == 0
    # A deep link with markup in the query and a filter value.
    page.goto(page.base + "/search/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E&kind=%3Cb%3E")
    page.wait_for_function("() => document.getElementById('search-status').textContent.includes('<img')")
    assert page.locator("#search-app img, #search-app b").count() == 0
    assert page.dialogs == []
    # A document whose body held <script>: its text is in the snippet as text, nothing ran.
    type_query(page, "核酸")
    assert page.locator("#search-results .search-snippet script").count() == 0
    assert page.dialogs == []


def test_no_results_says_so_and_suggests_browsing(browser_page):
    page = browser_page
    assert type_query(page, "不存在的事情") == []
    assert page.locator("#search-status").inner_text().startswith("没有找到与“不存在的事情”相关的文章")
    browse = page.locator("#search-browse")
    assert browse.is_visible()
    assert browse.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))") == [
        "/places/", "/topics/"]


def test_facets_and_url_state(browser_page):
    page = browser_page
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(page.base + "/search/?q=网格员")
    page.wait_for_selector(RESULT_TITLES)
    # The facets count every result: fetched only when the reader asks to filter.
    assert page.locator("#search-facets a").count() == 0
    assert not any("facets.json" in url for url in fetched)
    page.click("#search-facets button.search-filter")
    page.wait_for_selector("#search-facets ul[aria-labelledby='facet-city'] a")
    assert page.evaluate("document.activeElement.closest('#search-facets') !== null")
    city = page.locator("#search-facets ul[aria-labelledby='facet-city'] a", has_text="呼和浩特市")
    assert city.locator(".facet-count").inner_text() == "（1）"
    city.click()
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length === 1")
    assert parse_qs(urlparse(page.url).query) == {"q": ["网格员"], "city": ["1501"]}
    assert titles(page) == ["中山西路街道2022年工作总结"]
    active = page.locator("#search-facets a[aria-current='true']")
    assert active.count() == 1 and "呼和浩特市" in active.inner_text()
    # Back: the unfiltered results again, and the box still holds the query.
    page.go_back()
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length === 2")
    assert parse_qs(urlparse(page.url).query) == {"q": ["网格员"]}
    assert page.input_value("#search-q") == "网格员"
    # Forward and a deep link with two filters give the same state.
    page.go_forward()
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length === 1")
    page.goto(page.base + "/search/?q=网格员&year=2022&kind=news")
    page.wait_for_selector(RESULT_TITLES)
    assert titles(page) == ["垎塔埠街道召开新闻发布会"]
    # Facet links are real links: keyboard users reach them with Tab and Enter.
    link = page.locator("#search-facets ul[aria-labelledby='facet-city'] a").first
    assert link.inner_text().startswith("枣庄市")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('city=3704')")
    assert parse_qs(urlparse(page.url).query) == {
        "q": ["网格员"], "city": ["3704"], "year": ["2022"], "kind": ["news"]}
    page.wait_for_function("() => document.querySelectorAll('#search-facets a[aria-current]').length === 3")


def test_spaces_and_phrases(browser_page):
    page = browser_page
    got = type_query(page, "疫情防控  核酸")
    assert got == ["中山西路街道2022年工作总结"]


def test_index_is_fetched_only_when_searching(browser_page, search_site):
    page = browser_page
    requests = []

    def record(request):
        requests.append(request.url)
    page.on("request", record)
    try:
        page.goto(page.base + "/")
        page.wait_for_load_state("networkidle")
        page.goto(page.base + "/articles/2022/getabu-press/")
        page.wait_for_load_state("networkidle")
        assert not [u for u in requests if "/search/" in u]
        page.goto(page.base + "/search/")
        page.wait_for_load_state("networkidle")
        assert not [u for u in requests if "/search/index/" in u]
        page.locator("#search-q").press_sequentially("网格员", delay=20)
        page.wait_for_selector(RESULT_TITLES)
        fetched = [urlparse(u).path for u in requests if "/search/index/" in u]
        assert "/search/index/manifest.json" in fetched
        # Every other index file is asked for with the build id of the manifest.
        build = json.loads((search_site / "search" / "index" / "manifest.json").read_text("utf-8"))["build"]
        assert {urlparse(u).query for u in requests
                if "/search/index/" in u and not u.endswith("manifest.json")} == {f"v={build}"}
        shard_files = [f for f in fetched if "/search/index/s/" in f]
        # Typed a character at a time, 网 and 网格 may search too: a range, not one file, but
        # never the whole index.
        assert 1 <= len(shard_files) < len(list((search_site / "search" / "index" / "s").iterdir()))
    finally:
        page.remove_listener("request", record)


def test_search_page_with_results_passes_axe(browser_page):
    from tests.conftest import ROOT
    page = browser_page
    page.goto(page.base + "/search/?q=网格员")
    page.wait_for_selector("#search-results[data-search-done]", state="attached")
    run_script_file(page, ROOT / "node_modules" / "axe-core" / "axe.min.js")
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
