"""A deterministic synthetic archive: N articles following the front-matter contract of
docs/architecture.md, of the size real ones have.

Paragraphs are made of real text: each is a paragraph of the seed documents in raw/ or of the
Simplified texts of the development set (tests/data/devset/, copied unchanged from the team's
shared development set; neither is ever edited, so the same seed gives the same archive on
every commit), retold by a chain over their characters (retell): every 3 characters in a row occur in
a real document, but each article is a story of its own, not a copy of another (plugins.reprints
would rightly group copies). Places come from the gazetteer, topics from data/topics.toml.
Place and community names are written into the text so that the vocabulary grows with the
archive the way a real one does, instead of repeating a few documents' words.

Article lengths are drawn from a distribution fitted to real documents (`LENGTHS`). The corpus
of the first benchmarks, articles of about 1,000 characters made of seed paragraphs only, is
kept as `short=True` (`invoke bench --short`).
"""
from __future__ import annotations

import json
import math
import random
import re
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from plugins.article_meta.topics import load_topics
from plugins.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = 20240601
FIRST_DAY, LAST_DAY = date(2015, 1, 1), date(2025, 12, 31)
# Share of dates by precision; unknown dates have no Date line at all (docs/architecture.md).
PRECISIONS = (("day", 0.85), ("month", 0.07), ("year", 0.04), ("unknown", 0.04))
MIN_PARAGRAPH_CHARS = 30
DEVSET = ROOT / "tests" / "data" / "devset"

# Body length in characters (whitespace not counted) by kind: log-normal, (median, sigma), cut
# to (low, high). Fitted to what real documents measure: the seeds' full texts are 2,056–10,503
# characters (news 2,056, 2,680 and an 8,032-character press conference; reports 4,466 and
# 10,503), and grassroots sites publish news of 500–2,000 characters and work reports of
# 3,000–15,000 (issue 17). News: median 1,250, sigma 0.6, so 90% fall in 470–3,350; reports:
# median 7,500, sigma 0.5, 90% in 3,300–17,000. The development set's 50 real documents are 30%
# reports, the seeds 40%: 35% here. Mean over both kinds: 0.35 × 8,500 + 0.65 × 1,500 ≈ 3,950.
LENGTHS = {"news": (1250, 0.6, 300, 9000), "report": (7500, 0.5, 2000, 20000)}
REPORT_SHARE = 0.35


