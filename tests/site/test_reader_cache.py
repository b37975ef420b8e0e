"""Pelican's reader cache (on in pelicanconf.py): a rebuild re-reads what an editor changed and
gives the same site as a build without the cache."""
import filecmp
import os

from tests.conftest import build_site

from .fixtures import ARTICLES


def _tree(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_rebuild_with_the_reader_cache_matches_an_uncached_build_after_an_edit(tmp_path):
    cache = {"CACHE_PATH": str(tmp_path / "cache")}
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "articles").mkdir()
    for name, text in ARTICLES.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    build_site(tmp_path / "first", content=content, settings=cache)
    assert any((tmp_path / "cache").rglob("ArticlesGenerator-Readers")), "the cache was not written"

    edited = content / "articles" / next(iter(ARTICLES))
    text = edited.read_text(encoding="utf-8").replace("Title: ", "Title: 已修改·", 1)
    edited.write_text(text + "\n编辑后新增的一段。\n", encoding="utf-8")
    st = edited.stat()  # a later mtime even on coarse-grained file systems
    os.utime(edited, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))

    cached = build_site(tmp_path / "second", content=content, settings=cache)
    uncached = build_site(tmp_path / "third", content=content,
                          settings={"CACHE_PATH": str(tmp_path / "cache-off"),
                                    "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False})
    page = next(p for p in cached.rglob("index.html") if "编辑后新增的一段" in p.read_text("utf-8"))
    assert "已修改·" in page.read_text("utf-8")
    assert _tree(cached) == _tree(uncached)
    _, mismatch, errors = filecmp.cmpfiles(cached, uncached, _tree(cached), shallow=False)
    assert not mismatch and not errors
