"""Saved pages (plugins/importer/html.py): the headline the page's own title confirms, the date
and source beside it, the article box whatever its class says. Tables of real titles and lines
from the saved pages of tests/data/devset-html (the dNNN each case names), and whole pages."""
import json
from pathlib import Path

import pytest

from plugins.importer.decode import decode
from plugins.importer.html import HEAD_WINDOW, _headline_above_meta, head_meta, html_document, page_headline

DEVSET_HTML = Path(__file__).resolve().parents[2] / "tests" / "data" / "devset-html"

HEADLINES = [
    # The <title> adds the site, its column or the publishing unit after a separator.
    {"id": "d051-unit-and-site-after-a-space-and-underscore",
     "meta": {"html_title": "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作 东区办事处_中山网"},
     "lines": ["东区新闻", "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作", "来源于：", "东区办事处"],
     "expected": "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作"},
    {"id": "d053-double-dash-site",
     "meta": {"html_title": "常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动--当代商报"},
     "headings": ["常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动"], "lines": ["首页", "要闻"],
     "expected": "常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动"},
    {"id": "d072-dash-site-and-the-whole-title-in-a-share-box",
     "meta": {"html_title": "武汉的声音：有英勇的你，才有英雄的城！-新华网"},
     "lines": ["武汉的声音：有英勇的你，才有英雄的城！", "2020-02-19 20:29:58", "“妈妈，为什么还不能出去？”",
               "武汉的声音：有英勇的你，才有英雄的城！-新华网"],
     "expected": "武汉的声音：有英勇的你，才有英雄的城！"},
    # A logo's <h1> names the site; the headline is an <h2> the <title> confirms.
    {"id": "d063-site-name-h1", "meta": {"html_title": "土豆不“土” 土豆无“土” 松花江网"},
     "headings": ["松花江网", "土豆不“土” 土豆无“土”"], "lines": ["松花江网", "土豆不“土” 土豆无“土”", "2022-02-13 09:57"],
     "expected": "土豆不“土” 土豆无“土”"},
    # A deck in the same <h1> (a table of headline and subtitle) is not in the <title>.
    {"id": "d061-deck-glued-in-the-h1", "meta": {"html_title": "拿起跨界“指挥棒”她跟学生“较着劲儿”成长--大河网"},
     "headings": ["拿起跨界“指挥棒”她跟学生“较着劲儿”成长 年过五十的她带领学校民乐团的孩子们一路快乐前行，在比赛中拿下不俗的成绩"],
     "lines": ["拿起跨界“指挥棒”她跟学生“较着劲儿”成长", "年过五十的她带领学校民乐团的孩子们一路快乐前行，在比赛中拿下不俗的成绩"],
     "expected": "拿起跨界“指挥棒”她跟学生“较着劲儿”成长"},
    # A subtitle line under the headline, in the <title> too, is not (d054's is not in it).
    {"id": "d054-subtitle-not-in-the-title", "meta": {"article_title": "山西品牌丝路行（南美站）正式启动",
                                                      "html_title": "山西品牌丝路行（南美站）正式启动 - 山西省人民政府门户网站"},
     "headings": ["山西品牌丝路行（南美站）正式启动"],
     "lines": ["山西品牌丝路行（南美站）正式启动", "成功举办中国（山西）－巴西双向经贸投资推介会", "时间："],
     "expected": "山西品牌丝路行（南美站）正式启动"},
    {"id": "d060-dash-subtitle-in-the-title-and-markup-in-its-meta",
     "meta": {"article_title": "为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕",
              "html_title": "为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕_巴彦淖尔市人民政府网"},
     "lines": ["政务动态", "为现代化巴彦淖尔建设凝聚强大智慧和力量", "——热烈祝贺市政协五届一次会议开幕",
               "巴彦淖尔市政府门户网站 www.bynr.gov.cn", "2022-02-11 09:52"],
     "expected": "为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕"},
    # A series banner before a bar: the whole line, which the title step cuts.
    {"id": "d069-series-banner-stays-for-the-title-step",
     "meta": {"html_title": "书记市长这一周 | 奋马扬鞭争春色，“虎”力全开向未来"},
     "lines": ["官博", "书记市长这一周 | 奋马扬鞭争春色，“虎”力全开向未来", "2022-02-13 20:04:17"],
     "expected": "书记市长这一周 | 奋马扬鞭争春色，“虎”力全开向未来"},
    # Spaces the <h1> shows and the ArticleTitle drops.
    {"id": "d067-spaced-h1", "meta": {"article_title": "内蒙古延续部分到期税收优惠政策助企纾困预计4年为纳税人减负180亿元"},
     "headings": ["内蒙古延续部分到期税收优惠政策助企纾困 预计4年为纳税人减负180亿元"],
     "lines": ["内蒙古延续部分到期税收优惠政策助企纾困", "预计4年为纳税人减负180亿元", "发布日期：2022-02-11 08:52"],
     "expected": "内蒙古延续部分到期税收优惠政策助企纾困 预计4年为纳税人减负180亿元"},
    # A cut headline completed from the page's 原标题.
    {"id": "d058-cut-headline-completed",
     "meta": {"html_title": "定了！广州南沙邮轮母港即将开通！地铁直达+无敌免..._政务_澎湃新闻-The Paper",
              "description": "本文原标题：《定了！广州南沙邮轮母港即将开通！地铁直达+无敌免税城......》 搭地铁去坐邮轮玩转东南亚！"},
     "headings": ["定了！广州南沙邮轮母港即将开通！地铁直达+无敌免..."],
     "lines": ["定了！广州南沙邮轮母港即将开通！地铁直达+无敌免...", "2019-08-13 14:07来源：澎湃新闻·澎湃号·政务"],
     "expected": "定了！广州南沙邮轮母港即将开通！地铁直达+无敌免税城"},
    # Nothing on the page confirms the title: the caller keeps its <h1> or the title step reads.
    {"id": "d073-empty-title", "meta": {"html_title": ""}, "lines": ["北京市儿童(13-15岁)心理素质发展现状调查研究报告"],
     "expected": ""},
    {"id": "site-name-only-title", "meta": {"html_title": "山西省人民政府门户网站", "site_name": "山西省人民政府门户网站"},
     "lines": ["山西省人民政府门户网站", "首页"], "expected": ""},
    # Unlabelled pages of the Chinese Web Content Extraction Dataset (original/<uuid>.html).
    {"id": "d02c66a2-site-name-first", "meta": {"html_title": "Joel on Software - 给计算机系学生的建议"},
     "lines": ["Joel on Software", "给计算机系学生的建议", "译：Chen Bin"], "expected": "给计算机系学生的建议"},
    {"id": "c38e2b2d-blog-name-printed-as-the-header", "meta": {"html_title": "China-Pub blog--洞庭一叶"},
     "lines": ["China-Pub blog--洞庭一叶", "洞庭一叶", "陈天华《警世钟》"], "expected": ""},
    {"id": "c3a80850-a-title-of-one-digit", "meta": {"html_title": "1"}, "lines": ["1", "纯棉时代·感动书系简介"],
     "expected": ""},
    {"id": "fad52388-a-chapter-title", "meta": {"html_title": "二十三、感赞"}, "lines": ["二十三、感赞", "一、法官试验凡事谢恩"],
     "expected": "二十三、感赞"},
]


