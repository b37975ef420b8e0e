"""The cleaning pipeline: small named steps, declared in order in PIPELINE.

Each step takes the Document, edits its paragraphs or metadata in place and returns the list of
Changes it made (removed / changed / found / review), so the import report can say what each
step did. Steps can be run alone (tests do: tests/importer/test_steps.py).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Callable

from plugins.zhtext.fold import is_traditional, to_simplified
from plugins.zhtext.punctuation import normalize_spaces, to_fullwidth_punctuation

from . import patterns as P
from .document import Change, Document, Para

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[。！？!?]")


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Document], list[Change]]
    doc: str


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def is_title_like(text: str, max_len: int = 40) -> bool:
    """A short line without final punctuation: a title or a subheading."""
    text = text.strip()
    return (4 <= len(text) <= max_len and text[-1] not in P.FINAL_PUNCTUATION
            and "。" not in text and bool(HAN.search(text)) and not P.BARE_DATE.match(text))


# --- steps -------------------------------------------------------------------------------
def spaces(doc: Document) -> list[Change]:
    """Odd spaces (full-width, nbsp, zero-width) normalised; blank lines dropped."""
    changes, kept = [], []
    for p in doc.paras:
        cleaned = normalize_spaces(p.text)
        if cleaned != p.text.strip() and cleaned:
            changes.append(Change("spaces", "changed", _short(p.text.strip()), p.line))
        if cleaned:
            p.text = cleaned
            kept.append(p)
    doc.paras = kept
    return changes


def split_glosses(doc: Document) -> list[Change]:
    """Characters split by a gloss inserted between their GBK bytes, restored."""
    changes = []
    for p in doc.paras:
        text = p.text
        for damaged, repaired in P.DAMAGED_SEQUENCES.items():
            if damaged in text:
                text = text.replace(damaged, repaired)
                changes.append(Change("split_glosses", "changed", f"{damaged} → {repaired}", p.line))
        for marker, (lead, _char) in P.SPLIT_GLOSSES.items():
            start = text.find(marker)
            while start >= 0:
                after = start + len(marker)
                run = re.match(r"[^\x00-\x7f]*[\x00-\x7f]?", text[after:]).group(0)
                restored = _realign(lead, run)
                if restored is None:
                    changes.append(Change("split_glosses", "review",
                                          f"damaged character near {text[max(0, start - 4):after + 6]!r}",
                                          p.line))
                    start = text.find(marker, after)
                    continue
                changes.append(Change("split_glosses", "changed",
                                      f"{marker}{run} → {restored}", p.line))
                text = text[:start] + restored + text[after + len(run):]
                start = text.find(marker, start + len(restored))
        p.text = text
    return changes


def _realign(lead: int, run: str) -> str | None:
    """Re-decode a run read one byte out of step: put back the lost lead byte, decode in step."""
    try:
        data = bytes([lead]) + run.encode("gbk")
        return data.decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def pinyin_glosses(doc: Document) -> list[Change]:
    """Pinyin glosses inserted after characters (魯網(wǎng), and toneless 決(jue) 定 where a
    document has several) removed."""
    changes = []
    toneless = sum(len(P.TONELESS_GLOSS.findall(p.text)) for p in doc.paras) >= P.TONELESS_GLOSSES_MIN
    for p in doc.paras:
        found = P.PINYIN_GLOSS.findall(p.text)
        if found:
            p.text = P.PINYIN_GLOSS.sub("", p.text)
        if toneless:
            plain = P.TONELESS_GLOSS.findall(p.text)
            if plain:
                p.text = P.TONELESS_GLOSS.sub("", p.text)
                found += [g.strip() for g in plain]
        if found:
            changes.append(Change("pinyin_glosses", "removed",
                                  f"{len(found)} glosses, e.g. {' '.join(found[:3])}", p.line))
    return changes


def simplified(doc: Document) -> list[Change]:
    """Traditional Chinese converted to Simplified with OpenCC (phrase level)."""
    doc.traditional = is_traditional(doc.text)
    changes = []
    for p in doc.paras:
        # A Simplified document can quote a Traditional paragraph: that one is converted too
        # (the document is still recorded as Simplified).
        if not doc.traditional and not is_traditional(p.text):
            continue
        converted = to_simplified(p.text)
        if converted != p.text:
            changes.append(Change("simplified", "changed", _short(converted, 24), p.line))
            p.text = converted
    for key in ("title", "page_title", "summary", "source_line", "publisher_line", "author"):
        if doc.meta.get(key) and (doc.traditional or is_traditional(doc.meta[key])):
            doc.meta[key] = to_simplified(doc.meta[key])
    return changes


_JUNK = re.compile(rf"(?<=[\u3400-\u9fff])\s?{P.JUNK_SYMBOL}\s?(?=[\u3400-\u9fff“”、，。])")


def junk_symbols(doc: Document) -> list[Change]:
    """Symbols a spam site sprinkled inside words (青海∏省, 石榴♂籽, 社@区) removed. Only when a
    document has several: one ● or → between two characters may be the author's."""
    found = sum(len(_JUNK.findall(p.text)) for p in doc.paras)
    if found < P.JUNK_SYMBOLS_MIN:
        return []
    changes = []
    for p in doc.paras:
        cleaned = _JUNK.sub("", p.text)
        if cleaned != p.text:
            changes.append(Change("junk_symbols", "removed",
                                  f"{len(p.text) - len(cleaned)} characters: {_short(cleaned, 24)}", p.line))
            p.text = cleaned
    return changes


