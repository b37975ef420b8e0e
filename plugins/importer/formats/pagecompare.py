"""Saved web pages: the archive's extractor (plugins/importer/html.py) against trafilatura, and
html.py with htmldate's date (what the importer uses), per field, on a labelled folder
(tests/data/devset-html: dNNN.html + dNNN.json).

    .venv/bin/python -m plugins.importer.formats.pagecompare --truth tests/data/devset-html [-v]

Each page goes through the whole import (cleaning steps and metadata) with each extractor, and the
article's Title, Date and body are scored against the sidecar: the title (or one of `title_alt`)
exactly, the date to the day, and the body the way trafilatura's own evaluation does it: snippets
that must be in it (`body_with`: its first, middle and last sentences) and page furniture that
must not (`body_without`). Whitespace and the width of punctuation are not compared.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from plugins.article_meta.topics import Topic, load_topics
from plugins.gazetteer import Gazetteer
from plugins.zhtext.punctuation import to_fullwidth_punctuation

from .. import metadata
from ..decode import decode
from ..document import Document
from ..html import html_document
from . import clean_keeping_tables
from .page import page_date, page_document

ROOT = Path(__file__).resolve().parents[3]


def with_trafilatura(markup: str) -> Document:
    """trafilatura's body (its lines as paragraphs), title and date (htmldate inside)."""
    body = trafilatura.extract(markup, include_comments=False, include_tables=True) or ""
    doc = Document.from_lines(body.splitlines())
    meta = trafilatura.extract_metadata(markup)
    if meta is not None and meta.title:
        doc.meta["title"] = meta.title
    if meta is not None and meta.date:
        doc.meta["page_date"] = meta.date
    return doc


EXTRACTORS = {"html.py": html_document, "trafilatura": with_trafilatura,
              "html.py+htmldate": page_document}
SHIPPED = "html.py+htmldate"      # what the importer uses (formats/page.py)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", to_fullwidth_punctuation(text or ""))


@dataclass
class Score:
    title: int = 0
    date: int = 0
    body_with: float = 0.0          # share of body_with snippets found, summed over pages
    body_without: float = 0.0       # share of body_without snippets absent, summed over pages
    body_ok: int = 0                # pages with every snippet right
    misses: list[str] = field(default_factory=list)


def evaluate(truth: Path, gazetteer: Gazetteer, topics) -> tuple[int, dict[str, Score], dict]:
    pages = sorted(truth.glob("d*.json"))
    scores = {name: Score() for name in EXTRACTORS}
    raw_dates = {name: 0 for name in EXTRACTORS} | {"htmldate alone": 0}
    for sidecar in pages:
        label = json.loads(sidecar.read_text(encoding="utf-8"))
        page = sidecar.with_suffix(".html")
        markup, _ = decode(page, page.read_bytes())
        titles = {_norm(t) for t in [label["title"], *label.get("title_alt", [])] if t}
        for name, extract in EXTRACTORS.items():
            s = scores[name]
            doc = extract(markup)
            if _day(doc.meta.get("page_date", "")) == label["date"]:
                raw_dates[name] += 1
            clean_keeping_tables(doc)
            metadata.apply(doc, gazetteer, topics)
            body = _norm(doc.text)
            if _norm(doc.meta.get("title", "")) in titles:
                s.title += 1
            else:
                s.misses.append(f"{sidecar.stem} title: {doc.meta.get('title', '')!r} ≠ {label['title']!r}")
            date = doc.meta.get("date", "") if doc.meta.get("date_precision") == "day" else ""
            if date == (label["date"] or ""):
                s.date += 1
            else:
                s.misses.append(f"{sidecar.stem} date: {date or 'none'} ≠ {label['date']}")
            found = [w for w in label["body_with"] if _norm(w) in body]
            left = [w for w in label["body_without"] if _norm(w) in body]
            s.body_with += len(found) / len(label["body_with"])
            s.body_without += 1 - len(left) / len(label["body_without"])
            if len(found) == len(label["body_with"]) and not left:
                s.body_ok += 1
            for w in label["body_with"]:
                if w not in found:
                    s.misses.append(f"{sidecar.stem} body lacks: {w}")
            for w in left:
                s.misses.append(f"{sidecar.stem} body keeps furniture: {w}")
        if page_date(markup) == label["date"]:
            raw_dates["htmldate alone"] += 1
    return len(pages), scores, raw_dates


def _day(value: str) -> str:
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", value or "")
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m plugins.importer.formats.pagecompare")
    parser.add_argument("--truth", type=Path, default=ROOT / "tests" / "data" / "devset-html")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    n, scores, raw_dates = evaluate(args.truth, Gazetteer.load(args.data), load_topics(args.data))
    print(f"{n} pages in {args.truth}; after the whole import (cleaning steps and metadata):")
    print(f"{'extractor':<16} {'title':>7} {'date':>7} {'body has':>9} {'no furniture':>13} {'body right':>11}")
    for name, s in scores.items():
        print(f"{name:<16} {s.title / n:>7.0%} {s.date / n:>7.0%} {s.body_with / n:>9.0%} "
              f"{s.body_without / n:>13.0%} {s.body_ok / n:>11.0%}")
    print("dates straight from the page (before the import's own date rules): "
          + ", ".join(f"{k} {v / n:.0%}" for k, v in raw_dates.items()))
    if args.verbose:
        for name, s in scores.items():
            print(f"\n{name}:")
            for miss in s.misses:
                print(f"  {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
