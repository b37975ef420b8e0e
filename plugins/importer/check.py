"""`invoke check`: validate every article's front matter without building the site.

A checker is a function `(articles, context) -> iterable of "path:line: problem"` strings.
`invoke check` runs the list CHECKERS in tasks.py (module:function names); add one there.
"""
from __future__ import annotations

import datetime as dt
import importlib
import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable

from plugins.gazetteer import Gazetteer

from .article import DIGEST_KEY, FIELDS, ArticleFile
from .dates import PRECISIONS
from .metadata import load_topics

REQUIRED = ("Title", "Kind", "Date_precision", "Raw", "Slug")
KINDS = ("report", "news")
LIST_FIELDS = ("Communities", "Topics", "Tags", "Review")
REVIEW_VALUES = {"title", "date", "place", "text", "topics", "tags", "author", "summary"}
# Pelican's own keys an editor may add besides the archive's.
PELICAN_KEYS = {"status", "modified", "lang", "translation", "template", "save_as", "url",
                "category", "authors", "author", "summary", "tags", "slug", "date", "title"}
KNOWN_KEYS = {k.lower() for k, _ in FIELDS} | {DIGEST_KEY.lower()} | PELICAN_KEYS
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class CheckContext:
    content_dir: Path
    data_dir: Path
    root: Path

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer.load(self.data_dir)

    @cached_property
    def topic_names(self) -> set[str]:
        return {t.name for t in load_topics(self.data_dir)}


Checker = Callable[[list[ArticleFile], CheckContext], Iterable[str]]


def _where(article: ArticleFile, line: int) -> str:
    try:
        path = os.path.relpath(article.path)
    except ValueError:
        path = str(article.path)
    return f"{path}:{line}"


