"""The small pieces on their own: dates by precision, tag slugs, the topic table, settings."""
import datetime
import logging

import pytest

from plugins.article_meta import dates
from plugins.article_meta.frontmatter import line_of, split_list
from plugins.article_meta.settings import article_meta_settings
from plugins.places.settings import places_settings
from plugins.places.taxonomy import TaxonomyError, load_topics, tag_slug
from plugins.seo.jsonld import plain_text

D = datetime.date

DATE_CASES = [
    # (date, precision, shown, iso, problem)
    (D(2019, 5, 22), "day", "2019年5月22日", "2019-05-22", None),
    (D(2019, 5, 1), "month", "2019年5月", "2019-05", None),
    (D(2022, 1, 1), "year", "2022年", "2022", None),
    (None, "unknown", "日期不详", "", None),
    (D(2019, 5, 22), "month", None, None, "must be the 1st of the month"),
    (D(2022, 3, 1), "year", None, None, "must be YYYY-01-01"),
    (D(2022, 3, 1), "unknown", None, None, "remove the Date line"),
    (None, "day", None, None, "there is no Date line"),
    (D(2022, 3, 1), "season", None, None, "is not one of day, month, year, unknown"),
]


@pytest.mark.parametrize("date, precision, shown, iso, problem", DATE_CASES)
def test_dates_by_precision(date, precision, shown, iso, problem):
    found = dates.precision_problem(date, precision)
    if problem:
        assert problem in found
    else:
        assert found is None
        assert dates.display(date, precision) == shown
        assert dates.iso(date, precision) == iso


def test_list_fields_split_on_ascii_commas_only():
    assert split_list("光明路社区, 文化路社区 ,") == ["光明路社区", "文化路社区"]
    assert split_list("甲，乙") == ["甲，乙"]
    assert split_list(None) == []


def test_line_of_finds_keys_in_the_header_only(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("Title: x\nKind: news\n\nKind: in the body\n", encoding="utf-8")
    assert line_of(str(article), "Kind") == 2
    assert line_of(str(article), "Topics") == 1


def test_tag_slugs_are_ascii_readable_and_distinct_for_colliding_pinyin():
    slugs = {name: tag_slug(name) for name in ["社区", "设区", "摄取", "市中", "市钟", "COVID-19", "？"]}
    assert len(set(slugs.values())) == len(slugs)
    assert all(s.isascii() and "/" not in s for s in slugs.values())
    assert slugs["社区"].startswith("she-qu-") and slugs["COVID-19"].startswith("covid-19-")
    assert slugs["？"].startswith("tag-")
    assert tag_slug("社区") == slugs["社区"]  # stable across builds


def test_topic_table_errors_name_the_file_and_the_entry(tmp_path):
    path = tmp_path / "topics.toml"
    path.write_text('[[topic]]\nname = "党建引领"\nslug = "party-building"\n'
                    '[[topic]]\nname = "疫情防控"\nslug = "疫情"\n', encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"topics\.toml: topic #2 \(疫情防控\): `slug`"):
        load_topics(path, places_settings({}))
    path.write_text('[[topic]]\nname = "甲"\nslug = "a"\n[[topic]]\nname = "甲"\nslug = "b"\n',
                    encoding="utf-8")
    with pytest.raises(TaxonomyError, match="used twice"):
        load_topics(path, places_settings({}))
    path.write_text("[[topic]\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="cannot read"):
        load_topics(path, places_settings({}))


def test_settings_merge_over_defaults_and_report_bad_values(caplog):
    caplog.set_level(logging.WARNING)
    merged = places_settings({"PLACES": {"TOPIC_URL": "t/{slug}.html", "PLACE_URL": "nope/",
                                         "COLOUR": "red"}})
    assert merged["TOPIC_URL"] == "t/{slug}.html"
    assert merged["PLACE_URL"] == "places/{slug}/"
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "places: unknown setting PLACES['COLOUR']" in messages
    assert "places: PLACES['PLACE_URL'] = 'nope/' must be a string with {slug}" in messages
    merged = article_meta_settings({"ARTICLE_META": {"TOC_MIN_HEADINGS": "three"}})
    assert merged["TOC_MIN_HEADINGS"] == 3
    assert "article_meta: ARTICLE_META['TOC_MIN_HEADINGS'] = 'three' is not a int" in caplog.text


def test_plain_text_descriptions():
    assert plain_text("<p>一&amp;二</p>\n<p>三</p>") == "一&二 三"
    assert plain_text("甲" * 200, 10) == "甲" * 9 + "…"


def test_robots_txt_for_a_site_under_a_path():
    from plugins.seo.sitemap import robots_txt

    text = robots_txt("https://example.github.io/archive/sitemap.xml", "/archive")
    assert "Disallow: /archive/search/" in text.splitlines()
    assert "Sitemap: https://example.github.io/archive/sitemap.xml" in text.splitlines()
    assert "Sitemap" not in robots_txt(None)


def test_place_objects_keep_the_contract_other_plugins_read(tmp_path):
    # DESIGN.md / the brief: place.code .name .level .url .parent .children .ancestors
    # .articles (the place and all its descendants); the timeline section relies on it.
    from types import SimpleNamespace

    from plugins.places.archive import collect
    from tests.conftest import ROOT

    def article(slug, **place):
        return SimpleNamespace(slug=slug, source_path=str(tmp_path / f"{slug}.md"), tags=[],
                               topics_list=[], archive_year="2020", archive_year_label="2020年",
                               kind=None, kind_label=None, date=datetime.datetime(2020, 1, 1),
                               **{k: place.get(k, "") for k in ("province", "city", "district", "street")})

    street = article("a", province="山东省", city="枣庄市", district="市中区", street="垎塔埠街道")
    district = article("b", province="山东省", city="枣庄市", district="市中区")
    nowhere = article("c")
    archive = collect([street, district, nowhere], {"ARCHIVE_DATA_PATH": str(ROOT / "data")},
                      places_settings({}))
    place = archive.places["370402002"]
    assert (place.code, place.name, place.level, place.url) == (
        "370402002", "垎塔埠街道", "street", "places/370402002/")
    assert [p.code for p in place.ancestors] == ["37", "3704", "370402"]
    assert place.parent is archive.places["370402"] and place.children == []
    assert archive.places["370402"].children == [place]
    assert archive.places["370402"].articles == [street, district]
    assert archive.places["37"].articles == [street, district] and place.articles == [street]
    assert [p.code for p in archive.provinces] == ["37"]
    assert street.place is place and district.place is archive.places["370402"]
    assert nowhere.place is None and nowhere.place_trail == []
    assert archive.years[0].articles == [street, district, nowhere]
