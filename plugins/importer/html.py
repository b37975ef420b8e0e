"""Saved web pages → article paragraphs, with BeautifulSoup.

Page furniture (scripts, styles, navigation, headers/footers, comment boxes, share widgets,
related-article lists) is dropped; the element holding the most Chinese text is the article.
Paragraphs and headings are kept; the page's title, date and URL go into the metadata.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, CData, Comment, NavigableString, Tag

from . import patterns as P
from .document import Document, Para

HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|p)\b",
                        re.I | re.S)
_INVISIBLE_TAGS = ["script", "style", "noscript", "template"]
_DROP_TAGS = ["nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "select",
              "input", "textarea", "object", "embed"]
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
    for tag in soup.find_all(_INVISIBLE_TAGS):
        tag.decompose()
    # The page as a reader sees it, before any furniture goes: the headline may stand in a
    # <header>, a logo's <h1> may name only the site, the date may sit beside the headline
    # outside the article box.
    page: list[Para] = []
    _collect(soup.body or soup, page)
    lines = [p.text for p in page]
    headings = [h.get_text(" ", strip=True) for h in soup.find_all(_HEADINGS)]
    block = _article_block(soup)
    start = _article_start(lines, block)
    near = None if start is None else range(max(0, start - HEAD_WINDOW), len(lines))
    headline = page_headline(meta, lines, headings, near)
    if not headline and start is not None and not soup.find("h1"):
        # A <title> that names only the column and the site (新闻动态--中国地理学会官网): the
        # headline is the line above the page's 发布时间/来源 line, as in a plain document.
        headline = _headline_above_meta(lines, start)
    if headline:
        for key, value in head_meta(lines, headline).items():
            meta["head_" + key] = value
    # The element holding the article's paragraphs is never furniture, whatever its class or
    # tag says (凤凰网's article box is class js_img_share_area; ASP.NET wraps pages in <form>).
    article = {id(t) for t in block}
    for tag in soup.find_all(_DROP_TAGS):
        if not _decomposed(tag) and id(tag) not in article:
            tag.decompose()
    for tag in soup.find_all(True):
        if _decomposed(tag) or tag.name in ("html", "body") or id(tag) in article:
            continue
        words = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
        if words.strip() and (_FURNITURE_OF_CONTENT.search(words)
                              or (_FURNITURE.search(words) and not _CONTENT_HINT.search(words))):
            tag.decompose()
    container = _article_container(soup)
    h1 = container.find("h1") or soup.find("h1")
    if headline:
        meta["title"] = headline
        # An <h1> in the article box that holds the headline (and maybe its deck) is no text.
        if h1 and any(parent is container for parent in h1.parents) \
                and _bare(h1.get_text("", strip=True)).startswith(_bare(headline)[:12]):
            h1.decompose()
    elif h1 and h1.get_text(strip=True):
        meta["title"] = h1.get_text(" ", strip=True)
        # By identity: `in` compares tags by their whole content, recursively.
        if any(parent is container for parent in h1.parents):
            h1.decompose()
    paras: list[Para] = []
    _collect(container, paras)
    return Document(paras, meta=meta)


_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
_SPACE = re.compile(r"\s+")
# How far above the article's first paragraph a line may be its headline.
HEAD_WINDOW = 40
# The shortest visible line taken for the headline the page's <title> starts with: shorter
# ones are column names and site names (要闻, 松花江网).
HEADLINE_MIN = 6
# A headline the page cuts (地铁直达+无敌免...) and the marks it ends with.
_CUT = re.compile(r"(?:\.{2,}|…+|。{3,})$")
# A subtitle set on its own line under the headline: ——热烈祝贺市政协五届一次会议开幕.
_DASH_SUBTITLE = re.compile(r"^(?:——|—|--|－－)")


def _bare(text: str) -> str:
    return _SPACE.sub("", text or "")


def _article_start(lines: list[str], block: list[Tag]) -> int | None:
    """The page line of the article's first sentence paragraph; None when the article's
    paragraphs are not found. A headline line stands at most HEAD_WINDOW lines above it (a logo
    or menu far above it is the site's, not the article's)."""
    if not block:
        return None
    first = next((p.get_text(" ", strip=True) for p in block[0].find_all("p", recursive=False)
                  if _SENTENCE.search(p.get_text("", strip=True))), "")
    return next((i for i, line in enumerate(lines) if first and _bare(line) == _bare(first)), None)


def _headline_above_meta(lines: list[str], start: int) -> str:
    """The title-like line right above the last 发布时间/来源 line before the article's first
    paragraph (2019年中国人文地理学术年会在重庆•西南大学成功举行！ / 发布时间：2019-05-18 / 来源：…)."""
    from .steps import _headline_candidate, furniture_kind, parse_meta_line

    for i in range(start - 1, max(-1, start - HEAD_META_LINES - 1), -1):
        values = parse_meta_line(lines[i]) or {}
        if not (values.get("date") or values.get("source")):
            continue
        above = i - 1
        while above >= 0 and (parse_meta_line(lines[above]) or P.LABEL_LINE.match(lines[above])):
            above -= 1   # 发布时间：… / 来源：… on lines of their own
        # A headline may end on ！ or ？ (…成功举行！), a sentence line may not; a label and
        # its value (译：Chen Bin) is no headline.
        line = lines[above].strip() if above >= 0 else ""
        if (line and _headline_candidate(line.rstrip("！!？?")) and furniture_kind(line) is None
                and len(_HAN.findall(line)) >= HEADLINE_MIN and not _LABELLED.match(line)):
            return line
        return ""
    return ""


_LABELLED = re.compile(r"^[^：:，。]{1,4}[：:]")
# How far above the article's first paragraph the page head's date or source line is looked for.
HEAD_META_LINES = 6


def page_headline(meta: dict[str, str], lines: list[str], headings: list[str],
                  near: range | None = None) -> str:
    """The headline as the page shows it: the longest visible line (or heading) that the page's
    own title (ArticleTitle, og:title, <title>) starts with, before a separator and what the title
    adds: the site, its column or the publishing unit (…调研工作 东区办事处_中山网, …成长--大河网,
    土豆不“土” 土豆无“土” 松花江网). A line that is the whole title counts when nothing is cut off,
    or when what would be cut is longer than the rest (书记市长这一周 | 奋马扬鞭…: a series
    banner, not a headline; the title step cuts the banner). A logo's <h1> (松花江网) is never
    such a line. A dash subtitle on the next line is kept when the title carries it too; a
    headline cut with … is completed from the page (本文原标题：《…》). "" when nothing on the page
    confirms a title: the caller keeps its <h1> or the title step reads the lines. Headings count
    wherever they stand; lines only `near` the article."""
    titles = [meta.get(k, "") for k in ("article_title", "og_title", "html_title")]
    site = _bare(meta.get("site_name", ""))
    candidates = [(i, line) for i, line in enumerate(lines) if near is None or i in near]
    candidates += [(-1, h) for h in headings]
    best, best_index, best_rest = "", -1, ""
    for title in dict.fromkeys(t.strip() for t in titles if t.strip()):
        whole, cut = _bare(title), []
        equal = None
        after_site = []
        for index, text in candidates:
            bare = _bare(text)
            if len(bare) < HEADLINE_MIN or len(_HAN.findall(bare)) < 2 or bare == site:
                continue   # 1, Joel on Software, 松花江网: no Chinese headline
            if not whole.startswith(bare):
                # 站名 - 标题: an older site's name first (Joel on Software - 给计算机系学生的建议).
                before = title[:len(title) - len(_after_from_end(title, len(bare)))]
                if (whole.endswith(bare) and _TITLE_SEPARATOR.match(before[::-1])
                        and (len(bare) > len(_bare(before)) or not _HAN.search(before))):
                    after_site.append((len(bare), index, text.strip()))
                continue
            if bare == whole:
                if _site_first(title):
                    continue   # China-Pub blog--洞庭一叶 printed as the blog's header
                equal = equal or (index, text.strip())
                continue
            rest = _after(title, len(bare))
            if _TITLE_SEPARATOR.match(rest):
                cut.append((len(bare), index, text.strip(), rest))
        choice = None
        if cut:
            length, index, text, rest = max(cut, key=lambda c: c[0])
            if equal is None or length >= len(_bare(rest)):
                choice = (index, text, rest)
        if choice is None and equal is not None:
            choice = (equal[0], equal[1], "")
        if choice is None and after_site:
            length, index, text = max(after_site)
            choice = (index, text, "")
        if choice and len(_bare(choice[1])) > len(_bare(best)):
            best_index, best, best_rest = choice
    if not best:
        return ""
    following = lines[best_index + 1] if 0 <= best_index < len(lines) - 1 else ""
    if following and _DASH_SUBTITLE.match(following) and _bare(best_rest).startswith(_bare(following)):
        best += following.strip()
    if _CUT.search(best):
        best = _completed(best, lines + [meta.get("description", ""), *titles])
    return best


def _site_first(title: str) -> bool:
    """A title printed whole that is a site's or blog's name and a part shorter than it
    (China-Pub blog--洞庭一叶), not a series name and a longer headline (书记市长这一周 | 奋马扬鞭…)."""
    parts = [p for p in _INNER_SEPARATOR.split(title) if p.strip()]
    return len(parts) > 1 and len(_bare(parts[-1])) <= len(_bare(parts[0]))


_INNER_SEPARATOR = re.compile(r"\s*(?:--|__|\s[-_|｜丨]\s|[|｜丨_])\s*")
# What separates a page title's headline from the site, column or unit it adds.
_TITLE_SEPARATOR = re.compile(r"^(?:\s|[-_|｜丨—–·:：]|——)")


def _after_from_end(text: str, count: int) -> str:
    """The last `count` non-space characters of text, with the spaces among them."""
    seen = 0
    for i in range(len(text) - 1, -1, -1):
        if not text[i].isspace():
            seen += 1
            if seen == count:
                return text[i:]
    return text


def _after(text: str, count: int) -> str:
    """What follows the first `count` non-space characters of text."""
    seen = 0
    for i, ch in enumerate(text):
        if seen == count:
            return text[i:]
        if not ch.isspace():
            seen += 1
    return ""


def _completed(cut: str, texts: list[str]) -> str:
    """地铁直达+无敌免... → 地铁直达+无敌免税城: the same words written out further elsewhere on
    the page (本文原标题：《…免税城......》), up to the end of its line or quotation or its own
    dots; the page's other cut copies (its <title>) complete nothing."""
    stem = _CUT.sub("", cut).strip()
    spaced = r"\s*".join(map(re.escape, _bare(stem)))
    whole = ""
    for text in texts:
        for m in re.finditer(spaced + r"[^》」』\n.…]*", text or ""):
            found = m.group(0).strip()
            if len(_bare(found)) > len(_bare(stem)) and len(found) > len(whole):
                whole = found
    return whole or cut