def watermark(doc: Document) -> list[Change]:
    """A site watermark glued to the end of several paragraphs, cut off."""
    counts: dict[str, int] = {}
    for p in doc.paras:
        for n in P.WATERMARK_LENGTHS:
            if len(p.text) > n:
                counts[p.text[-n:]] = counts.get(p.text[-n:], 0) + 1
    marks = [m for m, n in counts.items() if n >= P.WATERMARK_MIN_REPEATS
             and m[-1] not in P.FINAL_PUNCTUATION and P.WATERMARK_HINT.search(m)]
    if not marks:
        return []
    mark = max(marks, key=len)
    changes = []
    for p in doc.paras:
        if p.text.endswith(mark):
            p.text = p.text[: -len(mark)].rstrip()
            changes.append(Change("watermark", "removed", mark, p.line))
    return changes


def furniture_kind(text: str) -> str | None:
    """The kind of page furniture a line is (patterns.BOILERPLATE_LINES), or None."""
    text = P.META_BULLET.sub("", text)  # - 目录
    for kind, rx in P.BOILERPLATE_LINES:
        if not rx.search(text):
            continue
        # These match inside a line; a long paragraph that merely mentions 版权所有 is text,
        # one that says two such things (版权所有 … 主办单位:) is a footer.
        if kind in P.FURNITURE_ANYWHERE and len(text) > P.FURNITURE_MAX_LEN \
                and len(set(rx.findall(text))) < 2:
            continue
        return kind
    squeezed = re.sub(r"\s+", "", text)
    if len(squeezed) <= P.ACCOUNT_FURNITURE_MAX and any(rx.search(squeezed) for rx in P.ACCOUNT_FURNITURE):
        return "account"   # an account article reposted on a platform keeps its promos
    return None


def _is_sentence_paragraph(text: str) -> bool:
    return len(text) >= 60 or (len(text) >= 15 and text.rstrip("”’」）)")[-1:] in "。！？!?")


def boilerplate(doc: Document) -> list[Change]:
    """Site furniture lines removed: 设为首页, breadcrumbs, image file names, 上一篇, footers,
    e-paper chrome, share and comment bars, spam; after the article's last paragraph, the page
    footer from its first furniture line on (related headlines, teasers, contact lines)."""
    kinds = [furniture_kind(p.text) for p in doc.paras]
    for i, p in enumerate(doc.paras):
        # A 来源/时间 line that also says 版权所有 is kept for meta_lines, which reads its date.
        if kinds[i] and kinds[i] in P.FURNITURE_ANYWHERE and (parse_meta_line(p.text) or {}).get("date"):
            kinds[i] = None
    body_end = max((i for i, p in enumerate(doc.paras)
                    if kinds[i] is None and _is_sentence_paragraph(p.text)), default=len(doc.paras))
    body_start = next((i for i, p in enumerate(doc.paras)
                       if kinds[i] is None and _is_sentence_paragraph(p.text)), len(doc.paras))
    changes, kept = [], []
    in_footer = False
    for i, p in enumerate(doc.paras):
        kind = kinds[i]
        if kind in P.FURNITURE_OUTSIDE_TEXT and body_start <= i <= body_end:
            kind = None  # 富强 民主 文明 和谐 … or a lone number inside the article are its text
        meta = parse_meta_line(p.text) is not None or (i > body_end and P.FOOTER_TIMESTAMP.search(p.text))
        if i > body_end and (kind or meta):
            in_footer = True
        if kind is None and in_footer and not meta and len(p.text) < 60:
            kind = "footer-tail"
        if kind:
            changes.append(Change("boilerplate", "removed", f"{kind}: {_short(p.text)}", p.line))
        else:
            kept.append(p)
    doc.paras = kept
    return changes


def label_values(doc: Document) -> list[Change]:
    """A metadata table read cell by cell, each label on its own line and its value on the next
    (索 引 号： / 1122…/2022-00426, 发布日期： / 2019-03-06, 来源于： / 东区办事处), joined into one
    `label：value` line, which meta_lines reads and removes like any other."""
    changes, kept = [], []
    i = 0
    while i < len(doc.paras):
        p = doc.paras[i]
        nxt = doc.paras[i + 1] if i + 1 < len(doc.paras) else None
        if P.LABEL_LINE.match(p.text) and nxt is not None and not nxt.level \
                and not P.LABEL_LINE.match(nxt.text) and len(nxt.text) <= P.LABEL_VALUE_MAX:
            joined = re.sub(r"\s+", "", p.text) + nxt.text.strip()
            changes.append(Change("label_values", "changed", f"{p.text.strip()} + {_short(nxt.text)}", p.line))
            kept.append(Para(joined, p.line))
            i += 2
            continue
        kept.append(p)
        i += 1
    doc.paras = kept
    return changes


def _zone_bounds(paras: list[Para]) -> tuple[int, int]:
    """Indices of the first and last long paragraph: meta lines live outside them."""
    long_ones = [i for i, p in enumerate(paras) if len(p.text) >= 60]
    if not long_ones:
        return len(paras), -1
    return long_ones[0], long_ones[-1]


