"""Each cleaning step alone, driven by tables of {id, input, expected} cases.

`input` is the document's lines; `expected` the lines after the step ("## x" for a heading of
level 2), and for metadata steps the values the step put into doc.meta.
"""
import pytest

from plugins.importer.document import Document
from plugins.importer.steps import PIPELINE, STEPS


def run(step: str, lines: list[str], meta: dict | None = None):
    doc = Document.from_lines(lines)
    doc.meta.update(meta or {})
    changes = STEPS[step].run(doc)
    out = [("#" * p.level + " " if p.level else "") + p.text for p in doc.paras]
    return doc, out, changes


def cases(table):
    return pytest.mark.parametrize("case", table, ids=[c["id"] for c in table])


def test_pipeline_is_declared_in_order_and_every_step_is_documented():
    names = [s.name for s in PIPELINE]
    assert len(names) == len(set(names))
    # Glosses go before t2s (OpenCC must see the characters, not the pinyin); punctuation after
    # the metadata steps that read half-width lines; outline after duplicates.
    assert names.index("pinyin_glosses") < names.index("simplified") < names.index("boilerplate")
    assert names.index("duplicates") < names.index("outline") < names.index("empty_sections")
    assert all(s.doc and s.doc.strip() for s in PIPELINE)


SPACES = [
    {"id": "ideographic-and-nbsp", "input": ["\u3000\u3000开展活动\u00a0两次。"], "expected": ["开展活动 两次。"]},
    {"id": "zero-width", "input": ["社\u200b区"], "expected": ["社区"]},
    {"id": "space-runs", "input": ["下基层 访民意  解民忧"], "expected": ["下基层 访民意 解民忧"]},
    {"id": "blank-lines-dropped", "input": ["甲。", "", "  ", "乙。"], "expected": ["甲。", "乙。"]},
]


@cases(SPACES)
def test_spaces(case):
    assert run("spaces", case["input"])[1] == case["expected"]


PINYIN = [
    {"id": "after-traditional", "input": ["魯網(wǎng)9月15日訊"], "expected": ["魯網9月15日訊"]},
    {"id": "several", "input": ["社區(qū)開(kāi)展"], "expected": ["社區開展"]},
    {"id": "latin-in-parens-kept", "input": ["以及(ktv)场所"], "expected": ["以及(ktv)场所"]},
    {"id": "toneless-kept", "input": ["平台(app)上线"], "expected": ["平台(app)上线"]},
    {"id": "not-after-han", "input": ["A(wǎng)"], "expected": ["A(wǎng)"]},
]


@cases(PINYIN)
def test_pinyin_glosses(case):
    assert run("pinyin_glosses", case["input"])[1] == case["expected"]


SPLIT = [
    # The gloss went between the GBK bytes of 氣 (9A E2): what follows was read one byte off.
    {"id": "realigned-run", "input": ["燃?xì)夤芫W(wǎng)改造"], "expected": ["燃氣管網(wǎng)改造"]},
    {"id": "lossy-known-sequence", "input": ["在燃?xì)?、暖氣"], "expected": ["在燃氣、暖氣"]},
    {"id": "untouched", "input": ["燃气管网"], "expected": ["燃气管网"]},
    # Bytes lost beyond repair: left as they are and flagged, never guessed.
    {"id": "unrepairable", "input": ["燃?xì)鈱?abc"], "expected": ["燃?xì)鈱?abc"], "review": True},
]


@cases(SPLIT)
def test_split_glosses(case):
    doc, out, changes = run("split_glosses", case["input"])
    assert out == case["expected"]
    assert [c.action for c in changes] == (["review"] if case.get("review") else
                                           ["changed"] * (out != case["input"]))


def test_simplified_converts_phrases_and_flags_the_source():
    doc, out, changes = run("simplified", ["棗莊市市中區人民政府新聞辦召開新聞發布會。"],
                            {"title": "垎塔埠街道舉行發布會"})
    assert out == ["枣庄市市中区人民政府新闻办召开新闻发布会。"]
    assert doc.traditional and doc.meta["title"] == "垎塔埠街道举行发布会"
    assert changes and changes[0].action == "changed"


