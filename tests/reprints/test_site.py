"""The built site of real reprint texts (tests/conftest.py: reprint_site): each member's page
names the other sources, a reprint's canonical link is its original, listings, the home page
and the timeline show each story once, reprints.json and search records carry the groups."""
import gzip
import json
import re
import shutil

from bs4 import BeautifulSoup

from plugins.reprints.sketch import Sketch
from tests.conftest import ROOT, build_site, reprint_content
from tests.site.helpers import page

XINING, XINING_TRAD = "articles/undated/xining-mingsheng688/", "articles/undated/d029/"


def groups(site):
    return json.loads((site / "reprints.json").read_text("utf-8"))


def listed(soup) -> list[str]:
    return [a["href"].lstrip("/") for a in soup.select("a.article-link")]


def test_reprints_json_names_each_group_its_original_and_lowest_similarity(reprint_site):
    found = {g["original"]: g for g in groups(reprint_site)}
    # Four stories came from two sources each (tests/data/reprints/pairs.toml).
    assert len(found) == 4 and all(len(g["members"]) == 2 for g in found.values())
    assert found[XINING]["members"] == [XINING, XINING_TRAD]  # Simplified before its conversion
    for group in found.values():
        assert group["members"][0] == group["original"]
        assert 0.5 <= group["similarity"] <= 1
        for url in group["members"]:
            assert (reprint_site / url / "index.html").exists()


def test_every_member_lists_the_other_sources_with_publisher_date_and_link(reprint_site):
    for group in groups(reprint_site):
        for url in group["members"]:
            section = page(reprint_site, url).select_one("section#other-sources")
            assert section.select_one("h2").get_text() == "同一报道的其他来源"
            links = [a["href"].lstrip("/") for a in section.select("li > a")]
            assert links == [m for m in group["members"] if m != url]
            for item in section.select("li"):
                meta = item.select_one(".article-meta").get_text()
                assert re.search(r"日期不详|\d{4}年", meta) and meta.split("·")[0].strip()


def test_a_reprint_points_its_canonical_link_at_the_original(reprint_site):
    for group in groups(reprint_site):
        original, *copies = group["members"]
        assert page(reprint_site, original).select_one("link[rel=canonical]")["href"] == \
            "/" + original
        for url in copies:
            soup = page(reprint_site, url)
            assert soup.select_one("link[rel=canonical]")["href"] == "/" + original
            assert soup.select_one("p.note a")["href"] == "/" + original


def test_listings_and_the_home_page_show_each_story_once_with_its_other_sources(reprint_site):
    copies = {url for g in groups(reprint_site) for url in g["members"][1:]}
    originals = {g["original"]: len(g["members"]) - 1 for g in groups(reprint_site)}
    articles = sorted((reprint_site / "articles").glob("*/*/index.html"))
    archive = page(reprint_site, "archives/")
    assert len(listed(archive)) == len(articles) - len(copies)
    assert not copies & set(listed(archive)) and set(originals) <= set(listed(archive))
    for item in archive.select("li.article-item"):
        url = item.select_one("a.article-link")["href"].lstrip("/")
        more = item.select_one('a[href$="#other-sources"]')
        if url in originals:
            assert more.get_text() == f"另有 {originals[url]} 个来源"
        else:
            assert more is None
    # The Simplified story and its Traditional conversion are filed under one place, which
    # lists the story once.
    place = page(reprint_site, XINING).select_one("dl.facts a[href^='/places/']")["href"]
    assert listed(page(reprint_site, place.lstrip("/"))) == [XINING]
    assert not copies & set(listed(page(reprint_site, "")))
    # No listing shows a copy, and every year's count agrees with the archive's list.
    pages = [p for folder in ("places", "topics", "years", "kinds", "tags")
             for p in (reprint_site / folder).glob("*/index.html")]
    assert len(pages) > 20
    for listing in pages:
        assert not copies & set(listed(BeautifulSoup(listing.read_text("utf-8"), "html.parser")))
    chips = {a["href"].lstrip("/"): int(a.find_next("span").get_text().split()[0])
             for a in archive.select('nav a[href^="/years/"]')}
    assert sum(chips.values()) == len(listed(archive))
    for year, count in chips.items():
        assert len(listed(page(reprint_site, year))) == count


def test_the_timeline_takes_a_story_from_its_original_only(reprint_site):
    copies = {url for g in groups(reprint_site) for url in g["members"][1:]}
    entries = json.loads((reprint_site / "timeline.json").read_text("utf-8"))["entries"]
    assert entries and not {e["article"]["url"] for e in entries} & copies
    for url in copies:
        assert page(reprint_site, url).select_one("span.timeline-source") is None


def test_an_exact_copy_adds_no_timeline_entries(tmp_path):
    # Seed 001 saved from a second site, byte for byte: the same honours and initiatives are
    # on the timeline once, from the original.
    from plugins.importer.importer import Options, import_paths

    raw = tmp_path / "raw"
    raw.mkdir()
    seed = ROOT / "raw" / "001_f9770c348b9317cb.txt"
    shutil.copy(seed, raw / seed.name)
    shutil.copy(seed, raw / "001-second-site.txt")
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    import_paths(raw, Options(dest=content / "articles", data_dir=ROOT / "data"))
    out = build_site(tmp_path, content=content)
    group, = groups(out)
    entries = json.loads((out / "timeline.json").read_text("utf-8"))["entries"]
    assert entries and {e["article"]["url"] for e in entries} == {group["original"]}
    assert page(out, group["members"][1]).select_one("span.timeline-source") is None
    assert page(out, group["original"]).select_one("span.timeline-source") is not None