def parse_meta_line(text: str) -> dict[str, str] | None:
    """来源: X 点击: 12 时间: 2019/5/22 → {'source': 'X', 'hits': '12', 'date': '2019/5/22'}.
    Also a line that is only a date (2019年5月22日), one that starts with the date
    (2020-06-24 15:35:16来源:…), a medium and its date (某某日报 2025-09-10 10:55) and a row of
    a disclosure table (公开类别 | 主动公开 | 发布时间 | 2024-01-25 |)."""
    text = P.META_BULLET.sub("", text.strip())
    if P.BARE_DATE.match(text):
        return {"date": text.strip()}
    m = P.SOURCE_DATE.match(text)
    if m:
        return {"source": m.group("source"), "date": m.group("date").strip()}
    m = P.DATE_FIRST.match(text)
    if m and P.DATE_FIRST_REST.match(m.group("rest").strip()) and len(text) <= 160:
        rest = m.group("rest").strip().lstrip("|｜ ")
        values = _labelled_fields(rest) if P.META_LINE.match(rest) else {}
        if values is None:
            return None
        values["date"] = m.group("date").strip()
        return values
    if ("|" in text or "｜" in text) and len(text) <= 160:
        cells = [c.strip() for c in re.split(r"[|｜]", text)]
        labels = [i for i, c in enumerate(cells) if P.META_LABEL_CELL.match(c)]
        # Labels in cells of their own, with or without a colon (| 发布机构: | 川岛镇人民政府 |
        # 生成日期: | …); one label with a colon is a labelled line that uses bars
        # (来源: |2022-3-24 15:34| 浏览量: 215), read as such below.
        colon = any(cells[i][-1] in ":：" for i in labels)
        if labels and (len(labels) >= 2 or not colon):
            values = {}
            for i in labels:
                value = cells[i + 1] if i + 1 < len(cells) else ""
                if value and not P.META_LABEL_CELL.match(value):
                    values.setdefault(P.META_LABELS[cells[i].rstrip(":： ")], value)
            return values
    if not P.META_LINE.match(text) or len(text) > 160:
        return None
    return _labelled_fields(text)


def _labelled_fields(text: str) -> dict[str, str] | None:
    fields = list(P.META_FIELD.finditer(text))
    values: dict[str, str] = {}
    for i, m in enumerate(fields):
        end = fields[i + 1].start() if i + 1 < len(fields) else len(text)
        value = P.META_VALUE_TOOLS.sub("", text[m.end():end]).strip(" 　|｜【】[]")
        if len(value) > 40 or _SENTENCE_END.search(value):
            return None
        values.setdefault(P.META_LABELS[m.group(1)], value)
    if not values.get("date") and not values.get("written"):
        # 来源:青岛新闻网 作者:朱颖 2017-10-10 21:00:43: the date sits in another field.
        date = re.search(P.DATE_TEXT, text)
        if date:
            values["date"] = date.group(0).strip()
            for key, value in values.items():
                if key != "date" and date.group(0) in value:
                    values[key] = re.sub(rf"\s*{re.escape(date.group(0))}\s*(?:{P.TIME_TEXT})?", " ",
                                         value).strip()
    if values.get("source") and not HAN.search(values["source"]) and not re.search("[A-Za-z]{2}", values["source"]):
        del values["source"]  # 来源:1
    if values.get("author") and not P.AUTHOR_NAMES.match(values["author"]):
        del values["author"]  # 作者:探访中国中铁雄安科创中心项目 (a spam field)
    elif values.get("author"):
        values["author"] = " ".join(P.AUTHOR_ROLE.sub("", values["author"]).split())
    return values


def meta_lines(doc: Document) -> list[Change]:
    """来源/点击/时间/发布部门 lines removed; their date, source and publisher kept as metadata.
    Above the article: a page timestamp glued to the first paragraph is cut off; below it: a
    signature date (落款) or a footer line with the page's timestamp gives the date."""
    first, last = _zone_bounds(doc.paras)
    changes, kept = [], []
    for i, p in enumerate(doc.paras):
        values = parse_meta_line(p.text) if (i < first or i > last) else None
        if values and i > last >= 0 and P.BARE_DATE.match(P.META_BULLET.sub("", p.text.strip())):
            # A date alone under the text is its signature (落款): when the page states its own
            # date (发布日期) too, that one is the publication's.
            values = {"written": values["date"]}
        if values is None and i > last and last >= 0:
            stamp = P.FOOTER_TIMESTAMP.search(p.text)
            if stamp and len(p.text) <= 120 and not _SENTENCE_END.search(p.text):
                values = {"date": stamp.group(0)}
        if values is None and i <= first:
            stamp = P.LEADING_TIMESTAMP.match(p.text)
            if stamp and len(p.text) - stamp.end() >= 10:
                values = {"date": stamp.group("stamp") or stamp.group("labelled")}
                changes.append(Change("meta_lines", "removed", p.text[:stamp.end()].strip(), p.line))
                p.text = p.text[stamp.end():]
                _keep_values(doc, values)
                doc.meta.setdefault("meta_line_index", str(len(kept)))
                kept.append(p)
                continue
        if values is None:
            kept.append(p)
            continue
        _keep_values(doc, values)
        changes.append(Change("meta_lines", "removed", _short(p.text, 60), p.line))
        if i <= first:
            # Where the headline is: right above the first meta line of the page head.
            doc.meta.setdefault("meta_line_index", str(len(kept)))
    doc.paras = kept
    return changes


def _keep_values(doc: Document, values: dict[str, str]) -> None:
    for key in ("date", "written", "source", "publisher", "author", "site", "headline"):
        if values.get(key) and not doc.meta.get(key + "_line"):
            doc.meta[key + "_line"] = values[key]


