"""The built index, loaded by real lunr.js 2.3.9 under node through the browser's code,
answers the fixture query set. The articles that have every query word (tier 0 and 1) come
first; partial matches (tier 2) after them."""
import json

import pytest

from plugins.search.writer import read_index_file

from .conftest import run_node, slug_of
from .fixtures import QUERIES


@pytest.fixture(scope="module")
def answers(search_site):
    payload = {"index": str(search_site / "search" / "index"),
               "queries": [{"query": q} for q, _, _ in QUERIES]}
    return run_node("search", payload)


def test_index_is_for_lunr_2_3_9_and_is_sharded(search_site, answers):
    manifest = json.loads((search_site / "search" / "index" / "manifest.json").read_text("utf-8"))
    assert answers["version"] == "2.3.9" == manifest["lunr"]
    assert manifest["shards"] > 1
    assert manifest["documents"] == 5
    files = sorted((search_site / "search" / "index" / "s").iterdir())
    # Every shard of a character with few postings, every part of a busy character's shard.
    assert len(files) >= manifest["shards"]
    for path in files:
        shard = read_index_file(path)
        assert shard["version"] == "2.3.9"
        # No custom pipeline function: lunr.js would refuse a label it has not registered.
        assert shard["pipeline"] == []


def full(answer) -> list[str]:
    """Slugs of the articles with every query word, in rank order."""
    return [slug_of(r["url"]) for r in answer["results"] if r["tier"] < 2]


@pytest.mark.parametrize("number", range(len(QUERIES)), ids=[q for q, _, _ in QUERIES])
def test_query_set(answers, number):
    query, wanted, unwanted = QUERIES[number]
    answer = answers["answers"][number]
    found = set(full(answer))
    assert wanted <= found, (query, found)
    assert not (unwanted & found), (query, found)
    # Partial matches never rank above an article with every word.
    tiers = [r["tier"] for r in answer["results"]]
    assert tiers == sorted(tiers), query


def test_traditional_queries_equal_simplified(search_site):
    pairs = [("棗莊", "枣庄"), ("社區", "社区"), ("網格員", "网格员"), ("老舊小區改造", "老旧小区改造")]
    payload = {"index": str(search_site / "search" / "index"),
               "queries": [{"query": q} for pair in pairs for q in pair]}
    got = run_node("search", payload)["answers"]
    for i, (traditional, simplified) in enumerate(pairs):
        a, b = got[2 * i], got[2 * i + 1]
        assert a["tokens"] == b["tokens"], (traditional, simplified)
        assert a["results"] == b["results"] != [], (traditional, simplified)


def test_title_boost_ranks_title_match_first(search_site):
    got = run_node("search", {"index": str(search_site / "search" / "index"),
                              "queries": [{"query": "灵山卫"}, {"query": "工作总结"}]})["answers"]
    assert slug_of(got[0]["results"][0]["url"]) == "lingshanwei-people"
    # Both have 工作总结 in the title; the article that only mentions 工作 in its body is at
    # most a partial match, below them.
    assert set(full(got[1])) == {"zhongshan-2022", "street-2020-plan"}
    assert [r["tier"] for r in got[1]["results"][:2]] == [0, 0]


def test_facet_counts_and_filters(search_site):
    index = str(search_site / "search" / "index")
    got = run_node("search", {"index": index, "queries": [
        {"query": "网格员", "facets": True},
        {"query": "网格员", "filters": {"city": "1501"}},
        {"query": "网格员", "filters": {"year": "2022", "kind": "news"}},
        {"query": "网格化"},
        {"query": "网格化", "filters": {"topic": "old-neighbourhood-renewal"}},
    ]})["answers"]
    facets = {f["name"]: {v["key"]: v["count"] for v in f["values"]} for f in got[0]["facets"]}
    assert facets["city"] == {"3704": 1, "1501": 1}
    assert facets["district"] == {"370402": 1, "150103": 1}
    assert facets["year"] == {"2022": 2}
    assert facets["kind"] == {"news": 1, "report": 1}
    assert facets["topic"]["grid-governance"] == 2
    assert full(got[1]) == ["zhongshan-2022"]
    assert full(got[2]) == ["getabu-press"]
    # 网格化 is in the body of one article and in the topic 网格化治理 of two more.
    assert full(got[3]) == ["yiyuan-honour", "zhongshan-2022", "getabu-press"]
    assert full(got[4]) == ["getabu-press"]
    topic = next(f for f in got[4]["facets"] if f["name"] == "topic")
    assert {v["key"]: v["count"] for v in topic["values"]} == {
        "old-neighbourhood-renewal": 1, "grid-governance": 1}
    labels = {f["name"]: {v["key"]: v["label"] for v in f["values"]} for f in got[0]["facets"]}
    assert labels["district"]["370402"] == "市中区（枣庄市）"


def test_undated_article_is_in_the_undated_year_facet(search_site):
    got = run_node("search", {"index": str(search_site / "search" / "index"),
                              "queries": [{"query": "党代表", "facets": True}]})["answers"][0]
    assert full(got) == ["street-2020-plan"]
    year = next(f for f in got["facets"] if f["name"] == "year")
    assert year["values"] == [{"key": "undated", "label": "日期不详", "count": 1}]
    assert "undated" in got["results"][0]["url"]


def test_a_query_loads_only_the_shards_of_its_terms(search_site):
    # As on an archive where enough articles have the word: nothing more is looked for.
    got = run_node("search", {"index": str(search_site / "search" / "index"), "few": 1,
                              "queries": [{"query": "网格员"}]})
    assert got["shardsLoaded"] == 1 < got["shards"]
    # One term: no phrase to look for, so no term offsets are fetched.
    assert got["offsetsLoaded"] == 0 and not got["answers"][0]["fallback"]


def test_offsets_are_fetched_for_queries_of_several_terms(search_site):
    got = run_node("search", {"index": str(search_site / "search" / "index"), "few": 1,
                              "queries": [{"query": "疫情防控 核酸"}]})
    # Offsets come with each loaded part of the query's terms, and only with those.
    assert got["offsetsLoaded"] == got["shardsLoaded"] >= 1


def test_few_full_matches_look_for_the_typed_text_however_it_was_cut(search_site):
    # 2 articles have 网格员 (fewer than a results page): the query also fetches the terms
    # inside it, and an article with only its head 网格 (网格化) comes after them, labelled.
    got = run_node("search", {"index": str(search_site / "search" / "index"),
                              "queries": [{"query": "网格员"}]})
    answer = got["answers"][0]
    assert answer["fallback"]
    assert set(full(answer)) == {"zhongshan-2022", "getabu-press"}
    partial = [r for r in answer["results"] if r["tier"] == 2]
    assert [slug_of(r["url"]) for r in partial] == ["yiyuan-honour"]
    assert partial[0]["words"] == ["sub"] and partial[0]["via"] == ["网格"]
    assert "网格" in partial[0]["marks"]
    assert got["shardsLoaded"] > 1


def test_simplified_queries_fetch_no_t2s_map(search_site):
    index = str(search_site / "search" / "index")
    simplified = run_node("search", {"index": index, "queries": [{"query": "网格员 枣庄"}]})
    traditional = run_node("search", {"index": index, "queries": [{"query": "網格員 棗莊"}]})
    assert simplified["t2sLoaded"] == 0
    assert traditional["t2sLoaded"] >= 1
    assert simplified["answers"][0]["results"] == traditional["answers"][0]["results"] != []
