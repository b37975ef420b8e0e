"""What a reader sees: URLs, article facts, place/topic/year/kind/tag pages (tiny real sites)."""
import json
import re

from .helpers import page, text

ARTICLE_URLS = {
    "grid-meeting-2019": "articles/2019/grid-meeting-2019/",
    "zhongshan-west-2022-report": "articles/2022/zhongshan-west-2022-report/",
    "huangdao-renewal-2021-03": "articles/2021/huangdao-renewal-2021-03/",
    "volunteer-record": "articles/undated/volunteer-record/",
    "burden-reduction-2020": "articles/2020/burden-reduction-2020/",
}


def test_articles_have_stable_ascii_urls_and_undated_ones_no_year(fixture_site):
    for url in ARTICLE_URLS.values():
        assert (fixture_site / url / "index.html").exists(), url
    written = [p.relative_to(fixture_site).as_posix() for p in fixture_site.rglob("*") if p.is_file()]
    assert all(p.isascii() for p in written), [p for p in written if not p.isascii()]


def test_pelican_default_taxonomies_and_drafts_are_not_published(tmp_path):
    from .conftest import build_site

    from .fixtures import DAY
    draft = DAY.replace("Slug: grid-meeting-2019", "Slug: a-draft\nStatus: draft").replace(
        "Raw: raw/day.txt", "Raw: raw/draft.txt")
    out = build_site(tmp_path, articles={"a.md": DAY, "draft.md": draft})
    names = {p.relative_to(out).parts[0] for p in out.iterdir()}
    assert not names & {"category", "categories", "author", "authors", "tag", "drafts", "misc"}
    assert not list(out.rglob("*a-draft*"))
    assert (out / "articles" / "2019" / "grid-meeting-2019" / "index.html").exists()


def test_dates_are_shown_with_their_precision(fixture_site):
    expected = {
        "grid-meeting-2019": ("2019年5月22日", "2019-05-22"),
        "huangdao-renewal-2021-03": ("2021年3月", "2021-03"),
        "zhongshan-west-2022-report": ("2022年", "2022"),
    }
    for slug, (shown, machine) in expected.items():
        facts = page(fixture_site, ARTICLE_URLS[slug]).select_one("dl.facts")
        time = facts.find("time")
        assert time.get_text() == shown and time["datetime"] == machine, slug
    undated = page(fixture_site, ARTICLE_URLS["volunteer-record"])
    assert undated.select_one("dl.facts time") is None
    assert "日期不详" in text(undated.select_one("dl.facts"))
    assert "1970" not in text(undated.select_one("main"))


def test_article_shows_place_breadcrumb_kind_topics_tags_and_source(fixture_site):
    soup = page(fixture_site, ARTICLE_URLS["grid-meeting-2019"])
    crumbs = soup.select("nav.breadcrumb a")
    assert [(a.get_text(), a["href"]) for a in crumbs] == [
        ("山东省", "/places/37/"), ("枣庄市", "/places/3704/"),
        ("市中区", "/places/370402/"), ("垎塔埠街道", "/places/370402002/")]
    facts = text(soup.select_one("dl.facts"))
    for shown in ("新闻", "光明路社区、文化路社区", "网格化治理", "社区治理", "社区", "网格员",
                  "垎塔埠街道办事处", "枣庄市市中区人民政府网站", "王明", "raw/day.txt"):
        assert shown in facts, shown
    source = soup.select_one('dl.facts a[href="https://example.gov.cn/news/123.html"]')
    assert source is not None and source.get_text() == "枣庄市市中区人民政府网站"
    assert soup.select_one('dl.facts a[href="/kinds/news/"]').get_text() == "新闻"
    assert soup.select_one('dl.facts a[href="/topics/grid-governance/"]').get_text() == "网格化治理"


def test_site_author_is_not_shown_as_the_documents_author(fixture_site):
    facts = text(page(fixture_site, ARTICLE_URLS["burden-reduction-2020"]).select_one("dl.facts"))
    assert "作者" not in facts and "基层档案编辑部" not in facts