def test_simplified_converts_a_quoted_traditional_paragraph_only():
    doc, out, _ = run("simplified", ["街道召开会议，居民积极参加。" * 60, "「社區服務」見聞錄：鄰里關係與環境衛生。"])
    assert out == ["街道召开会议，居民积极参加。" * 60, "「社区服务」见闻录：邻里关系与环境卫生。"]
    assert not doc.traditional


def test_simplified_leaves_simplified_text_alone():
    doc, out, changes = run("simplified", ["乾隆年间的古井得到保护。"])
    assert out == ["乾隆年间的古井得到保护。"] and not doc.traditional and changes == []


BOILERPLATE = [
    {"id": "site-links", "input": ["设为首页|加入收藏|联系我们", "正文。"], "expected": ["正文。"]},
    {"id": "breadcrumb", "input": ["首页 > 动态要闻 > 基层播报", "正文。"], "expected": ["正文。"]},
    {"id": "breadcrumb-tail", "input": [">动态要闻>基层播报", "正文。"], "expected": ["正文。"]},
    {"id": "home-alone", "input": ["首页", "正文。"], "expected": ["正文。"]},
    {"id": "image-file", "input": ["1558489715931044014.jpg", "正文。"], "expected": ["正文。"]},
    {"id": "prev-next", "input": ["正文。", "上一篇 :", "下一篇：某某新闻"], "expected": ["正文。"]},
    {"id": "editor", "input": ["正文。", "【责任编辑：王小明】"], "expected": ["正文。"]},
    {"id": "footer", "input": ["正文。", "版权所有：某某区人民政府 鲁ICP备12345678号"], "expected": ["正文。"]},
    {"id": "share", "input": ["分享到：微信 微博 QQ空间", "正文。"], "expected": ["正文。"]},
    {"id": "related-heading", "input": ["正文。", "相关新闻"], "expected": ["正文。"]},
    {"id": "body-mentioning-homepage-kept", "input": ["居民在街道首页上可以查询办事指南。"],
     "expected": ["居民在街道首页上可以查询办事指南。"]},
    {"id": "long-paragraph-with-copyright-word-kept",
     "input": ["街道组织辖区企业学习知识产权保护知识，讲解版权所有人的权利与义务，" * 3],
     "expected": ["街道组织辖区企业学习知识产权保护知识，讲解版权所有人的权利与义务，" * 3]},
]


@cases(BOILERPLATE)
def test_boilerplate(case):
    doc, out, changes = run("boilerplate", case["input"])
    assert out == case["expected"]
    assert len([c for c in changes if c.action == "removed"]) == len(case["input"]) - len(case["expected"])


META = [
    {"id": "seed-003", "input": ["来源: 点击:时间:2019/5/22 9:50:25", "正文。" * 30],
     "expected": ["正文。" * 30], "meta": {"date_line": "2019/5/22 9:50:25"}},
    {"id": "source-and-publisher", "input": ["来源：南湖街道　发布部门：区民政局　发布时间：2021-06-18", "正文。" * 30],
     "expected": ["正文。" * 30],
     "meta": {"source_line": "南湖街道", "publisher_line": "区民政局", "date_line": "2021-06-18"}},
    {"id": "bare-date-line", "input": ["社区开展活动", "2021年3月5日", "正文。" * 30],
     "expected": ["社区开展活动", "正文。" * 30], "meta": {"date_line": "2021年3月5日"}},
    {"id": "qa-in-body-kept", "input": ["正文。" * 30, "记者：请问街道做了哪些工作？", "正文。" * 30],
     "expected": ["正文。" * 30, "记者：请问街道做了哪些工作？", "正文。" * 30], "meta": {}},
]


@cases(META)
def test_meta_lines(case):
    doc, out, _ = run("meta_lines", case["input"])
    assert out == case["expected"]
    for key, value in case["meta"].items():
        assert doc.meta[key] == value
    assert not any(k.endswith("_line") for k in doc.meta if k not in case["meta"])


