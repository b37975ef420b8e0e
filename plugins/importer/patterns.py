"""Boilerplate patterns: the data the cleaning steps use, kept in one place.

Add a pattern here (with a test case in tests/importer/test_steps.py) when a new site's
furniture slips through; the steps themselves stay unchanged.
"""
import re

from plugins.gazetteer import resolve

# Whole lines that are site furniture, never article text. Kinds searched anywhere in a line
# (FURNITURE_ANYWHERE) only count on short lines: a paragraph may mention 版权所有.
BOILERPLATE_LINES = [
    ("site-links", re.compile(r"^(?:[|｜/·\s]*(?:设为首页|加入收藏|联系我们|网站地图|返回首页|收藏本站|"
                              r"无障碍|繁体|简体|English|登录|注册|导航菜单|网站导航|目录|联络我们)[|｜/·\s]*)+$")),
    ("breadcrumb", re.compile(r"^(?:当前位置[:：]?\s*)?(?:首页|主页|网站首页)?\s*(?:[>＞»›]{1,2}\s*[^>＞»›]{1,12}\s*)+$")),
    ("breadcrumb", re.compile(r"^(?:当前位置[:：]?\s*)?(?:首页|主页|网站首页)\s*(?:[>＞»›].*)?$")),
    # XX网 > 新闻中心 > 正文, 您现在的位置: 首页 > 专题 > …: short segments joined by >.
    ("breadcrumb", re.compile(r"^(?:(?:当前位置|您的位置|您现在的位置|所在位置)\s*[:：]?\s*)?"
                              r"[^>＞»›。，！？]{1,24}(?:\s*[>＞»›]{1,2}\s*[^>＞»›。，！？]{0,16}){1,8}$")),
    ("breadcrumb", re.compile(r"^(?:当前位置|您的位置|您现在的位置|所在位置)\s*[:：]?$")),
    ("image-file", re.compile(r"^\S{1,120}\.(?:jpe?g|png|gif|bmp|webp|tiff?)$", re.I)),
    ("prev-next", re.compile(r"^(?:上一篇|下一篇|上一条|下一条)\s*[:：]?.*$")),
    # 责任编辑：龙慧, 责编|陈梦莹 (a WeChat account's credits use a bar).
    ("editor", re.compile(r"^[\[【(（]?\s*(?:责任编辑|责编|编辑|审核|校对|值班编辑)\s*[:：|｜].{0,20}[\]】)）]?$")),
    # A row of page tools: 【打印】【关闭】, 打印 字体：放大 正常 缩小, a font-size chooser read as
    # lines (字号 / 超大 / 大 / 标准 / 小), a read-aloud button (朗读).
    ("page-tools", re.compile(r"^(?:[【\[]?\s*(?:打印|关闭|打印本页|关闭窗口|字号|字体|大|中|小|超大|标准|正常|放大|"
                              r"缩小|朗读|分享到|返回顶部|收藏|推荐|扫一扫|默认|纠错|Top)\s*[】\]]?[\s|｜:：]*)+$", re.I)),
    # The government CMS's QR prompt under the text (山西, 巴彦淖尔, 吉林 sites).
    ("page-tools", re.compile(r"^扫一扫在手机(?:上)?打开当前页面?$")),
    # 大字体 小字体 扫码带走; [字体: ] 打印; 字号:A- A+; 放大 缩小 默认; [收藏] [推荐][字号: ] [打印] [关闭].
    ("font-bar", re.compile(r"大字体|小字体|扫码带走|^[\[【]?\s*字[体号]\s*[:：]|字号\s*[:：]\s*[\]】]|"
                            r"字号\s*[:：]\s*A|^放大\s*缩小")),
    ("footer", re.compile(r"(?:版权所有|版权声明|Copyright|©|ICP备|ICP证|公网安备|网站标识码|技术支持[:：]|"
                          r"主办单位[:：]|承办单位[:：]|建议使用.{0,20}浏览器|分辨率|网站简介|联系方法|招聘信息|"
                          r"Produced By|不良信息举报|免责声明|仅代表\S{0,8}(?:观点|立场)|不代表\S{0,10}(?:观点|立场))", re.I)),
    # A line opening with the copyright notice is a footer however long it is.
    ("copyright", re.compile(r"^(?:版权声明|版权所有|Copyright|©|\(c\))", re.I)),
    # A line of nothing but marks: what a layout leaves (| , ? , -).
    ("stray-marks", re.compile(r"^[^\w\u3400-\u9fff]{1,5}$")),
    ("share", re.compile(r"^(?:分享到|分享)\s*[:：]?\s*(?:微信|微博|QQ|朋友圈|空间|\s|[|｜、,，\-—])*$")),
    ("share", re.compile(r"^(?:微信公众号|官方微博|官方微信|扫码关注|手机版|客户端下载)$")),
    ("comment", re.compile(r"^(?:我要评论|发表评论|网友评论|我要爆料|评论\s*[:：]\s*\d*)")),
    ("related", re.compile(r"^(?:相关(?:阅读|新闻|文章|链接|信息|词条|搜索|推荐)|延伸阅读|推荐阅读|热点推荐|"
                           r"猜你喜欢|热门词条|热门推荐)\S{0,8}\s*[:：]?$")),
    # E-paper chrome: 第07版:丰台·社区, 上一版 3 4 下一版, 标题导航, 上一期 下一期, 返回主页.
    ("e-paper", re.compile(r"^第\s*[A-Z]?\d{1,3}\s*版|上一版|下一版|^标题导航$|上一期\s*下一期|返回主页|"
                           r"^\d?\s*上一篇\s*下一篇\s*\d?$")),
    # Document-sharing sites: 说明:文章内容仅供预览…, 文档下载.
    ("doc-site", re.compile(r"文章内容仅供预览|下载之前请确认|^(?:最新文章|文档下载)$")),
    # Gambling spam injected into re-hosted pages (365bet娱乐在线, 加拿大28正规官网).
    ("spam", re.compile(r"\d{3}bet|bet\d{3}|娱乐在线|开奖|博彩|彩票|百家乐|时时彩|加拿大28|正规官网", re.I)),
    ("hotline", re.compile(r"^(?:新闻|服务|举报|投稿)?热线\s*[:：]\s*[\d\-－—()（） ]{6,}$")),
    ("page-label", re.compile(r"^(?:详细内容|内容详情|文章详情|新闻详情|正文|阅读全文|第\d{1,3}篇)$")),
    ("page-number", re.compile(r"^\d{1,3}$")),
    # A government site's notice before an outside link, and its two buttons:
    # 您访问的链接即将离开“川岛镇人民政府”门户网站 是否继续? / 继续访问放弃.
    ("leave-notice", re.compile(r"^您访问的链接即将离开.{0,40}网站|^继续访问\s*放弃$")),
    # A dialog's close button (X) left above the text.
    ("close-button", re.compile(r"^[XxＸ×✕✖]$")),
    # A menu: five or more short words in a row (新闻 社区 房产 汽车 财经 …).
    ("menu", re.compile(r"^(?:[\u4e00-\u9fff]{2,4}[ \t]+){4,}[\u4e00-\u9fff]{2,4}$")),
    # What is left of a media element: alt text and placeholders.
    ("placeholder", re.compile(r"^(?:logo|图片|视频|视频链接|图集|img|image|video)$", re.I)),
]
# A WeChat account's furniture inside an article body, as whole paragraphs: its follow and QR
# prompts, 阅读原文, 在看, and the reply-keyword menu (1、回复【社保】查询…) that platforms (澎湃号) keep
# when they repost the account's articles. Matched against a short paragraph with its spaces removed.
ACCOUNT_FURNITURE_MAX = 40
ACCOUNT_FURNITURE = [re.compile(p) for p in (
    r"^(?:点击|戳|轻触)?(?:上方|下方|上面|下面)?(?:蓝字|蓝色字|“[^”]{1,12}”)?(?:一键)?关注(?:我们|公众号|我)?[!！~～]*$",
    r"^(?:点击|戳)(?:上方|下方)?蓝字.{0,12}$",
    r"^(?:长按|扫描|扫码|识别).{0,8}(?:二维码|关注).{0,12}$",
    r"(?:二维码|扫一扫).{0,6}关注",
    r"^(?:点击|轻触)?(?:下方|左下角)?“?阅读原文”?(?:[,，]?(?:查看|了解|获取|进入|即可).{0,16})?$",
    r"^预览时标签不可点$",
    r"^微信扫一扫.{0,12}$",
    r"^(?:点个|点亮|分享|点赞|在看|收藏|转发)[、，,\s“”在看点赞分享收藏转发个]*(?:[!！~～]*|吧[!！]*)$",
    r"^(?:↓+|↑+|▼+|▲+|END|THE END|-+\s*END\s*-+|—+\s*END\s*—+)$",
    r"^(?:往期(?:推荐|回顾|精彩)|推荐阅读|精彩推荐|相关阅读)[:：]?$",
    r"^继续滑动看下一个$|^向上滑动看下一个$",
    r"^\d{0,2}[、.．]?回复【[^】]{1,10}】.{0,16}$",
    r"^点击(?:底部)?菜单栏.{0,20}$",
    r"点【在看】|点“在看”",
)]

