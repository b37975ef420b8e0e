"""plugins.buildcache: entries survive between builds keyed by content, only changed articles
are recomputed, unused entries are dropped, each content tree gets its own folder."""
import logging
import os
import pickle
import time

import pytest

from plugins.buildcache import BuildCache, cache_for
from plugins.buildcache.plugin import tree_folder
from tests.conftest import ROOT, build_site

ARTICLE = """Title: {title}
Date: 2022-05-0{n}
Date_precision: day
Kind: news
Topics: 党建引领
Raw: raw/cache-{n}.txt
Slug: cache-{n}

{body}
"""


def test_computes_once_and_reuses_after_reload(tmp_path):
    calls = []
    cache = BuildCache(tmp_path)
    assert cache.get_or_compute("tokens.v1", "社区志愿者", lambda: calls.append(1) or ["社区"]) == ["社区"]
    assert cache.get_or_compute("tokens.v1", "社区志愿者", lambda: calls.append(1) or ["x"]) == ["社区"]
    assert calls == [1]
    cache.save()
    again = BuildCache(tmp_path)
    assert again.get_or_compute("tokens.v1", "社区志愿者", lambda: ["recomputed"]) == ["社区"]
    assert again.stats() == {"tokens.v1": (1, 0)}


def test_namespaces_and_keys_are_separate(tmp_path):
    cache = BuildCache(tmp_path)
    cache.get_or_compute("a", "text", lambda: 1)
    assert cache.get_or_compute("b", "text", lambda: 2) == 2
    assert cache.get_or_compute("a", "text ", lambda: 3) == 3


def test_save_keeps_only_entries_used_by_this_build(tmp_path):
    cache = BuildCache(tmp_path)
    for text in ("一", "二", "三"):
        cache.get_or_compute("ns", text, lambda: text)
    cache.save()
    second = BuildCache(tmp_path)
    second.get_or_compute("ns", "二", lambda: "new")
    second.save()
    _, entries = pickle.loads((tmp_path / "ns.pickle").read_bytes())
    assert list(entries.values()) == ["二"]


def test_a_file_is_written_again_only_for_new_inputs_or_when_changed_since(tmp_path):
    page = tmp_path / "out" / "page.html"
    page.parent.mkdir()
    writes = []

    def write(text):
        writes.append(text)
        page.write_text(text, encoding="utf-8")

    def build(inputs, text):
        cache = BuildCache(tmp_path / "cache")
        ran = cache.write_unless_unchanged("pages", inputs, page, lambda: write(text))
        cache.save()
        return ran

    assert build("文章 v1", "<p>一</p>")
    assert not build("文章 v1", "<p>一</p>")
    assert build("文章 v2", "<p>二</p>") and page.read_text("utf-8") == "<p>二</p>"
    page.write_text("<p>X</p>", encoding="utf-8")  # same size, changed by hand...
    later = page.stat().st_mtime_ns + 10**9  # ...a moment later (timestamps are coarse)
    os.utime(page, ns=(later, later))
    assert build("文章 v2", "<p>二</p>") and page.read_text("utf-8") == "<p>二</p>"
    page.unlink()
    assert build("文章 v2", "<p>二</p>") and page.is_file()
    assert writes == ["<p>一</p>", "<p>二</p>", "<p>二</p>", "<p>二</p>"]


def test_unreadable_file_is_a_lost_cache_not_an_error(tmp_path):
    (tmp_path / "ns.pickle").write_bytes(b"not a pickle")
    assert BuildCache(tmp_path).get_or_compute("ns", "x", lambda: 42) == 42


def test_namespace_must_be_a_safe_file_name(tmp_path):
    with pytest.raises(ValueError, match="namespace '../x'"):
        BuildCache(tmp_path).get_or_compute("../x", "t", lambda: 0)


def test_without_the_plugin_the_cache_is_in_memory_for_this_build():
    settings = {}
    cache = cache_for(settings)
    assert cache is cache_for(settings) and cache.path is None
    assert cache_for({}) is not cache


def test_settings_copies_share_it_and_pickles_carry_no_entries(tmp_path):
    import copy

    cache = BuildCache(tmp_path)
    cache.get_or_compute("ns", "x", lambda: "value")
    assert copy.deepcopy({"c": cache})["c"] is cache
    restored = pickle.loads(pickle.dumps(cache))
    assert restored.path is None and restored.stats() == {}


def _articles(bodies):
    return {f"a{n}.md": ARTICLE.format(n=n, title=f"标题{n}", body=body)
            for n, body in enumerate(bodies, start=1)}


