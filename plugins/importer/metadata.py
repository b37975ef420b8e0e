"""Front-matter values read from a cleaned document: title, date, kind, places, topics, tags."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from plugins.article_meta.topics import Topic
from plugins.gazetteer import Gazetteer
from plugins.gazetteer.resolve import ZONE_WEIGHTS, Piece, communities_in_text, resolve

from . import patterns as P
from .dates import FoundDate, parse_date, period_of, period_years, report_date
from .document import Change, Document

TOPIC_MIN_HITS = 3       # keyword occurrences for a topic to be assigned
TOPIC_MAX = 5
TAG_MAX = 8


def kind_of(doc: Document) -> str:
    """report (工作总结/报告/计划, a community profile, a yearbook entry) or news."""
    title = doc.meta.get("title", "")
    text = doc.text[:2000]
    if P.REPORT_TITLE.search(title) or P.REPORT_PHRASE.search(text):
        return "report"
    # A profile: titled with a place's name alone, and describing it (地处…, 辖区面积…).
    if P.PROFILE_TITLE.match(title) and P.PROFILE_PHRASE.search(text):
        return "report"
    # A year's review opening the text (2020年，海秀街以…为目标): a yearbook entry or summary;
    # but a page dated in that very year tells that year's news (2020年，因为疫情影响… on a page
    # of 2020-09-11): a year is reviewed after it ends.
    opening = P.YEAR_REVIEW_OPENING.match(doc.paras[0].text) if doc.paras else None
    if opening and opening.group("year") not in _page_years(doc):
        return "report"
    return "news"


def _page_years(doc: Document) -> set[str]:
    """The years of the dates the page states for itself (时间 line, beside the headline, meta)."""
    years = set()
    for key in ("date_line", "head_date", "page_date"):
        found = parse_date(doc.meta.get(key, "")) if doc.meta.get(key) else None
        if found:
            years.add(str(found.year))
    return years


# A news text that opens with a full date (2018年3月5日，街道…) reports that day's event.
_OPENING_DATE = re.compile(r"^\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:上午|下午|晚上|晚)?[，,、\s]")
_FULL_DATE = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A page's date may follow its dateline by this many days (a wire story is put online later).
DATELINE_TO_PAGE_DAYS = 7
# A page date this long after a deadline the text sets (可于…前, 公示期) is a repost or crawl time.
REPOST_AFTER_DAYS = 730


def _full_dates(text: str) -> list[dt.date]:
    found = []
    for m in _FULL_DATE.finditer(text):
        try:
            found.append(dt.date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            continue
    return found


def _dateline_day(doc: Document) -> tuple[int, int] | None:
    parts = doc.meta.get("dateline", "").split("-")
    return (int(parts[-2]), int(parts[-1])) if len(parts) >= 2 else None


def page_date_problem(doc: Document, page: FoundDate) -> str:
    """Why the page's date is not the document's, or "" when it may be."""
    if page.precision != "day":
        return ""
    day = dt.date(page.year, page.month, page.day)
    dateline = _dateline_day(doc)
    if dateline:
        month, d = dateline
        candidates = []
        for year in (page.year, page.year - 1):
            try:
                candidates.append(dt.date(year, month, d))
            except ValueError:
                continue
        if not any(0 <= (day - c).days <= DATELINE_TO_PAGE_DAYS for c in candidates):
            return (f"the page date {day} does not follow the dateline ({month}月{d}日): it is the "
                    "time of another page or a repost")
    deadlines = _deadlines(doc.text)
    if deadlines and (day - max(deadlines)).days > REPOST_AFTER_DAYS:
        return (f"the page date {day} is years after the text's own deadline ({max(deadlines)}): "
                "a repost time")
    return ""


def _deadlines(text: str) -> list[dt.date]:
    """Dates the text sets as deadlines or terms (可于2016年10月23日前, 公示期…至2016年10月23日):
    the text was written before them."""
    found = []
    for m in _FULL_DATE.finditer(text):
        before, after = text[max(0, m.start() - 12):m.start()], text[m.end():m.end() + 3]
        if re.match(r"(?:前|之前|止|截止)", after) or re.search(r"(?:公示期|报名|截止|期限|征集|申报)", before):
            try:
                found.append(dt.date(int(m[1]), int(m[2]), int(m[3])))
            except ValueError:
                continue
    return found


def date_of(doc: Document, kind: str, notes: list[str] | None = None) -> tuple[FoundDate | None, str]:
    """(date, how it was found). News is dated by its page (时间 line, page metadata, a date
    under or after the headline, a signature date) unless the page's date contradicts the
    dateline or is years after every date of the text; then by a dateline whose year the text
    gives; then by a full date opening its text. The figures in a news text are not its date.
    A report's covered period is not its date (see dates.report_date). `notes` receives why a
    page date was not used."""
    notes = notes if notes is not None else []
    rejected = None
    # The page's own statements first: its 时间/发布日期 line, the date beside its headline; then
    # the document's signature or 成文日期 (a notice is signed a day before it is published);
    # htmldate's reading of the page last.
    for key, how in (("date_line", "时间 line"), ("head_date", "the date beside the headline"),
                     ("written_line", "signature date"), ("page_date", "page metadata")):
        if doc.meta.get(key):
            found = parse_date(doc.meta[key])
            if found:
                problem = page_date_problem(doc, found)
                if not problem:
                    return found, how
                notes.append(problem)
                rejected = problem
                break
    dateline = doc.meta.get("dateline", "")
    if dateline.count("-") == 2:
        y, m, d = map(int, dateline.split("-"))
        return FoundDate.of_parts(y, m, d, dateline), "dateline"
    day = _dateline_day(doc)
    if day:
        # 长乐新闻网讯 1月11日 … 公示期为2018年1月11日至…: the text gives the dateline's year.
        years = {e.year for e in _full_dates(doc.text) if (e.month, e.day) == day}
        if len(years) == 1:
            year = years.pop()
            return FoundDate.of_parts(year, day[0], day[1], f"{year}年{day[0]}月{day[1]}日"), "dateline, year from the text"
    if rejected and "repost" in rejected:
        # The page is a copy made years later; the document's own dates agree on its year.
        years = {e.year for e in _full_dates(doc.meta.get("title", "") + "\n" + doc.text)}
        if len(years) == 1:
            year = years.pop()
            return FoundDate.of_parts(year, 0, 0, str(year)), f"text: every date of the text is in {year}"
    opening = doc.paras[0].text if doc.paras else ""
    if kind == "report":
        found = report_date(doc.meta.get("title", ""), opening, doc.text)
        if found:
            return found, f"text: {found.source}"
    m = _OPENING_DATE.match(opening)
    if kind == "news" and m:
        found = parse_date(m.group(1))
        if found:
            return found, f"text: {found.source}"
    return None, ""


# (青岛市崂山区人民政府金家岭街道办事处供稿): who supplied the text, inside the body.
_CONTRIBUTOR = re.compile(r"[（(]([^（）()]{4,40}?)(?:供稿|供图|提供|撰稿)[）)]")


_PLACE_PREFIX = re.compile(r"^([^：:，,“”]{2,8})[：:]")
# 银川日报, 霸州发布, and the 今日 of 今日湖北 and 今日永康.
_MEDIUM = re.compile(P.MEDIA_SUFFIX + r"$|^今日")


def place_pieces(doc: Document) -> list[Piece]:
    """The document cut into the parts a reader weighs differently when asking where it is
    from: headline, source and publisher lines (and a contributor or signature line), dateline,
    lead paragraph, the rest."""
    pieces = []
    title = doc.meta.get("title", "")
    prefix = _PLACE_PREFIX.match(title)
    if prefix:
        # 银川：社区工作者见证小社区大变化: the place before the colon says where the story is
        # from, as a dateline does; the story may be about a part of it.
        pieces.append(Piece(prefix.group(1), ZONE_WEIGHTS["dateline"], "dateline"))
        title = title[prefix.end():]
    if title:
        pieces.append(Piece(title, ZONE_WEIGHTS["headline"], "headline"))
    sources = [doc.meta.get(k, "") for k in ("source_line", "publisher_line", "head_source")]
    sources += _CONTRIBUTOR.findall(doc.text)
    if doc.paras and P.PUBLISHER_LINE.match(doc.paras[-1].text) and len(doc.paras) > 1:
        sources.append(doc.paras[-1].text)  # 落款: the signing body under a report
    for source in dict.fromkeys(s for s in sources if s):
        # A newspaper or site named after a place (银川日报, 今日湖北) only says where it is
        # printed; an office (沙坪坝区中梁镇人民政府) is the document's own.
        zone = "body" if _MEDIUM.search(source) else "source"
        pieces.append(Piece(source, ZONE_WEIGHTS[zone], zone))
    if doc.meta.get("dateline_place"):
        pieces.append(Piece(doc.meta["dateline_place"], ZONE_WEIGHTS["dateline"], "dateline"))
    body = [p.text for p in doc.paras]
    # The lead is the first paragraph of text: not a heading, not a photo caption.
    lead = next((i for i, p in enumerate(doc.paras)
                 if not p.level and not P.CAPTION.search(p.text) and len(p.text) >= 15), None)
    if lead is not None:
        pieces.append(Piece(body[lead], ZONE_WEIGHTS["lead"], "lead"))
        del body[lead]
    pieces.append(Piece("\n".join(body), ZONE_WEIGHTS["body"], "body"))
    return pieces


def topics_of(text: str, title: str, topics: list[Topic]) -> tuple[list[str], Counter]:
    scored = []
    hits_by_keyword: Counter = Counter()
    for t in topics:
        hits = 0
        for kw in t.keywords:
            n = text.count(kw) + 2 * title.count(kw)
            hits += n
            if n:
                hits_by_keyword[kw] += n
        if hits >= TOPIC_MIN_HITS:
            scored.append((hits, t.name))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [name for _, name in scored[:TOPIC_MAX]], hits_by_keyword


_QUOTED = re.compile(r"“([\u4e00-\u9fff0-9A-Za-z+]{2,8})”")


def tags_of(text: str, keyword_hits: Counter, exclude: set[str]) -> list[str]:
    """Named initiatives quoted in the text (“接诉即办”) and the most used topic keywords."""
    quoted = Counter(m.group(1) for m in _QUOTED.finditer(text))
    tags = [q for q, n in quoted.most_common() if n >= 2 and re.search(r"[\u4e00-\u9fff]", q)]
    tags += [k for k, n in keyword_hits.most_common() if n >= 3]
    out = []
    for t in tags:
        if t not in out and t not in exclude:
            out.append(t)
    return out[:TAG_MAX]


TITLE_MAX = 40


def proposed_title(doc: Document, kind: str, place: str, date: FoundDate | None,
                   period: str = "") -> str:
    """A title for a document without one: for a report, place + year + what it reports
    (现将具体工作情况汇报如下 → 工作情况汇报); for news, its first sentence."""
    if kind == "report":
        m = re.search(r"现将(?:具体|有关|主要)?(.{0,12}?)(汇报|报告|总结)如下", doc.text[:3000])
        what = (m.group(1) + m.group(2)) if m else "工作报告"
        if not what.startswith("工作") and not re.match(r"\d{4}年", what):
            what = "工作" + what if m and not m.group(1) else what
        year = period[:4] if period else (str(date.year) if date else "")
        year = f"{year}年" if year and not re.match(r"\d{4}年", what) else ""
        return f"{place}{year}{what}"
    return opening_sentence(doc)


def opening_sentence(doc: Document) -> str:
    """The document's first sentence, without a leading date or salutation, cut to TITLE_MAX
    at a comma. A sentence broken over short lines (a poster) is read whole."""
    paras = [p.text for p in doc.paras]
    i = 0
    while i < len(paras) and (re.fullmatch(r"[^\w\u4e00-\u9fff]*[^。！？]{0,12}[:：]", paras[i])
                              or not re.search(r"[\u4e00-\u9fff]", paras[i])):
        i += 1  # 广大居民朋友：
    text = ""
    for para in paras[i:]:
        text += para
        if len(para) > 16 or para[-1:] in "。！？!?":
            break
    text = re.sub(r"^[^\w\u4e00-\u9fff“]+", "", text)
    text = re.sub(r"^\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?[，,]?", "", text)
    sentence = re.split(r"[。！？!?]", text)[0]
    if len(sentence) > TITLE_MAX:
        cut = max(sentence.rfind(c, 0, TITLE_MAX) for c in "，、；")
        sentence = sentence[:cut] if cut >= 8 else sentence[:TITLE_MAX]
    return sentence


def apply(doc: Document, gazetteer: Gazetteer, topics: list[Topic]) -> list[Change]:
    """Fill doc.meta with the front-matter values; return what was found or guessed."""
    changes = []
    kind = kind_of(doc)
    doc.meta["kind"] = kind
    notes: list[str] = []
    found, how = date_of(doc, kind, notes)
    for note in notes:
        changes.append(Change("metadata", "found", f"date not used: {note}"))
    period = period_of(doc.meta.get("title", ""), doc.text) if kind == "report" else ""
    if period and (found is None or found.year not in period_years(period)):
        # The period is written when the date does not already place the report in it: no
        # date (the period is what browsing by year has), or a date outside it (a 2021
        # summary published 2022-02-01).
        doc.meta["period"] = period
        changes.append(Change("metadata", "found", f"period {period} (what the report covers)"))
    if found:
        doc.meta["date"], doc.meta["date_precision"] = found.full_iso, found.precision
        guessed = how.startswith("text")
        changes.append(Change("metadata", "guessed" if guessed else "found",
                              f"date {found.full_iso} ({found.precision}) from {how}"))
        if guessed and (found.precision != "year" or notes):
            # A 截至 date dates the figures, not the report; a year read from the text of a
            # page whose own date was set aside is a guess too: an editor should confirm it.
            doc.add_review("date")
    else:
        doc.meta["date_precision"] = "unknown"
        changes.append(Change("metadata", "found", "date unknown: the text gives no year"))

    text = doc.meta.get("title", "") + "\n" + doc.text
    resolution = resolve(gazetteer, pieces=place_pieces(doc))
    for level, name in resolution.path.items():
        doc.meta[level] = name
    for note in resolution.evidence:
        changes.append(Change("places", "found", note))
    for note in resolution.review:
        changes.append(Change("places", "review", note))
        doc.add_review("place")
    placeholder_review = doc.meta.get("placeholders")
    if placeholder_review and "street" not in resolution.path:
        doc.add_review("place")
    # A province holds tens of thousands of communities: names matched across it say little
    # (and cost a second per document); from the city down they name the document's own.
    if resolution.division is not None and resolution.division.level != "province":
        communities = communities_in_text(gazetteer, resolution.division.code, text)
        if communities:
            doc.meta["communities"] = ", ".join(communities)

    if not doc.meta.get("title"):
        place = resolution.path.get("street") or resolution.path.get("district") or ""
        doc.meta["title"] = proposed_title(doc, kind, place, found, period)
        doc.add_review("title")
        changes.append(Change("metadata", "guessed", f"no title in the document; proposed "
                                                     f"“{doc.meta['title']}”"))
    names, keyword_hits = topics_of(doc.text, doc.meta["title"], topics)
    if names:
        doc.meta["topics"] = ", ".join(names)
    places = set(resolution.path.values()) | {n for n in doc.meta.get("communities", "").split(", ") if n}
    tags = tags_of(doc.text, keyword_hits, places | set(names))
    if tags:
        doc.meta["tags"] = ", ".join(tags)
    for key in ("source_line", "publisher_line", "author_line"):
        if doc.meta.get(key):
            doc.meta.setdefault(key[: -len("_line")], doc.meta[key])
    return changes
