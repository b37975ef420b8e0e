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
    """Pinyin glosses inserted after characters (魯網(wǎng)) removed."""
    changes = []
    for p in doc.paras:
        found = P.PINYIN_GLOSS.findall(p.text)
        if found:
            p.text = P.PINYIN_GLOSS.sub("", p.text)
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


def boilerplate(doc: Document) -> list[Change]:
    """Site furniture lines removed: 设为首页, breadcrumbs, image file names, 上一篇, footers."""
    changes, kept = [], []
    for p in doc.paras:
        kind = next((k for k, rx in P.BOILERPLATE_LINES if rx.search(p.text)), None)
        # Footer patterns search anywhere in a line; a long paragraph that merely mentions
        # 版权所有 is article text.
        if kind == "footer" and len(p.text) > 80:
            kind = None
        if kind:
            changes.append(Change("boilerplate", "removed", f"{kind}: {_short(p.text)}", p.line))
        else:
            kept.append(p)
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
    A line that is only a date (2019年5月22日) is a date line too."""
    if P.BARE_DATE.match(text):
        return {"date": text.strip()}
    if not P.META_LINE.match(text) or len(text) > 160:
        return None
    fields = list(P.META_FIELD.finditer(text))
    values = {}
    for i, m in enumerate(fields):
        end = fields[i + 1].start() if i + 1 < len(fields) else len(text)
        value = text[m.end():end].strip(" 　|｜【】[]")
        if len(value) > 40 or _SENTENCE_END.search(value):
            return None
        values.setdefault(P.META_LABELS[m.group(1)], value)
    return values


def meta_lines(doc: Document) -> list[Change]:
    """来源/点击/时间/发布部门 lines removed; their date, source and publisher kept as metadata."""
    first, last = _zone_bounds(doc.paras)
    changes, kept = [], []
    for i, p in enumerate(doc.paras):
        values = parse_meta_line(p.text) if (i < first or i > last) else None
        if values is None:
            kept.append(p)
            continue
        for key in ("date", "source", "publisher", "author"):
            if values.get(key) and not doc.meta.get(key + "_line"):
                doc.meta[key + "_line"] = values[key]
        changes.append(Change("meta_lines", "removed", _short(p.text, 60), p.line))
        doc.meta.setdefault("meta_line_index", str(len(kept)))
    doc.paras = kept
    return changes


def title(doc: Document) -> list[Change]:
    """The title found: the line before the 来源/时间 line of a page, or a title-like first line;
    navigation labels above it are dropped."""
    changes = []
    meta_at = doc.meta.pop("meta_line_index", None)
    page_title = doc.meta.pop("page_title", "")
    if doc.meta.get("title"):
        wanted = doc.meta["title"]
        for p in list(doc.paras[:5]):
            if p.text.strip("[]【】 ") == wanted.strip("[]【】 "):
                doc.paras.remove(p)
                changes.append(Change("title", "found", wanted, p.line))
                break
        return changes
    index = None
    if meta_at is not None and 0 < int(meta_at) <= len(doc.paras):
        candidate = int(meta_at) - 1
        if is_title_like(doc.paras[candidate].text, 60):
            index = candidate
    if index is None:
        # Above the body of a saved page (furniture was removed) the headline is the last
        # title-like line, after column labels (新区时政); in a plain document, the first.
        page = any(c.step in ("boilerplate", "meta_lines") and c.action == "removed"
                   for c in doc.changes)
        first_long, _ = _zone_bounds(doc.paras)
        candidates = [i for i, p in enumerate(doc.paras[: min(first_long, 6)])
                      if is_title_like(p.text, 60)]
        if candidates:
            index = candidates[-1] if page else candidates[0]
    if index is None and doc.paras and is_title_like(doc.paras[0].text, 60) \
            and len(doc.paras) > 1 and len(doc.paras[1].text) > len(doc.paras[0].text):
        index = 0
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
        return changes
    found = doc.paras[index]
    for p in doc.paras[:index]:
        changes.append(Change("title", "removed", f"navigation above the title: {_short(p.text)}",
                              p.line))
    # Site columns bracket the issuing office: [怡园街道]及寨北社区… reads 怡园街道及寨北社区….
    doc.meta["title"] = re.sub(r"^[\[【]([^\]】]{1,20})[\]】]", r"\1", found.text).strip()
    changes.append(Change("title", "found", doc.meta["title"], found.line))
    doc.paras = doc.paras[index + 1:]
    return changes


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
    """A news dateline (鲁网9月15日讯 （记者 杜方奇）) gives Source, Author and the day; it is
    removed from the first paragraph."""
    if not doc.paras:
        return []
    p = doc.paras[0]
    m = P.DATELINE.match(p.text)
    if not m or len(p.text) <= m.end():
        return []
    doc.meta.setdefault("source_line", m.group("source"))
    if m.group("author"):
        doc.meta.setdefault("author", re.sub(r"[、,，]+", " ", m.group("author")))
    doc.meta["dateline"] = (f"{m.group('year') + '-' if m.group('year') else ''}"
                            f"{int(m.group('month'))}-{int(m.group('day'))}")
    p.text = p.text[m.end():]
    return [Change("dateline", "removed", _short(m.group(0).strip()), p.line)]


_NOT_NAMES = {"试行", "草案", "暂行", "全文", "摘要", "节选", "待续", "完", "图文", "供稿", "原创"}


def trailing_byline(doc: Document) -> list[Change]:
    """A reporter's byline closing the article, （李涛 徐梅）, becomes Author."""
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


def outline(doc: Document) -> list[Change]:
    """Report numbering (一、 （一） 1、 1. （1）) and short title-like lines become headings."""
    changes, out = [], []
    last_level = 1
    numbered_doc = any(rx.match(p.text) for p in doc.paras for _, rx in P.OUTLINE[:2])
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
              and "：" not in text and not _CAPTION.match(text)):
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
    Step("boilerplate", boilerplate, boilerplate.__doc__),
    Step("meta_lines", meta_lines, meta_lines.__doc__),
    Step("title", title, title.__doc__),
    Step("summary_lead", summary_lead, summary_lead.__doc__),
    Step("dateline", dateline, dateline.__doc__),
    Step("trailing_byline", trailing_byline, trailing_byline.__doc__),
    Step("punctuation", punctuation, punctuation.__doc__),
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
