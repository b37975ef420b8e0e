"""Front-matter values read from cleaned documents: kind, date choice, topics, tags, titles."""
from collections import Counter
from pathlib import Path

import pytest

from plugins.importer.dates import FoundDate
from plugins.article_meta.topics import load_topics
from plugins.importer.document import Document
from plugins.importer.metadata import (date_of, kind_of, place_pieces, proposed_title,
                                       tags_of, topics_of)

DATA = Path(__file__).resolve().parents[2] / "data"


def doc_of(lines, **meta):
    doc = Document.from_lines(lines)
    doc.meta.update(meta)
    return doc


KIND = [
    {"id": "work-summary", "title": "街道2020年上半年工作总结和下半年工作计划", "text": "正文。", "expected": "report"},
    {"id": "plan-in-quotes-is-news", "title": "街道启动“幸福计划”关爱老人", "text": "正文。", "expected": "news"},
    {"id": "report-suffix", "title": "关于社区服务情况的报告", "text": "正文。", "expected": "report"},
    {"id": "phrase-in-text", "title": "", "text": "现将具体工作情况汇报如下。", "expected": "report"},
    {"id": "news", "title": "灵山卫街道回应群众关切", "text": "日前，街道开展活动。", "expected": "news"},
    {"id": "d009-disclosure-report", "title": "平城区振华街道2021年政府信息公开工作年度报告", "text": "正文。",
     "expected": "report"},
    {"id": "d011-work-arrangements", "title": "镇政府2019年工作总结及2020年工作安排", "text": "正文。", "expected": "report"},
    {"id": "d012-community-profile", "title": "健康胡同社区",
     "text": "健康胡同社区地处长春市中心繁华地段，东起大经路，西至民康路，占地面积0.135平方公里。", "expected": "report"},
    {"id": "d013-community-profile", "title": "兴电社区",
     "text": "东风区建国街道兴电社区隶属于发电厂家属区，辖区面积1.1平方公里，2114户。", "expected": "report"},
    {"id": "d014-yearbook-entry", "title": "海秀街道环境治理卫“双巩”",
     "text": "2020年，海秀街以智慧社区为目标，以民声为导向，推动重点工作网格化综合治理。", "expected": "report"},
    {"id": "community-news-is-news", "title": "兴电社区开展义诊", "text": "日前，兴电社区位于小区广场开展义诊。",
     "expected": "news"},
    # d057: a page of 2020-09-11 opening with 2020年， tells that year's news; a year is reviewed
    # after it ends (d014 has no page date).
    {"id": "d057-opening-year-is-the-pages-own", "title": "疫情防控常态化下，长春市的新经济之路",
     "text": "2020年，因为疫情影响，各地政府的首要任务就是助力当地经济恢复，尽可能减少疫情带来的损失。",
     "meta": {"head_date": "2020年09月11日 18:05"}, "expected": "news"},
    {"id": "year-review-published-the-next-year", "title": "街道环境治理",
     "text": "2020年，街道以智慧社区为目标，推动重点工作网格化综合治理。", "meta": {"page_date": "2021-02-03"},
     "expected": "report"},
]


@pytest.mark.parametrize("case", KIND, ids=[c["id"] for c in KIND])
def test_kind(case):
    assert kind_of(doc_of([case["text"]], title=case["title"], **case.get("meta", {}))) == case["expected"]