def head_meta(lines: list[str], headline: str) -> dict[str, str]:
    """The date and source printed beside the headline (2022年02月12日 on an e-paper page,
    发布日期： / 2022年01月28日 in a disclosure table, 来源于： / 东区办事处), outside the article
    box: in the few lines after a line holding the headline."""
    from .steps import parse_meta_line   # steps read lines; this module only finds them

    wanted = _bare(headline)
    found: dict[str, str] = {}
    for i, line in enumerate(lines):
        # The headline's line (or its first half, set over two lines).
        if not wanted.startswith(_bare(line)) or len(_bare(line)) < max(HEADLINE_MIN, len(wanted) / 2):
            continue
        after = lines[i + 1:i + 1 + HEAD_DATE_LINES]
        for j, text in enumerate(after):
            if P.LABEL_LINE.match(text) and j + 1 < len(after):
                text += after[j + 1]   # 发布日期： / 2022年01月28日
            values = parse_meta_line(text) or {}
            for key in ("date", "source"):
                if values.get(key):
                    found.setdefault(key, values[key])
            # An e-paper's issue date and a link after it: 2022年02月12日 查看旧版(…).
            opening = P.DATE_FIRST.match(text)
            if opening and len(opening.group("rest")) <= HEAD_DATE_REST and "。" not in text:
                found.setdefault("date", opening.group("date"))
        if "date" in found:
            break
    return found


