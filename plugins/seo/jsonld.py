"""JSON-LD (schema.org NewsArticle / Report) for article pages, from the article's record."""
from __future__ import annotations

import json

from plugins.article_meta.record import record_of
from plugins.article_meta.textview import plain_text

_TYPES = {"report": "Report", "news": "NewsArticle"}


def absolute(siteurl: str, url: str) -> str:
    return f"{siteurl}/{url}" if siteurl else f"/{url}"


def article_json_ld(article, siteurl: str = "", sitename: str = "") -> str:
    """The JSON-LD object as a string safe inside <script>: `<`, `>` and `&` are escaped as
    JSON unicode escapes, so document text can never close the script element."""
    record = record_of(article)
    data = {
        "@context": "https://schema.org",
        "@type": _TYPES.get(record.kind, "Article"),
        # Titles are plain text (Pelican does not render them as Markdown): keep them whole.
        "headline": str(article.title),
        "inLanguage": "zh-CN",
        "url": absolute(siteurl, article.url),
        "mainEntityOfPage": absolute(siteurl, article.url),
        "isPartOf": {"@type": "WebSite", "name": sitename, "url": siteurl or "/"},
    }
    if record.date.known:
        data["datePublished"] = record.date.iso
    description = plain_text(str(article.summary or ""), 200)
    if description:
        data["description"] = description
    if record.publisher:
        data["publisher"] = {"@type": "Organization", "name": record.publisher}
    if record.author:
        data["author"] = {"@type": "Person", "name": record.author}
    if record.place is not None:
        data["contentLocation"] = {"@type": "Place", "name": record.place_full_name,
                                   "identifier": record.place.code}
    keywords = [t.name for t in record.topics] + record.tags
    if keywords:
        data["keywords"] = ", ".join(keywords)
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
