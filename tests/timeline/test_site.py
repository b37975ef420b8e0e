"""Tiny real sites: timeline pages, filtered views, place sections, exports and anchors."""
import json
import re
from pathlib import Path

import pytest

from plugins.timeline.model import entry_id
from tests.conftest import build_site

from .conftest import (GETABU, GETABU_CODE, LINGSHANWEI, LINGSHANWEI_CODE, SHANDONG_CODE,
                       YIYUAN, YIYUAN_CODE, article, page, soup)

ARTICLES = {
    "yiyuan.md": article("yiyuan-honours", """
近日，山东省民政厅发布了《关于确定全省和谐社区建设示范单位的通知》，怡园街道荣获了全省和谐社区建设示范街道荣誉称号，同时街道寨北社区也获得全省和谐示范社区称号。

## 强化“红色引擎”

按“聚大联强”思路，**组建**“怡园先锋联盟”，整合辖区内一百余家党组织。街道创立“A<B&C”议事平台，方便居民议事。
""", YIYUAN, date="2021-01-15", title="怡园街道荣获示范街道称号"),
    "getabu.md": article("getabu-undated", """
整合诉求渠道广泛收集民意。街道创新搭建“融e通”智慧平台，实现“一方采集、多方使用”的共建共治效果。
""", GETABU, date=None, title="垎塔埠街道民生实事"),
    "lingshanwei.md": article("lingshanwei-method", """
灵山卫街道聚焦民生问题，践行“五心”群众工作法，切实办好百姓身边事。

坚持“不忘初心，牢记使命”，打好扫黑除恶专项斗争收官之战。
""", LINGSHANWEI, date="2019-05-22"),
    "report.md": article("liuzhou-report", """
二是探索推行“五单”工作法。
""", LINGSHANWEI, date="2020-01-01", precision="year", kind="report"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("timeline-site"), articles=ARTICLES)


@pytest.fixture(scope="module")
def data(site):
    return json.loads((site / "timeline.json").read_text(encoding="utf-8"))


def _by_name(data):
    return {e["name"]: e for e in data["entries"]}


def test_json_has_every_entry_with_its_fields(data):
    entries = _by_name(data)
    assert set(entries) == {"全省和谐社区建设示范街道", "全省和谐示范社区", "“怡园先锋联盟”",
                            "“A<B&C”议事平台", "“融e通”智慧平台", "“五心”群众工作法",
                            "“五单”工作法"}
    honour = entries["全省和谐示范社区"]
    assert honour["type"] == "honour" and honour["who"] == "寨北社区"
    assert honour["awarded_by"] == "山东省民政厅"
    assert honour["place_code"] == YIYUAN_CODE  # a community files under its street
    assert honour["place_path"] == ["山东省", "威海市", "威海火炬高技术产业开发区", "怡园街道"]
    assert (honour["date"], honour["date_precision"], honour["date_label"]) == (
        "2021-01-15", "day", "2021年1月15日")
    assert honour["id"] == entry_id("yiyuan-honours", "honour", "全省和谐示范社区")
    assert honour["url"] == f"articles/2021/yiyuan-honours/#t-{honour['id']}"
    assert honour["sentence"].startswith("近日，山东省民政厅发布了")
    assert entries["“五单”工作法"]["date"] == "2020"  # the article's year precision, no more
    undated = entries["“融e通”智慧平台"]
    assert (undated["date"], undated["date_precision"], undated["date_label"]) == (
        None, "unknown", "日期不详")
    assert undated["who"] == "垎塔埠街道" and undated["place_code"] == GETABU_CODE


def test_no_slogan_or_national_campaign_becomes_an_entry(data):
    names = " ".join(e["name"] for e in data["entries"])
    assert "不忘初心" not in names and "扫黑除恶" not in names and "一方采集" not in names


def test_every_entry_link_reaches_its_marked_sentence(site, data):
    for entry in data["entries"]:
        target = soup(page(site, entry["url"])).find(id=entry["anchor"])
        assert target is not None, entry["url"]
        assert "timeline-source" in target["class"]
        assert entry["sentence"] in target.get_text()


def test_anchor_spans_markup_and_does_not_change_the_text(site, data):
    html = (site / "articles/2021/yiyuan-honours/index.html").read_text(encoding="utf-8")
    entry = _by_name(data)["“怡园先锋联盟”"]
    target = soup(site / "articles/2021/yiyuan-honours/index.html").find(id=entry["anchor"])
    assert target.find("strong").get_text() == "组建"
    assert target.get_text() == "按“聚大联强”思路，组建“怡园先锋联盟”，整合辖区内一百余家党组织。"
    # Both honours come from one sentence: each has its own target around it.
    a, b = (_by_name(data)[n]["anchor"] for n in ("全省和谐社区建设示范街道", "全省和谐示范社区"))
    assert f'id="{a}"><span class="timeline-source" id="{b}">' in html


def test_listings_do_not_repeat_anchor_ids(site):
    for listing in (site / "index.html", site / f"places/{YIYUAN_CODE}/index.html"):
        assert 'class="timeline-source"' not in listing.read_text(encoding="utf-8")


def test_timeline_page_groups_by_year_undated_last_in_an_ordered_list(site):
    doc = soup(site / "timeline/index.html")
    years = [s.find(["h2"]).get_text(" ", strip=True).split()[0]
             for s in doc.select("section.timeline-year")]
    assert years == ["2019年", "2020年", "2021年", "日期不详"]
    for section in doc.select("section.timeline-year"):
        assert section.find("ol", class_="timeline-list").find_all("li", recursive=False)
    undated = doc.select("section.timeline-year")[-1]
    assert undated.find("time") is None and "日期不详" in undated.get_text()


def test_time_elements_carry_the_known_precision(site):
    datetimes = {t["datetime"] for t in soup(site / "timeline/index.html").find_all("time")}
    assert datetimes == {"2019-05-22", "2020", "2021-01-15"}


def test_each_entry_shows_type_name_who_date_quote_and_link(site, data):
    entry = _by_name(data)["全省和谐社区建设示范街道"]
    item = soup(site / "timeline/index.html").find(id=f"entry-{entry['id']}")
    text = item.get_text(" ", strip=True)
    for expected in ("荣誉", "2021年1月15日", "全省和谐社区建设示范街道", "怡园街道", "山东省民政厅"):
        assert expected in text
    assert item.find("blockquote").get_text(strip=True) == entry["sentence"]
    assert item.find("blockquote").find("mark").get_text() == "全省和谐社区建设示范街道"
    assert item.select_one(".timeline-source-link a")["href"] == "/" + entry["url"]
    assert item.select_one(".timeline-id code").get_text() == entry["id"]  # for data/timeline.toml


def test_document_text_is_escaped(site):
    html = (site / "timeline/index.html").read_text(encoding="utf-8")
    assert "“A&lt;B&amp;C”议事平台" in html and "A<B" not in html
    exported = (site / "timeline-timelinejs.json").read_text(encoding="utf-8")
    assert "A&lt;B&amp;C" in exported and "A<B" not in exported


def test_type_views_are_static_pages(site):
    honours = soup(site / "timeline/type/honour/index.html")
    names = [h.get_text() for h in honours.select(".timeline-name")]
    assert sorted(names) == ["全省和谐示范社区", "全省和谐社区建设示范街道"]
    initiatives = soup(site / "timeline/type/initiative/index.html")
    assert not initiatives.select(".timeline-honour") and len(initiatives.select(".timeline-entry")) == 5


def test_place_views_hold_the_place_and_what_lies_inside_it(site):
    street = soup(site / f"timeline/place/{YIYUAN_CODE}/index.html")
    assert len(street.select(".timeline-entry")) == 4
    province = soup(site / f"timeline/place/{SHANDONG_CODE}/index.html")
    assert len(province.select(".timeline-entry")) == 7
    lingshanwei = soup(site / f"timeline/place/{LINGSHANWEI_CODE}/type/initiative/index.html")
    assert [h.get_text() for h in lingshanwei.select(".timeline-name")] == [
        "“五心”群众工作法", "“五单”工作法"]


def test_filter_links_all_lead_to_written_pages(site):
    for path in [site / "timeline/index.html", *site.glob("timeline/**/index.html")]:
        nav = soup(path).find("nav", class_="timeline-filters")
        for link in nav.find_all("a"):
            assert page(site, link["href"].lstrip("/")).exists(), (path, link["href"])
        assert nav.find("a", attrs={"aria-current": "page"}) is not None


def test_place_page_has_a_timeline_section_of_the_place(site):
    section = soup(site / f"places/{YIYUAN_CODE}/index.html").find("section", class_="timeline-section")
    assert section is not None
    assert len(section.select(".timeline-entry")) == 4
    other = soup(site / f"places/{GETABU_CODE}/index.html").find("section", class_="timeline-section")
    assert [h.get_text() for h in other.select(".timeline-name")] == ["“融e通”智慧平台"]


def test_timelinejs_export_has_dated_events_at_their_precision(site):
    data = json.loads((site / "timeline-timelinejs.json").read_text(encoding="utf-8"))
    events = {e["text"]["headline"]: e for e in data["events"]}
    assert "“融e通”智慧平台" not in events  # undated: TimelineJS needs a date, none is made up
    assert events["“五单”工作法"]["start_date"] == {"year": 2020, "display_date": "2020年"}
    assert events["“五心”群众工作法"]["start_date"] == {
        "year": 2019, "month": 5, "day": 22, "display_date": "2019年5月22日"}
    assert {e["group"] for e in data["events"]} == {"荣誉", "举措"}
    assert len({e["unique_id"] for e in data["events"]}) == len(data["events"]) == 6
    assert re.search(r'href="articles/2021/yiyuan-honours/#t-[0-9a-f]{10}"',
                     events["全省和谐示范社区"]["text"]["text"])


def test_exports_use_absolute_urls_when_the_site_has_one(tmp_path):
    output = build_site(tmp_path, articles={"report.md": ARTICLES["report.md"]},
                        settings={"SITEURL": "https://archive.example.org", "RELATIVE_URLS": False})
    data = json.loads((output / "timeline.json").read_text(encoding="utf-8"))
    entry, = data["entries"]
    assert data["site_url"] == "https://archive.example.org"
    assert entry["url"] == f"https://archive.example.org/articles/2020/liuzhou-report/#{entry['anchor']}"
    assert entry["article"]["url"] == "https://archive.example.org/articles/2020/liuzhou-report/"
    link = soup(output / "timeline/index.html").select_one(".timeline-source-link a")["href"]
    assert link == entry["url"]


def test_article_partial_lists_the_articles_entries_with_links(tmp_path):
    output = build_site(tmp_path, articles={"yiyuan.md": ARTICLES["yiyuan.md"]},
                        settings={"THEME_TEMPLATES_OVERRIDES": [
                            str(Path(__file__).parent / "article_override")]})
    page_soup = soup(output / "articles/2021/yiyuan-honours/index.html")
    aside = page_soup.find("aside", class_="timeline-in-article")
    items = aside.find_all("li")
    assert [li.find("a").get_text() for li in items] == [
        "全省和谐社区建设示范街道", "全省和谐示范社区", "“怡园先锋联盟”", "“A<B&C”议事平台"]
    for li in items:
        in_page, in_timeline = li.find_all("a")
        assert page_soup.find(id=in_page["href"][1:]) is not None  # the sentence in this page
        entry_id = in_timeline["href"].split("#entry-")[1]
        assert soup(output / "timeline/index.html").find(id=f"entry-{entry_id}") is not None


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("timeline-paged"), articles=ARTICLES,
                      settings={"TIMELINE": {"YEAR_PAGES_OVER": 2, "SECTION_LIMIT": 2,
                                             "PLACE_TREE_MAX": 3}})


