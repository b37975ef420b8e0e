"""`invoke eval --truth DIR [--truth DIR…]`: import labelled folders and measure the labels a careful
reader gave. Several folders are measured as one set (the development set of issue 13 is
tests/data/devset and tests/data/devset-html together).

DIR holds raw documents (any suffix the importer reads) each with a JSON sidecar of the same
stem (tests/data/devset/README.md explains the fields). Every document is imported into a
temporary folder exactly as `invoke import` does; the articles are read back and compared:

- title: the headline, compared folded (Simplified, half-width punctuation, no spaces). When
  the reader found no headline, a proposed title flagged `Review: title` is right.
- date: the value at the reader's precision (a day; a year for `year_only`); `unknown` when the
  text shows none.
- kind.
- province … street: right (the reader's name or an `_alt` name; a level the reader left empty
  may hold the name the site address gives, or the one the gazetteer puts between two levels the
  reader gave, since the front matter must name the whole path), empty, or a **wrong guess**
  (a name where the reader put none or another one).
- furniture: body lines that are page furniture: a line matching a furniture pattern below, a
  string the sidecar's `notes` quote as boilerplate/footer/header/breadcrumb…, a snippet of a saved
  page's `body_without` (what its reader saw as furniture), or the headline repeated in the body.
- honours and initiatives: the timeline's own extraction (plugins/timeline/extract.py) over the
  sentences of the article as the site renders it. The timeline keeps one entry per article,
  type and name (plugins/timeline/model.py: entry_id), so both sides are counted that way: an
  honour given to 25 villages in one list is one entry. Names are compared folded, without
  quotes; a name inside the other (第三批全国示范步行街 / 全国示范步行街) matches when it keeps
  most of it.

Prints a table and one line per miss; exits non-zero only when something fails to run
(no folder, an unreadable sidecar, missing reference data).
"""
from __future__ import annotations

import datetime
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import markdown

from plugins.article_meta.dates import PreciseDate
from plugins.article_meta.schema import split_list
from plugins.article_meta.textview import HtmlText
from plugins.gazetteer import LEVELS, Gazetteer
from plugins.timeline.extract import extract
from plugins.zhtext.fold import fold, to_simplified
from plugins.zhtext.sentences import sentence_spans

from .article import ArticleFile
from .importer import RAW_SUFFIXES, Options, import_paths

ROOT = Path(__file__).resolve().parent.parent.parent

# --- what counts as page furniture when it is left in a body -----------------------------
# Written from what readers call furniture (issue 13), apart from the importer's own
# patterns.py: measuring the importer with its own rules would find nothing by construction.
# Lines are folded (Simplified) before matching; only short lines are furniture.
FURNITURE_MAX_LINE = 100
FURNITURE = [
    ("breadcrumb", re.compile(r"(?:当前位置|您的位置|您现在的位置|所在位置)\s*[:：]?"
                              r"|^\S{0,12}\s*(?:首页|网站首页|主页)?\s*[>＞»›]{1,2}\s*\S+\s*[>＞»›]")),
    ("footer", re.compile(r"版权所有|版权声明|Copyright|©|ICP备|ICP证|公网安备|主办单位[:：]|承办单位[:：]"
                          r"|技术支持[:：]|网站简介|联系方法|招聘信息|网站地图|Produced By|不良信息举报"
                          r"|免责声明|联系我们", re.I)),
    ("font-bar", re.compile(r"大字体|小字体|扫码带走|字号[:：]|字体[:：]|放大\s*缩小|扫一扫")),
    ("share-comment", re.compile(r"^分享(?:到)?[:：]?$|我要评论|网友评论|发表评论|评论[:：]\s*\d|设为首页"
                                 r"|加入收藏|打印本页|关闭窗口|[\[【](?:打印|关闭|收藏|推荐)[\]】]")),
    ("related", re.compile(r"^(?:相关(?:阅读|新闻|文章|链接|信息|词条|搜索|搜寻)|热门词条|延伸阅读"
                           r"|推荐阅读|猜你喜欢)")),
    ("prev-next", re.compile(r"上一篇|下一篇|上一版|下一版|上一期|下一期|标题导航|返回主页|返回首页"
                             r"|返回顶部")),
    ("meta-line", re.compile(r"^(?:本文|文章|信息|稿件)?来源\s*[:：]|^(?:发布|发稿|更新)时间\s*[:：]"
                             r"|点击(?:数|率)?\s*[:：]|浏览(?:量|次数)\s*[:：]|^(?:责任编辑|责编)\s*[:：]")),
    ("image-file", re.compile(r"\.(?:jpe?g|png|gif|bmp|webp)$", re.I)),
]
# A line opening with a copyright notice is a footer whatever its length.
FURNITURE_OPENING = re.compile(r"^(?:版权声明|版权所有|copyright|©)", re.I)
# Clauses of a sidecar's `notes` that describe furniture; the strings they quote ('…') are
# looked for in the body. Photo captions and stray characters are noise, not furniture.
NOTES_FURNITURE = re.compile(r"boilerplate|footer|header|breadcrumb|chrome|toolbar|watermark|"
                             r"navigation|nav line|spam|tag line|column tag|site name|teaser|"
                             r"social-media|copyright|page number|layout|menu", re.I)
