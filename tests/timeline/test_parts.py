"""Smaller parts: ids, dates stated in sentences, who → place, settings."""
import logging

import pytest

from plugins.article_meta.dates import PreciseDate
from plugins.gazetteer import Gazetteer
from plugins.timeline.dating import mentions

parse_iso = PreciseDate.parse_iso
from plugins.timeline.model import entry_id
from plugins.timeline.resolve import PlaceResolver
from plugins.timeline.settings import DEFAULTS, timeline_settings
from tests.conftest import ROOT

from .conftest import YIYUAN, recorded


# --- ids -------------------------------------------------------------------------------------

def test_entry_ids_are_stable_and_ignore_quote_style_and_spacing():
    # A fixed value: editors' references in data/timeline.toml must survive code changes.
    assert entry_id("002-e8de5747f3f5b0b0", "initiative", "“五单”工作法") == "46edc233b1"
    assert entry_id("s", "initiative", "“五单”工作法") == entry_id("s", "initiative", '"五单" 工作法')
    assert entry_id("s", "initiative", "“五单”工作法") != entry_id("t", "initiative", "“五单”工作法")
    assert entry_id("s", "honour", "示范社区") != entry_id("s", "initiative", "示范社区")


# --- dates -----------------------------------------------------------------------------------

REFERENCE = parse_iso("2022-09-15")


@pytest.mark.parametrize("sentence, expected", [
    ("2020年上半年，街道推行新办法。", ["2020"]),
    ("二〇一九年五月，街道成立联盟。", ["2019"]),  # Chinese digits: the year only
    ("2019年5月22日，街道成立联盟。", ["2019-05-22"]),
    ("今年5月，街道成立联盟。", ["2022-05"]),
    ("去年，街道成立联盟。", ["2021"]),
    ("6月30日，街道成立联盟。", ["2022-06-30"]),
    ("2020年至2022年，街道持续推进。", []),  # a period, neither end is when it happened
    ("截至2022年10月，共办结1638件。", []),
    ("预计2022年12月竣工。", []),
    ("2021年2月30日，日期不存在。", []),
    ("20世纪80年代，街道成立。", []),
])
def test_dates_a_sentence_states(sentence, expected):
    assert [m.date.iso for m in mentions(sentence, REFERENCE)] == expected


def test_partial_dates_stay_unknown_without_a_dated_article():
    assert mentions("6月30日，今年5月，街道成立联盟。", PreciseDate.unknown()) == []


@pytest.mark.parametrize("text, iso, precision", [
    ("2020", "2020", "year"), ("2020-05", "2020-05", "month"), ("2020-05-20", "2020-05-20", "day"),
    ("unknown", "", "unknown"),
])
def test_parse_iso_keeps_the_precision(text, iso, precision):
    date = parse_iso(text)
    assert (date.iso, date.precision) == (iso, precision)


def test_undated_sorts_after_every_date_and_a_year_before_its_months():
    dates = [PreciseDate.unknown(), parse_iso("2020-03"), parse_iso("2020"), parse_iso("2019-12-31")]
    assert [d.iso for d in sorted(dates, key=PreciseDate.sort_key)] == ["2019-12-31", "2020", "2020-03", ""]


# --- who → place -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver(Gazetteer.load(ROOT / "data"))


@pytest.mark.parametrize("who, expected", [
    ("", ("怡园街道", "371071004")),                  # the sentence names no one
    ("街道", ("怡园街道", "371071004")),
    ("该街道", ("怡园街道", "371071004")),
    ("我区", ("威海火炬高技术产业开发区", "371071")),
    ("怡园街道", ("怡园街道", "371071004")),
    ("今年以来怡园街道", ("怡园街道", "371071004")),  # leftover words in front
    ("寨北社区", ("寨北社区", "371071004")),          # a community files under its street
    ("西涝台社区", ("西涝台社区", "371071004")),      # known to the gazetteer, not the article
    ("威海市", ("威海市", "3710")),
    ("街道党工委", ("怡园街道党工委", "371071004")),  # an organ files under its place
    ("寨北社区党委", ("寨北社区党委", "371071004")),
    ("区党工委", ("威海火炬高技术产业开发区党工委", "371071")),
    ("东湖护理院", ("东湖护理院", None)),
])
def test_who_resolves_to_a_place(resolver, who, expected):
    assert resolver.resolve(who, recorded(**YIYUAN)) == expected