@pytest.mark.parametrize("case", HEADLINES, ids=[c["id"] for c in HEADLINES])
def test_page_headline(case):
    assert page_headline(case["meta"], case["lines"], case.get("headings", [])) == case["expected"]


HEAD_META = [
    # An e-paper's issue date and a link on its line, after the headline's second appearance.
    {"id": "d061-e-paper-issue-date", "headline": "拿起跨界“指挥棒”她跟学生“较着劲儿”成长",
     "lines": ["拿起跨界“指挥棒”她跟学生“较着劲儿”成长", "第A01版：头版", "第A02版：成长周刊", "第A03版：成长周刊",
               "第A04版：小记者训练营", "拿起跨界“指挥棒”她跟学生“较着劲儿”成长", "-----标题导航 END ------------",
               "2022年02月12日 查看旧版(2007年11月18号以前)"],
     "expected": {"date": "2022年02月12日"}},
    # A disclosure table read cell by cell: 发布日期, not 成文日期, and the 发文机关 line (a prefix
    # of the headline) is not the headline's line.
    {"id": "d068-publication-date-of-a-disclosure-table",
     "headline": "吉林省人民政府关于禁止在吉林省嫩江干流补充治理工程建设征占地范围内新增建设项目和迁入人口的通告",
     "lines": ["发文机关：", "吉林省人民政府", "成文日期：", "2022年01月27日", "标 题：",
               "吉林省人民政府关于禁止在吉林省嫩江干流补充治理工程建设征占地范围内新增建设项目和迁入人口的通告",
               "发文字号：", "吉政明电〔2022〕1号", "发布日期：", "2022年01月28日"],
     "expected": {"date": "2022年01月28日"}},
    {"id": "d051-source-under-the-headline", "headline": "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作",
     "lines": ["顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作", "来源于：", "东区办事处",
               "2019年2月27日下午，佛山顺德区大良街道党工委委员、街道经济和科技促进局局长潘卓辉…"],
     "expected": {"source": "东区办事处"}},
    {"id": "d062-dotted-date-and-source", "headline": "图说洛阳| 洛阳职业技术学院：剪“廉洁窗花” 过廉洁之年",
     "lines": ["图说洛阳| 洛阳职业技术学院：剪“廉洁窗花” 过廉洁之年", "2022.01.20 16:31", "来源：河南日报客户端"],
     "expected": {"date": "2022.01.20 16:31", "source": "河南日报客户端"}},
    # Further down is the article, not the page head.
    {"id": "date-far-below-is-not-read", "headline": "社区开展垃圾分类宣传活动",
     "lines": ["社区开展垃圾分类宣传活动", "甲。", "乙。", "丙。", "丁。", "2019-05-17"], "expected": {}},
]