# Kinds whose pattern may match inside a line (the others match whole lines).
FURNITURE_ANYWHERE = {"footer", "font-bar", "spam", "doc-site", "e-paper", "leave-notice"}
FURNITURE_MAX_LEN = 80
# Kinds that are furniture only above or below the article's text, not between its paragraphs.
FURNITURE_OUTSIDE_TEXT = {"menu", "page-number", "stray-marks", "close-button"}

# A meta line: 来源/点击/时间/发布部门... fields on one line. Their values go into front matter.
META_LABELS = {
    "来源": "source", "信息来源": "source", "稿件来源": "source", "文章来源": "source",
    "本文来源": "source", "来源于": "source",
    "作者": "author", "记者": "author", "通讯员": "author",
    "时间": "date", "发布时间": "date", "发布日期": "date", "日期": "date", "更新时间": "date",
    "发稿时间": "date", "发表时间": "date",
    # When a document was signed, not when the page published it (成文日期 2022年01月27日,
    # 发布日期 2022年01月28日): used only when the page states no date of its own.
    "发文日期": "written", "成文日期": "written",
    "点击": "hits", "点击数": "hits", "点击率": "hits", "浏览": "hits", "浏览次数": "hits",
    "阅读": "hits", "阅读次数": "hits", "阅读量": "hits", "访问量": "hits", "浏览量": "hits",
    "评论": "comments", "评论数": "comments",
    "发布部门": "publisher", "发布机构": "publisher", "发布单位": "publisher", "发文机关": "publisher",
    "发文机构": "publisher",
    "责任编辑": "editor", "编辑": "editor", "字号": "tools", "网站": "site",
    # Government disclosure tables (索引号 | 发布机构 | … | 发布时间 | …).
    "索引号": "index", "公开类别": "category", "主题分类": "category", "文号": "index",
    "分类": "category", "发文字号": "index", "标题": "headline",
    "组配分类": "category", "体裁分类": "category", "信息分类": "category", "公开方式": "category",
    "公开范围": "category", "公开形式": "category", "公开时限": "category", "有效性": "category",
    "生成日期": "written", "名称": "headline",
}
_LABELS = "|".join(sorted(map(re.escape, META_LABELS), key=len, reverse=True))
META_FIELD = re.compile(rf"({_LABELS})\s*[:：]")
# A line is a meta line when it starts with a label and every field in it is short.
META_LINE = re.compile(rf"^\s*(?:【|\[)?(?:{_LABELS})\s*[:：]")
# Toolbar words trailing a meta value (来源:小街街道办事处 打印).
META_VALUE_TOOLS = re.compile(r"(?:\s+[\[【]?(?:打印|关闭|收藏|分享|纠错|[大中小])[\]】]?)+\s*$")
META_LABEL_CELL = re.compile(rf"^(?:{_LABELS})\s*[:：]?$")
# A label alone on its line, its value on the next (a disclosure table read cell by cell:
# 索 引 号： / 11220000013544357T/2022-00426; 发布日期： / 2019-03-06). Labels are spaced out to
# fill a column (索 引 号, 分 类, 标 题).
_SPACED_LABELS = "|".join(r"\s*".join(map(re.escape, label))
                          for label in sorted(META_LABELS, key=len, reverse=True))