def title(doc: Document) -> list[Change]:
    """The headline found and cleaned: a wire story's 题: line; else the line right above the
    page's 来源/时间 line; else, above the first paragraph, the last title-like line of a saved
    page (after menus and column labels) or the first of a plain document. Navigation above it
    is dropped, and so are repeats of it; column tags (【初心合伙人】), site prefixes (焦点讯息:),
    series banners (…丨) are cut off, and a date written after it goes to the metadata."""
    changes: list[Change] = []
    meta_at = doc.meta.pop("meta_line_index", None)
    page_title = doc.meta.pop("page_title", "")
    # A disclosure table's 标题 or 名称 field names the headline, as a saved page's <h1> does
    # (the site's own name stands above the table: 某某街道办事处政府信息公开).
    headline = doc.meta.pop("headline_line", "")
    if headline and not doc.meta.get("title"):
        doc.meta["title"] = headline
    if doc.meta.get("title"):
        # A saved page's headline (its <h1>, or the line its <title> confirms): cleaned like a
        # headline line (column tag, series banner, site prefix, date). Where the article box
        # prints it again above the text, what stands above it is the page's navigation.
        wanted = doc.meta["title"]
        head_end = next((i for i, p in enumerate(doc.paras) if _is_sentence_paragraph(p.text)), len(doc.paras))
        at = next((i for i, p in enumerate(doc.paras[:min(head_end, 10)])
                   if _bare_headline(p.text) == _bare_headline(wanted)), None)
        if at is not None:
            for p in doc.paras[:at]:
                changes.append(Change("title", "removed", f"navigation above the title: {_short(p.text)}",
                                      p.line))
            changes.append(Change("title", "found", wanted, doc.paras[at].line))
            doc.paras = doc.paras[at + 1:]
        doc.meta["title"] = _clean_headline(doc, wanted, 0, changes)
        _drop_repeats(doc, changes, also=wanted)
        return changes
    wire = _wire_headline(doc, changes)
    if wire is not None:
        return wire
    index = _headline_index(doc, meta_at)
    if index is None and page_title:
        # "标题_栏目_网站" / "标题 - 网站": a part that is also a line of the page is the
        # headline; otherwise the longest part.
        parts = [t for t in re.split(r"\s*(?:[_|｜]|\s-{1,2}\s|—)\s*", page_title) if t]
        lines = [p.text for p in doc.paras[:6]]
        index = next((lines.index(t) for t in parts if t in lines), None)
        if index is None:
            doc.meta["title"] = max(parts, key=len) if parts else page_title
            changes.append(Change("title", "found", f"{doc.meta['title']} (from the page title)"))
            return changes
    if index is None:
        return _entry_heading(doc, changes)
    found = doc.paras[index]
    headline = found.text
    before = doc.paras[:index]
    # A headline broken after its issuing body: 鎮政府 / 2019年工作總結及2020年工作安排.
    if before and _issuer_fragment(before[-1].text, headline):
        headline = before[-1].text + headline
        changes.append(Change("title", "changed", f"joined with the line above: {before[-1].text}",
                              before[-1].line))
        before = before[:-1]
    for p in before:
        changes.append(Change("title", "removed", f"navigation above the title: {_short(p.text)}",
                              p.line))
    doc.meta["title"] = _clean_headline(doc, headline, found.line, changes)
    changes.append(Change("title", "found", doc.meta["title"], found.line))
    doc.paras = doc.paras[index + 1:]
    _drop_repeats(doc, changes)
    _drop_site_names(doc, changes)
    return changes


def _drop_site_names(doc: Document, changes: list[Change]) -> None:
    """Under the headline, lines that only name the publisher or the site (迎宾路街道办事处,
    乡村干部报网 for 来源:乡村干部报): the page's masthead, kept as metadata."""
    names = {doc.meta.get(k, "") for k in ("publisher_line", "source_line", "site_line")} - {""}
    if not names:
        return
    head_end = next((i for i, p in enumerate(doc.paras) if _is_sentence_paragraph(p.text)), len(doc.paras))
    kept = []
    for i, p in enumerate(doc.paras):
        bare = re.sub(r"\s*(?:网站|网|首页|官方微博|官方微信)$", "", p.text.strip())
        if i < head_end and (p.text in names or bare in names):
            changes.append(Change("title", "removed", f"site or publisher name: {p.text}", p.line))
            continue
        kept.append(p)
    doc.paras = kept


def _wire_headline(doc: Document, changes: list[Change]) -> list[Change] | None:
    """新华社长春8月19日电 题:…: the wire service's own headline wins over the page's; the page
    head above the dateline (menus, spam, the site's version of the headline) is dropped."""
    for index, p in enumerate(doc.paras[:8]):
        m = P.DATELINE_TITLE.match(p.text)
        if not m:
            continue
        for q in doc.paras[:index]:
            changes.append(Change("title", "removed", f"page head above the dateline: {_short(q.text)}",
                                  q.line))
        doc.meta["title"] = _clean_headline(doc, m.group("title"), p.line, changes)
        changes.append(Change("title", "found", f"{doc.meta['title']} (题: of the dateline)", p.line))
        p.text = m.group("dateline")
        doc.paras = doc.paras[index:]
        _drop_repeats(doc, changes)
        return changes
    return None


def _entry_heading(doc: Document, changes: list[Change]) -> list[Change]:
    """【海秀街道环境治理卫“双巩”】2020年，…: a yearbook or handbook entry opens with its heading
    in brackets; the text after it is the first paragraph."""
    if not doc.paras:
        return changes
    p = doc.paras[0]
    m = P.LEADING_TAG.match(p.text)
    rest = p.text[m.end():] if m else ""
    if m and _is_sentence_paragraph(rest) and not P.TAG_CONTINUES.match(rest):
        doc.meta["title"] = m.group(1).strip()
        changes.append(Change("title", "found", f"{doc.meta['title']} (heading of the entry)", p.line))
        p.text = rest
    return changes


