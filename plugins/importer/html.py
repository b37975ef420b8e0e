"""Saved web pages → article paragraphs, with BeautifulSoup.

Page furniture (scripts, styles, navigation, headers/footers, comment boxes, share widgets,
related-article lists) is dropped; the element holding the most Chinese text is the article.
Paragraphs and headings are kept; the page's title, date and URL go into the metadata.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, CData, Comment, NavigableString, Tag

from .document import Document, Para

HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|p)\b",
                        re.I | re.S)
_DROP_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside",
              "form", "iframe", "svg", "button", "select", "input", "textarea", "object", "embed"]
# class/id words of page furniture (trafilatura keeps a similar list).
_FURNITURE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|header|footer|foot|"
    r"sidebar|side|aside|comments?|reply|share|sharing|social|bdshare|related|relate|recommend|"
    r"hot|rank|pager|pagination|prev|next|copyright|toolbar|tools|print|ads?|advert|banner|"
    r"login|search|subscribe|qrcode|erweima)(?:$|[-_\s\d])", re.I)
# Furniture named after the article it belongs to: article-footer, content_share, news-related.
_FURNITURE_OF_CONTENT = re.compile(
    r"(?:article|content|detail|news|post|main)[-_](?:footer|foot|share|sharing|related|relate|"
    r"comments?|tools|toolbar|nav|pager|prev|next|copyright|ads?|recommend)(?:$|[-_\s\d])", re.I)
_CONTENT_HINT = re.compile(r"article|content|detail|正文|zoom|text|main|post|news_?con|TRS_Editor",
                           re.I)
_BLOCKS = {"p", "div", "section", "article", "li", "td", "th", "blockquote", "pre", "dd", "dt",
           "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul", "ol", "center", "font"}
_HAN = re.compile(r"[\u3400-\u9fff]")


def looks_like_html(data: bytes, suffix: str) -> bool:
    return suffix.lower() in {".html", ".htm", ".shtml", ".xhtml"} or bool(HTML_START.match(data[:2048]))


def html_document(markup: str) -> Document:
    soup = BeautifulSoup(markup, "html.parser")
    meta = _page_meta(soup)
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if _decomposed(tag) or tag.name in ("html", "body"):
            continue
        words = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
        if words.strip() and (_FURNITURE_OF_CONTENT.search(words)
                              or (_FURNITURE.search(words) and not _CONTENT_HINT.search(words))):
            tag.decompose()
    container = _article_container(soup)
    h1 = container.find("h1") or soup.find("h1")
    if h1 and h1.get_text(strip=True):
        meta["title"] = h1.get_text(" ", strip=True)
        # By identity: `in` compares tags by their whole content, recursively.
        if any(parent is container for parent in h1.parents):
            h1.decompose()
    paras: list[Para] = []
    _collect(container, paras)
    return Document(paras, meta=meta)


def _page_meta(soup: BeautifulSoup) -> dict[str, str]:
    meta: dict[str, str] = {}
    names = {
        "page_title": ("ArticleTitle", "og:title", "title"),
        "page_date": ("article:published_time", "PubDate", "publishdate", "pubdate", "firstpublishedtime",
                      "date", "dc.date"),
        "source_line": ("ContentSource", "source", "og:site_name", "SiteName"),
        "author": ("author", "Author"),
        "source_url": ("og:url", "Url"),
    }
    for key, wanted in names.items():
        for name in wanted:
            tag = soup.find("meta", attrs={"name": name}) or soup.find("meta", attrs={"property": name})
            if tag and tag.get("content", "").strip():
                meta.setdefault(key, tag["content"].strip())
                break
    canonical = soup.find("link", rel="canonical")
    if canonical and canonical.get("href", "").startswith("http"):
        meta.setdefault("source_url", canonical["href"])
    title = _only_string(soup.title) if soup.title else None
    if "page_title" not in meta and title:
        meta["page_title"] = title.strip()
    if meta.get("source_url", "") and not meta["source_url"].startswith(("http://", "https://")):
        del meta["source_url"]
    return meta


def _decomposed(tag: Tag) -> bool:
    # Tag.decomposed looks up `_decomposed` with getattr, which on a live tag falls through to
    # Tag.__getattr__, i.e. find("_decomposed") over the whole subtree: quadratic on deep pages.
    return tag.__dict__.get("_decomposed", False)


def _only_string(tag: Tag):
    """Tag.string without its recursion: the one string at the end of a chain of only
    children, else None."""
    while len(tag.contents) == 1 and isinstance(tag.contents[0], Tag):
        tag = tag.contents[0]
    if len(tag.contents) == 1 and isinstance(tag.contents[0], NavigableString):
        return tag.contents[0]
    return None


# The strings get_text() counts (not comments, ruby annotations, scripts).
_TEXT_TYPES = {NavigableString, CData}
_CANDIDATES = {"article", "div", "section", "td", "main"}


def _article_container(soup: BeautifulSoup) -> Tag:
    body = soup.body or soup
    # Per element: Chinese characters and length of its stripped text, and the length of the
    # text of the links in it, summed up from the leaves in one pass (get_text() on every
    # candidate read a nested element's text once per ancestor: quadratic on deep pages).
    totals: dict[int, list[int]] = {}   # id(element) -> [han, length, link length]
    for node in reversed(list(body.descendants)):   # an element after all of its descendants
        if isinstance(node, Tag):
            han, length, links = totals.setdefault(id(node), [0, 0, 0])
            if node.name == "a":
                links += length
        elif type(node) in _TEXT_TYPES:
            text = node.strip()
            han, length, links = len(_HAN.findall(text)), len(text), 0
        else:
            continue
        parent = totals.setdefault(id(node.parent), [0, 0, 0])
        parent[0] += han
        parent[1] += length
        parent[2] += links

    best, best_score = body, 0.0
    for tag in body.find_all(list(_CANDIDATES)):
        han, length, links = totals[id(tag)]
        if han < 20:
            continue
        # Prefer the element whose text sits in its own paragraphs (not in many nested boxes),
        # and elements named like article bodies.
        paragraphs = sum(1 for child in tag.contents if isinstance(child, Tag) and child.name == "p") + 1
        words = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
        score = han * (1.5 if _CONTENT_HINT.search(words) or tag.name == "article" else 1.0)
        score *= min(2.0, 1 + paragraphs / 10)
        score *= max(0.1, 1 - links / max(1, length))
        if score > best_score:
            best, best_score = tag, score
    return best


def _collect(node: Tag, paras: list[Para]) -> None:
    buffer: list[str] = []

    def flush(level: int = 0):
        text = re.sub(r"[ \t\r\n]+", " ", "".join(buffer)).strip()
        buffer.clear()
        if text:
            paras.append(Para(text, line=0, level=level))

    # A walk with its own stack (no recursion limit on deeply nested pages): each entry is an
    # element's remaining children and whether the element is a block (a paragraph ends after it).
    stack = [(iter(node.children), False)]
    while stack:
        children, block = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if block:
                flush()
        elif isinstance(child, NavigableString):
            buffer.append(str(child))
        elif isinstance(child, Tag):
            if child.name == "br":
                flush()
            elif child.name in ("h2", "h3", "h4", "h5", "h6"):
                flush()
                buffer.append(child.get_text(" ", strip=True))
                flush(min(int(child.name[1]), 5))
            elif child.name in _BLOCKS:
                flush()
                stack.append((iter(child.children), True))
            elif child.name != "img":
                stack.append((iter(child.children), False))
    flush()