TITLE = [
    {"id": "line-before-meta", "input": ["设为首页|加入收藏", "新区时政", "灵山卫街道回应群众关切", "来源: 时间:2019/5/22", "正文" * 40],
     "title": "灵山卫街道回应群众关切", "left": 1},
    {"id": "bracketed-column", "input": ["首页", ">动态要闻>基层播报", "[怡园街道]及寨北社区荣获称号", "正文" * 40],
     "title": "怡园街道及寨北社区荣获称号", "left": 1},
    {"id": "report-first-line", "input": ["街道2020年上半年工作总结", "2020年上半年，街道……" * 10],
     "title": "街道2020年上半年工作总结", "left": 1},
    {"id": "plain-document-first-line", "input": ["社区开展垃圾分类宣传", "党员志愿者走进小区", "正文" * 40],
     "title": "社区开展垃圾分类宣传", "left": 2},
    {"id": "no-title", "input": ["2022年，中山西路街道在区委、区政府的正确领导下，" * 4, "一、尽职履责"],
     "title": None, "left": 2},
]


@cases(TITLE)
def test_title(case):
    doc = Document.from_lines(case["input"])
    for step in ("boilerplate", "meta_lines", "title"):
        doc.changes.extend(STEPS[step].run(doc))
    assert doc.meta.get("title") == case["title"]
    assert len(doc.paras) == case["left"]


def test_summary_lead_repeating_the_opening_becomes_the_summary():
    lead = "摘要:鲁网9月15日讯 (记者 杜方奇)9月15日,街道召开发布会。主任出席并回答提问。据介绍,今年以来,垎..."
    doc, out, changes = run("summary_lead", [lead, "鲁网9月15日讯 (记者 杜方奇)9月15日,街道召开发布会。主任出席并回答提问。",
                                             "据介绍,今年以来,垎塔埠街道始终把群众满意度放在首位。"])
    assert doc.meta["summary"] == "9月15日,街道召开发布会。主任出席并回答提问。"
    assert len(out) == 2 and "repeats the opening" in changes[0].text


def test_summary_lead_not_repeating_is_still_the_summary_and_says_so():
    doc, out, changes = run("summary_lead", ["摘要：街道召开发布会。社区居民参加了……", "今天天气晴朗，居民开展活动。"])
    # Not in the body, so nothing of it is cut.
    assert doc.meta["summary"] == "街道召开发布会。社区居民参加了" and out == ["今天天气晴朗，居民开展活动。"]
    assert "does not repeat" in changes[0].text


DATELINE = [
    {"id": "seed-001", "input": ["鲁网9月15日讯 (记者 杜方奇)9月15日,枣庄市召开发布会。"],
     "expected": ["9月15日,枣庄市召开发布会。"], "meta": {"source_line": "鲁网", "author": "杜方奇", "dateline": "9-15"}},
    {"id": "with-year", "input": ["新华社2021年3月5日电 全国两会开幕。"],
     "expected": ["全国两会开幕。"], "meta": {"source_line": "新华社", "dateline": "2021-3-5"}},
    {"id": "no-dateline", "input": ["9月15日，街道召开会议。"], "expected": ["9月15日，街道召开会议。"], "meta": {}},
]


@cases(DATELINE)
def test_dateline(case):
    doc, out, _ = run("dateline", case["input"])
    assert out == case["expected"]
    assert {k: v for k, v in doc.meta.items()} == case["meta"]


BYLINE = [
    {"id": "two-names", "input": ["为群众谋福祉。(李涛 徐梅)"], "expected": ["为群众谋福祉。"], "author": "李涛 徐梅"},
    {"id": "one-name-fullwidth", "input": ["整改率达100%。（王歌）"], "expected": ["整改率达100%。"], "author": "王歌"},
    {"id": "reporter-prefix", "input": ["活动圆满结束。（记者 张三）"], "expected": ["活动圆满结束。"], "author": "张三"},
    {"id": "not-a-byline", "input": ["印发了管理办法（试行）"], "expected": ["印发了管理办法（试行）"], "author": None},
    {"id": "not-after-sentence-end", "input": ["联系人为社区主任（张三）"], "expected": ["联系人为社区主任（张三）"], "author": None},
]


@cases(BYLINE)
def test_trailing_byline(case):
    doc, out, _ = run("trailing_byline", case["input"])
    assert out == case["expected"] and doc.meta.get("author") == case["author"]