def _headline_candidate(text: str) -> bool:
    # A headline may end on a quoted word or a bracket (绘就基层治理“同心圆”, 卫生镇(乡)); a
    # quotation closing a sentence (…。”) is no headline.
    unquoted = text.rstrip("”’」』）)")
    return (is_title_like(unquoted if unquoted[-1:] not in P.FINAL_PUNCTUATION else text, 60) and not any(rx.match(text) for _, rx in P.OUTLINE)
            and not P.CAPTION.search(text) and not P.BYLINE_LINE.match(text)
            and not P.SUBTITLE.match(text) and not re.fullmatch(r"(?:[【\[][^】\]]*[】\]]\s*)+", text))


def _headline_index(doc: Document, meta_at: str | None) -> int | None:
    paras = doc.paras
    head_end = next((i for i, p in enumerate(paras) if _is_sentence_paragraph(p.text)), len(paras))
    if meta_at is not None:
        at = int(meta_at)
        for i in range(min(at, len(paras)) - 1, -1, -1):
            text = paras[i].text
            if P.PUBLISHER_LINE.match(text) and i > 0 and not P.HEADLINE_LABEL.match(text):
                doc.meta.setdefault("publisher_line", text)
                continue  # 迎宾路街道办事处 between the headline and its date line
            if P.HEADLINE_LABEL.match(text):
                continue  # 副标题: repeats the headline
            if _headline_candidate(text):
                return i
            break
        if at == 0:
            # An e-paper page prints the date above the headline.
            return next((i for i in range(min(head_end, 6)) if _headline_candidate(paras[i].text)), None)
    poster = _poster_lines(paras[:head_end])
    candidates = [i for i in range(min(head_end, 10))
                  if i not in poster and _headline_candidate(paras[i].text)]
    if not candidates:
        if paras and _headline_candidate(paras[0].text) and 0 not in poster and len(paras) > 1 \
                and len(paras[1].text) > len(paras[0].text):
            return 0
        return None
    # Above the body of a saved page (furniture was removed) the headline is the last
    # title-like line, after column labels (新区时政); in a plain document, the first.
    page = any(c.step in ("boilerplate", "meta_lines") and c.action == "removed" for c in doc.changes)
    if not page:
        return candidates[0]
    last = candidates[-1]
    if len(candidates) > 1 and candidates[-2] == last - 1:
        previous = paras[last - 1].text
        # Headline and deck: the longer line with commas under it is the deck (subtitle).
        if len(paras[last].text) > len(previous) and re.search("[，,]", paras[last].text):
            return last - 1
    return last


def _poster_lines(paras: list[Para]) -> set[int]:
    """A sentence broken over three or more short lines (5月23日 / 全国精神文明建设表彰大会 /
    在京召开 / 我市再次荣获… / 这一国家级殊荣!): a poster, not a headline."""
    out: set[int] = set()
    run: list[int] = []
    for i, p in enumerate(paras + [Para("。" * 40)]):
        if len(p.text) <= 16:
            run.append(i)
            continue
        if len(run) >= 3 and paras[run[-1]].text[-1:] in "。！？!?":
            out.update(run)
        run = []
    return out


def _issuer_fragment(fragment: str, headline: str) -> bool:
    return (len(fragment) <= 8 and bool(re.search(r"(?:政府|街道|办事处|委员会|党委|党工委)$", fragment))
            and bool(re.match(r"^\d{4}年", headline)))


def _clean_headline(doc: Document, text: str, line: int, changes: list[Change]) -> str:
    original = text
    text = P.HEADLINE_LABEL.sub("", text)
    tag = P.LEADING_TAG.match(text)
    if tag:
        rest = text[tag.end():]
        # Site columns bracket the issuing office: [怡园街道]及寨北社区… reads 怡园街道及寨北社区….
        text = tag.group(1).strip() + rest if P.TAG_CONTINUES.match(rest) else rest
    parts = [t for t in P.SERIES_SEPARATOR.split(text) if t]
    if len(parts) > 1 and is_title_like(parts[-1], 60) and len(parts[-1]) >= 6:
        text = parts[-1]
    bar = P.SERIES_BAR.match(text)
    if bar and len(bar.group("headline")) > len(bar.group("series")):
        text = bar.group("headline")
    text = P.COLUMN_PREFIX.sub("", text)
    site = P.SITE_SUFFIX.search(text)
    if site and site.start() >= 6:
        text = text[:site.start()]
    date = P.TRAILING_DATE.search(text)
    if date and len(text[:date.start()]) >= 4:
        doc.meta.setdefault("date_line", date.group("date").strip())
        text = text[:date.start()]
    # The last cell of a disclosure table's row (东柳街道2023年工作总结和2024年工作思路 |), and
    # the dots of a page title cut to length (…第二次会议胜利召开 ...).
    text = P.CUT_SHORT.sub("", text.strip().rstrip("|｜ ")).strip()
    if text != original.strip():
        changes.append(Change("title", "removed", f"around the headline: {_short(original)}", line))
    return text


def _bare_headline(text: str) -> str:
    """A headline line without its editorial tags (【唐已审】【供稿】…), 标题： label and spaces."""
    return re.sub(r"\s+", "", P.HEADLINE_LABEL.sub("", re.sub(r"^(?:[【\[][^】\]]{1,12}[】\]])+", "", text.strip())))