class CorpusError(Exception):
    """The inputs of the generator (seed texts, topics) are unusable; names the file."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    source: str  # raw/<file> it was taken from


def seed_paragraphs(raw_dir: Path) -> list[Paragraph]:
    """Prose paragraphs of the seed documents: long enough, mostly Chinese, no page furniture."""
    files = sorted(p for p in raw_dir.iterdir() if p.suffix in (".txt", ".md"))
    if not files:
        raise CorpusError(f"{raw_dir}: no seed documents (*.txt) to draw paragraphs from")
    paragraphs = []
    for path in files:
        paragraphs += _prose(path, f"raw/{path.name}")
    if len(paragraphs) < 20:
        raise CorpusError(f"{raw_dir}: only {len(paragraphs)} prose paragraphs; need at least 20")
    return paragraphs


def devset_paragraphs(devset_dir: Path) -> list[Paragraph]:
    """Prose paragraphs of the development set's Simplified texts (its Traditional ones are
    machine conversions full of pinyin glosses: not what an article of the archive reads like).
    None when the folder is missing: the seeds alone still make an archive."""
    if not devset_dir.is_dir():
        return []
    paragraphs = []
    for sidecar in sorted(devset_dir.glob("d*.json")):
        labels = json.loads(sidecar.read_text(encoding="utf-8"))
        if labels.get("script") == "simplified":
            text = devset_dir / labels["file"]
            paragraphs += _prose(text, f"devset/{text.name}")
    return paragraphs


def _prose(path: Path, source: str) -> list[Paragraph]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [Paragraph(line, source) for line in lines if _is_prose(line)]


_HAN = re.compile(r"[\u4e00-\u9fff]")
_FURNITURE = re.compile(r"\.(jpg|png|gif)|来源[:：]|点击[:：]|设为首页|加入收藏|版权所有|https?://")


# Each article a story of its own, as in a real archive. Drawn whole, the seed paragraphs made
# most short articles a copy of a longer one (two of their three paragraphs inside another's
# twelve), and plugins.reprints rightly grouped the archive into a few stories of hundreds of
# copies. A paragraph is retold instead: every CHAIN + 1 characters in a row occur in a seed
# paragraph, so words and their frequencies stay those of real text, but the sequence is new.
# Two characters, not three: retold along three, a paragraph followed its source for long runs
# (most three-character contexts of a few hundred documents have one follower), so articles
# drawing on one source shared their 5-character runs, the reprint grouping's shingles, 30
# times more than real documents do (mean MinHash Jaccard 0.032 against 0.001); a third of the
# archive was grouped as copies and the grouping's cost grew with the square of the archive.
# Along two the Jaccard is 0.013 (bench/similarity.py; docs/scale.md).
CHAIN = 2


def chain_of(paragraphs: list[Paragraph]) -> dict[str, list[str]]:
    """Each CHAIN characters of the seed paragraphs → the characters that follow them."""
    follow: dict[str, list[str]] = {}
    for paragraph in paragraphs:
        text = paragraph.text
        for i in range(len(text) - CHAIN):
            follow.setdefault(text[i:i + CHAIN], []).append(text[i + CHAIN])
    return follow


def retell(text: str, rng: random.Random, chain: dict[str, list[str]]) -> str:
    """A paragraph as long as `text`, opening as it does, continued along the chain."""
    out = text[:CHAIN]
    while len(out) < len(text):
        following = chain.get(out[-CHAIN:])
        out += rng.choice(following) if following else "。" + text[:CHAIN]
    return out


def _is_prose(line: str) -> bool:
    if len(line) < MIN_PARAGRAPH_CHARS or _FURNITURE.search(line):
        return False
    return len(_HAN.findall(line)) >= 0.6 * len(line)


@dataclass(frozen=True)
class Place:
    province: str
    city: str
    district: str
    street: str
    communities: tuple[str, ...]


def pick_districts(gazetteer: Gazetteer, count: int, rng: random.Random) -> list[list[Place]]:
    """`count` districts with at least three streets, each as the list of its street places.

    A grassroots archive covers a few districts in depth, not the whole country thinly, so the
    articles are spread over a handful of districts and their streets.
    """
    districts = [d for p in gazetteer.children("") for c in gazetteer.children(p.code)
                 for d in gazetteer.children(c.code)]
    rng.shuffle(districts)
    chosen = []
    for district in districts:
        streets = gazetteer.children(district.code)
        if len(streets) < 3:
            continue
        province, city, _ = gazetteer.ancestors(district.code)
        chosen.append([Place(province.name, city.name, district.name, s.name,
                             tuple(gazetteer.communities(s.code)[:12])) for s in streets])
        if len(chosen) == count:
            break
    return chosen


def _weighted(rng: random.Random, pairs) -> str:
    values, weights = zip(*pairs)
    return rng.choices(values, weights)[0]


def _date(rng: random.Random) -> tuple[date | None, str]:
    precision = _weighted(rng, PRECISIONS)
    if precision == "unknown":
        return None, precision
    day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    if precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = day.replace(month=1, day=1)
    return day, precision


_REPORT_TITLES = ("{place}{year}年{topic}工作总结", "{place}关于{topic}工作情况的报告",
                  "{place}{year}年工作总结及下一步工作计划", "{place}{topic}工作汇报")
_NEWS_TITLES = ("{place}扎实推进{topic}工作", "{place}开展{keyword}专项行动",
                "{community}：{keyword}办到群众心坎上", "{place}召开{topic}工作推进会",
                "{place}多措并举抓好{keyword}")


def body_length(kind: str, rng: random.Random) -> int:
    """A body length in characters for an article of this kind (see LENGTHS)."""
    median, sigma, low, high = LENGTHS[kind]
    return int(min(high, max(low, rng.lognormvariate(math.log(median), sigma))))


def _chars(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def make_article(i: int, rng: random.Random, paragraphs: list[Paragraph],
                 by_keyword: dict[str, list[Paragraph]], topics: list[dict],
                 districts: list[list[Place]], chain: dict[str, list[str]] | None = None,
                 short: bool = False) -> tuple[str, str]:
    """(file name, Markdown text) of synthetic article number i: of real size, or of the old
    short corpus (2–12 paragraphs, about 1,000 characters); its paragraphs retold along `chain`
    when given (generate gives it)."""
    # Zipf-like: the archive's home district has most articles, others fewer.
    district = districts[min(int(rng.paretovariate(1.2)) - 1, len(districts) - 1)]
    place = rng.choice(district)
    coverage = rng.random()
    street = place.street if coverage > 0.15 else ""
    district_name = place.district if coverage > 0.03 else ""
    communities = rng.sample(place.communities, min(len(place.communities), rng.choice((0, 1, 1, 2, 3)))) \
        if street else []
    chosen_topics = rng.sample(topics, rng.choice((1, 1, 2, 2, 3)))
    keywords = [k for t in chosen_topics for k in t.keywords]
    kind = "report" if rng.random() < (0.4 if short else REPORT_SHARE) else "news"
    day, precision = _date(rng)

    body = []
    if short:
        for _ in range(rng.randint(3, 12) if kind == "report" else rng.randint(2, 6)):
            pool = by_keyword.get(rng.choice(keywords)) if rng.random() < 0.6 else None
            paragraph = rng.choice(pool or paragraphs)
            if paragraph not in body:
                body.append(paragraph)
    else:
        # Paragraphs until the drawn length is reached; the topic's paragraphs are preferred
        # while there are unused ones, as in the short corpus.
        target, length, used = body_length(kind, rng), 0, set()
        while length < target and len(used) < len(paragraphs):
            pool = by_keyword.get(rng.choice(keywords)) if rng.random() < 0.6 else None
            paragraph = rng.choice(pool or paragraphs)
            if id(paragraph) in used:
                continue
            used.add(id(paragraph))
            body.append(paragraph)
            length += _chars(paragraph.text)
    who = street or district_name or "本地区"
    texts = [_localise(retell(p.text, rng, chain) if chain else p.text, who, communities, rng)
             for p in body]

    year = day.year if day else ""
    title_vars = {"place": who, "year": year, "topic": chosen_topics[0].name,
                  "keyword": rng.choice(chosen_topics[0].keywords),
                  "community": communities[0] if communities else who}
    templates = _REPORT_TITLES if kind == "report" else _NEWS_TITLES
    if not day:
        templates = [t for t in templates if "{year}" not in t]
    title = rng.choice(templates).format(**title_vars)

    slug = f"bench-{i:05d}"
    meta = [("Title", title)]
    if day:
        meta.append(("Date", day.isoformat()))
    meta += [("Date_precision", precision), ("Kind", kind),
             ("Province", place.province if district_name else ""),
             ("City", place.city if district_name else ""),
             ("District", district_name), ("Street", street),
             ("Communities", ", ".join(communities)),
             ("Topics", ", ".join(t.name for t in chosen_topics)),
             ("Tags", ", ".join(rng.sample(keywords, min(len(keywords), rng.randint(0, 3)))))]
    if rng.random() < 0.5:
        meta.append(("Publisher", f"{who}办事处" if street else f"{who}人民政府"))
    if rng.random() < 0.03:
        meta.append(("Source_script", "zh-Hant"))
    if rng.random() < 0.3:
        meta.append(("Summary", texts[0][:80]))
    review = [f for f, p in (("title", 0.05), ("date", 0.04), ("place", 0.03)) if rng.random() < p]
    if review:
        meta.append(("Review", ", ".join(review)))
    # Each article keeps its own raw document, as imported ones do (raw/ beside content/).
    meta += [("Raw", f"raw/{slug}.txt"), ("Slug", slug)]
    # Unknown fields are left out rather than written empty: the reader sees no difference.
    front = "\n".join(f"{k}: {v}" for k, v in meta if v)
    return f"{slug}.md", front + "\n\n" + "\n\n".join(texts) + "\n"


_SEED_PLACES = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:街道|镇|乡)(?=[\u4e00-\u9fff])")


def _localise(text: str, who: str, communities: list[str], rng: random.Random) -> str:
    """The paragraph told of this article's place: seed street names become the article's own,
    and one community is named, as real reports name the communities they cover."""
    text = _SEED_PLACES.sub(who, text, count=2)
    if communities and rng.random() < 0.5:
        text = f"{rng.choice(communities)}{text}"
    return text


def generate(n: int, dest: Path, seed: int = DEFAULT_SEED, raw_dir: Path | None = None,
             data_dir: Path | None = None, pages_dir: Path | None = None,
             devset_dir: Path | None = None, short: bool = False) -> Path:
    """Write a content folder of n synthetic articles (plus the site's real pages) into dest.

    Returns the content folder. The same (n, seed, seed texts, short) always gives the same
    files. `short`: the first benchmarks' corpus (seed paragraphs only, ~1,000 characters).
    """
    if n < 1:
        raise CorpusError(f"n must be at least 1, got {n}")
    raw_dir = raw_dir or ROOT / "raw"
    data_dir = data_dir or ROOT / "data"
    pages_dir = pages_dir if pages_dir is not None else ROOT / "content" / "pages"
    rng = random.Random(seed)
    paragraphs = seed_paragraphs(raw_dir)
    if not short:
        paragraphs += devset_paragraphs(devset_dir or DEVSET)
    topics = list(load_topics(data_dir))
    by_keyword: dict[str, list[Paragraph]] = {}
    for t in topics:
        for k in t.keywords:
            by_keyword[k] = [p for p in paragraphs if k in p.text]
    districts = pick_districts(Gazetteer.load(data_dir), max(5, min(200, n // 50)), rng)

    content = Path(dest) / "content"
    articles, raws = content / "articles", Path(dest) / "raw"
    for folder in (content, raws):
        if folder.exists():
            shutil.rmtree(folder)
    articles.mkdir(parents=True)
    raws.mkdir()
    chain = chain_of(paragraphs)
    for i in range(1, n + 1):
        name, text = make_article(i, rng, paragraphs, by_keyword, topics, districts, chain,
                                  short)
        (articles / name).write_text(text, encoding="utf-8")
        (raws / f"{Path(name).stem}.txt").write_text(text.split("\n\n", 1)[1], encoding="utf-8")
    if pages_dir.is_dir():
        shutil.copytree(pages_dir, content / "pages")
    else:
        (content / "pages").mkdir()
    return content


def edit_article(content: Path, i: int, marker: str) -> Path:
    """Append a paragraph carrying `marker` to article i (as an editor would); returns its path."""
    path = content / "articles" / f"bench-{i:05d}.md"
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"\n编辑补充：{marker}。\n")
    return path
