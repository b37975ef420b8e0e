"""The small pieces on their own: dates by precision, periods, the front-matter header, tag
slugs, the topic table, settings."""
import datetime
import logging

import pytest

from plugins.article_meta import dates
from plugins.article_meta.dates import Period, PreciseDate
from plugins.article_meta.schema import read_header, split_list
from plugins.article_meta.settings import article_meta_settings
from plugins.article_meta.topics import TaxonomyError, load_topics
from plugins.places.settings import places_settings
from plugins.places.taxonomy import tag_slug

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
        assert PreciseDate.of(date, precision).label == shown
        assert PreciseDate.of(date, precision).iso == iso


@pytest.mark.parametrize("text, label, years", [
    ("2022", "2022年", [2022]), ("2020-H1", "2020年上半年", [2020]),
    ("2021-Q3", "2021年第三季度", [2021]), ("2020-03", "2020年3月", [2020]),
    ("2019/2021", "2019年至2021年", [2019, 2020, 2021]),
    ("2020-H2/2021-H1", "2020年下半年至2021年上半年", [2020, 2021]),
])
def test_periods(text, label, years):
    period = Period.parse(text)
    assert (period.text, period.label, period.years) == (text, label, years)


@pytest.mark.parametrize("text", ["2020年", "2020-H3", "2020-13", "20", "2021/2019",
                                  "2020-H2/2020-H1", "2019/2020/2021", ""])
def test_bad_periods_say_what_a_period_is(text):
    with pytest.raises(ValueError, match="Period"):
        Period.parse(text)


def test_list_fields_split_on_ascii_commas_only():
    assert split_list("光明路社区, 文化路社区 ,") == ["光明路社区", "文化路社区"]
    assert split_list("甲，乙") == ["甲，乙"]
    assert split_list("") == []


def test_the_header_is_read_as_pelican_reads_it(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("\ufeffTitle: x\nKind: news\nTags: a,\n    b\nkind: report\n"
                       "不是键值\n\nKind: in the body\n", encoding="utf-8")
    header = read_header(article)
    assert header.get("title") == "x" and header.line("kind") == 2  # BOM skipped
    assert header.get("tags") == "a, b"  # an indented line continues the value
    assert header.duplicates == [("kind", 5)] and header.bad_lines == [6]
    assert header.get("topics") == "" and header.line("topics") == 1


def test_tag_slugs_are_ascii_readable_and_distinct_for_colliding_pinyin():
    slugs = {name: tag_slug(name) for name in ["社区", "设区", "摄取", "市中", "市钟", "COVID-19", "？"]}
    assert len(set(slugs.values())) == len(slugs)
    assert all(s.isascii() and "/" not in s for s in slugs.values())
    assert slugs["社区"].startswith("she-qu-") and slugs["COVID-19"].startswith("covid-19-")
    assert slugs["？"].startswith("tag-")
    assert tag_slug("社区") == slugs["社区"]  # stable across builds


def test_topic_table_errors_name_the_file_and_the_entry(tmp_path):
    path = tmp_path / "topics.toml"
    with pytest.raises(TaxonomyError, match=r"topics\.toml: cannot read the topic taxonomy"):
        load_topics(tmp_path)  # a missing file is an error, never an empty taxonomy
    path.write_text('[[topic]]\nname = "党建引领"\nslug = "party-building"\n'
                    '[[topic]]\nname = "疫情防控"\nslug = "疫情"\n', encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"topics\.toml: topic #2 \(疫情防控\): `slug`"):
        load_topics(tmp_path)
    path.write_text('[[topic]]\nname = "甲"\nslug = "a"\n[[topic]]\nname = "甲"\nslug = "b"\n',
                    encoding="utf-8")
    with pytest.raises(TaxonomyError, match="used twice"):
        load_topics(tmp_path)
    path.write_text("[[topic]\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="cannot read"):
        load_topics(tmp_path)


def test_settings_merge_over_defaults_and_report_bad_values(caplog):
    caplog.set_level(logging.WARNING)
    merged = places_settings({"PLACES": {"TOPIC_URL": "t/{slug}.html", "PLACE_URL": "nope/",
                                         "COLOUR": "red"}})
    assert merged["TOPIC_URL"] == "t/{slug}.html"
    assert merged["PLACE_URL"] == "places/{slug}/"
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "places: unknown setting PLACES['COLOUR']" in messages
    assert ("places: PLACES['PLACE_URL'] = 'nope/' must use exactly the placeholders {slug}"
            in messages)
    merged = article_meta_settings({"ARTICLE_META": {"TOC_MIN_HEADINGS": "three"}})
    assert merged["TOC_MIN_HEADINGS"] == 3
    assert ("article_meta: ARTICLE_META['TOC_MIN_HEADINGS'] = 'three' is not a positive "
            "integer; using 3") in caplog.text


def test_robots_txt_for_a_site_under_a_path():
    from plugins.seo.sitemap import robots_txt

    text = robots_txt("https://example.github.io/archive/sitemap.xml", "/archive", ["search/"])
    assert "Disallow: /archive/search/" in text.splitlines()
    assert "Sitemap: https://example.github.io/archive/sitemap.xml" in text.splitlines()
    assert "Sitemap" not in robots_txt(None, "", ["search/"])




def test_place_objects_keep_the_contract_other_plugins_read(tmp_path):
    # place.code .name .level .url .parent .children .ancestors .articles (the place and all
    # its descendants), made from the articles' records; the timeline section relies on it.
    from types import SimpleNamespace

    from plugins.article_meta.record import ArchiveRecord
    from plugins.article_meta.topics import load_topics
    from plugins.gazetteer import Gazetteer
    from plugins.places.archive import collect
    from tests.conftest import ROOT

    gazetteer = Gazetteer.load(ROOT / "data")
    topics = {t.name: t for t in load_topics(ROOT / "data")}

    def article(slug, **place):
        path = tmp_path / f"{slug}.md"
        path.write_text(f"Title: {slug}\nDate: 2020-01-01\nDate_precision: day\nKind: news\n"
                        + "".join(f"{k.capitalize()}: {v}\n" for k, v in place.items()),
                        encoding="utf-8")
        record = ArchiveRecord.from_header(read_header(path), slug, {"news": "新闻"}, gazetteer,
                                           topics, content_html=str, toc_min_headings=3)
        return SimpleNamespace(slug=slug, record=record)

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
    assert street.record.place_full_name == "山东省枣庄市市中区垎塔埠街道"