def _drop_repeats(doc: Document, changes: list[Change], also: str = "") -> None:
    """The headline printed again in the page (or after editorial tags: 【唐已审】【供稿】…, or as
    the 标题： row of a disclosure table), whole or set over several short lines (吉林省人民政府关于
    禁止在 / 吉林省嫩江干流补充治理工程建设 / …的通告). `also`: the headline as the page wrote it,
    before its column tag or banner was cut."""
    wanted = {w for w in (re.sub(r"\s+", "", doc.meta.get("title", "")), _bare_headline(also)) if w}
    if not wanted:
        return
    kept = []
    i = 0
    while i < len(doc.paras):
        p = doc.paras[i]
        bare = _bare_headline(p.text)
        if bare in wanted:
            changes.append(Change("title", "removed", f"headline repeated: {_short(p.text)}", p.line))
            i += 1
            continue
        # Set over lines: short lines that together spell the headline.
        joined, j = bare, i + 1
        while (joined and any(w.startswith(joined) and w != joined for w in wanted) and j < len(doc.paras)
               and not _is_sentence_paragraph(doc.paras[j].text) and j - i < REPEAT_LINES_MAX):
            joined += _bare_headline(doc.paras[j].text)
            j += 1
        if joined in wanted and j - i > 1:
            changes.append(Change("title", "removed", f"headline repeated over {j - i} lines: {_short(p.text)}",
                                  p.line))
            i = j
            continue
        kept.append(p)
        i += 1
    doc.paras = kept


# A headline set over this many lines at most is read as one.
REPEAT_LINES_MAX = 6


def _han_digits(text: str) -> str:
    return "".join(re.findall(r"[\u3400-\u9fff0-9]", text))


def summary_lead(doc: Document) -> list[Change]:
    """A lead `摘要:` becomes the Summary; when it repeats the opening it is removed from the body."""
    for i, p in enumerate(doc.paras[:3]):
        m = re.match(r"^(?:摘要|内容摘要|内容提要|提要|导读)\s*[:：]\s*", p.text)
        if not m:
            continue
        lead = re.sub(r"(?:\.{2,}|…+)\s*$", "", p.text[m.end():]).strip()
        rest = _han_digits("".join(q.text for q in doc.paras[i + 1:]))
        repeats = bool(lead) and rest.startswith(_han_digits(lead))
        summary = P.DATELINE.sub("", lead)
        if repeats:
            # The lead is cut mid-word ("今年以来，垎..."); the body has it all, so the summary
            # keeps whole sentences only.
            cut = max(summary.rfind(c) for c in "。！？")
            summary = summary[: cut + 1] if cut >= 0 else summary
        doc.meta["summary"] = summary.strip()
        del doc.paras[i]
        what = "repeats the opening" if repeats else "does not repeat the opening"
        return [Change("summary_lead", "removed", f"摘要 lead ({what}) → Summary", p.line)]
    return []


def dateline(doc: Document) -> list[Change]:
    """A news dateline (鲁网9月15日讯 （记者 杜方奇）, 长乐新闻网讯 1月11日，…, 新华社长春8月19日电)
    gives Source, Author and the day; it is removed from its paragraph (the whole paragraph when
    it is nothing else), and so is a reporter's byline line under it (新华社记者高楠)."""
    changes: list[Change] = []
    for index, p in enumerate(doc.paras[:3]):
        m = P.DATELINE.match(p.text)
        after = P.DATELINE_AFTER.match(p.text) if not m else None
        opening = P.BYLINE_OPENING.match(p.text) if not (m or after) else None
        if not (m or after or opening):
            continue
        if opening:
            # Not a dateline: the paper and its reporter, then the text.
            doc.meta.setdefault("source_line", opening.group("source"))
            doc.meta.setdefault("author", opening.group("author"))
            p.text = p.text[opening.end():]
            return [Change("dateline", "removed", _short(opening.group(0).strip()), p.line)]
        found = m or after
        source = found.group("source")
        doc.meta.setdefault("source_line", _agency(source))
        if _agency(source) != source:
            doc.meta["dateline_place"] = source[len(_agency(source)):]  # 中新网呼和浩特 → 呼和浩特
        if m and m.group("author"):
            doc.meta.setdefault("author", re.sub(r"[、,，]+", " ", m.group("author")))
        year = m.group("year") if m else None
        doc.meta["dateline"] = (f"{year + '-' if year else ''}"
                                f"{int(found.group('month'))}-{int(found.group('day'))}")
        changes.append(Change("dateline", "removed", _short(found.group(0).strip()), p.line))
        p.text = p.text[found.end():].strip()
        if not p.text:
            doc.paras.remove(p)
            nxt = doc.paras[index] if index < len(doc.paras) else None
            if nxt is not None and P.BYLINE_LINE.match(nxt.text):
                names = re.sub(r"^.*?(?:记者|通讯员|作者|文|图)\s*[:：/]?\s*", "", nxt.text)
                doc.meta.setdefault("author", " ".join(re.split(r"[ 、，,]+", names)))
                changes.append(Change("dateline", "removed", f"byline: {nxt.text}", nxt.line))
                doc.paras.remove(nxt)
        return changes
    return changes


def _agency(source: str) -> str:
    """中新网呼和浩特 → 中新网: a wire dateline names the place after the agency."""
    return next((a for a in P.AGENCIES if source.startswith(a) and len(source) > len(a)), source)


_NOT_NAMES = {"试行", "草案", "暂行", "全文", "摘要", "节选", "待续", "完", "图文", "供稿", "原创"}


