"""WeChat official-account articles (公众号, mp.weixin.qq.com) saved as HTML → Document.

The page says everything itself: the body is `#js_content`, the title `#activity-name` (or
og:title), the account `#js_name` (or `var nickname`), the publish time the `var ct = "<unix
time>"` of its script (the visible `#publish_time` is often relative: 昨天, 3天前), the address
`var msg_link` (or og:url). WeChat's furniture around and inside the body (follow and QR-code
prompts, 阅读原文, 预览时标签不可点, 微信扫一扫, 在看 …) is removed and reported.
"""
from __future__ import annotations

import html
import re
from datetime import datetime, timedelta, timezone

from bs4 import BeautifulSoup

from ..document import Change, Document, Para
from ..html import _collect

# China Standard Time: `ct` is a Unix time; the day it was published is the day in Beijing.
CST = timezone(timedelta(hours=8))

# WeChat furniture inside an article body, as whole paragraphs (data, as trafilatura keeps its
# boilerplate expressions in one place). Matched against a paragraph with its spaces removed.
FURNITURE = [re.compile(p) for p in (
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
)]


def is_wechat(markup: str) -> bool:
    # Saved pages carry hundreds of kilobytes of style before the body: look at all of it.
    return 'id="js_content"' in markup and ("mp.weixin.qq.com" in markup or "rich_media" in markup)


def wechat_document(markup: str) -> Document:
    soup = BeautifulSoup(markup, "html.parser")
    meta: dict[str, str] = {}
    title = _text(soup.find(id="activity-name")) or _og(soup, "og:title")
    if title:
        meta["title"] = title
    account = _text(soup.find(id="js_name")) or _script_var(markup, "nickname")
    if account:
        meta["source_line"] = account
    author = _text(soup.find(id="js_author_name")) or _meta(soup, "author")
    if author and author != account:
        meta["author"] = author
    published = _published(markup)
    if published:
        meta["page_date"] = published
    address = _script_var(markup, "msg_link") or _og(soup, "og:url")
    if address.startswith(("http://", "https://")):
        meta["source_url"] = re.sub(r"#(?:rd|wechat_redirect)$", "", address)

    body = soup.find(id="js_content")
    paras: list[Para] = []
    if body is not None:
        for tag in body.find_all(["script", "style", "noscript"]):
            tag.decompose()
        _collect(body, paras)
    doc = Document([], meta=meta)
    for i, p in enumerate(paras, start=1):
        p.line = i
        squeezed = re.sub(r"\s+", "", p.text)
        if len(squeezed) <= 40 and any(rx.search(squeezed) for rx in FURNITURE):
            doc.changes.append(Change("wechat", "removed", f"WeChat furniture: {squeezed}", i))
        else:
            doc.paras.append(p)
    return doc


def _published(markup: str) -> str:
    """The publish time written into the page's script: `var ct = "1581517074"` (a Unix time),
    else a `publish_time` or `createTime` date string."""
    m = re.search(r"""\bvar\s+ct\s*=\s*["'](\d{9,11})["']""", markup)
    if m:
        return datetime.fromtimestamp(int(m.group(1)), CST).strftime("%Y-%m-%d %H:%M")
    m = re.search(r"""\b(?:publish_time|createTime)\s*=\s*["'](\d{4}-\d{1,2}-\d{1,2}(?: \d{1,2}:\d{2})?)["']""",
                  markup)
    return m.group(1) if m else ""


def _script_var(markup: str, name: str) -> str:
    m = re.search(rf"""\bvar\s+{name}\s*=\s*["']([^"']*)["']""", markup)
    return html.unescape(m.group(1)).strip() if m else ""


def _text(tag) -> str:
    return tag.get_text(" ", strip=True) if tag is not None else ""


def _og(soup, prop: str) -> str:
    tag = soup.find("meta", attrs={"property": prop})
    return tag.get("content", "").strip() if tag else ""


def _meta(soup, name: str) -> str:
    tag = soup.find("meta", attrs={"name": name})
    return tag.get("content", "").strip() if tag else ""