PUNCT = [
    {"id": "comma", "input": ["2022年,中山西路街道"], "expected": ["2022年，中山西路街道"]},
    {"id": "numbers-kept", "input": ["处置率97.34%,共1.6万件,2022.5.20完成"], "expected": ["处置率97.34%，共1.6万件，2022.5.20完成"]},
    {"id": "enumerator", "input": ["(一)疫情防控"], "expected": ["（一）疫情防控"]},
    {"id": "time-kept", "input": ["时间:2019/5/22 9:50:25"], "expected": ["时间：2019/5/22 9:50:25"]},
    {"id": "latin-kept", "input": ["Hello, world! (ok)"], "expected": ["Hello, world! (ok)"]},
]


@cases(PUNCT)
def test_punctuation(case):
    assert run("punctuation", case["input"])[1] == case["expected"]


def test_duplicates_exact_removed_and_near_flagged():
    para = ("中山西路街道党工委继续在“红色商圈”城市基层党建上下功夫，依托30家党组织，破除条块分割，"
            "打破壁垒限制，跨领域开展党组织联建共建，举办党建联建活动30余场。")
    near = para.replace("30余场", "20余场").replace("依托30家", "依托31家")
    doc, out, changes = run("duplicates", [para, para, near])
    assert out == [para, near]
    assert [c.action for c in changes] == ["removed", "review"]
    assert "line 1" in changes[0].text and changes[1].line == 3


OUTLINE = [
    {"id": "levels", "input": ["一、尽职履责", "（一）疫情防控", "1、快速行动", "正文。", "（1）加强领导", "正文。"],
     "expected": ["## 一、尽职履责", "### （一）疫情防控", "#### 1、快速行动", "正文。", "##### （1）加强领导", "正文。"]},
    {"id": "heading-sentence-split", "input": ["（一）张弛有度，保证基础工作平稳发展。一是扎实推进党代表工作，成效明显。"],
     "expected": ["### （一）张弛有度，保证基础工作平稳发展", "一是扎实推进党代表工作，成效明显。"]},
    {"id": "list-item-with-count-not-heading", "input": ["（一）便民服务", "3、新接收企业退休人员12人", "正文。"],
     "expected": ["### （一）便民服务", "3、新接收企业退休人员12人", "正文。"]},
    {"id": "label-value-not-heading", "input": ["（一）重点项目", "三、国贸大厦建设项目：目前办理前期手续中。"],
     "expected": ["### （一）重点项目", "三、国贸大厦建设项目：目前办理前期手续中。"]},
    {"id": "unnumbered-subheading", "input": ["聚焦群众心上事让群众暖心", "正文。"], "expected": ["## 聚焦群众心上事让群众暖心", "正文。"]},
    {"id": "caption-not-heading", "input": ["图为志愿者走进小区", "正文。"], "expected": ["图为志愿者走进小区", "正文。"]},
    {"id": "decimal-not-numbering", "input": ["3.8妇女节活动顺利举办，共有200人参加。"], "expected": ["3.8妇女节活动顺利举办，共有200人参加。"]},
    {"id": "quote-ending-line-not-heading", "input": ["街道以“共建共享”", "为原则开展工作。"],
     "expected": ["街道以“共建共享”", "为原则开展工作。"]},
]


@cases(OUTLINE)
def test_outline(case):
    assert run("outline", case["input"])[1] == case["expected"]


def test_truncated_sentences_are_reported_not_completed():
    text = "整治过程中，对辖区出现的占道、占道经营、各类垃圾小广"
    doc, out, changes = run("truncated", [text, "完整的句子。"])
    assert out == [text, "完整的句子。"]
    assert [(c.action, c.line) for c in changes] == [("review", 1)]


def test_empty_sections_are_reported():
    doc = Document.from_lines(["2、广泛宣传", "3、网格联动", "正文。", "4、收尾"])
    STEPS["outline"].run(doc)
    changes = STEPS["empty_sections"].run(doc)
    assert [c.line for c in changes] == [1, 4]


PLACEHOLDERS = [
    {"id": "street", "input": ["XX街道在XX区委领导下"], "found": ["XX街道", "XX区委"]},
    {"id": "fullwidth-and-mou", "input": ["ＸＸ社区和某镇"], "found": ["ＸＸ社区", "某镇"]},
    {"id": "none", "input": ["灵山卫街道"], "found": []},
]


@cases(PLACEHOLDERS)
def test_placeholders_reported(case):
    doc, out, changes = run("placeholders", case["input"])
    assert out == case["input"]
    assert [c.text.split(" ", 1)[1] for c in changes] == case["found"]