def trailing_byline(doc: Document) -> list[Change]:
    """A reporter's byline closing the article, （李涛 徐梅） or lines 记者 王军方 / 通讯员 李月
    文/图, becomes Author."""
    changes, names_found = [], []
    while doc.paras and P.BYLINE_LINE.match(doc.paras[-1].text) and len(doc.paras) > 1:
        p = doc.paras.pop()
        names = re.sub(r"^.*?(?:记者|通讯员|作者|文|图)\s*[:：/]?\s*", "", p.text)
        names = re.sub(r"\s*(?:文/图|图/文|摄)$", "", names)
        names_found[:0] = re.split(r"[ 、，,]+", names.strip())
        changes.append(Change("trailing_byline", "removed", p.text, p.line))
    if names_found:
        doc.meta.setdefault("author", " ".join(n for n in names_found if n))
        return changes
    if not doc.paras:
        return []
    p = doc.paras[-1]
    m = P.TRAILING_BYLINE.search(p.text)
    if not m:
        return []
    names = re.split(r"[ 、,，\u3000]+", m.group(1).strip())
    before = p.text[: m.start()].rstrip()
    if any(n in _NOT_NAMES for n in names) or (before and before[-1] not in "。！？”…"):
        return []
    doc.meta.setdefault("author", " ".join(names))
    p.text = before
    if not p.text:
        doc.paras.pop()
    return [Change("trailing_byline", "removed", m.group(0).strip(), p.line)]


def punctuation(doc: Document) -> list[Change]:
    """Half-width , : ; ( ) ! ? in Chinese text → full-width; numbers kept intact."""
    changes = []
    count = 0
    for p in doc.paras:
        converted = to_fullwidth_punctuation(p.text)
        if converted != p.text:
            count += sum(1 for a, b in zip(p.text, converted) if a != b)
            if len(changes) < 3:
                changes.append(Change("punctuation", "changed", _short(converted, 30), p.line))
            p.text = converted
    for key in ("title", "summary"):
        if doc.meta.get(key):
            doc.meta[key] = to_fullwidth_punctuation(doc.meta[key])
    if count:
        changes.insert(0, Change("punctuation", "changed", f"{count} marks made full-width"))
    return changes


def doubled_marks(doc: Document) -> list[Change]:
    """A comma doubled or set before another mark by a converter (，， ，、 ，。) is dropped."""
    changes = []
    for p in doc.paras:
        cleaned = P.DOUBLED_MARK.sub("", p.text)
        if cleaned != p.text:
            changes.append(Change("doubled_marks", "removed",
                                  f"{len(p.text) - len(cleaned)} marks: {_short(cleaned, 24)}", p.line))
            p.text = cleaned
    return changes


NEAR_REPEAT_RATIO = 0.75
NEAR_REPEAT_MIN_LEN = 60


def duplicates(doc: Document) -> list[Change]:
    """A paragraph repeated word for word is kept once; near repeats are kept and flagged."""
    changes, kept, seen = [], [], {}
    for p in doc.paras:
        key = p.text
        if len(key) >= 8 and key in seen:
            changes.append(Change("duplicates", "removed",
                                  f"repeat of line {seen[key]}: {_short(key)}", p.line))
            continue
        seen.setdefault(key, p.line)
        kept.append(p)
    doc.paras = kept
    long_paras = [p for p in kept if len(p.text) >= NEAR_REPEAT_MIN_LEN]
    for b_index, a_index in _near_repeat_pairs(long_paras):
        a, b = long_paras[a_index], long_paras[b_index]
        ratio = difflib.SequenceMatcher(None, a.text, b.text, autojunk=False).ratio()
        changes.append(Change("duplicates", "review", f"near repeat of line {a.line} ({ratio:.0%} "
                                                      f"alike, kept): {_short(b.text)}", b.line))
    return changes


_GRAM = 6
_CANDIDATES_PER_PARAGRAPH = 5
_COMMON_GRAM = 50


def _near_repeat_pairs(paras: list[Para]) -> list[tuple[int, int]]:
    """(later, earlier) index pairs of near-repeat paragraphs, each later one paired once.

    Comparing every pair is quadratic (minutes for a 1 MB report); only paragraphs sharing
    several 6-character pieces are compared, and each with its few best candidates.
    """
    grams: dict[str, list[int]] = {}
    pairs = []
    for i, p in enumerate(paras):
        text = p.text
        shared: dict[int, int] = {}
        own = {text[j:j + _GRAM] for j in range(0, len(text) - _GRAM + 1)}
        for gram in own:
            earlier_ones = grams.get(gram, ())
            # A piece in many paragraphs (a place name, a stock phrase) tells nothing.
            if len(earlier_ones) > _COMMON_GRAM:
                continue
            for earlier in earlier_ones:
                shared[earlier] = shared.get(earlier, 0) + 1
        best = sorted(shared.items(), key=lambda kv: -kv[1])[:_CANDIDATES_PER_PARAGRAPH]
        for earlier, count in best:
            a = paras[earlier].text
            if count < len(own) * 0.2 or not 0.7 <= len(a) / len(text) <= 1.43:
                continue
            matcher = difflib.SequenceMatcher(None, a, text, autojunk=False)
            if matcher.quick_ratio() >= NEAR_REPEAT_RATIO and matcher.ratio() >= NEAR_REPEAT_RATIO:
                pairs.append((i, earlier))
                break
        for gram in own:
            grams.setdefault(gram, []).append(i)
    return pairs


HEADING_MAX = 30
_LIST_ITEM = re.compile(r"：|\d+(?:\.\d+)?[余多]?(?:人次|人|户|件|个|家|名|次|条|元|万元)")
FIRST_SENTENCE_MAX = 25
# Photo captions and credits are short lines without final punctuation, but not headings.
_CAPTION = re.compile(r"^(?:图为|图片|图：|图/|摄影|摄像|视频|记者|通讯员|编辑|来源)")