def test_search_records_carry_the_original_of_their_story(reprint_site):
    records = {}
    for chunk in (reprint_site / "search" / "index" / "r").glob("*.json.gz"):
        records.update({r["u"]: r for r in json.loads(gzip.decompress(chunk.read_bytes()))
                        .values()})
    for group in groups(reprint_site):
        assert {records[url]["g"] for url in group["members"]} == {group["original"]}
    grouped = {url for g in groups(reprint_site) for url in g["members"]}
    assert all("g" not in r for url, r in records.items() if url not in grouped)


def test_plugin_order_does_not_change_a_site_with_reprints(tmp_path):
    from pelicanconf import PLUGINS

    content = reprint_content(tmp_path / "content-source")
    first = build_site(tmp_path / "a", content=content)
    second = build_site(tmp_path / "b", content=content,
                        settings={"PLUGINS": [PLUGINS[0], *reversed(PLUGINS[1:])]})
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()] == []


def test_an_edit_resketches_that_article_only_and_its_group_follows_it(tmp_path, monkeypatch):
    # The rebuild keeps the cache and the output, as `invoke build` does: the original's
    # page, rendered from unchanged inputs, must still drop the copy that left its group.
    sketched = []
    real = Sketch.of.__func__
    monkeypatch.setattr(Sketch, "of", classmethod(lambda cls, text: sketched.append(text)
                                                  or real(cls, text)))
    content = reprint_content(tmp_path)
    sketched.clear()  # the importer sketches too; the build's own count starts here
    out = build_site(tmp_path, content=content)
    assert len(sketched) == len(list((content / "articles").glob("*.md")))
    sketched.clear()
    build_site(tmp_path, content=content)
    assert sketched == []
    # The editor replaces the body with another story (the 2022 report of 星沙街道) and drops
    # the Reprint_of the importer wrote.
    copy = content / "articles" / "qingdao-yujjsks.md"
    head = copy.read_text("utf-8").partition("\n\n")[0]
    other = (content / "articles" / "xingsha-2022-csx.md").read_text("utf-8").partition("\n\n")[2]
    head = re.sub(r"^Reprint_of: .*\n", "", head + "\n", flags=re.M).rstrip("\n")
    copy.write_text(head + "\n\n" + other + "\n（转自长沙县人民政府网站）\n", encoding="utf-8")
    build_site(tmp_path, content=content)
    assert len(sketched) == 1 and "星沙街道" in sketched[0]
    original = "articles/undated/qingdao-liangbaoyong/"
    assert original not in {g["original"] for g in groups(out)}
    assert ["articles/2022/xingsha-2022-csx/", "articles/undated/qingdao-yujjsks/"] in [
        g["members"] for g in groups(out)]
    assert page(out, original).select_one("section#other-sources") is None
    assert page(out, original).select_one("link[rel=canonical]")["href"] == "/" + original


def test_an_editors_none_keeps_a_copy_apart_and_reprint_of_joins_two_stories(tmp_path):
    content = reprint_content(tmp_path)
    articles = content / "articles"
    copy = articles / "qingdao-yujjsks.md"
    copy.write_text(re.sub(r"^Reprint_of: .*$", "Reprint_of: none", copy.read_text("utf-8"),
                           flags=re.M), encoding="utf-8")
    report = articles / "xingsha-2022-csx.md"
    # An editor joins the 2022 report to the 2021 one (whose original is the farm's copy, d002).
    report.write_text(report.read_text("utf-8").replace("Slug: xingsha-2022-csx",
                                                        "Slug: xingsha-2022-csx\nReprint_of: "
                                                        "d002"), encoding="utf-8")
    out = build_site(tmp_path, content=content)
    members = [g["members"] for g in groups(out)]
    assert not any("articles/undated/qingdao-yujjsks/" in m for m in members)
    assert ["articles/undated/d002/", "articles/2022/xingsha-2021-csx/",
            "articles/2022/xingsha-2022-csx/"] in members  # d002 is undated: its period is 2021
    assert {"articles/undated/qingdao-yujjsks/", "articles/undated/qingdao-liangbaoyong/"} <= \
        set(listed(page(out, "archives/")))


def test_the_other_sources_escape_what_the_documents_say(tmp_path):
    from tests.site.fixtures import DAY

    copy = (DAY.replace("Slug: grid-meeting-2019", "Slug: grid-copy\nReprint_of: grid-meeting-2019")
            .replace("Publisher: 垎塔埠街道办事处", 'Publisher: <script>alert("x")</script>')
            .replace("Title: 垎塔埠街道召开网格化治理推进会", "Title: 转载<img src=x onerror=alert(1)>")
            .replace("raw/day.txt", "raw/copy.txt"))
    out = build_site(tmp_path, articles={"day.md": DAY, "copy.md": copy})
    original = page(out, "articles/2019/grid-meeting-2019/")
    item = original.select_one("section#other-sources li")
    assert item.select_one("a").get_text() == "转载<img src=x onerror=alert(1)>"
    assert '<script>alert("x")</script>' in item.get_text()
    assert original.select("section#other-sources script, section#other-sources img") == []