DATES = [
    {"id": "meta-line-wins", "meta": {"date_line": "2019/5/22 9:50:25"}, "kind": "news", "lines": ["2020年全年处理。"],
     "expected": ("2019-05-22", "day", "时间 line")},
    {"id": "news-figures-are-not-its-date", "meta": {}, "kind": "news", "lines": ["2020年全年处理热线1.6万件。"],
     "expected": None},
    {"id": "dateline-without-year", "meta": {"dateline": "9-15"}, "kind": "news", "lines": ["正文。"], "expected": None},
    {"id": "dateline-with-year", "meta": {"dateline": "2021-3-5"}, "kind": "news", "lines": ["正文。"],
     "expected": ("2021-03-05", "day", "dateline")},
    {"id": "news-opening-with-a-full-date", "meta": {}, "kind": "news",
     "lines": ["2018年3月5日，桃源街道组织志愿者开展活动，2017年共服务1.2万人次。"],
     "expected": ("2018-03-05", "day", "text: 2018年3月5日")},
    {"id": "news-opening-date-with-time-of-day", "meta": {}, "kind": "news",
     "lines": ["2021年6月18日上午，街道开展宣传活动。"], "expected": ("2021-06-18", "day", "text: 2021年6月18日")},
    {"id": "news-opening-without-year", "meta": {}, "kind": "news", "lines": ["3月5日，街道开展活动。"],
     "expected": None},
    {"id": "news-full-date-later-in-text", "meta": {}, "kind": "news",
     "lines": ["街道自2018年3月5日起开展活动。"], "expected": None},
    {"id": "report-from-text", "meta": {"title": "2021年工作总结"}, "kind": "report", "lines": ["截至2021年11月，完成。"],
     "expected": ("2021-11-01", "month", "text: 截至2021年11月")},
    # d003: the page's date, not the title's year (2021 summary published 2022-02-01).
    # d068: the notice was signed (成文日期, 落款) the day before the page published it; d061: the
    # date beside the headline over htmldate's guess (the oldest date in the page's links).
    {"id": "d068-publication-over-signing", "meta": {"written_line": "2022年01月27日", "head_date": "2022年01月28日",
                                                     "page_date": "2022-01-27"},
     "kind": "news", "lines": ["正文。"], "expected": ("2022-01-28", "day", "the date beside the headline")},
    {"id": "d061-head-date-over-page-metadata", "meta": {"head_date": "2022年02月12日", "page_date": "2007-09-24"},
     "kind": "news", "lines": ["正文。"], "expected": ("2022-02-12", "day", "the date beside the headline")},
    {"id": "d047-signature-when-nothing-else", "meta": {"written_line": "2020年9月27日"}, "kind": "news",
     "lines": ["正文。"], "expected": ("2020-09-27", "day", "signature date")},
    {"id": "d003-page-date-over-title-year", "meta": {"title": "仙霞新村街道2021年工作总结及2022年工作计划",
                                                      "date_line": "2022-02-01"},
     "kind": "report", "lines": ["2021年共接种第一针疫苗63685剂。"], "expected": ("2022-02-01", "day", "时间 line")},
    {"id": "d001-whole-year-report-undated", "meta": {"title": "金安区清水河街道2021年工作报告"}, "kind": "report",
     "lines": ["2021年,清水河街道突出抓好党的建设。"], "expected": None},
    # d040: a page date a day after the dateline is the page's.
    {"id": "d040-page-date-after-dateline", "meta": {"date_line": "2021-08-20 10:10", "dateline": "8-19"}, "kind": "news",
     "lines": ["正文。"], "expected": ("2021-08-20", "day", "时间 line")},
    # d028: a spam site's time line contradicts the wire dateline; the dateline has no year.
    {"id": "d028-page-date-contradicts-dateline", "meta": {"date_line": "2025-05-23 17:11:54", "dateline": "9-6"},
     "kind": "news", "lines": ["9月3日，网络主题活动在呼和浩特启动。"], "expected": None},
    # d018: the dateline's year is where the text repeats its day with a year.
    {"id": "d018-dateline-year-from-text", "meta": {"dateline": "1-11"}, "kind": "news",
     "lines": ["1月11日，记者获悉，公示期为2018年1月11日至2018年1月17日。"],
     "expected": ("2018-01-11", "day", "dateline, year from the text")},
    # d016: a document-sharing site's time years after every date of the notice.
    {"id": "d016-repost-time", "meta": {"date_line": "2023-04-24 12:42:01",
                                        "title": "贵州省爱卫办关于2016年度拟命名“国家卫生县城”名单的公示"},
     "kind": "news", "lines": ["公示期为1周(2016年10月17日—10月23日)。", "可于2016年10月23日前举报。"],
     "expected": ("2016-01-01", "year", "text: every date of the text is in 2016")},
    # A look back: the page date years after the events it recalls is still its date.
    {"id": "retrospective-is-no-repost", "meta": {"date_line": "2019-10-01"}, "kind": "news",
     "lines": ["1949年10月1日，中华人民共和国成立。七十年来，社区发生了翻天覆地的变化。"],
     "expected": ("2019-10-01", "day", "时间 line")},
    # d024: a caption's date a year before the e-paper issue does not make the issue a repost.
    {"id": "d024-older-caption-date", "meta": {"date_line": "2020年01月23日"}, "kind": "news",
     "lines": ["▲2018年12月30日，梁丽华“报道”地铁八号线南段开通运行。"], "expected": ("2020-01-23", "day", "时间 line")},
]