def _list_runs(paras: list[Para]) -> set[int]:
    """Indices of unnumbered short lines standing in a run of LIST_RUN or more: a list of names
    (大连市甘井子区营城子街道金龙寺沟村 / …) or a poster, not a row of subheadings."""
    out: set[int] = set()
    run: list[int] = []
    for i, p in enumerate(paras + [Para("。")]):
        short = (not p.level and is_title_like(p.text, HEADING_MAX)
                 and not any(rx.match(p.text) for _, rx in P.OUTLINE))
        if short:
            run.append(i)
            continue
        if len(run) >= P.LIST_RUN:
            out.update(run)
        run = []
    return out


def outline(doc: Document) -> list[Change]:
    """Report numbering (一、 （一） 1、 1. （1）) and short title-like lines become headings."""
    changes, out = [], []
    last_level = 1
    numbered_doc = any(rx.match(p.text) for p in doc.paras for _, rx in P.OUTLINE[:2])
    listed = _list_runs(doc.paras)
    for index, p in enumerate(doc.paras):
        if p.level:
            out.append(p)
            last_level = p.level
            continue
        level = next((int(tag[1]) for tag, rx in P.OUTLINE if rx.match(p.text)), 0)
        text = p.text
        if level:
            if is_title_like(text, HEADING_MAX) and not _LIST_ITEM.search(text):
                p.level = level
            else:
                # "（一）标题。正文……": the short first sentence is the heading. A label with a
                # value (项目：手续中。) or a count (12人) is a list item, not a heading.
                m = re.match(r"^([^。！？：]{2,%d})[。！？]" % FIRST_SENTENCE_MAX, text)
                if m and m.end() == len(text):
                    p.text, p.level = m.group(1), level
                elif m and len(text) - m.end() >= 10:
                    out.append(Para(m.group(1), p.line, level))
                    changes.append(Change("outline", "changed", f"h{level}: {m.group(1)}", p.line))
                    p.text = text[m.end():]
                    last_level = level
            if p.level:
                last_level = p.level
                changes.append(Change("outline", "changed", f"h{level}: {p.text}", p.line))
        elif (is_title_like(text, 22) and not text.endswith(("”", "’")) and index + 1 < len(doc.paras)
              and "：" not in text and not _CAPTION.match(text) and not P.CAPTION.search(text)
              and index not in listed):
            p.level = min(last_level + 1, 5) if numbered_doc else 2
            changes.append(Change("outline", "changed", f"h{p.level}: {text}", p.line))
        out.append(p)
    doc.paras = out
    return changes


def truncated(doc: Document) -> list[Change]:
    """Paragraphs that stop mid-sentence are reported for review, never completed."""
    changes = []
    for p in doc.paras:
        text = p.text
        if p.level or not text or text[-1] in P.FINAL_PUNCTUATION:
            if not p.level and text.endswith(("”", "’")) and len(text) > 15 and "，" not in text[-8:] \
                    and "。" not in text:
                changes.append(Change("truncated", "review",
                                      f"line breaks off after a quotation: {_short(text)}", p.line))
            continue
        if "：" in text or len(text) <= HEADING_MAX and "，" not in text:
            continue
        changes.append(Change("truncated", "review", f"no final punctuation: …{text[-16:]}", p.line))
    return changes


def empty_sections(doc: Document) -> list[Change]:
    """Headings with nothing under them are reported (the source left them empty)."""
    changes = []
    for i, p in enumerate(doc.paras):
        if not p.level:
            continue
        nxt = doc.paras[i + 1] if i + 1 < len(doc.paras) else None
        if nxt is None or (nxt.level and nxt.level <= p.level):
            changes.append(Change("empty_sections", "review", f"empty section: {p.text}", p.line))
    return changes


def placeholders(doc: Document) -> list[Change]:
    """Anonymised places (XX街道, XX区) are reported; they are never resolved to places."""
    found: dict[str, int] = {}
    for p in doc.paras:
        for m in P.PLACEHOLDER.finditer(p.text):
            found.setdefault(m.group(0), p.line)
    if found:
        doc.meta["placeholders"] = ",".join(found)
    return [Change("placeholders", "review", f"placeholder {name}", line)
            for name, line in found.items()]


PIPELINE: list[Step] = [
    Step("spaces", spaces, spaces.__doc__),
    Step("split_glosses", split_glosses, split_glosses.__doc__),
    Step("pinyin_glosses", pinyin_glosses, pinyin_glosses.__doc__),
    Step("simplified", simplified, simplified.__doc__),
    Step("junk_symbols", junk_symbols, junk_symbols.__doc__),
    Step("watermark", watermark, watermark.__doc__),
    Step("label_values", label_values, label_values.__doc__),
    Step("boilerplate", boilerplate, boilerplate.__doc__),
    Step("meta_lines", meta_lines, meta_lines.__doc__),
    Step("title", title, title.__doc__),
    Step("summary_lead", summary_lead, summary_lead.__doc__),
    Step("dateline", dateline, dateline.__doc__),
    Step("trailing_byline", trailing_byline, trailing_byline.__doc__),
    Step("punctuation", punctuation, punctuation.__doc__),
    Step("doubled_marks", doubled_marks, doubled_marks.__doc__),
    Step("duplicates", duplicates, duplicates.__doc__),
    Step("outline", outline, outline.__doc__),
    Step("truncated", truncated, truncated.__doc__),
    Step("empty_sections", empty_sections, empty_sections.__doc__),
    Step("placeholders", placeholders, placeholders.__doc__),
]
STEPS = {s.name: s for s in PIPELINE}


def clean(doc: Document, pipeline: list[Step] = PIPELINE) -> Document:
    for step in pipeline:
        doc.changes.extend(step.run(doc))
    return doc
