"""The index writer and the generator around it: phrase ranking, the record and facet files,
t2s buckets, settings and loud failures."""
import logging
import os
from pathlib import Path

import pytest

from plugins.search.generator import SearchError
from plugins.search.settings import DEFAULTS, search_settings
from plugins.search.terms import TermTable
from plugins.search.writer import SearchDocument, read_index_file, ref_of, write_index
from plugins.zhtext.segment import Segmenter

from .conftest import run_node
from .fixtures import ARTICLES
from tests.conftest import build_site

FIELDS = {"title": 10.0, "body": 1.0, "places": 2.0, "topics": 2.0, "tags": 2.0}


def make_index(folder, bodies, **kwargs):
    seg = Segmenter(("社区服务",))
    docs = [SearchDocument({"title": seg.tokens(f"文章{i}"), "body": seg.tokens(body)},
                           {"t": f"文章{i}", "u": f"a/{i}/", "p": "", "d": "", "k": "", "x": body},
                           {"kind": [("news", "新闻")]})
            for i, body in enumerate(bodies)]
    return write_index(docs, folder, fields=FIELDS, **kwargs)


def test_exact_phrase_ranks_before_higher_bm25(tmp_path):
    bodies = [
        # The phrase once, in a long text: a low BM25 score.
        "居民来到社区，" + "街道开展各项工作。" * 30 + "社区服务站开门了。",
        # Both words often, never side by side (spaces would not separate them: see
        # segment.Token.start): a higher score.
        "社区，服务，社区，服务，社区，服务。",
        "与查询无关的一篇文章。",
    ]
    make_index(tmp_path, bodies)
    got = run_node("search", {"index": str(tmp_path), "queries": [
        {"query": "社区 服务"}, {"query": "社区"}]})["answers"]
    results = got[0]["results"]
    assert [r["url"] for r in results] == ["a/0/", "a/1/"]
    assert results[0]["phrase"] is True and results[1]["phrase"] is False
    assert results[0]["score"] < results[1]["score"]
    # One word is no phrase: plain BM25 order.
    assert [r["url"] for r in got[1]["results"]] == ["a/1/", "a/0/"]


def test_records_facets_and_t2s_files(tmp_path):
    manifest = make_index(tmp_path, ["社区服务"] * 7, records_per_chunk=3)
    assert manifest["record_chunks"] == 3
    chunk = read_index_file(tmp_path / "r" / "2.json.gz")
    assert list(chunk) == [ref_of(6)]
    facets = read_index_file(tmp_path / "facets.json.gz")
    assert facets["facets"]["kind"]["values"] == [["news", "新闻"]]
    assert facets["facets"]["kind"]["docs"] == [0] * 7
    buckets = {int(p.name.split(".")[0]) for p in (tmp_path / "t2s").iterdir()}
    assert buckets == set(manifest["t2s"])
    bucket = read_index_file(tmp_path / "t2s" / f"{ord('區') >> 8}.json.gz")
    assert bucket["區"] == "区"


def test_refs_are_short_and_unique():
    refs = [ref_of(n) for n in range(50000)]
    assert len(set(refs)) == 50000 and max(map(len, refs)) == 4
    assert ref_of(0) == "0" and ref_of(35) == "z" and ref_of(36) == "10"


def test_terms_outside_the_bmp_load_in_lunr_js(tmp_path):
    # lunr.js refuses terms inserted out of JavaScript's (UTF-16) order.
    bodies = ["𠀾𠁞 丂 ｱ 豈 𩸽 鱼", "𩸽鱼 鱼肉 丂丂"]
    make_index(tmp_path, bodies, shards=1)
    got = run_node("search", {"index": str(tmp_path), "queries": [{"query": "鱼肉"}]})
    assert [r["url"] for r in got["answers"][0]["results"]] == ["a/1/"]