@pytest.mark.parametrize("case", HEAD_META, ids=[c["id"] for c in HEAD_META])
def test_head_meta(case):
    assert head_meta(case["lines"], case["headline"]) == case["expected"]


def page(name: str):
    path = DEVSET_HTML / f"{name}.html"
    return html_document(decode(path, path.read_bytes())[0])


def test_an_article_box_with_a_furniture_class_is_kept():
    """d057: 凤凰网's article box is class js_img_share_area (share): dropping it by its class
    left only the related lists around it."""
    doc = page("d057")
    text = doc.text
    assert "在这一背景下，吉林省长春市做了不一样的尝试" in text and "它就是长春" in text
    assert "【深度】探路先行一一中国制造2025试点花落宁波" not in text


@pytest.mark.parametrize("name", ["d053", "d063", "d055", "d074"])
def test_the_headline_is_the_pages_own(name):
    """d053's <h1> stands in a <header>, d063's <h1> is the site's logo, d055's headline is an
    <h2> outside the article box, d074's head holds a byline under it."""
    label = json.loads((DEVSET_HTML / f"{name}.json").read_text(encoding="utf-8"))
    assert page(name).meta["title"] == label["title"]


def test_a_line_far_above_the_article_is_not_its_headline():
    """A page titled with the site's name alone, which its header prints too: the header line is
    no headline (it stands far above the article); headings are still read wherever they are."""
    menu = "".join(f"<div>栏目{i}</div>" for i in range(HEAD_WINDOW + 5))
    article = "<div class='content'>" + "<p>城东街道组织志愿者走进社区，为居民开展义诊服务。</p>" * 10 + "</div>"
    markup = f"<html><head><title>城东街道办事处</title></head><body><div>城东街道办事处</div>{menu}{article}</body></html>"
    assert "title" not in html_document(markup).meta
    with_heading = markup.replace("<div>城东街道办事处</div>", "<h1>城东街道办事处</h1>")
    assert html_document(with_heading).meta["title"] == "城东街道办事处"


ABOVE_META = [
    # GeneralNewsExtractor's tests/gsc/1.html (中国地理学会): the <title> names only the column
    # and the site (新闻动态--中国地理学会官网), the page head shows the headline over its date line.
    {"id": "gsc-headline-over-its-date-line",
     "lines": ["首页 - 新闻动态", "详细内容左侧开始", "2019年中国人文地理学术年会在重庆•西南大学成功举行！",
               "发布时间：2019-05-18 来源：中国地理学会", "5月10-12日，2019年中国人文地理学术年会在重庆·西南大学举行。"],
     "expected": "2019年中国人文地理学术年会在重庆•西南大学成功举行！"},
    {"id": "date-and-source-on-lines-of-their-own",
     "lines": ["社区开展垃圾分类宣传活动", "发布时间：2021-06-18", "来源：南湖街道", "6月18日，南湖街道开展宣传活动。"],
     "expected": "社区开展垃圾分类宣传活动"},
    {"id": "a-breadcrumb-over-the-date-is-no-headline",
     "lines": ["首页 > 新闻中心 > 正文", "发布时间：2021-06-18", "6月18日，南湖街道开展宣传活动。"], "expected": ""},
    {"id": "no-date-line-no-headline", "lines": ["社区开展垃圾分类宣传活动", "6月18日，南湖街道开展宣传活动。"],
     "expected": ""},
    {"id": "d02c66a2-a-translators-label-is-no-headline", "lines": ["译：Chen Bin", "发布时间：2005-01-02",
                                                                     "大学生们总是想知道该选什么课。"], "expected": ""},
]


@pytest.mark.parametrize("case", ABOVE_META, ids=[c["id"] for c in ABOVE_META])
def test_headline_above_the_page_heads_date_line(case):
    assert _headline_above_meta(case["lines"], len(case["lines"]) - 1) == case["expected"]


def test_readers_comments_are_never_the_article_box():
    """A blog post (Chinese Web Content Extraction Dataset, 54e89e4e…: 很高兴入住博客堂) whose 63
    comments outweigh it: the comments' box is not protected as the article, and the post's box
    is kept even when its class reads like furniture."""
    post = "<div class='js_img_share_area'>" + "<p>承蒙开心就好的邀请，很高兴入住博客堂，这里的博客将集中在两个方面。</p>" * 6 + "</div>"
    comments = "<div id='comments'>" + "<p>拜读了你翻译的书，很不错，期待下一本早日出版，我等看客有福了。</p>" * 20 + "</div>"
    doc = html_document(f"<html><body>{post}{comments}</body></html>")
    assert "很高兴入住博客堂" in doc.text and "我等看客有福了" not in doc.text
