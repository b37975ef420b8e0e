"""plugins.pagecache: a rebuild renders again only the article pages whose inputs changed, and
its output is the same, byte for byte, as a build into an empty folder."""
import filecmp
import os

from tests.conftest import build_site

from .fixtures import ARTICLES
from .helpers import content_folder


def _article_pages(output):
    """Article page → (size, mtime_ns), to tell which pages a build wrote."""
    return {p.relative_to(output).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in (output / "articles").rglob("index.html")}


def _html_pages(output):
    return {p.relative_to(output).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in output.rglob("*.html")}


def _same_as_fresh(output, fresh):
    files = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file())
    assert sorted(p.relative_to(output).as_posix()
                  for p in output.rglob("*") if p.is_file()) == files
    _, mismatch, errors = filecmp.cmpfiles(output, fresh, files, shallow=False)
    assert not mismatch and not errors, mismatch + errors


DAY_PAGE = "articles/2019/grid-meeting-2019/index.html"


def test_an_edited_body_renders_that_page_alone_and_matches_a_fresh_build(tmp_path):
    content = content_folder(tmp_path / "content", ARTICLES)
    output = build_site(tmp_path / "site", content=content)
    before = _article_pages(output)
    assert len(before) == len(ARTICLES)
    pages_before = _html_pages(output)

    unchanged = build_site(tmp_path / "site", content=content)
    assert _article_pages(unchanged) == before  # nothing changed: no page written

    edited = dict(ARTICLES)
    edited["grid-meeting-2019.md"] += "\n会议还部署了汛期安全检查工作。\n"
    (content / "articles" / "grid-meeting-2019.md").write_text(edited["grid-meeting-2019.md"],
                                                               encoding="utf-8")
    build_site(tmp_path / "site", content=content)
    after = _article_pages(output)
    assert {page for page in after if after[page] != before[page]} == {DAY_PAGE}
    assert "汛期安全检查" in (output / DAY_PAGE).read_text("utf-8")
    pages_after = _html_pages(output)
    rewritten = {p for p in pages_after if pages_after[p] != pages_before[p]}
    # The search page names the new index; a listing without the article is left alone.
    assert "search/index.html" in rewritten
    assert "places/150103002/index.html" not in rewritten  # 中山西路街道: the 2022 report only
    assert len(rewritten) < len(pages_after) / 2, sorted(rewritten)

    fresh = build_site(tmp_path / "fresh", content=content_folder(tmp_path / "content2", edited))
    _same_as_fresh(output, fresh)


def test_a_new_title_reaches_the_neighbours_pages(tmp_path):
    content = content_folder(tmp_path / "content", ARTICLES)
    output = build_site(tmp_path / "site", content=content)
    retitled = dict(ARTICLES)
    retitled["grid-meeting-2019.md"] = ARTICLES["grid-meeting-2019.md"].replace(
        "Title: 垎塔埠街道召开网格化治理推进会", "Title: 垎塔埠街道网格化治理推进会（更正）")
    assert retitled != ARTICLES
    content_folder(content, retitled)
    build_site(tmp_path / "site", content=content)
    neighbour_titles = [p for p in (output / "articles").rglob("index.html")
                        if "grid-meeting-2019" not in p.as_posix() and "网格化治理推进会（更正）" in p.read_text("utf-8")]
    assert neighbour_titles, "no neighbour page shows the new title"

    fresh = build_site(tmp_path / "fresh", content=content_folder(tmp_path / "content2", retitled))
    _same_as_fresh(output, fresh)


def test_a_changed_setting_or_a_page_changed_by_hand_is_rendered_again(tmp_path):
    content = content_folder(tmp_path / "content", ARTICLES)
    output = build_site(tmp_path / "site", content=content)
    page = output / DAY_PAGE
    original = page.read_text("utf-8")
    # Same size, new content: as if a failed build or a person had rewritten it.
    page.write_text(original.replace("垎塔埠", "各塔埠"), encoding="utf-8")
    later = page.stat().st_mtime_ns + 10**9  # a moment later: file timestamps are coarse
    os.utime(page, ns=(later, later))
    build_site(tmp_path / "site", content=content)
    assert page.read_text("utf-8") == original

    build_site(tmp_path / "site", content=content, settings={"SITESUBTITLE": "新的副标题"})
    assert all("新的副标题" in (output / p).read_text("utf-8") for p in _article_pages(output))


def test_a_renamed_honour_reaches_the_timeline_pages(tmp_path):
    # The entry count stays the same: only its name changes.
    honoured = dict(ARTICLES)
    honoured["grid-meeting-2019.md"] += "\n垎塔埠街道荣获全省文明街道荣誉称号。\n"
    content = content_folder(tmp_path / "content", honoured)
    output = build_site(tmp_path / "site", content=content)
    timeline = output / "timeline" / "index.html"
    assert "全省文明街道" in timeline.read_text("utf-8")

    renamed = dict(honoured)
    renamed["grid-meeting-2019.md"] = honoured["grid-meeting-2019.md"].replace(
        "全省文明街道", "全省平安街道")
    content_folder(content, renamed)
    build_site(tmp_path / "site", content=content)
    assert "全省平安街道" in timeline.read_text("utf-8")

    fresh = build_site(tmp_path / "fresh", content=content_folder(tmp_path / "content2", renamed))
    _same_as_fresh(output, fresh)