def test_settings_are_checked(caplog):
    with caplog.at_level(logging.WARNING):
        merged = search_settings({"SEARCH": {"RECORDS_PER_CHUNK": "4", "NOPE": 1,
                                             "POSTINGS_PER_SHARD": 0}})
    assert merged["RECORDS_PER_CHUNK"] == DEFAULTS["RECORDS_PER_CHUNK"]
    assert merged["POSTINGS_PER_SHARD"] == DEFAULTS["POSTINGS_PER_SHARD"]
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "SEARCH['NOPE']" in messages and "SEARCH['RECORDS_PER_CHUNK']" in messages
    assert all(r.getMessage().startswith("search:") for r in caplog.records)


def test_missing_lunr_js_fails_the_build(tmp_path):
    with pytest.raises(SearchError, match="npm ci"):
        build_site(tmp_path, articles={"a.md": ARTICLES["getabu.md"]},
                   settings={"SEARCH": {"LUNR_JS": str(tmp_path / "missing" / "lunr.min.js")}})


def test_search_page_is_written_with_its_assets(search_site):
    page = (search_site / "search" / "index.html").read_text("utf-8")
    assert 'id="search-results"' in page and 'role="status"' in page
    assert 'href="/theme/css/search.css"' in page
    assert 'src="/theme/js/search.js"' in page and (search_site / "theme/js/search.js").exists()
    # lunr.js and the search core run in the worker: one file of the three, named with its
    # digest so a browser never runs an old worker with a new page.
    import hashlib
    import re

    worker = search_site / "search" / "worker.js"
    digest = hashlib.blake2b(worker.read_bytes(), digest_size=6).hexdigest()
    assert f'data-worker="/search/worker.js?v={digest}"' in page
    bundle = worker.read_text("utf-8")
    theme = Path(__file__).resolve().parents[2] / "themes" / "archive" / "static" / "js"
    assert bundle.startswith((theme.parents[3] / "node_modules" / "lunr" / "lunr.min.js").read_text("utf-8"))
    # lunr.js is in the worker only: no page loads it on its own.
    assert not (search_site / "search" / "lunr-2.3.9.min.js").exists()
    for name in ("search-core.js", "search-worker.js"):
        assert (theme / name).read_text("utf-8") in bundle
    assert re.search(r'\.version="2\.3\.9"', bundle)
    # Other pages load no search code: the index is fetched on the search page only.
    article = (search_site / "articles" / "2022" / "getabu-press" / "index.html").read_text("utf-8")
    assert "search-core.js" not in article and "lunr" not in article
    assert 'action="/search/"' in article


def test_tokens_are_cached_by_content_and_dictionary():
    from types import SimpleNamespace

    from plugins.search.generator import SearchGenerator

    class Counting(Segmenter):
        calls = 0

        def cut(self, text, folded=False):
            Counting.calls += 1
            return super().cut(text, folded)

    generator = SearchGenerator.__new__(SearchGenerator)
    generator.settings = {}  # cache_for keeps this build's cache in its settings
    articles = [SimpleNamespace(texts={"title": "网格员", "body": "垎塔埠街道网格员走访"}),
                SimpleNamespace(texts={"title": "社区", "body": "社区服务"})]
    table = TermTable()

    def terms(doc, field):
        ids, starts = doc[field]
        return [(table.terms[i], s) for i, s in zip(ids, starts)]

    first = generator._tokens(articles, Counting(("垎塔埠街道",)), ["title", "body"], table)
    assert Counting.calls == 4
    again = generator._tokens(articles, Counting(("垎塔埠街道",)), ["title", "body"], table)
    assert Counting.calls == 4 and again == first
    articles[1].texts["body"] = "社区服务中心"
    generator._tokens(articles, Counting(("垎塔埠街道",)), ["title", "body"], table)
    assert Counting.calls == 6  # only the edited article
    other = generator._tokens(articles, Counting(()), ["title", "body"], table)
    assert Counting.calls == 10  # another dictionary cuts differently: nothing reused
    expected = Segmenter(("垎塔埠街道",)).tokens("垎塔埠街道网格员走访")
    assert terms(first[0], "body") == [(t.term, t.start) for t in expected]
    assert ("垎塔埠街道", 0) in terms(first[0], "body")
    assert ("垎塔埠街道", 0) not in terms(other[0], "body")