def test_long_views_go_by_year_and_every_entry_is_on_its_year_page(paged_site, data):
    index = soup(paged_site / "timeline/index.html")
    assert not index.select(".timeline-entry")  # the view lists its years instead
    years = {a.get_text(): a["href"] for a in index.select("nav.timeline-years a")}
    assert list(years) == ["2019年", "2020年", "2021年", "日期不详"]
    shown = []
    for label, href in years.items():
        year_page = soup(page(paged_site, href.lstrip("/")))
        assert year_page.find("h1").get_text().endswith(label)
        assert year_page.select_one('nav.timeline-years a[aria-current="page"]').get_text() == label
        shown += [item["id"].removeprefix("entry-") for item in year_page.select(".timeline-entry")]
        for extra in year_page.select("nav.timeline-pages a")[1:]:  # a long year: more pages
            more = soup(page(paged_site, extra["href"].lstrip("/")))
            shown += [item["id"].removeprefix("entry-") for item in more.select(".timeline-entry")]
    assert sorted(shown) == sorted(e["id"] for e in data["entries"])
    year_2021 = soup(paged_site / "timeline/year/2021/index.html")
    assert len(year_2021.select(".timeline-entry")) == 2  # 4 entries in 2021, 2 a page
    assert [a["href"] for a in year_2021.select("nav.timeline-pages a")] == [
        "/timeline/year/2021/", "/timeline/year/2021/2/"]
    assert len(soup(paged_site / "timeline/year/2021/2/index.html").select(".timeline-entry")) == 2
    # A short view stays on one page.
    assert len(soup(paged_site / "timeline/type/honour/index.html").select(".timeline-entry")) == 2
    assert (paged_site / f"timeline/place/{YIYUAN_CODE}/year/2021/index.html").exists()


def test_place_section_shows_the_most_recent_entries_and_links_to_all(paged_site):
    section = soup(paged_site / f"places/{SHANDONG_CODE}/index.html").find(
        "section", class_="timeline-section")
    dates = [t["datetime"] for t in section.find_all("time")]
    assert dates == ["2021-01-15", "2021-01-15"]  # the two latest of seven
    more = section.find_all("a")[-1]
    assert more["href"] == f"/timeline/place/{SHANDONG_CODE}/" and "7" in more.get_text()


def test_a_large_tree_of_places_is_walked_one_level_at_a_time(paged_site):
    def offered(path):
        return [a.get_text() for a in soup(paged_site / path).select("ul.timeline-places a")]

    assert offered("timeline/index.html") == ["山东省"]
    assert offered(f"timeline/place/{SHANDONG_CODE}/index.html") == ["青岛市", "枣庄市", "威海市"]
    assert offered(f"timeline/place/{YIYUAN_CODE}/index.html") == []  # a street: nothing below
    trail = [a.get_text() for a in soup(paged_site / f"timeline/place/{YIYUAN_CODE}/index.html")
             .select("nav.breadcrumb a")]
    assert trail == ["时间线", "山东省", "威海市", "威海火炬高技术产业开发区", "怡园街道"]
