"""Boilerplate patterns: the data the cleaning steps use, kept in one place.

Add a pattern here (with a test case in tests/importer/test_steps.py) when a new site's
furniture slips through; the steps themselves stay unchanged.
"""
import re

from plugins.gazetteer import resolve

# Whole lines that are site furniture, never article text.
BOILERPLATE_LINES = [
    ("site-links", re.compile(r"^(?:[|｜/·\s]*(?:设为首页|加入收藏|联系我们|网站地图|返回首页|收藏本站|"
                              r"无障碍|繁体|简体|English|登录|注册)[|｜/·\s]*)+$")),
    ("breadcrumb", re.compile(r"^(?:当前位置[:：]?\s*)?(?:首页|主页|网站首页)?\s*(?:[>＞»›]\s*[^>＞»›]{1,12}\s*)+$")),
    ("breadcrumb", re.compile(r"^(?:当前位置[:：]?\s*)?(?:首页|主页|网站首页)\s*(?:[>＞»›].*)?$")),
    ("image-file", re.compile(r"^\S{1,120}\.(?:jpe?g|png|gif|bmp|webp|tiff?)$", re.I)),
    ("prev-next", re.compile(r"^(?:上一篇|下一篇|上一条|下一条)\s*[:：]?.*$")),
    ("editor", re.compile(r"^[\[【(（]?\s*(?:责任编辑|责编|编辑|审核|校对|值班编辑)\s*[:：].{0,20}[\]】)）]?$")),
    ("page-tools", re.compile(r"^(?:[【\[]?\s*(?:打印|关闭|打印本页|关闭窗口|字号|大|中|小|分享到|返回顶部|"
                              r"收藏|扫一扫|默认|纠错)\s*[】\]]?[\s|｜:：]*)+$")),
    ("footer", re.compile(r"(?:版权所有|Copyright|©|ICP备|ICP证|公网安备|网站标识码|技术支持[:：]|"
                          r"主办单位[:：]|承办单位[:：]|建议使用.{0,20}浏览器|分辨率)", re.I)),
    ("share", re.compile(r"^(?:分享到|分享)\s*[:：]?\s*(?:微信|微博|QQ|朋友圈|空间|\s|[|｜、,，])*$")),
    ("related", re.compile(r"^(?:相关(?:阅读|新闻|文章|链接)|延伸阅读|推荐阅读|热点推荐|猜你喜欢)\s*[:：]?$")),
]

# A meta line: 来源/点击/时间/发布部门... fields on one line. Their values go into front matter.
META_LABELS = {
    "来源": "source", "信息来源": "source", "稿件来源": "source", "文章来源": "source",
    "作者": "author", "记者": "author", "通讯员": "author",
    "时间": "date", "发布时间": "date", "发布日期": "date", "日期": "date", "更新时间": "date",
    "发文日期": "date", "成文日期": "date",
    "点击": "hits", "点击数": "hits", "点击率": "hits", "浏览": "hits", "浏览次数": "hits",
    "阅读": "hits", "阅读次数": "hits", "阅读量": "hits", "访问量": "hits",
    "发布部门": "publisher", "发布机构": "publisher", "发布单位": "publisher", "发文机关": "publisher",
    "责任编辑": "editor", "编辑": "editor", "字号": "tools",
}
_LABELS = "|".join(sorted(map(re.escape, META_LABELS), key=len, reverse=True))
META_FIELD = re.compile(rf"({_LABELS})\s*[:：]")
# A line is a meta line when it starts with a label and every field in it is short.
META_LINE = re.compile(rf"^\s*(?:【|\[)?(?:{_LABELS})\s*[:：]")

# A line that is nothing but a date (and maybe a time): page furniture or a letterhead date.
BARE_DATE = re.compile(r"^\s*(?:发布)?(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
                       r"|\d{1,2}[./-]\d{1,2}[./-]\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")

# A reporter's byline closing the last paragraph: （李涛 徐梅） （王歌） (记者 张三).
# Chinese personal names are 2–4 Han characters.
TRAILING_BYLINE = re.compile(
    r"[（(]\s*(?:(?:记者|通讯员|文|图|文/图|编辑)\s*[:：/]?\s*)?"
    r"((?:[\u4e00-\u9fff]{2,4})(?:[ 、,，\u3000]+[\u4e00-\u9fff]{2,4}){0,3})\s*[）)]\s*$")
# A news dateline opening the text: 鲁网9月15日讯 (记者 杜方奇) — source, day, reporter.
DATELINE = re.compile(
    r"^(?P<source>[\u4e00-\u9fffA-Za-z]{2,12}?)(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日(?:电|讯)"
    r"\s*(?:[（(]\s*(?:记者|通讯员)\s*(?P<author>[\u4e00-\u9fff]{2,4}(?:[ 、,，]+[\u4e00-\u9fff]{2,4})*)\s*[）)])?\s*")

# Pinyin glosses inserted after characters by converters: 魯網(wǎng) 社區(qū). Only syllables with
# a tone mark are glosses; (ktv) or (App) are text.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_SYLLABLE = rf"[a-zü]{{0,5}}[{_TONED}][a-zü]{{0,4}}"
PINYIN_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff])\((?:{PINYIN_SYLLABLE})\)")

# The same converters sometimes insert the gloss *between the two GBK bytes* of a character;
# the page was then decoded out of step, so the character is lost ("?" + gloss) and what follows
# is read one byte off until an ASCII byte realigns it. `?xì)` marks 氣 (GBK 9A E2: the gloss went
# after 9A, the "(" was eaten with it). SPLIT_GLOSSES maps that marker to the lost character's
# lead byte and the character itself; the run after it is re-decoded in step.
SPLIT_GLOSSES = {
    "?xì)": (0x9A, "氣"),
}
# Sequences the realignment cannot restore: the misaligned decoder dropped bytes (an invalid
# pair became "?" or vanished). Each was worked out from the GBK table where the bytes allow
# (飧脑旃こ蹋顿Y = E2|B8C4 D4EC B9A4 B3CC A3[AC CD dropped]B6 D959 → 改造工程，投資) and from the
# sentence otherwise (勞動人事爭議); a test checks each against the real document (seed 001).
# Anything else left by a split gloss is reported for review, never guessed.
DAMAGED_SEQUENCES = {
    "?xì)?、": "氣、",
    "?xì)鈱?shí)": "氣實(shí)",
    "?xì)飧脑旃こ蹋顿Y": "氣改造工程，投資",
    "?tīng)?zhēng)": "爭",
}

# Placeholders that anonymise a place (XX街道, ××区, 某镇): never places. One definition, in
# the resolver, so that what is reported here is exactly what it refuses to read as a place.
PLACEHOLDER = resolve.PLACEHOLDER

# Report outline numbering, from the top level down.
OUTLINE = [
    ("h2", re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")),
    ("h3", re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")),
    ("h4", re.compile(r"^\d{1,2}(?:、|[.．](?!\d))")),
    ("h5", re.compile(r"^[（(]\d{1,2}[）)]")),
]

# Final punctuation: a line ending otherwise is a heading, a lead-in or a cut-off sentence.
FINAL_PUNCTUATION = "。！？；：…!?;:）)】」』”’"
# Openers of a report (工作总结/报告/计划) versus news.
REPORT_TITLE = re.compile(r"工作(?:总结|报告|计划|要点|汇报)|述职报告|情况(?:汇报|报告|说明)"
                          r"|(?:总结|报告|汇报)$")
REPORT_PHRASE = re.compile(r"现将.{0,20}(?:汇报|报告|总结)如下|(?:工作)?总结如下|工作计划如下")
