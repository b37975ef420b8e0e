"""What a citizen's query finds, in headless Chromium on a built site: an article by its own
title and by a compound the index cut differently, synonyms from data/synonyms.toml, partial
matches labelled with the words they have, a query with no match, and one result per reprinted
story (a record with the key plugins.reprints adds, "g")."""
from urllib.parse import quote

import pytest

from plugins.search import documents
from tests.browser import chromium, serve
from tests.conftest import build_site

from .fixtures import article

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QINGDAO = {"city": "青岛市", "district": "黄岛区", "street": "灵山卫街道"}
ARTICLES = {
    "lsw.md": article("灵山卫街道志愿服务队开展活动", "lsw-volunteers",
                      "灵山卫街道志愿服务队走进社区，为居民提供理发和义诊服务。", **QINGDAO),
    "zb.md": article("寨北社区成立志愿者服务队", "zb-volunteers",
                     "寨北社区组建志愿者服务队，开展环境整治。"),
    "dibao.md": article("街道低保工作情况", "dibao",
                        "全年为困难群众按时足额发放低保金，低保对象逐户核实。", kind="report"),
    "zuidi.md": article("社区发放生活补助", "zuidi", "社区为困难家庭发放最低生活保障金。"),
    # 志愿服务 is an index term here (a keyword of the topic 文明实践, so a word of the
    # dictionary, and this article's): the query 志愿服务队 is cut 志愿服务 + 队, as in issue 15.
    "service.md": article("社区开展志愿服务", "service", "社区开展志愿服务，关爱老人。"),
    "grid.md": article("银融社区网格长走访居民", "grid-head", "银融社区网格长走访入户，楼栋长协助。"),
    "waste1.md": article("街道开展垃圾分类宣传", "waste-original",
                         "街道开展垃圾分类宣传，引导居民分类投放。", date="2021-03-02"),
    "waste2.md": article("街道开展垃圾分类宣传活动", "waste-copy",
                         "街道开展垃圾分类宣传，引导居民分类投放。", date="2021-03-05"),
}
TITLE = {slug: text.split("\n", 1)[0][len("Title: "):] for slug, text in
         ((t.split("Slug: ")[1].split("\n")[0], t) for t in ARTICLES.values())}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    # The reprints plugin (another branch) puts the URL of a story's original in each copy's
    # record as "g"; here the two garbage-sorting articles are made one story that way.
    read = documents.read

    def with_group(article, snippet_chars):
        text = read(article, snippet_chars)
        if article.slug.startswith("waste-"):
            text.record["g"] = "articles/2021/waste-original/"
        return text
    mp = pytest.MonkeyPatch()
    mp.setattr(documents, "read", with_group)
    try:
        yield build_site(tmp_path_factory.mktemp("query-site"), articles=ARTICLES)
    finally:
        mp.undo()


@pytest.fixture(scope="module")
def served(site):
    with serve(site) as base, chromium() as browser:
        yield base, browser


@pytest.fixture(scope="module")
def page(served):
    base, browser = served
    page = browser.new_context().new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.base = base
    page.errors = errors
    yield page
    assert errors == []


def search(page, query):
    page.goto(f"{page.base}search/?q={quote(query)}")
    page.wait_for_selector("#search-results[data-search-done]", state="attached")
    titles = lambda selector: page.locator(f"{selector} .search-result-title a").all_inner_texts()
    return {"status": page.locator("#search-status").inner_text(),
            "full": titles("#search-results"), "partial": titles("#search-partial"),
            "partial_shown": page.locator("#search-partial-section").is_visible(),
            "matches": page.locator("#search-partial .search-match").all_inner_texts()}


def test_an_article_is_found_by_its_own_title_and_its_compound(page):
    got = search(page, "灵山卫街道志愿服务队开展活动")
    assert got["full"][0] == TITLE["lsw-volunteers"]
    # jieba cut the title 志愿 + 服务队 and the query is cut 志愿服务 + 队: the article holds
    # the typed text, so it is found first, with every word.
    got = search(page, "志愿服务队")
    assert got["full"][0] == TITLE["lsw-volunteers"]
    marks = page.locator("#search-results li").first.locator("mark").all_inner_texts()
    assert "志愿服务队" in marks