def test_rebuild_recomputes_only_the_edited_article(tmp_path, caplog):
    from pelican.settings import read_settings

    plugins = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    settings = {"CACHE_PATH": str(tmp_path / "cache"),
                "PLUGINS": plugins + ["tests.bench.cacheprobe"]}
    content = tmp_path / "site"
    bodies = ["社区开展志愿服务。", "街道推进垃圾分类。", "网格员走访居民。"]
    caplog.set_level(logging.INFO, logger="plugins.buildcache")
    build_site(content, articles=_articles(bodies), settings=settings)
    assert "test.title-lengths.v1: 0 reused, 3 computed" in caplog.text

    caplog.clear()
    (content / "content" / "articles" / "a2.md").write_text(
        ARTICLE.format(n=2, title="标题2", body="街道推进垃圾分类，居民积极参与。"), encoding="utf-8")
    build_site(content, content=content / "content", settings=settings)
    assert "test.title-lengths.v1: 2 reused, 1 computed" in caplog.text

    [tree] = [p.parent for p in (tmp_path / "cache").glob("*/.buildcache-tree")]
    assert tree.name == tree_folder(tmp_path / "cache", str(content / "content"),
                                    read_settings(str(ROOT / "pelicanconf.py"))).name
    _, entries = pickle.loads((tree / "buildcache" / "test.title-lengths.v1.pickle").read_bytes())
    assert len(entries) == 3


def test_each_content_tree_has_its_own_folder_and_stale_ones_are_pruned(tmp_path):
    cache_root = tmp_path / "cache"
    stale = cache_root / "0123456789ab"
    stale.mkdir(parents=True)
    (stale / ".buildcache-tree").write_text("/gone/content\n", encoding="utf-8")
    old = time.time() - 30 * 86400
    os.utime(stale / ".buildcache-tree", (old, old))
    unrelated = cache_root / "kept-by-someone-else"
    unrelated.mkdir()
    settings = {"CACHE_PATH": str(cache_root)}
    build_site(tmp_path / "one", articles=_articles(["社区"]), settings=settings)
    build_site(tmp_path / "two", articles=_articles(["街道"]), settings=settings)
    trees = sorted(p.name for p in cache_root.iterdir() if (p / ".buildcache-tree").exists())
    assert len(trees) == 2 and stale.name not in trees
    assert unrelated.is_dir()


def test_a_setting_naming_a_function_elsewhere_gets_another_cache_folder(tmp_path):
    # Pelican's reader cache pickles the functions settings name: one moved to another module
    # would make an old cache unloadable, so it must not be found again.
    from plugins.article_meta.record import archive_order

    here = tree_folder(tmp_path, "content", {"ARTICLE_ORDER_BY": archive_order})
    assert here == tree_folder(tmp_path, "content", {"ARTICLE_ORDER_BY": archive_order})
    assert here != tree_folder(tmp_path, "content", {"ARTICLE_ORDER_BY": tree_folder})
    assert here != tree_folder(tmp_path, "other", {"ARTICLE_ORDER_BY": archive_order})


def test_project_settings_enable_the_plugin_first():
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    assert settings["PLUGINS"][0] == "plugins.buildcache"
    assert settings["CACHE_PATH"] == str(ROOT / "cache")


def _double(text: str) -> str:
    return text * 2


def test_a_namespace_on_disk_is_reused_after_reload_and_keeps_only_what_a_build_used(tmp_path):
    cache = BuildCache(tmp_path)
    keyed = [(text, text) for text in ("一", "二", "三")]
    assert cache.on_disk("terms.v1").get_or_compute_all(keyed, _double) == ["一一", "二二", "三三"]
    assert cache.stats()["terms.v1"] == (0, 3)
    cache.save()
    again = BuildCache(tmp_path)
    # Many items: the missing one is computed in worker processes, the others read back.
    many = [("二", "二")] + [(f"新{i}", f"新{i}") for i in range(100)]
    assert again.on_disk("terms.v1").get_or_compute_all(many, _double, processes=2) == [
        "二二"] + [f"新{i}" * 2 for i in range(100)]
    assert again.stats()["terms.v1"] == (1, 100)
    again.save()
    third = BuildCache(tmp_path)
    calls = []
    assert third.on_disk("terms.v1").get_or_compute_all(
        [("一", "一"), ("二", "二")], lambda text: calls.append(text) or "recomputed") == [
        "recomputed", "二二"]
    assert calls == ["一"]  # dropped: the second build did not use it
    assert (tmp_path / "terms.v1.sqlite").is_file()


def test_a_namespace_on_disk_without_a_cache_folder_lives_in_memory():
    cache = BuildCache(None)
    cache.on_disk("terms.v1").get_or_compute_all([("一", "一")], _double)
    assert cache.on_disk("terms.v1").get_or_compute_all(
        [("一", "一")], lambda text: "recomputed") == ["一一"]
    with pytest.raises(ValueError, match="names a file"):
        cache.on_disk("../terms")