LABEL_LINE = re.compile(rf"^\s*(?:{_SPACED_LABELS})\s*[:：]\s*$")
LABEL_VALUE_MAX = 80      # a longer line under a label is text, not the label's value
# Bullets in front of meta lines (• 发布日期:2022-02-01).
META_BULLET = re.compile(r"^[•·●▪◆■\-*]\s*")

DATE_TEXT = (r"(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\.\d{1,2}\.\d{4})")
TIME_TEXT = r"\d{1,2}:\d{2}(?::\d{2})?"
WEEKDAY = r"(?:星期[一二三四五六日天]|周[一二三四五六日]|[一二三四五六日])"
# A line that is nothing but a date (and maybe a time): page furniture or a letterhead date.
BARE_DATE = re.compile(rf"^\s*(?:发布)?(?:\d{{4}}\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}\s*日?"
                       rf"|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{4}})(?:\s+{TIME_TEXT})?\s*$")
# A line that starts with the page date: `2020-06-24 15:35:16来源:…`, `2022年01月18日来源:1`,
# `2018-04-13 13:29:09 | 来源:…`, `2020年01月23日 星期四 出版`. What follows must be meta.
DATE_FIRST = re.compile(rf"^\s*(?P<date>{DATE_TEXT})\s*(?P<time>{TIME_TEXT})?\s*(?:{WEEKDAY}\s*)?"
                        r"(?P<rest>.*)$")