# How far under the headline its date is looked for (a source line, a kicker may come first),
# and how much a line opening with a date may say after it.
HEAD_DATE_LINES = 4
HEAD_DATE_REST = 30


def _page_meta(soup: BeautifulSoup) -> dict[str, str]:
    meta: dict[str, str] = {}
    names = {
        "page_title": ("ArticleTitle", "og:title", "title"),
        "article_title": ("ArticleTitle",),
        "og_title": ("og:title",),
        "site_name": ("og:site_name", "SiteName"),
        "description": ("description", "Description"),
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
                meta.setdefault(key, _markup_free(tag["content"]))
                break
    canonical = soup.find("link", rel="canonical")
    if canonical and canonical.get("href", "").startswith("http"):
        meta.setdefault("source_url", canonical["href"])
    title = _only_string(soup.title) if soup.title else None
    if title and title.strip():
        meta["html_title"] = title.strip()
    if "page_title" not in meta and title:
        meta["page_title"] = title.strip()
    if meta.get("source_url", "") and not meta["source_url"].startswith(("http://", "https://")):
        del meta["source_url"]
    return meta


def _markup_free(value: str) -> str:
    """A meta value's text: CMSs write markup into them (ArticleTitle: …力量<div>——热烈祝贺…</div>)."""
    value = value.strip()
    if "<" in value and ">" in value:
        value = BeautifulSoup(value, "html.parser").get_text("").strip()
    return value


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


# Where readers' comments are kept (a blog's #comments, 网易's 跟帖 box).
_COMMENTS = re.compile(r"comment|reply|discuss|gentie|pinglun", re.I)
# Paragraphs that hold this many Chinese characters of sentences make their parent the article.
ARTICLE_BLOCK_MIN = 150
_SENTENCE = re.compile(r"[。！？]")


def _article_block(soup: BeautifulSoup) -> list[Tag]:
    """The element whose own paragraphs hold the most sentences of Chinese text, and its
    ancestors: the article, wherever the page's markup puts it."""
    held: dict[int, list] = {}   # id(parent) -> [parent, Chinese characters of its sentence paragraphs]
    for p in soup.find_all("p"):
        text = p.get_text("", strip=True)
        if not _SENTENCE.search(text) or p.find_parent("p") is not None:
            continue
        if any(_COMMENTS.search(" ".join([a.get("id") or "", *(a.get("class") or [])]))
               for a in p.parents if isinstance(a, Tag)):
            continue   # readers' comments may outweigh a short article; they are never it
        parent = p.parent
        if parent is None:
            continue
        entry = held.setdefault(id(parent), [parent, 0])
        entry[1] += len(_HAN.findall(text))
    if not held:
        return []
    block, han = max(held.values(), key=lambda e: e[1])
    if han < ARTICLE_BLOCK_MIN:
        return []
    return [block, *(a for a in block.parents if isinstance(a, Tag))]


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