def test_this_community_is_the_articles_community_when_it_names_one(resolver):
    assert resolver.resolve("该社区", recorded(**YIYUAN)) == ("该社区", "371071004")  # names two
    one = recorded(**{**YIYUAN, "Communities": "寨北社区"})
    assert resolver.resolve("该社区", one) == ("寨北社区", "371071004")


def test_a_street_name_resolves_only_inside_the_articles_city(resolver):
    # 中山西路街道 exists in Hohhot (150103002) and in Baoji (610303003).
    hohhot = recorded(Province="内蒙古自治区", City="呼和浩特市", District="回民区")
    assert resolver.resolve("中山西路街道", hohhot) == ("中山西路街道", "150103002")
    assert resolver.resolve("中山西路街道", recorded()) == ("中山西路街道", None)


# --- settings --------------------------------------------------------------------------------

def test_settings_defaults_and_bad_values_are_reported(caplog):
    with caplog.at_level(logging.WARNING):
        merged = timeline_settings({"TIMELINE": {"URL": 3, "COLOUR": "red", "JSON_SAVE_AS": "a.json",
                                                 "SECTION_LIMIT": 0, "YEAR_PAGES_OVER": "9",
                                                 "TEMPLATE": "tl"}})
    assert merged == {**DEFAULTS, "JSON_SAVE_AS": "a.json", "TEMPLATE": "tl"}
    messages = [r.getMessage() for r in caplog.records]
    assert "timeline: TIMELINE['URL'] = 3 is not a non-empty string; using 'timeline/'" in messages
    with caplog.at_level(logging.WARNING):
        merged = timeline_settings({"TIMELINE": {"PLACE_URL": "tl/{slug}/"}})
    assert merged["PLACE_URL"] == DEFAULTS["PLACE_URL"]  # the placeholder is {code}
    assert "must use exactly the placeholders {code}" in caplog.text
    assert "timeline: unknown setting TIMELINE['COLOUR'] ignored" in messages
    assert "timeline: TIMELINE['SECTION_LIMIT'] = 0 is not a positive integer; using 20" in messages
    assert "timeline: TIMELINE['YEAR_PAGES_OVER'] = '9' is not a positive integer; using 300" in messages


# --- an article without a place --------------------------------------------------------------

def test_entries_of_an_article_without_place_are_kept_without_place():
    from plugins.timeline.collect import collect
    from plugins.timeline.timeline import Timeline

    article = recorded("no-place", "<p>社区创立“吾事五说”议事平台。</p>", "2021-03-01", "month")
    settings = {"ARCHIVE_DATA_PATH": str(ROOT / "data")}
    collected = collect([article], settings, {**DEFAULTS, "CURATION_FILE": "absent.toml"})
    entry, = collected.entries
    assert (entry.who, entry.who_code, entry.place_code, entry.place_codes) == ("社区", None, None, ())
    assert entry.date.iso == "2021-03"
    timeline = Timeline(collected.entries, Gazetteer.load(ROOT / "data"), DEFAULTS)
    assert timeline.filter() == [entry] and timeline.places == {} and list(timeline.views()) == [
        (None, None), ("honour", None), ("initiative", None)]


def test_extraction_is_cached_per_text_and_date(monkeypatch):
    from plugins.timeline import collect as collect_module

    calls = []
    real = collect_module.extract
    monkeypatch.setattr(collect_module, "extract", lambda *a: calls.append(a) or real(*a))
    article = recorded("cached", "<p>社区创立“吾事五说”议事平台。</p>", "2021-03-05")
    settings = {"ARCHIVE_DATA_PATH": str(ROOT / "data")}  # one build: one in-memory cache
    timeline_settings = {**DEFAULTS, "CURATION_FILE": "absent.toml"}
    first = collect_module.collect([article], settings, timeline_settings).entries
    again = collect_module.collect([article], settings, timeline_settings).entries
    assert len(calls) == 1 and [e.id for e in first] == [e.id for e in again]
    # The date resolves partial dates: the same text of another date is extracted again.
    article = recorded("cached", "<p>社区创立“吾事五说”议事平台。</p>", "2021-04-05")
    moved = collect_module.collect([article], settings, timeline_settings).entries
    assert len(calls) == 2 and moved[0].date.iso == "2021-04-05"