DATE_FIRST_REST = re.compile(rf"^(?:$|[|｜]|出版|(?:{_LABELS})\s*[:：])")
# `某某日报 2025-09-10 10:55`: a medium's name and the date, under the headline.
MEDIA_SUFFIX = r"(?:日报|晚报|早报|时报|报|网|电视台|广播电台|台|社|刊|客户端|发布|新闻|在线|频道|融媒)"
SOURCE_DATE = re.compile(rf"^\s*(?P<source>[\u4e00-\u9fffA-Za-z]{{2,16}}{MEDIA_SUFFIX})\s*"
                         rf"(?P<date>{DATE_TEXT})\s*(?:{TIME_TEXT})?\s*$")
# A paragraph opening with the page's date and time glued to its text:
# `2016年03月05日 00:01每日新报记者 郭晓莹 日前,天津…`, or with a labelled date
# (`时间:2020-01-15不负韶华,只争朝夕。…`: the page's text run together).
_DATE_LABELS = "|".join(sorted((re.escape(k) for k, v in META_LABELS.items() if v == "date"),
                               key=len, reverse=True))
LEADING_TIMESTAMP = re.compile(rf"^\s*(?:(?:{_DATE_LABELS})\s*[:：]\s*(?P<labelled>{DATE_TEXT}"
                               rf"(?:\s*{TIME_TEXT})?)|(?P<stamp>{DATE_TEXT}\s*{TIME_TEXT}))\s*(?=\S)")
# A date written after the headline on its line: `南昌社区党群服务中心揭牌启用 2025年04月10日`.
TRAILING_DATE = re.compile(rf"\s+(?P<date>{DATE_TEXT})\s*(?:{TIME_TEXT})?\s*$")
# A footer line carrying the page's timestamp (e-paper metadata: `1176924 2020-07-31 00:00:00 五 …`).
FOOTER_TIMESTAMP = re.compile(rf"{DATE_TEXT}\s+{TIME_TEXT}")
# An author value that is names (本报通讯员 谢文鑫 本报记者 刘凤双), not a stray field.
_ROLE = r"(?:(?:本报|本台|本网)?(?:特约)?(?:记者|通讯员|实习生|编辑)\s*)"
AUTHOR_NAMES = re.compile(rf"^{_ROLE}?[\u4e00-\u9fff]{{2,4}}(?:[ 、,，]+{_ROLE}?[\u4e00-\u9fff]{{2,4}}){{0,4}}$")
AUTHOR_ROLE = re.compile(_ROLE)

# A reporter's byline closing the last paragraph: （李涛 徐梅） （王歌） (记者 张三).
# Chinese personal names are 2–4 Han characters.
TRAILING_BYLINE = re.compile(
    r"[（(]\s*(?:(?:记者|通讯员|文|图|文/图|编辑)\s*[:：/]?\s*)?"
    r"((?:[\u4e00-\u9fff]{2,4})(?:[ 、,，\u3000]+[\u4e00-\u9fff]{2,4}){0,3})\s*[）)]\s*$")
# A news dateline opening the text: 鲁网9月15日讯 (记者 杜方奇) — source, day, reporter.
DATELINE = re.compile(
    r"^(?P<source>[\u4e00-\u9fffA-Za-z]{2,12}?)(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日(?:电|讯)"
    r"\s*(?:[（(]\s*(?:记者|通讯员)\s*(?P<author>[\u4e00-\u9fff]{2,4}(?:[ 、,，]+[\u4e00-\u9fff]{2,4})*)\s*[）)])?\s*")

