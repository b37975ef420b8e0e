"""Production build: Atom feeds (all, per place, per topic), sitemap.xml, robots.txt."""
import xml.etree.ElementTree as ET

import feedparser


from .conftest import PUBLISHED_SITEURL
from .helpers import page

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def feeds(site):
    return sorted((site / "feeds").rglob("*.atom.xml"))


def test_feeds_for_all_articles_every_place_and_every_used_topic(published_site):
    names = {f.relative_to(published_site / "feeds").as_posix() for f in feeds(published_site)}
    assert "all.atom.xml" in names
    assert {"places/37.atom.xml", "places/3704.atom.xml", "places/370402002.atom.xml",
            "places/150103002.atom.xml", "topics/grid-governance.atom.xml",
            "topics/community-governance.atom.xml"} <= names
    assert "topics/veterans.atom.xml" not in names  # no article, no page, no feed
    # 文明实践's only article is undated: an entry needs a date, so the topic has no feed.
    assert "topics/civic-culture.atom.xml" not in names


def test_feeds_parse_with_absolute_links_and_unique_ids(published_site):
    seen_ids = {}
    for path in feeds(published_site):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10" and parsed.entries, path
        ids = [e.id for e in parsed.entries]
        assert len(ids) == len(set(ids)), path
        for entry in parsed.entries:
            assert entry.link.startswith(PUBLISHED_SITEURL + "/articles/"), entry.link
            assert entry.title and "None" not in entry.id
            # One article keeps one id in every feed it appears in.
            assert seen_ids.setdefault(entry.link, entry.id) == entry.id
    all_feed = feedparser.parse((published_site / "feeds" / "all.atom.xml").read_bytes())
    assert len(all_feed.entries) == 4
    place = feedparser.parse((published_site / "feeds" / "places" / "37.atom.xml").read_bytes())
    assert place.feed.title == "基层档案 - 山东省"
    assert {e.link.rsplit("/", 2)[-2] for e in place.entries} == {
        "grid-meeting-2019", "huangdao-renewal-2021-03"}


def test_undated_articles_stay_out_of_feeds_rather_than_dated_1970(published_site):
    """Atom gives every entry a date; an undated article would be shown as of 1970-01-01, the
    sentinel Pelican needs, a date the archive never invents. Its pages and search keep it."""
    for path in feeds(published_site):
        text = path.read_text("utf-8")
        assert "1970" not in text and "volunteer-record" not in text, path
        assert "<entry>" in text, f"{path} has no entry"
    topic = page(published_site, "topics/civic-culture/")
    assert not [a for a in topic.select("link[rel=alternate], a[href]")
                if "civic-culture.atom.xml" in a.get("href", "")]
    assert "volunteer-record" in str(topic)


def test_pages_link_their_feeds(published_site):
    home = page(published_site, "")
    assert home.select_one('link[rel=alternate][type="application/atom+xml"]')["href"] == \
        PUBLISHED_SITEURL + "/feeds/all.atom.xml"
    place = page(published_site, "places/3704/")
    hrefs = [l["href"] for l in place.select('link[rel=alternate]')]
    assert PUBLISHED_SITEURL + "/feeds/places/3704.atom.xml" in hrefs


def test_development_build_writes_no_feeds_and_no_feed_links(fixture_site):
    assert not (fixture_site / "feeds").exists()
    assert page(fixture_site, "places/37/").select_one("link[rel=alternate]") is None


def test_sitemap_lists_every_page_but_the_404(published_site):
    tree = ET.parse(published_site / "sitemap.xml")
    locs = [loc.text for loc in tree.getroot().findall("s:url/s:loc", SITEMAP_NS)]
    assert len(locs) == len(set(locs))
    assert all(loc.startswith(PUBLISHED_SITEURL + "/") for loc in locs)
    html_files = [p.relative_to(published_site).as_posix() for p in published_site.rglob("*.html")]
    left_out = {"404.html", "search/index.html"}  # no content: the error page, search results
    expected = {PUBLISHED_SITEURL + "/" + (p[:-10] if p.endswith("index.html") else p)
                for p in html_files if p not in left_out}
    assert set(locs) == expected
    assert PUBLISHED_SITEURL + "/articles/undated/volunteer-record/" in locs
    assert PUBLISHED_SITEURL + "/places/370402002/" in locs


def test_the_sitemap_lists_what_this_build_wrote_not_what_lies_in_the_output(tmp_path):
    from .conftest import PUBLISHED_SITEURL, build_site, fixture_content

    output = tmp_path / "output"
    (output / "old").mkdir(parents=True)
    (output / "old" / "index.html").write_text("<p>a page of another build</p>")
    # A development build (output/ is not emptied) with an absolute address, so it has a sitemap.
    build_site(tmp_path, content=fixture_content(tmp_path), settings={"SITEURL": PUBLISHED_SITEURL})
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert (output / "old" / "index.html").exists() and "/old/" not in sitemap
    assert "/places/370402002/" in sitemap


def test_robots_txt_points_to_the_sitemap(published_site, fixture_site):
    robots = (published_site / "robots.txt").read_text("utf-8").splitlines()
    assert "User-agent: *" in robots
    assert f"Sitemap: {PUBLISHED_SITEURL}/sitemap.xml" in robots
    # Development build: no absolute URL, so no sitemap, and robots.txt does not name one.
    assert not (fixture_site / "sitemap.xml").exists()
    assert not any(l.startswith("Sitemap:") for l in (fixture_site / "robots.txt").read_text().splitlines())