def test_long_report_gets_a_table_of_contents_short_news_does_not(fixture_site):
    report = page(fixture_site, ARTICLE_URLS["zhongshan-west-2022-report"])
    links = report.select("nav.toc a")
    assert [a.get_text() for a in links] == ["一、疫情防控工作常态推进", "1. 快速行动，周密部署",
                                             "二、城市建设、生态环境持续提升", "三、党建引领基层治理"]
    for link in links:
        assert link["href"].isascii()
        assert report.find(id=link["href"][1:]) is not None, link["href"]
    assert page(fixture_site, ARTICLE_URLS["grid-meeting-2019"]).select_one("nav.toc") is None


def test_previous_next_follow_archive_order_with_undated_last(fixture_site):
    order = ["zhongshan-west-2022-report", "huangdao-renewal-2021-03", "burden-reduction-2020",
             "grid-meeting-2019", "volunteer-record"]
    for index, slug in enumerate(order):
        soup = page(fixture_site, ARTICLE_URLS[slug])
        newer = soup.select_one("nav.neighbours a[rel=prev]")
        older = soup.select_one("nav.neighbours a[rel=next]")
        assert (newer["href"] if newer else None) == (
            "/" + ARTICLE_URLS[order[index - 1]] if index else None), slug
        assert (older["href"] if older else None) == (
            "/" + ARTICLE_URLS[order[index + 1]] if index + 1 < len(order) else None), slug
    archive = [a["href"] for a in page(fixture_site, "archives/").select("main a.article-link")]
    assert archive == ["/" + ARTICLE_URLS[s] for s in order]


def test_traditional_source_and_review_fields_are_noted(fixture_site):
    notes = text(page(fixture_site, ARTICLE_URLS["huangdao-renewal-2021-03"]).select_one("article header"))
    assert "原文为繁体中文" in notes
    review = text(page(fixture_site, ARTICLE_URLS["volunteer-record"]).select_one("article header"))
    assert "尚待编辑核实：日期" in review


def test_document_text_is_escaped_everywhere(fixture_site):
    raw = (fixture_site / ARTICLE_URLS["huangdao-renewal-2021-03"] / "index.html").read_text("utf-8")
    assert "老旧小区改造&lt;入户&gt;调查 &amp; 回访" in raw
    assert "<入户>" not in raw and "<b>改造</b>" not in raw
    assert "&lt;b&gt;改造&lt;/b&gt;" in raw
    # JSON-LD: a title can never close the script element, and the data still round-trips.
    script = page(fixture_site, ARTICLE_URLS["huangdao-renewal-2021-03"]).select_one(
        'script[type="application/ld+json"]').string
    assert "<" not in script
    assert json.loads(script)["headline"] == "黄岛区开展老旧小区改造<入户>调查 & 回访"
    listing = (fixture_site / "archives" / "index.html").read_text("utf-8")
    assert "<入户>" not in listing