@pytest.mark.parametrize("case", DATES, ids=[c["id"] for c in DATES])
def test_date_of(case):
    found, how = date_of(doc_of(case["lines"], **case["meta"]), case["kind"])
    assert (None if found is None else (found.full_iso, found.precision, how)) == case["expected"]


def test_topics_need_enough_keyword_hits():
    topics = load_topics(DATA)
    text = "网格员走访入户，网格化管理全覆盖，基础网格49个。疫情一次。"
    names, hits = topics_of(text, "", topics)
    assert names == ["网格化治理"]
    assert hits["网格"] == 3 and hits["疫情"] == 1


def test_topics_in_the_title_count_double():
    names, _ = topics_of("垃圾清运。", "垃圾分类宣传", load_topics(DATA))
    assert names == ["环境卫生"]


def test_tags_are_repeated_initiatives_and_keywords_not_places():
    text = "打造“红色商圈”。“红色商圈”成效明显。“一次”。中山西路街道“中山西路街道”“中山西路街道”。"
    hits = {"垃圾": 3, "党建": 1}
    assert tags_of(text, Counter(hits), {"中山西路街道"}) == ["红色商圈", "垃圾"]


TITLES = [
    {"id": "report-from-phrase", "kind": "report", "place": "中山西路街道", "year": 2022,
     "lines": ["2022年，街道……现将具体工作情况汇报如下。"], "expected": "中山西路街道2022年工作情况汇报"},
    {"id": "report-without-phrase", "kind": "report", "place": "怡园街道", "year": None,
     "lines": ["今年以来，街道开展工作。"], "expected": "怡园街道工作报告"},
    {"id": "news-first-sentence", "kind": "news", "place": "", "year": None,
     "lines": ["9月15日，枣庄市市中区人民政府新闻办召开新闻发布会。垎塔埠街道出席。"],
     "expected": "枣庄市市中区人民政府新闻办召开新闻发布会"},
    # d049: a salutation line and a stray mark come first; the sentence is cut at a comma.
    {"id": "d049-after-salutation", "kind": "news", "place": "", "year": None,
     "lines": ["？广大居民朋友：", "为进一步促进政府信息与政务公开，提升服务质量，西城街道办事处将于2023年12月26日开展“政务开放日”活动。"],
     "expected": "为进一步促进政府信息与政务公开，提升服务质量"},
    # d043: a sentence broken over short lines is read whole.
    {"id": "d043-poster", "kind": "news", "place": "", "year": None,
     "lines": ["5月23日", "全国精神文明建设表彰大会", "在京召开", "我市再次荣获全国文明城市称号", "这一国家级殊荣！", "截至目前，我市。"],
     "expected": "全国精神文明建设表彰大会在京召开我市再次荣获全国文明城市称号这一国家级殊荣"},
    # d005: the text names its year already.
    {"id": "d005-year-not-repeated", "kind": "report", "place": "", "year": 2022,
     "lines": ["今年以来，在区委、区政府正确领导下，扎实完成目标考核各项任务。现将2022年工作总结如下："],
     "expected": "2022年工作总结"},
]


@pytest.mark.parametrize("case", TITLES, ids=[c["id"] for c in TITLES])
def test_proposed_title(case):
    date = FoundDate.of_parts(case["year"]) if case["year"] else None
    assert proposed_title(doc_of(case["lines"]), case["kind"], case["place"], date) == case["expected"]


def test_taxonomy_is_well_formed():
    topics = load_topics(DATA)
    assert 12 <= len(topics) <= 20
    assert len({t.slug for t in topics}) == len(topics) and all(t.slug.isascii() for t in topics)
    keywords = [k for t in topics for k in t.keywords]
    assert len(keywords) == len(set(keywords)), "a keyword belongs to one topic"