def test_search_code_never_parses_html():
    # Document text and the query reach the page as text nodes only (the e2e tests show it
    # for hostile input; this keeps any HTML-parsing API out of the code).
    from tests.conftest import ROOT
    for name in ("search.js", "search-core.js"):
        code = (ROOT / "themes" / "archive" / "static" / "js" / name).read_text("utf-8")
        for api in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert api not in code, (name, api)


def test_term_table_subwords_equal_the_token_version():
    from plugins.zhtext.segment import user_words, with_subwords
    words = user_words(["垎塔埠街道"], ["老旧小区改造", "老旧小区", "网格员"])
    seg = Segmenter(words)
    texts = ["街道完成老旧小区改造12个", "老旧小区的居民", "垎塔埠街道网格员走访寨北社区"]
    tokens = [seg.tokens(t) for t in texts]
    vocabulary = {t.term for toks in tokens for t in toks} | set(words)
    # The same tokens in the same order: the words', then their pieces in the words' order.
    expected = [[(t.term, t.start) for t in with_subwords(toks, vocabulary)]
                for toks in tokens]
    table = TermTable()
    encoded = [table.encode(toks) for toks in tokens]
    pieces = table.subword_pieces(words)
    compact = [pieces.add_to(field) for field in encoded]
    got = [[(table.terms[i], s) for i, s in zip(*field)] for field in compact]
    assert got == expected
    assert ("老旧小区", 4) in got[0]


def test_build_id_names_the_content(tmp_path):
    a = make_index(tmp_path / "a", ["社区服务", "网格员"])
    b = make_index(tmp_path / "b", ["社区服务", "网格员"])
    c = make_index(tmp_path / "c", ["社区服务", "网格员走访"])
    assert a["build"] == b["build"] != c["build"]


def test_a_rewrite_touches_only_changed_files_and_drops_files_the_index_no_longer_has(
        tmp_path, monkeypatch):
    from plugins.buildcache import BuildCache

    cache = BuildCache(tmp_path / "cache")
    folder = tmp_path / "index"
    bodies = [f"第{i}篇：社区服务站开门了，居民前来办事。" for i in range(6)]
    make_index(folder, bodies, cache=cache)
    cache.save()
    (folder / "s" / "999.json.gz").write_bytes(b"left by an older index")

    bodies[2] += "新增一句：垃圾分类宣传。"
    written = []
    write_bytes = Path.write_bytes
    monkeypatch.setattr(Path, "write_bytes",
                        lambda self, data: written.append(self) or write_bytes(self, data))
    manifest = make_index(folder, bodies, cache=cache)
    monkeypatch.undo()
    rewritten = {p.relative_to(folder).as_posix() for p in written}

    fresh = tmp_path / "fresh"
    fresh_manifest = make_index(fresh, bodies)
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file())
    assert all((folder / f).read_bytes() == (fresh / f).read_bytes() for f in files)
    assert manifest["build"] == fresh_manifest["build"]
    # The edited record and the shards (every weight moved with the average length) are new;
    # the other records, the facets and the t2s map were left as they were.
    assert "r/2.json.gz" in rewritten and "manifest.json" in rewritten
    assert any(f.startswith("s/") for f in rewritten)
    assert not {"r/0.json.gz", "r/5.json.gz", "facets.json.gz"} & rewritten
    assert not any(f.startswith("t2s/") for f in rewritten)


def test_a_file_deleted_from_the_output_is_written_again(tmp_path):
    from plugins.buildcache import BuildCache

    cache = BuildCache(tmp_path / "cache")
    bodies = ["社区服务站开门了。", "居民前来办事。"]
    make_index(tmp_path / "index", bodies, cache=cache)
    (tmp_path / "index" / "r" / "1.json.gz").unlink()
    make_index(tmp_path / "index", bodies, cache=cache)
    assert read_index_file(tmp_path / "index" / "r" / "1.json.gz")["1"]["x"] == "居民前来办事。"