def _items(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def front_matter(articles: list[ArticleFile], ctx: CheckContext) -> Iterable[str]:
    """Required keys, known keys, dates and their precision, kind, slug, list separators."""
    for a in articles:
        for line in a.bad_lines:
            yield f"{_where(a, line)}: not a `Key: value` line in the front matter"
        for key, line in a.duplicate_keys:
            yield f"{_where(a, line)}: {key} given twice"
        for key in REQUIRED:
            if not a.get(key):
                yield f"{_where(a, 1)}: required key {key} missing or empty"
        for key, (_, line) in a.meta.items():
            if key not in KNOWN_KEYS:
                yield f"{_where(a, line)}: unknown key {key!r} (known: see DESIGN.md front matter)"
        kind = a.get("Kind")
        if kind and kind not in KINDS:
            yield f"{_where(a, a.line_of('Kind'))}: Kind {kind!r} is not one of {', '.join(KINDS)}"
        yield from _check_date(a)
        slug = a.get("Slug")
        if slug and not _SLUG.match(slug):
            yield f"{_where(a, a.line_of('Slug'))}: Slug {slug!r} must be lower-case ASCII words joined by -"
        for key in LIST_FIELDS:
            value = a.get(key)
            if "，" in value or "、" in value:
                yield (f"{_where(a, a.line_of(key))}: {key} separated by ， or 、; use an ASCII comma "
                       "(`, `)")
        review = a.get("Review")
        for item in _items(review):
            if item not in REVIEW_VALUES:
                yield f"{_where(a, a.line_of('Review'))}: Review {item!r} is not one of {', '.join(sorted(REVIEW_VALUES))}"
        script = a.get("Source_script")
        if script and script != "zh-Hant":
            yield f"{_where(a, a.line_of('Source_script'))}: Source_script must be zh-Hant (or absent)"
        raw = a.get("Raw")
        if raw and not (ctx.root / raw).is_file():
            yield f"{_where(a, a.line_of('Raw'))}: Raw file {raw} does not exist"


def _check_date(a: ArticleFile) -> Iterable[str]:
    precision, date = a.get("Date_precision"), a.get("Date")
    pline, dline = a.line_of("Date_precision"), a.line_of("Date")
    if precision and precision not in PRECISIONS:
        yield f"{_where(a, pline)}: Date_precision {precision!r} is not one of {', '.join(PRECISIONS)}"
        return
    if not date:
        if precision and precision != "unknown":
            yield f"{_where(a, pline)}: Date_precision {precision} but no Date"
        return
    try:
        day = dt.date.fromisoformat(date)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise ValueError
    except ValueError:
        yield f"{_where(a, dline)}: Date {date!r} is not an ISO date (YYYY-MM-DD)"
        return
    if precision == "unknown":
        yield f"{_where(a, dline)}: Date given but Date_precision is unknown (remove the Date line)"
    elif precision == "month" and day.day != 1:
        yield f"{_where(a, dline)}: Date_precision month needs the day 01 ({date[:8]}01)"
    elif precision == "year" and (day.month, day.day) != (1, 1):
        yield f"{_where(a, dline)}: Date_precision year needs {date[:4]}-01-01"


def places(articles: list[ArticleFile], ctx: CheckContext) -> Iterable[str]:
    """Province/City/District/Street are gazetteer names along one path."""
    levels = ("Province", "City", "District", "Street")
    for a in articles:
        names = {k: a.get(k) for k in levels}
        given = [k for k in levels if names[k]]
        if not given:
            continue
        for k in given:
            if not ctx.gazetteer.find(names[k], k.lower()):
                yield f"{_where(a, a.line_of(k))}: unknown {k.lower()} {names[k]!r} (not in the gazetteer or aliases.toml)"
                break
        else:
            division = ctx.gazetteer.lookup(*(names[k] for k in levels))
            deepest = given[-1]
            if division is None:
                path = " / ".join(names[k] for k in given)
                yield f"{_where(a, a.line_of(deepest))}: places {path} do not form one path in the gazetteer (or are ambiguous)"
            else:
                missing = [a2.level.capitalize() for a2 in ctx.gazetteer.ancestors(division.code)
                           if not names[a2.level.capitalize()]]
                if missing:
                    yield (f"{_where(a, a.line_of(deepest))}: {', '.join(missing)} missing above "
                           f"{names[deepest]} ({division.code})")


def topics(articles: list[ArticleFile], ctx: CheckContext) -> Iterable[str]:
    """Topics come from data/topics.toml."""
    for a in articles:
        for t in _items(a.get("Topics")):
            if t not in ctx.topic_names:
                yield f"{_where(a, a.line_of('Topics'))}: unknown topic {t!r} (see data/topics.toml)"


def duplicate_slugs(articles: list[ArticleFile], ctx: CheckContext) -> Iterable[str]:
    """Slugs are unique across the archive."""
    seen: dict[str, ArticleFile] = {}
    for a in articles:
        slug = a.get("Slug") or a.path.stem
        if slug in seen:
            first = seen[slug]
            yield (f"{_where(a, a.line_of('Slug'))}: duplicate slug {slug!r} "
                   f"(also {_where(first, first.line_of('Slug'))})")
        else:
            seen[slug] = a


def duplicate_raws(articles: list[ArticleFile], ctx: CheckContext) -> Iterable[str]:
    """One article per raw document (a second one is a stale copy or a slug clash)."""
    seen: dict[str, ArticleFile] = {}
    for a in articles:
        raw = a.get("Raw")
        if not raw:
            continue
        if raw in seen:
            first = seen[raw]
            yield (f"{_where(a, a.line_of('Raw'))}: a second article from {raw} "
                   f"(also {_where(first, first.line_of('Raw'))})")
        else:
            seen[raw] = a


DEFAULT_CHECKERS: list[Checker] = [front_matter, places, topics, duplicate_slugs, duplicate_raws]


def load_checker(spec: str) -> Checker:
    """`package.module:function` → the function (how tasks.py names checkers)."""
    module, _, name = spec.partition(":")
    if not module or not name:
        raise ValueError(f"checker {spec!r}: expected module:function")
    return getattr(importlib.import_module(module), name)


def read_articles(content_dir: Path) -> tuple[list[ArticleFile], list[str]]:
    articles, problems = [], []
    for path in sorted(Path(content_dir).rglob("*.md")):
        try:
            articles.append(ArticleFile.read(path))
        except UnicodeDecodeError as e:
            problems.append(f"{os.path.relpath(path)}:1: not UTF-8 ({e.reason})")
    return articles, problems


def run_checks(content_dir: Path, data_dir: Path, checkers: Iterable[Checker] = DEFAULT_CHECKERS,
               root: Path | None = None) -> list[str]:
    ctx = CheckContext(Path(content_dir), Path(data_dir), Path(root or Path(data_dir).resolve().parent))
    articles, problems = read_articles(content_dir)
    for checker in checkers:
        problems.extend(checker(articles, ctx))
    return problems