# `长乐新闻网讯 1月11日，记者获悉…`: the medium, 讯, then the day that opens the sentence.
DATELINE_AFTER = re.compile(r"^(?P<source>[\u4e00-\u9fffA-Za-z]{2,12}?)讯\s*(?=(?P<month>\d{1,2})月(?P<day>\d{1,2})日)")
# Wire services whose datelines name a place after the agency (中新网呼和浩特9月6日电).
AGENCIES = ("新华社", "中新网", "中新社", "人民网", "央视网", "央广网", "国际在线", "光明网", "中国网")
# `每日新报记者 郭晓莹 日前，…`: a medium's reporter opening the first paragraph.
BYLINE_OPENING = re.compile(r"^(?P<source>[\u4e00-\u9fff]{2,10}?)(?:记者|通讯员)\s*(?P<author>[\u4e00-\u9fff]{2,4})\s+(?=\S)")

# Symbols spam sites sprinkle inside words to defeat filters (青海∏省, 石榴♂籽, 社@區, 跑跳●、);
# removed between Han characters only when a document has at least JUNK_SYMBOLS_MIN of them.
# Circled numbers (①), CJK brackets and ASCII marks (*会议* may be Markdown the text shows) are text.
JUNK_SYMBOL = (r"[\u0370-\u03ff\u2190-\u21ff\u2200-\u22ff\u2500-\u259f\u25a0-\u25ff\u2600-\u26ff"
               r"\u5350\ufe30-\ufe4f@]")
JUNK_SYMBOLS_MIN = 3

# A site's watermark glued to the end of paragraphs (…现将全年工作总结如下。EiW乡村百科--为乡村振兴助力):
# the same ending on WATERMARK_MIN_REPEATS paragraphs or more, looking like a site's name.
WATERMARK_HINT = re.compile(r"[A-Za-z]{2}|网|百科|网站|www|\.com|\.cn|--")
WATERMARK_MIN_REPEATS = 3
WATERMARK_LENGTHS = range(6, 41)

# Pinyin glosses inserted after characters by converters: 魯網(wǎng) 社區(qū). Only syllables with
# a tone mark are glosses; (ktv) or (App) are text.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_SYLLABLE = rf"[a-zü]{{0,5}}[{_TONED}][a-zü]{{0,4}}"
PINYIN_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff])\((?:{PINYIN_SYLLABLE})\)")

# Some converters write glosses without tones and with a space after them: 決(jue) 定,
# 東(dong) 城區. Read as glosses only where a document has TONELESS_GLOSSES_MIN of them and the
# word is a pinyin syllable (an initial, vowels, an optional n/ng/r): 以及(ktv)场所 is text.
_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
TONELESS_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff])\({_INITIAL}[aeiouv]{{1,3}}(?:ng|n|r)?\) ?"
                            r"(?=[\u3400-\u9fff\uf900-\ufaff\d“《])")
TONELESS_GLOSSES_MIN = 3

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

# --- headlines ---------------------------------------------------------------------------------
# A site column in front of the headline: 焦点讯息:, 要闻|, 第1篇 (a page of several articles).
COLUMN_PREFIX = re.compile(r"^(?:(?:焦点|今日|最新|热点|图片|视频|每日|本地)?(?:讯息|资讯|要闻|动态|快讯|新闻|头条|"
                           r"聚焦|关注|播报)\s*[:：|｜丨]\s*|第\d{1,3}篇\s+)")
# A page title's site name after its headline, kept when the page was saved as text:
# `…文艺汇演-凯发k8官方旗舰厅`, `…的通知_某某区人民政府`, `… | 某某门户网站`.
SITE_SUFFIX = re.compile(r"\s*(?:[-_|｜]|\s[-–]\s)\s*[^-_|｜\s，。,、]{2,14}"
                         r"(?:网|网站|官网|门户|频道|首页|平台|在线|客户端|人民政府|旗舰厅)\s*$")