def test_json_ld_and_open_graph_describe_the_article(published_site):
    report = page(published_site, ARTICLE_URLS["zhongshan-west-2022-report"])
    data = json.loads(report.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Report" and data["datePublished"] == "2022"
    assert data["url"] == "https://archive.example.org/" + ARTICLE_URLS["zhongshan-west-2022-report"]
    assert data["contentLocation"]["identifier"] == "150103002"
    news = json.loads(page(published_site, ARTICLE_URLS["grid-meeting-2019"]).select_one(
        'script[type="application/ld+json"]').string)
    assert news["@type"] == "NewsArticle" and news["datePublished"] == "2019-05-22"
    assert news["publisher"]["name"] == "垎塔埠街道办事处" and news["author"]["name"] == "王明"
    undated = json.loads(page(published_site, ARTICLE_URLS["volunteer-record"]).select_one(
        'script[type="application/ld+json"]').string)
    assert "datePublished" not in undated
    og = {m["property"]: m["content"] for m in report.select("meta[property]")}
    assert og["og:type"] == "article" and og["og:locale"] == "zh_CN"
    assert og["og:url"] == data["url"]
    assert report.select_one('link[rel="canonical"]')["href"] == data["url"]


def test_place_pages_at_every_level_list_children_with_counts_and_descendant_articles(fixture_site):
    province = page(fixture_site, "places/37/")
    children = {a.get_text(): a.find_next_sibling("span").get_text()
                for a in province.select("main section a[href^='/places/']")
                if a.find_next_sibling("span")}
    assert children == {"青岛市": "1 篇", "枣庄市": "2 篇"}
    slugs = [a["href"] for a in province.select("main a.article-link")]
    assert sorted(slugs) == sorted("/" + ARTICLE_URLS[s] for s in
                                   ("grid-meeting-2019", "huangdao-renewal-2021-03", "volunteer-record"))
    street = page(fixture_site, "places/370402002/")
    assert street.select_one("h1").get_text(" ", strip=True) == "垎塔埠街道 街道乡镇级"
    assert [a["href"] for a in street.select("nav.breadcrumb a")] == [
        "/places/", "/places/37/", "/places/3704/", "/places/370402/", "/places/370402002/"]
    assert street.select_one("nav.breadcrumb a[aria-current=page]")["href"] == "/places/370402002/"
    assert [a["href"] for a in street.select("main a.article-link")] == ["/" + ARTICLE_URLS["grid-meeting-2019"]]
    index = page(fixture_site, "places/")
    assert {a["href"] for a in index.select("main a")} >= {"/places/37/", "/places/15/", "/places/150103002/"}


def test_topic_year_kind_and_tag_pages(fixture_site):
    topic = page(fixture_site, "topics/community-governance/")
    assert topic.select_one("h1").get_text() == "社区治理"
    assert len(topic.select("main a.article-link")) == 2
    topics = page(fixture_site, "topics/")
    assert len(topics.select("main .topic-list li")) == 16  # every topic of data/topics.toml
    undated = page(fixture_site, "years/undated/")
    assert [a["href"] for a in undated.select("main a.article-link")] == ["/" + ARTICLE_URLS["volunteer-record"]]
    assert page(fixture_site, "years/2022/").select_one("h1").get_text() == "2022年"
    reports = page(fixture_site, "kinds/report/")
    assert len(reports.select("main a.article-link")) == 2
    tags = page(fixture_site, "tags/")
    links = {a.get_text(): a["href"] for a in tags.select("main a")}
    # 社区 and 设区 are both "she-qu" in pinyin: each still gets its own page.
    assert links["社区"] != links["设区"]
    assert re.fullmatch(r"/tags/she-qu-[0-9a-f]{6}/", links["社区"])
    for name, href in links.items():
        assert page(fixture_site, href.lstrip("/")).select_one("h1").get_text() == f"标签：{name}"


def test_home_shows_latest_and_browse_by_place_topic_year(fixture_site):
    home = page(fixture_site, "")
    latest = [a["href"] for a in home.select("section.latest a.article-link")]
    assert latest[0] == "/" + ARTICLE_URLS["zhongshan-west-2022-report"]
    assert latest[-1] == "/" + ARTICLE_URLS["volunteer-record"]
    hrefs = {a["href"] for a in home.select(".browse a")}
    assert {"/places/37/", "/places/15/", "/topics/grid-governance/", "/years/2019/",
            "/years/undated/", "/kinds/news/"} <= hrefs
    form = home.select_one('header form[role=search]')
    assert form["action"] == "/search/" and form["method"] == "get"
    assert form.select_one('input[name=q][type=search]')["id"] == form.select_one("label")["for"]


def test_every_page_has_landmarks_language_skip_link_and_current_nav(fixture_site):
    for path in ["", "archives/", "places/37/", "topics/", "about/", "guide/", "404.html",
                 ARTICLE_URLS["grid-meeting-2019"]]:
        soup = page(fixture_site, path)
        assert soup.html["lang"] == "zh-CN", path
        for landmark in ("header", "nav", "main", "footer"):
            assert soup.find(landmark) is not None, (path, landmark)
        assert soup.select_one("a.skip-link")["href"] == "#main" and soup.find(id="main")
        assert len(soup.select("link[rel=stylesheet]")) == 1, path
        for tag in soup.select("[src], link[href]"):
            url = tag.get("src") or tag.get("href")
            assert not url.startswith(("http:", "https:", "//")), (path, url)
    assert page(fixture_site, "places/").select_one('nav.site-nav a[aria-current="page"]')["href"] == "/places/"
    assert page(fixture_site, "about/").select_one('nav.site-nav a[aria-current="page"]')["href"] == "/about/"


def test_404_page_links_from_the_site_root(fixture_site):
    soup = page(fixture_site, "404.html")
    assert soup.select_one("h1").get_text() == "页面不存在"
    assert soup.select_one('meta[name=robots]')["content"] == "noindex"
    assert all(a["href"].startswith(("/", "#")) for a in soup.select("a[href]"))
    assert soup.select_one('link[rel="canonical"]') is None


def test_editor_guide_explains_front_matter_and_commands(fixture_site):
    guide = text(page(fixture_site, "guide/").select_one("main"))
    for key in ("Date_precision", "Kind", "Province", "Street", "Topics", "Slug", "Review",
                "invoke build", "invoke check", "invoke import", "invoke publish", "日期不详"):
        assert key in guide, key


def test_raw_source_is_linked_when_raw_is_public(tmp_path):
    from .conftest import build_site
    from .fixtures import DAY

    base = "https://github.com/example/archive/blob/main"
    out = build_site(tmp_path, articles={"a.md": DAY}, settings={"RAW_BASE_URL": base})
    link = page(out, ARTICLE_URLS["grid-meeting-2019"]).select_one(f'dl.facts a[href="{base}/raw/day.txt"]')
    assert link is not None and link.get_text() == "raw/day.txt"


def test_long_lists_are_paginated_and_every_article_is_on_exactly_one_page(tmp_path):
    from .conftest import build_site
    from .fixtures import ARTICLES as FIXTURES

    out = build_site(tmp_path, articles=FIXTURES, settings={"PLACES": {"PER_PAGE": 2}})
    pages = ["archives/", "archives/page/2/", "archives/page/3/"]
    seen = []
    for number, path in enumerate(pages, start=1):
        soup = page(out, path)
        seen += [a["href"] for a in soup.select("main a.article-link")]
        current = soup.select_one("nav.pager a[aria-current=page]")
        assert text(current) == f"第{number}页" or text(current) == f"第 {number} 页"
        title = soup.title.get_text()
        assert (f"（第 {number} 页）" in title) == (number > 1)
    assert seen == ["/" + ARTICLE_URLS[s] for s in (
        "zhongshan-west-2022-report", "huangdao-renewal-2021-03", "burden-reduction-2020",
        "grid-meeting-2019", "volunteer-record")]
    assert not (out / "archives" / "page" / "4").exists()
    second = page(out, "archives/page/2/")
    assert second.select_one("nav.pager a[rel=prev]")["href"] == "/archives/"
    assert second.select_one("nav.pager a[rel=next]")["href"] == "/archives/page/3/"
    province = page(out, "places/37/")
    assert len(province.select("main a.article-link")) == 2
    assert province.select_one("nav.pager a[rel=next]")["href"] == "/places/37/page/2/"
    assert len(page(out, "places/37/page/2/").select("main a.article-link")) == 1
    # A single page of results has no pager.
    assert page(out, "places/370402002/").select_one("nav.pager") is None


def test_page_window_links_first_last_and_neighbours():
    from plugins.places.pagination import paginate

    pages = paginate(list(range(95)), "places/37/", "places/37/index.html", 5)
    assert len(pages) == 19 and pages[-1].articles == list(range(90, 95))
    assert pages[9].window() == [1, None, 8, 9, 10, 11, 12, None, 19]
    assert pages[0].window() == [1, 2, 3, None, 19]
    assert pages[0].previous_url is None and pages[0].next_url == "places/37/page/2/"
    assert pages[18].save_as == "places/37/page/19/index.html"
    assert paginate([], "topics/x/", "topics/x/index.html", 5)[0].articles == []


def test_a_municipality_is_named_once_in_the_breadcrumb(tmp_path):
    # The code table puts Beijing's districts under a city also called 北京市.
    from .conftest import build_site
    from .fixtures import DAY

    beijing = DAY.replace("Province: 山东省", "Province: 北京市").replace(
        "City: 枣庄市", "City: 北京市").replace("District: 市中区", "District: 东城区").replace(
        "Street: 垎塔埠街道", "Street: 东华门街道")
    out = build_site(tmp_path, articles={"a.md": beijing})
    crumbs = page(out, ARTICLE_URLS["grid-meeting-2019"]).select("nav.breadcrumb a")
    assert [(a.get_text(), a["href"]) for a in crumbs] == [
        ("北京市", "/places/11/"), ("东城区", "/places/110101/"), ("东华门街道", "/places/110101001/")]
    # Both levels still have their page; the city page names its own level.
    assert page(out, "places/1101/").select_one("nav.breadcrumb a[aria-current=page]")["href"] == "/places/1101/"
