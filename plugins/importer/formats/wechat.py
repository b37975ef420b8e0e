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

from .. import patterns as P
from ..document import Change, Document, Para
from ..html import _collect

# China Standard Time: `ct` is a Unix time; the day it was published is the day in Beijing.
CST = timezone(timedelta(hours=8))

# WeChat furniture inside an article body: one list with the saved pages' (patterns.py), since a
# platform (澎湃号, 网易号) reposts an account's articles with their promos.
FURNITURE = P.ACCOUNT_FURNITURE


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