# A headline a page cut to length: `…胜利召开 ...` (set apart by a space: 故事…… is the
# writer's own).
CUT_SHORT = re.compile(r"\s+(?:\.{2,}|…+)$")
# Labels in front of a repeated headline: 副标题:, 标题:.
HEADLINE_LABEL = re.compile(r"^(?:副标题|标题|题目|主题)\s*[:：]\s*")
# A series banner before the headline, cut at 丨 / ｜: 奋斗百年路 启航新征程·学党史…丨吉林长春….
SERIES_SEPARATOR = re.compile(r"\s*[丨｜]\s*")
# An ASCII bar cuts a series or column name off too (图说洛阳| …, 书记市长这一周 | …), but only a
# short one before a longer headline: after the headline it is a site's name (标题 | 站名).
SERIES_BAR = re.compile(r"^(?P<series>[^|]{2,10}?)\s*\|\s*(?P<headline>[^|]{6,})$")
# Column tags in front of a headline: 【初心合伙人】, [贵州省爱卫办主任]. A tag the headline's text
# continues (`[怡园街道]及寨北社区…`) is part of it.
LEADING_TAG = re.compile(r"^\s*[【\[]([^】\]]{1,20})[】\]]\s*")
TAG_CONTINUES = re.compile(r"^[及和与、暨]")
# A wire story's headline in its dateline: 新华社长春8月19日电 题:…
DATELINE_TITLE = re.compile(r"^(?P<dateline>[^。，,！？]{2,30}?\d{1,2}月\d{1,2}日(?:电|讯))\s*[题題]\s*[:：]\s*"
                            r"(?P<title>.{4,80})$")
# Lines near the headline that are not it.
CAPTION = re.compile(r"^(?:[▲△◀▶►▼]|图为|图片[:：]|图[:：/]|摄影|供图|视频[:：])|(?:摄|供图)$")
BYLINE_LINE = re.compile(r"^(?:[\u4e00-\u9fff]{0,8}(?:社|网|报|台))?\s*(?:(?:记者|通讯员|作者)\s*[:：/]?|(?:文|图)\s*[:：/ ])\s*"
                         r"[\u4e00-\u9fff]{2,4}(?:[ 、，,]+[\u4e00-\u9fff]{2,4}){0,4}(?:\s*(?:文/图|图/文|摄))?$")
SUBTITLE = re.compile(r"^(?:——|--|－－|—)")
# A line that is only the name of the issuing body (迎宾路街道办事处), under or above the headline.
PUBLISHER_LINE = re.compile(r"^[\u4e00-\u9fff]{2,30}(?:办事处|人民政府|政府|委员会|党委|党工委|党支部|支部委员会|"
                            r"居委会|村委会|街道|局|中心)$")

# Report outline numbering, from the top level down.
OUTLINE = [
    ("h2", re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")),
    ("h3", re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")),
    ("h4", re.compile(r"^\d{1,2}(?:、|[.．](?!\d))")),
    ("h5", re.compile(r"^[（(]\d{1,2}[）)]")),
]

# A comma doubled or put before another mark by a converter (黄江镇，，大会; 副书记，、镇长).
DOUBLED_MARK = re.compile(r"，+(?=[，、。？！；：])")
# Unnumbered short lines in a run this long are a list (names, captions), not subheadings.
LIST_RUN = 3

# Final punctuation: a line ending otherwise is a heading, a lead-in or a cut-off sentence.
FINAL_PUNCTUATION = "。！？；：…!?;:）)】」』”’"
# Openers of a report (工作总结/报告/计划) versus news.
REPORT_TITLE = re.compile(r"工作(?:总结|报告|计划|要点|汇报|安排)|述职报告|情况(?:汇报|报告|说明)|年度报告"
                          r"|(?:总结|报告|汇报)$")
REPORT_PHRASE = re.compile(r"现将.{0,20}(?:汇报|报告|总结)如下|(?:工作)?总结如下|工作计划如下")
# A profile of a place (a wiki or yearbook entry): its title is the name alone, its text says
# where it lies and how big it is.
PROFILE_TITLE = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:社区|村|街道|镇|乡|居委会|村委会)$")
PROFILE_PHRASE = re.compile(r"地处|位于|辖区面积|占地面积|总面积|现有居民|常住人口|总人口|下辖|辖\d+个")
# A text opening with a whole year's review (2020年，海秀街以…): a yearbook entry or summary.
YEAR_REVIEW_OPENING = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*年度?\s*[，,]")