def test_a_file_changed_since_the_cache_was_saved_is_written_again(tmp_path):
    # A build that fails after writing the index does not save the cache: the next build
    # must not trust the cache's record of a file that build rewrote, even at the same size.
    from plugins.buildcache import BuildCache

    cache = BuildCache(tmp_path / "cache")
    bodies = ["社区服务站开门了。", "居民前来办事。"]
    make_index(tmp_path / "index", bodies, cache=cache)
    cache.save()
    record = tmp_path / "index" / "r" / "1.json.gz"
    good = record.read_bytes()
    other = bytearray(good)
    other[-5] ^= 0xFF  # same size, other bytes
    record.write_bytes(bytes(other))
    st = record.stat()  # written later than the cached build, even on coarse timestamps
    os.utime(record, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    make_index(tmp_path / "index", bodies, cache=BuildCache(tmp_path / "cache"))
    assert record.read_bytes() == good


def test_reprint_groups_have_a_file_of_their_own_listing_the_copies_only(tmp_path):
    # plugins.reprints puts "g", the URL of a story's original, in the record of each copy.
    seg = Segmenter(())
    originals = [None, "articles/2020/a/", None, "articles/2020/a/", "articles/2021/b/"]
    docs = [SearchDocument({"title": seg.tokens("垃圾分类"), "body": seg.tokens("垃圾分类宣传")},
                           {"t": "垃圾分类", "u": f"a/{i}/", "p": "", "d": "", "k": "", "x": "",
                            **({"g": g} if g else {})}, {})
            for i, g in enumerate(originals)]
    assert write_index(docs, tmp_path, fields=FIELDS)["groups"] is True
    assert read_index_file(tmp_path / "groups.json.gz") == {
        "originals": ["articles/2020/a/", "articles/2021/b/"], "of": {"1": 0, "3": 0, "4": 1}}
    # Without any copy, no group table at all (and the manifest says so).
    assert write_index(docs[:1] + docs[2:3], tmp_path / "none", fields=FIELDS)["groups"] is False
    assert not (tmp_path / "none" / "groups.json.gz").exists()


def test_manifest_carries_the_synonyms_and_the_query_settings(search_site):
    import json

    manifest = json.loads((search_site / "search" / "index" / "manifest.json").read_text("utf-8"))
    assert manifest["query"] == {"boosts": DEFAULTS["QUERY_BOOSTS"], "few": DEFAULTS["QUERY_FEW"]}
    groups = manifest["synonyms"]["groups"]
    assert len(groups) >= 60
    # Members are cut into the index's terms; one no fixture article has keeps its text and
    # matches nothing.
    grid = next(g for g in groups if ["网格员", ["网格员"]] in g["members"])
    assert grid["near"] is True
    low = next(g for g in groups if any(m[0] == "低保" for m in g["members"]))
    assert low["near"] is False and ["最低生活保障", []] in low["members"]


def test_titles_are_indexed_by_character_too(search_site):
    # Any part of a title finds its article, whatever words jieba cut the title into.
    got = run_node("search", {"index": str(search_site / "search" / "index"),
                              "queries": [{"query": "道聚智"}, {"query": "街道召"}]})["answers"]
    for answer, slug in zip(got, ("lingshanwei-people", "getabu-press")):
        first = answer["results"][0]
        assert first["url"].endswith(f"/{slug}/") and first["tier"] == 0 and first["phrase"]


def test_postings_made_in_small_chunks_give_the_same_index(tmp_path, monkeypatch):
    from plugins.search import writer

    bodies = [ARTICLES[name].split("\n\n", 1)[1] * 3 for name in sorted(ARTICLES)]
    whole = make_index(tmp_path / "whole", bodies)
    monkeypatch.setattr(writer, "CHUNK", 7)  # chunks end inside runs of one term's postings
    chunked = make_index(tmp_path / "chunked", bodies)
    assert chunked["build"] == whole["build"]  # the digest of every file of the index
    files = sorted(p.relative_to(tmp_path / "whole") for p in (tmp_path / "whole").rglob("*")
                   if p.is_file())
    assert all((tmp_path / "whole" / f).read_bytes() == (tmp_path / "chunked" / f).read_bytes()
               for f in files)