PIECES = [
    # d050: the place before the headline's colon is where the story is from (a dateline);
    # a medium named after a place weighs as body text.
    {"id": "d050-prefix-and-medium", "meta": {"title": "河北霸州：党建+服务，文明实践活动赋能社区建设", "source_line": "霸州发布"},
     "lines": ["图为宣讲员武文志为居民讲述党史故事。记者 任雨薇 摄", "近年来，霸州市裕华街道办事处将社区党建与便民服务相结合。"],
     "expected": [("dateline", "河北霸州"), ("headline", "党建+服务，文明实践活动赋能社区建设"), ("body", "霸州发布"),
                  ("lead", "近年来，霸州市裕华街道办事处将社区党建与便民服务相结合。"),
                  ("body", "图为宣讲员武文志为居民讲述党史故事。记者 任雨薇 摄")]},
    # A medium named 今日 + its place (今日湖北) says where it is printed, as 霸州发布 does.
    {"id": "today-medium", "meta": {"title": "重阳园艺绘新景 共建共治暖民心", "source_line": "今日湖北"},
     "lines": ["10月27日下午，武汉市青山区钢都花园街道126社区开展重阳节活动。"],
     "expected": [("headline", "重阳园艺绘新景 共建共治暖民心"), ("body", "今日湖北"),
                  ("lead", "10月27日下午，武汉市青山区钢都花园街道126社区开展重阳节活动。"), ("body", "")]},
    # d041: an office in the 来源 line is the document's own.
    {"id": "d041-office-source", "meta": {"title": "“书记坝坝茶”·助力乡村振兴", "source_line": "沙坪坝区中梁镇人民政府"},
     "lines": ["新发村驻村第一书记话音刚落，现场气氛立刻活跃起来。"],
     "expected": [("headline", "“书记坝坝茶”·助力乡村振兴"), ("source", "沙坪坝区中梁镇人民政府"),
                  ("lead", "新发村驻村第一书记话音刚落，现场气氛立刻活跃起来。"), ("body", "")]},
    # d021: who supplied the text, at its end.
    {"id": "d021-contributor", "meta": {},
     "lines": ["近日，金家岭街道鲁信长春社区举办邻居节活动。（青岛市崂山区人民政府金家岭街道办事处供稿）"],
     "expected": [("source", "青岛市崂山区人民政府金家岭街道办事处"),
                  ("lead", "近日，金家岭街道鲁信长春社区举办邻居节活动。（青岛市崂山区人民政府金家岭街道办事处供稿）"),
                  ("body", "")]},
    # d051: the source line printed under a saved page's headline, outside its article box.
    {"id": "d051-source-beside-the-headline", "meta": {"title": "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作",
                                                       "head_source": "东区办事处"},
     "lines": ["下一步，我区将升级发展众创金融街，为中山经济发展提供创新驱动力。"],
     "expected": [("headline", "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作"), ("source", "东区办事处"),
                  ("lead", "下一步，我区将升级发展众创金融街，为中山经济发展提供创新驱动力。"), ("body", "")]},
    # d047: the signing body under the text (落款).
    {"id": "d047-signature", "meta": {"title": "迎中秋庆国庆 情满党旗共团圆"},
     "lines": ["9月26日晚上，城开公司党支部联合新都社区开展文艺汇演。", "中共南昌高投城市建设开发有限公司支部委员会"],
     "expected": [("headline", "迎中秋庆国庆 情满党旗共团圆"), ("source", "中共南昌高投城市建设开发有限公司支部委员会"),
                  ("lead", "9月26日晚上，城开公司党支部联合新都社区开展文艺汇演。"),
                  ("body", "中共南昌高投城市建设开发有限公司支部委员会")]},
]


@pytest.mark.parametrize("case", PIECES, ids=[c["id"] for c in PIECES])
def test_place_pieces(case):
    pieces = place_pieces(doc_of(case["lines"], **case["meta"]))
    assert [(p.zone, p.text) for p in pieces] == case["expected"]