NOTES_NOT_FURNITURE = re.compile(r"caption|stray", re.I)
_QUOTED = re.compile(r"'([^']{1,120})'")
_MARKER_IN_TEXT = 5   # markers this long are looked for anywhere; shorter ones as whole lines

_QUOTES = re.compile(r"[“”‘’\"'《》〈〉「」『』\s]")


def norm(text: str | None) -> str:
    """Folded for comparison: Simplified, half-width punctuation, no spaces."""
    text = unicodedata.normalize("NFKC", fold(to_simplified(text or "")))
    return re.sub(r"\s+", "", text)


def norm_name(text: str) -> str:
    return _QUOTES.sub("", norm(text))


# --- the labelled set ----------------------------------------------------------------------
class EvalError(Exception):
    """Something that stops the evaluation from running (not a miss)."""


@dataclass
class Labelled:
    raw: Path
    truth: dict


def labelled_documents(folder: Path) -> list[Labelled]:
    folder = Path(folder)
    if not folder.is_dir():
        raise EvalError(f"{folder}: no such folder")
    docs = []
    for sidecar in sorted(folder.glob("*.json")):
        try:
            truth = json.loads(sidecar.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            line = getattr(e, "lineno", 1)
            raise EvalError(f"{sidecar}:{line}: not a JSON sidecar ({e})") from None
        if not isinstance(truth, dict):
            raise EvalError(f"{sidecar}:1: a sidecar is a JSON object")
        named = truth.get("file")
        candidates = [folder / named] if named else \
            [p for p in folder.glob(f"{sidecar.stem}.*") if p.suffix.lower() in RAW_SUFFIXES]
        raw = next((p for p in candidates if p.is_file()), None)
        if raw is None:
            raise EvalError(f"{sidecar}:1: no raw document {named or sidecar.stem + '.*'} beside it")
        if raw.suffix.lower() not in RAW_SUFFIXES:
            raise EvalError(f"{sidecar}:1: {raw.name} has a suffix the importer does not read "
                            f"({', '.join(sorted(RAW_SUFFIXES))})")
        docs.append(Labelled(raw, truth))
    if not docs:
        raise EvalError(f"{folder}: no sidecars (*.json) with raw documents")
    return docs


# --- comparisons ---------------------------------------------------------------------------
@dataclass
class Miss:
    doc: str
    field: str
    expected: str
    got: str
    note: str = ""

    def __str__(self) -> str:
        note = f"  ({self.note})" if self.note else ""
        return f"{self.doc}  {self.field:<11} expected {self.expected or '—'}  got {self.got or '—'}{note}"


@dataclass
class Evaluation:
    documents: int = 0
    failed: list[str] = field(default_factory=list)        # documents the importer rejected
    right: Counter = field(default_factory=Counter)         # field → right answers
    wrong: Counter = field(default_factory=Counter)         # place level → wrong guesses
    empty: Counter = field(default_factory=Counter)         # place level → left empty
    furniture: dict[str, list[str]] = field(default_factory=dict)
    entries: dict[str, Counter] = field(default_factory=dict)  # type → truth/found/matched
    misses: list[Miss] = field(default_factory=list)

    def rate(self, name: str) -> float:
        return self.right[name] / self.documents if self.documents else 0.0

    @property
    def place_rate(self) -> float:
        total = self.documents * len(LEVELS)
        return sum(self.right[level] for level in LEVELS) / total if total else 0.0

    @property
    def wrong_guesses(self) -> int:
        return sum(self.wrong.values())

    @property
    def furniture_rate(self) -> float:
        return len(self.furniture) / self.documents if self.documents else 0.0

    def recall(self, kind: str) -> float:
        c = self.entries.get(kind, Counter())
        return c["matched_truth"] / c["truth"] if c["truth"] else 1.0

    def precision(self, kind: str) -> float:
        c = self.entries.get(kind, Counter())
        return c["matched_found"] / c["found"] if c["found"] else 1.0


def check_title(ev: Evaluation, doc: str, truth: dict, article: ArticleFile) -> None:
    expected, got = truth.get("title"), article.get("Title")
    proposed = "title" in split_list(article.get("Review"))
    if expected is None:
        ok = proposed
        note = "" if ok else "no headline in the text: the title should be proposed (Review: title)"
    else:
        ok = not proposed and norm(got) == norm(expected)
        note = "proposed, flagged for review" if proposed else ""
    if ok:
        ev.right["title"] += 1
    else:
        ev.misses.append(Miss(doc, "title", expected or "(none: propose one)", got, note))


def check_date(ev: Evaluation, doc: str, truth: dict, article: ArticleFile) -> None:
    date, precision = article.get("Date"), article.get("Date_precision") or "unknown"
    got = f"{date} ({precision})" if date else precision
    if truth.get("date"):
        ok, expected = (precision == "day" and date == truth["date"]), f"{truth['date']} (day)"
    elif truth.get("year_only"):
        year = str(truth["year_only"])
        ok, expected = (precision == "year" and date[:4] == year), f"{year} (year)"
    else:
        ok, expected = precision == "unknown", "unknown"
    if ok:
        ev.right["date"] += 1
    else:
        ev.misses.append(Miss(doc, "date", expected, got, truth.get("date_note") or ""))


def check_kind(ev: Evaluation, doc: str, truth: dict, article: ArticleFile) -> None:
    if article.get("Kind") == truth.get("kind"):
        ev.right["kind"] += 1
    else:
        ev.misses.append(Miss(doc, "kind", truth.get("kind") or "", article.get("Kind")))


def _implied(gazetteer: Gazetteer, truth: dict) -> dict[str, set[str]]:
    """Names the gazetteer puts at the levels the reader left empty, between or above the
    levels the reader gave (塘桥街道 in 上海市 → 浦东新区), for every spelling the reader
    accepts. The front matter must name the whole path, so these are not guesses."""
    choices = []
    for level in LEVELS:
        names = [truth.get(level)] + list(truth.get(f"{level}_alt") or [])
        choices.append([n for n in names if n] or [""])
    implied: dict[str, set[str]] = {level: set() for level in LEVELS}
    for province in choices[0]:
        for city in choices[1]:
            for district in choices[2]:
                for street in choices[3]:
                    names = (province, city, district, street)
                    if not any(names):
                        continue
                    division = gazetteer.lookup(*(to_simplified(n) for n in names))
                    if division is None:
                        continue
                    for d in gazetteer.ancestors(division.code):
                        implied[d.level].add(d.name)
    return implied


def check_places(ev: Evaluation, doc: str, truth: dict, article: ArticleFile,
                 gazetteer: Gazetteer) -> None:
    implied = _implied(gazetteer, truth)
    address = truth.get("place_from_address") or {}
    for level in LEVELS:
        expected = truth.get(level)
        accepted = {norm(n) for n in [expected, *(truth.get(f"{level}_alt") or [])] if n}
        got = article.get(level.capitalize())
        if not got:
            if expected:
                ev.empty[level] += 1
                ev.misses.append(Miss(doc, level, expected, "", "left empty"))
            else:
                ev.right[level] += 1
            continue
        beyond = {norm(n) for n in implied[level]} | ({norm(address[level])} if address.get(level) else set())
        if norm(got) in accepted or (not expected and norm(got) in beyond):
            ev.right[level] += 1
            continue
        ev.wrong[level] += 1
        ev.misses.append(Miss(doc, level, expected or "(none)", got, "WRONG GUESS"))


def article_text(article: ArticleFile) -> str:
    """The body as a reader reads it on the site: Markdown rendered, then the HTML's text
    (what the timeline extracts from)."""
    html = markdown.markdown(article.body, extensions=["markdown.extensions.extra",
                                                       "markdown.extensions.sane_lists"])
    return HtmlText(html).text


def furniture_markers(notes: str) -> list[str]:
    markers = []
    for clause in re.split(r";\s|\.\s|\.$", notes or ""):
        if not NOTES_FURNITURE.search(clause) or NOTES_NOT_FURNITURE.search(clause):
            continue
        for quoted in _QUOTED.findall(clause):
            for part in re.split(r"…|\.\.\.", quoted):
                part = norm(part)
                # A cut quote ('首页 > 政务公开 > …') keeps its words, not its last separator.
                part = part.strip(">|/") or part
                if part:
                    markers.append(part)
    return markers


def furniture_lines(text: str, title: str, notes: str, without: list[str] | None = None) -> list[str]:
    """Body lines that are furniture; `without` are snippets a reader saw as furniture on the
    page (a saved page's `body_without`), looked for like the strings its notes quote."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    found = []
    markers = furniture_markers(notes) + [m for m in map(norm, without or []) if m]
    folded_title = norm(title)
    for line in lines:
        folded = norm(line)
        if FURNITURE_OPENING.match(fold(to_simplified(line))):
            found.append(f"footer: {line[:60]}")
            continue
        if len(line) <= FURNITURE_MAX_LINE:
            kind = next((name for name, rx in FURNITURE if rx.search(fold(to_simplified(line)))), None)
            if kind:
                found.append(f"{kind}: {line}")
                continue
            if folded_title and folded == folded_title:
                found.append(f"headline repeated: {line}")
                continue
        marker = next((m for m in markers if folded == m or (len(m) >= _MARKER_IN_TEXT and m in folded)),
                      None)
        if marker:
            found.append(f"notes '{marker}': {line[:60]}")
    # A block the notes quote across lines (鄉村干部報網 / 微信公眾號 / 官方微博).
    joined = norm("".join(lines))
    for m in markers:
        if len(m) >= _MARKER_IN_TEXT and m in joined and not any(m in norm(f) for f in found):
            if not any(m in norm(line) for line in lines):
                found.append(f"notes '{m}' (across lines)")
    return found


def _matches(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and short in long_ and len(short) >= 0.6 * len(long_)


def check_entries(ev: Evaluation, doc: str, truth: dict, text: str, reference: PreciseDate) -> None:
    found: dict[str, dict[str, str]] = {"honour": {}, "initiative": {}}
    for start, end in sentence_spans(text):
        for candidate in extract(text[start:end], reference):
            # One entry per article, type and name, as the timeline keeps them.
            found[candidate.type].setdefault(norm_name(candidate.name), candidate.name)
    wanted = {"honour": {norm_name(h["what"]): h["what"] for h in truth.get("honours") or []},
              "initiative": {norm_name(i["name"]): i["name"] for i in truth.get("initiatives") or []}}
    for kind in ("honour", "initiative"):
        counts = ev.entries.setdefault(kind, Counter())
        counts["truth"] += len(wanted[kind])
        counts["found"] += len(found[kind])
        unmatched_found = dict(found[kind])
        for key, name in wanted[kind].items():
            hit = next((f for f in unmatched_found if _matches(key, f)), None)
            if hit is None:
                ev.misses.append(Miss(doc, kind, name, "", "not extracted"))
                continue
            counts["matched_truth"] += 1
            counts["matched_found"] += 1
            del unmatched_found[hit]
        for name in unmatched_found.values():
            ev.misses.append(Miss(doc, kind, "(none)", name, "extracted, not in the labels"))


# --- running -------------------------------------------------------------------------------
def evaluate(truth_dirs: Path | list[Path], data_dir: Path = ROOT / "data") -> Evaluation:
    folders = [truth_dirs] if isinstance(truth_dirs, (str, Path)) else list(truth_dirs)
    docs = [d for folder in folders for d in labelled_documents(folder)]
    names = [d.raw.name for d in docs]
    clash = next((n for n in names if names.count(n) > 1), None)
    if clash:
        raise EvalError(f"{clash}: in two of the folders; documents measured together need distinct names")
    gazetteer = Gazetteer.load(data_dir)
    ev = Evaluation(documents=len(docs))
    with tempfile.TemporaryDirectory(prefix="eval-") as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        for d in docs:
            shutil.copy2(d.raw, raw / d.raw.name)
        results = {r.raw.name: r for r in import_paths(raw, Options(dest=Path(tmp) / "articles",
                                                                    data_dir=data_dir))}
        for d in docs:
            name = d.truth.get("id") or d.raw.stem
            result = results.get(d.raw.name)
            if result is None or result.failed or result.article is None:
                error = result.error if result else "not imported"
                ev.failed.append(f"{name}: {error}")
                ev.misses.append(Miss(name, "import", "an article", "", error))
                _count_failed(ev, name, d.truth)
                continue
            article = ArticleFile.read(result.article)
            check_title(ev, name, d.truth, article)
            check_date(ev, name, d.truth, article)
            check_kind(ev, name, d.truth, article)
            check_places(ev, name, d.truth, article, gazetteer)
            text = article_text(article)
            left = furniture_lines(text, article.get("Title"), d.truth.get("notes") or "",
                                   d.truth.get("body_without"))
            if left:
                ev.furniture[name] = left
                for line in left:
                    ev.misses.append(Miss(name, "furniture", "", line, "left in the body"))
            check_entries(ev, name, d.truth, text, _reference(article))
    return ev


def _reference(article: ArticleFile) -> PreciseDate:
    date = article.get("Date")
    return PreciseDate.of(datetime.date.fromisoformat(date) if date else None,
                          article.get("Date_precision") or "unknown")


def _count_failed(ev: Evaluation, name: str, truth: dict) -> None:
    """A rejected document gets nothing right; its labelled entries count as missed."""
    for level in LEVELS:
        if truth.get(level):
            ev.empty[level] += 1
        else:
            ev.right[level] += 1
    ev.furniture[name] = ["(not imported)"]
    for kind, key in (("honour", "honours"), ("initiative", "initiatives")):
        names = {norm_name(e["what" if kind == "honour" else "name"]) for e in truth.get(key) or []}
        ev.entries.setdefault(kind, Counter())["truth"] += len(names)


# --- report --------------------------------------------------------------------------------
def format_report(ev: Evaluation, truth_dirs: Path | list[Path]) -> str:
    n = ev.documents
    rows = [
        ("title", f"{ev.rate('title'):.0%}", f"{ev.right['title']}/{n}"),
        ("date", f"{ev.rate('date'):.0%}", f"{ev.right['date']}/{n}"),
        ("kind", f"{ev.rate('kind'):.0%}", f"{ev.right['kind']}/{n}"),
    ]
    for level in LEVELS:
        rows.append((level, f"{ev.rate(level):.0%}",
                     f"{ev.right[level]}/{n}, {ev.empty[level]} empty, {ev.wrong[level]} wrong"))
    rows.append(("place fields", f"{ev.place_rate:.0%}",
                 f"{sum(ev.right[lv] for lv in LEVELS)}/{n * len(LEVELS)}, "
                 f"{sum(ev.empty.values())} empty, {ev.wrong_guesses} wrong guesses"))
    rows.append(("furniture", f"{ev.furniture_rate:.0%}", f"{len(ev.furniture)}/{n} documents with "
                                                           "furniture left"))
    for kind in ("honour", "initiative"):
        c = ev.entries.get(kind, Counter())
        rows.append((f"{kind}s", f"R {ev.recall(kind):.2f} P {ev.precision(kind):.2f}",
                     f"{c['matched_truth']}/{c['truth']} labelled found, "
                     f"{c['matched_found']}/{c['found']} extracted right"))
    width = max(len(r[0]) for r in rows)
    where = ", ".join(map(str, truth_dirs)) if isinstance(truth_dirs, list) else str(truth_dirs)
    lines = [f"eval: {n} labelled documents in {where}" +
             (f", {len(ev.failed)} not imported" if ev.failed else ""), ""]
    lines += [f"  {name:<{width}}  {value:>13}  {detail}" for name, value, detail in rows]
    lines += ["", f"misses ({len(ev.misses)}):"]
    order = ["import", "title", "date", "kind", *LEVELS, "furniture", "honour", "initiative"]
    for miss in sorted(ev.misses, key=lambda m: (order.index(m.field), m.doc)):
        lines.append(f"  {miss}")
    return "\n".join(lines)


def run(truth_dirs: Path | list[Path], data_dir: Path = ROOT / "data") -> int:
    """`python -m plugins.importer eval`: the report on stdout, 0 when it ran."""
    try:
        ev = evaluate(truth_dirs, data_dir)
    except (EvalError, OSError, ValueError) as e:
        print(f"eval: {e}", file=sys.stderr)
        return 1
    print(format_report(ev, truth_dirs))
    return 0