def test_a_compound_sharing_the_head_is_a_labelled_partial_match(page):
    got = search(page, "志愿者")
    assert got["full"] == [TITLE["zb-volunteers"]]
    # Its head morpheme 志愿 (志愿服务队, 志愿服务): after the article with the word itself.
    assert set(got["partial"]) == {TITLE["lsw-volunteers"], TITLE["service"]}
    assert got["matches"] == ["包含：志愿者（相近的词“志愿”）"] * 2
    assert got["status"] == "找到 1 篇与“志愿者”相关的文章，另有 2 篇部分匹配。"


def test_synonyms_find_the_other_words_below_the_typed_one(page):
    # data/synonyms.toml: 低保 = 最低生活保障 = 低保金.
    got = search(page, "最低生活保障")
    assert got["full"] == [TITLE["zuidi"], TITLE["dibao"]]
    assert page.locator("#search-results li").nth(1).locator("mark").all_inner_texts()[0] in ("低保", "低保金")
    got = search(page, "低保")
    assert got["full"] == [TITLE["dibao"], TITLE["zuidi"]]
    assert got["status"] == "找到 2 篇与“低保”相关的文章。"


def test_partial_matches_say_which_words_they_have(page):
    got = search(page, "网格长 志愿者")
    assert got["full"] == [] and got["partial_shown"]
    assert got["status"].startswith("没有同时包含全部搜索词的文章；以下")
    assert set(got["partial"]) >= {TITLE["grid-head"], TITLE["zb-volunteers"]}
    by_title = dict(zip(got["partial"], got["matches"]))
    assert by_title[TITLE["grid-head"]] == "包含：网格长；不含：志愿者"
    assert by_title[TITLE["zb-volunteers"]] == "包含：志愿者；不含：网格长"
    # Partial matches are a list of their own, after the full ones.
    assert page.evaluate("""() => {
      const full = document.getElementById('search-results');
      const partial = document.getElementById('search-partial-section');
      return !!(full.compareDocumentPosition(partial) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")


def test_a_query_with_no_match_says_so(page):
    got = search(page, "鲸鱼潜艇")
    assert got["full"] == got["partial"] == [] and not got["partial_shown"]
    assert got["status"] == "没有找到与“鲸鱼潜艇”相关的文章。"
    assert page.locator("#search-browse").is_visible()


def test_one_result_per_reprinted_story(page):
    got = search(page, "垃圾分类")
    assert len(got["full"]) == 1 and got["full"][0] in (TITLE["waste-original"], TITLE["waste-copy"])
    assert got["status"] == "找到 1 篇与“垃圾分类”相关的文章。"
    others = page.locator("#search-results .search-reprints")
    assert others.inner_text() == "另有 1 个来源"


def test_results_arriving_move_nothing_on_the_page(served):
    # Lighthouse (mobile) scored the page 79 when results and facets pushed the page around:
    # their space is kept from the first paint, so no element of the search page moves.
    base, browser = served
    page = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    page.add_init_script("""
      window.__shifts = [];
      new PerformanceObserver(list => list.getEntries().forEach(e => window.__shifts.push(
        ...e.sources.map(s => s.node && s.node.closest ? (s.node.closest('#search-app') ? 'search' : s.node.nodeName) : 'gone'))))
        .observe({type: 'layout-shift', buffered: true});
    """)
    for query in ("志愿者", "网格长 志愿者", "鲸鱼潜艇"):
        page.goto(f"{base}search/?q={quote(query)}")
        page.wait_for_selector("#search-results[data-search-done]", state="attached")
        page.wait_for_timeout(300)
        assert "search" not in page.evaluate("window.__shifts"), query
