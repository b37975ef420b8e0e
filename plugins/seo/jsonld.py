"""JSON-LD (schema.org NewsArticle / Report) and plain-text descriptions for articles."""
from __future__ import annotations

import html
import json
import re

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_TYPES = {"report": "Report", "news": "NewsArticle"}


def plain_text(value, length: int = 0) -> str:
    """HTML → one line of text, cut at `length` characters with an ellipsis."""
    text = _SPACE.sub(" ", html.unescape(_TAG.sub(" ", str(value or "")))).strip()
    if length and len(text) > length:
        text = text[: length - 1].rstrip() + "…"
    return text


def absolute(siteurl: str, url: str) -> str:
    return f"{siteurl}/{url}" if siteurl else f"/{url}"


def article_json_ld(article, siteurl: str = "", sitename: str = "") -> str:
    """The JSON-LD object as a string safe inside <script>: `<`, `>` and `&` are escaped as
    JSON unicode escapes, so document text can never close the script element."""
    data = {
        "@context": "https://schema.org",
        "@type": _TYPES.get(getattr(article, "kind", None) or "", "Article"),
        # Titles are plain text (Pelican does not render them as Markdown): keep them whole.
        "headline": str(article.title),
        "inLanguage": "zh-CN",
        "url": absolute(siteurl, article.url),
        "mainEntityOfPage": absolute(siteurl, article.url),
        "isPartOf": {"@type": "WebSite", "name": sitename, "url": siteurl or "/"},
    }
    if getattr(article, "date_iso", ""):
        data["datePublished"] = article.date_iso
    description = plain_text(getattr(article, "summary", ""), 200)
    if description:
        data["description"] = description
    publisher = getattr(article, "publisher", None)
    if publisher:
        data["publisher"] = {"@type": "Organization", "name": str(publisher)}
    author = getattr(article, "source_author", None)
    if author:
        data["author"] = {"@type": "Person", "name": str(author)}
    place = getattr(article, "place", None)
    if place is not None:
        data["contentLocation"] = {"@type": "Place", "name": place.full_name,
                                   "identifier": place.code}
    keywords = [t.name for t in getattr(article, "topic_pages", [])]
    keywords += [t.name for t in getattr(article, "tags", []) or []]
    if keywords:
        data["keywords"] = ", ".join(keywords)
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
