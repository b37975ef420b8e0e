"""Front-matter values read from a cleaned document: title, date, kind, places, topics, tags."""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from plugins.gazetteer import Gazetteer
from plugins.gazetteer.resolve import communities_in_text, resolve

from . import patterns as P
from .dates import FoundDate, parse_date, report_date
from .document import Change, Document

TOPIC_MIN_HITS = 3       # keyword occurrences for a topic to be assigned
TOPIC_MAX = 5
TAG_MAX = 8


@dataclass(frozen=True)
class Topic:
    name: str
    slug: str
    keywords: tuple[str, ...]


def load_topics(data_dir: Path) -> list[Topic]:
    path = Path(data_dir) / "topics.toml"
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{path}: {e}") from None
    topics = []
    for i, t in enumerate(data.get("topic", []), start=1):
        missing = [k for k in ("name", "slug", "keywords") if not t.get(k)]
        if missing:
            raise ValueError(f"{path}: topic #{i} lacks {', '.join(missing)}")
        topics.append(Topic(t["name"], t["slug"], tuple(t["keywords"])))
    return topics


def kind_of(doc: Document) -> str:
    title = doc.meta.get("title", "")
    if P.REPORT_TITLE.search(title) or P.REPORT_PHRASE.search(doc.text[:2000]):
        return "report"
    return "news"


# A news text that opens with a full date (2018年3月5日，街道…) reports that day's event.
_OPENING_DATE = re.compile(r"^\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:上午|下午|晚上|晚)?[，,、\s]")


def date_of(doc: Document, kind: str) -> tuple[FoundDate | None, str]:
    """(date, how it was found). News is dated by its page (时间 line, page metadata or a
    dateline with a year) or by a full date opening its text; the figures in a news text are
    not its date."""
    for key, how in (("date_line", "时间 line"), ("page_date", "page metadata")):
        if doc.meta.get(key):
            found = parse_date(doc.meta[key])
            if found:
                return found, how
    dateline = doc.meta.get("dateline", "")
    if dateline.count("-") == 2:
        y, m, d = map(int, dateline.split("-"))
        return FoundDate(y, m, d, dateline), "dateline"
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
    found, how = date_of(doc, kind)
    if found:
        doc.meta["date"], doc.meta["date_precision"] = found.iso(), found.precision
        guessed = how.startswith("text")
        changes.append(Change("metadata", "guessed" if guessed else "found",
                              f"date {found.iso()} ({found.precision}) from {how}"))
        if guessed and found.precision != "year":
            # A 截至 date dates the figures, not the report: an editor should confirm it.
            doc.add_review("date")
    else:
        doc.meta["date_precision"] = "unknown"
        changes.append(Change("metadata", "found", "date unknown: the text gives no year"))

    text = doc.meta.get("title", "") + "\n" + doc.text
    resolution = resolve(gazetteer, text)
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
    if resolution.division is not None:
        communities = communities_in_text(gazetteer, resolution.division.code, text)
        if communities:
            doc.meta["communities"] = ", ".join(communities)

    if not doc.meta.get("title"):
        place = resolution.path.get("street") or resolution.path.get("district") or ""
        doc.meta["title"] = proposed_title(doc, kind, place, found)
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
