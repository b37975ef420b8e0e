"""The front-matter schema: every key an article or page may have, what its value must be, and
the one validator that the build and `invoke check` share (docs/architecture.md#front-matter).

A new field is one line in FIELDS (and, when its values have a shape of their own, one
checker in CHECKS): both the build and `invoke check` then read and validate it.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .dates import PRECISIONS, Period, precision_problem

DOCS = "docs/architecture.md#front-matter"
PLACE_LEVELS = ("province", "city", "district", "street")


@dataclass(frozen=True)
class Field:
    key: str                 # as editors write it
    kind: str                # the checker in CHECKS
    about: str
    article: bool = True     # allowed in content/articles
    page: bool = False       # allowed in content/pages
    required: bool = False   # required where allowed


FIELDS = (
    Field("Title", "text", "headline (the importer proposes one and lists `title` under Review)",
          page=True, required=True),
    Field("Date", "date", "publication date, YYYY-MM-DD; the unknown parts are 01"),
    Field("Date_precision", "precision", "day, month, year or unknown", required=True),
    Field("Period", "period", "what a report covers: 2022, 2020-H1, 2021-Q3, 2020-03 or A/B"),
    Field("Kind", "kind", "one of the KINDS of ARTICLE_META (report, news)", required=True),
    Field("Province", "place", "official name, e.g. 山东省"),
    Field("City", "place", "official name; a municipality repeats itself (北京市)"),
    Field("District", "place", "official name of the county-level division"),
    Field("Street", "place", "official name of the street, town or township"),
    Field("Communities", "list", "社区/村 named in the text"),
    Field("Topics", "topics", "names from data/topics.toml"),
    Field("Tags", "list", "free keywords"),
    Field("Publisher", "text", "发布机构, when the source states it"),
    Field("Source", "text", "where it was published"),
    Field("Source_url", "link", "the address it was published at (http or https)"),
    Field("Author", "text", "who wrote it"),
    Field("Source_script", "script", "zh-Hant when the source was Traditional"),
    Field("Summary", "text", "optional; otherwise the first paragraph", page=True),
    Field("Raw", "raw", "the raw file, raw/<name>", required=True),
    Field("Slug", "slug", "lower-case ASCII words joined by -; the address", page=True,
          required=True),
    Field("Reprint_of", "reprint", "the slug of the original when this is a reprint of another "
          "article; none: not a reprint (never grouped by detection)"),
    Field("Review", "review", "fields an editor should confirm (see REVIEW_LABELS)"),
    Field("Import_digest", "digest", "written by the importer: the article as it wrote it"),
    Field("Status", "status", "published (default), draft or hidden", page=True),
    Field("Modified", "date", "when an editor last changed it, YYYY-MM-DD", page=True),
    Field("Template", "template", "a template of the theme for one article or page (article, "
          "article-…; page, page-…; without .html)", page=True),
)
FIELD_BY_KEY = {f.key.lower(): f for f in FIELDS}
# Review items and how the article page names them.
REVIEW_LABELS = {"title": "标题", "date": "日期", "place": "地区", "text": "正文", "topics": "主题",
                 "tags": "标签", "author": "作者", "summary": "摘要", "kind": "类型",
                 "communities": "社区/村", "period": "时期"}
STATUSES = ("published", "draft", "hidden")

# Reprint_of: none — an editor's word that the article is no reprint (an emptied
# Reprint_of: says the same).
NOT_A_REPRINT = "none"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A slug is a folder name of the output (articles/2019/<slug>/): file systems take 255 bytes,
# and the search and feed files add to some names.
SLUG_MAX = 200
_KEY_LINE = re.compile(r"^ {0,3}([A-Za-z0-9_-]+):\s*(.*)$")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_TEMPLATE = re.compile(r"[a-z][a-z0-9_]*")
_UNSAFE_IN_URL = re.compile(r"[\s\"'<>\\`{}|^]")


class FrontMatterError(ValueError):
    """Front matter that breaks the schema; the message lists every `path:line: problem`."""


# --- reading ---------------------------------------------------------------------------------
@dataclass
class Header:
    """The `Key: value` lines an article starts with, as Pelican's Markdown reader takes them
    (keys case-insensitive, indented lines continue a value, a blank line ends them)."""
    path: Path
    values: dict[str, str] = field(default_factory=dict)   # lower-case key → value
    lines: dict[str, int] = field(default_factory=dict)    # lower-case key → line
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    bad_lines: list[int] = field(default_factory=list)

    def get(self, key: str) -> str:
        return self.values.get(key.lower(), "")

    def line(self, key: str) -> int:
        return self.lines.get(key.lower(), 1)


def read_header(path: str | Path) -> Header:
    """The header of a Markdown file; FrontMatterError names the line of a byte that is not
    UTF-8. A UTF-8 byte-order mark is skipped, as Pelican skips it."""
    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FrontMatterError(f"{where(path, line)}: the file is not UTF-8 text (byte "
                               f"0x{data[error.start]:02x}); save it as UTF-8") from None
    header = Header(path)
    last = None
    for number, line in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            break
        match = _KEY_LINE.match(line)
        if match:
            key = match.group(1).lower()
            if key in header.values:
                header.duplicates.append((match.group(1), number))
                last = None  # a second value is an error, never joined to the first
                continue
            header.values[key], header.lines[key], last = match.group(2).strip(), number, key
        elif line.startswith("    ") and last:
            header.values[last] = f"{header.values[last]} {line.strip()}".strip()
        else:
            header.bad_lines.append(number)
            if number == 1:
                break  # no front matter at all: the Title problem says so
    return header


def split_list(value: str) -> list[str]:
    """A comma-separated field ("，" is part of a name, never a separator)."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def where(path: str | Path, line: int) -> str:
    """`path:line` with the path as the editor typed it: relative to the current folder when
    it is inside it."""
    text = os.fspath(path)
    relative = os.path.relpath(text) if os.path.isabs(text) else text
    return f"{relative if not relative.startswith('..') else text}:{line}"


# --- checking one file -----------------------------------------------------------------------
@dataclass
class Problem:
    line: int
    message: str


@dataclass
class Context:
    """What validation needs besides the file: the build's settings and reference data."""
    kinds: dict[str, str]
    gazetteer: object
    topics: dict[str, object]        # name → Topic
    raw_root: Path                   # Raw: raw/x.txt is raw_root/raw/x.txt
    templates: dict[str, set[str]]   # "article" / "page" → the theme's templates for one
    reserved: set[str]               # first path segments the site's own pages use


def check_file(header: Header, kind_of_content: str, ctx: Context) -> list[Problem]:
    """Every problem of one article ("article") or page ("page"), by line."""
    problems = [Problem(n, "not a `Key: value` line in the front matter (a blank line must "
                           "separate the front matter from the text)") for n in header.bad_lines]
    problems += [Problem(n, f"{key} given twice") for key, n in header.duplicates]
    if not header.get("title"):
        problems.append(Problem(header.line("title"), "there is no Title line (an article starts "
                                                      "with Title: …)"))
    for key, value in header.values.items():
        spec = FIELD_BY_KEY.get(key)
        allowed = spec is not None and (spec.article if kind_of_content == "article" else spec.page)
        if not allowed:
            known = ", ".join(f.key for f in FIELDS if (f.article if kind_of_content == "article"
                                                        else f.page))
            where_ = "an article" if kind_of_content == "article" else "a page"
            problems.append(Problem(header.line(key), f"unknown key {key!r} in {where_} "
                                                      f"(known: {known}; see {DOCS})"))
            continue
        if not value:
            if spec.kind in MAY_BE_EMPTY:
                continue
            problems.append(Problem(header.line(key), f"{spec.key} is empty: give it a value "
                                                      "or remove the line"))
            continue
        if spec.kind == "template":  # which fit depends on the kind of file
            message = _template(value, kind_of_content, ctx.templates[kind_of_content])
        else:
            message = CHECKS[spec.kind](spec, value, header, ctx)
        if message:
            problems.append(Problem(header.line(key), message))
    for spec in FIELDS:
        wanted = spec.article if kind_of_content == "article" else spec.page
        if wanted and spec.required and spec.key != "Title" and not header.get(spec.key):
            problems.append(Problem(1, f"required key {spec.key} missing or empty"))
    if kind_of_content == "article":
        problems += _check_date(header)
        division, message = resolve_place(header, ctx.gazetteer)
        if message:
            deepest = [lvl for lvl in PLACE_LEVELS if header.get(lvl)][-1]
            problems.append(Problem(header.line(deepest), message))
    return sorted(problems, key=lambda p: p.line)


def _check_date(header: Header) -> list[Problem]:
    text, precision = header.get("date"), header.get("date_precision")
    if not precision or precision not in PRECISIONS or (text and _iso_day(text) is None):
        return []  # reported by the field checks
    date = _iso_day(text) if text else None
    problem = precision_problem(date, precision)
    if not problem:
        return []
    return [Problem(header.line("date" if date is not None and precision != "unknown"
                                else "date_precision"), problem)]


def _iso_day(text: str) -> dt.date | None:
    if not _ISO_DAY.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def resolve_place(header: Header, gazetteer) -> tuple[object | None, str | None]:
    """The division the place fields name (None when there are none), or why they name none:
    an unknown name, names that are not one path, or a level left out above the deepest."""
    names = {level: header.get(level) for level in PLACE_LEVELS}
    given = [level for level in PLACE_LEVELS if names[level]]
    if not given:
        return None, None
    for level in given:
        if not gazetteer.find(names[level], level):
            return None, (f"{level} {names[level]!r} is not in the gazetteer; fix the name or "
                          "add an alias in data/gazetteer/aliases.toml")
    division = gazetteer.lookup(*(names[level] for level in PLACE_LEVELS))
    if division is None:
        path = " / ".join(names[level] for level in given)
        return None, (f"places {path} do not form one path in the gazetteer (or are "
                      "ambiguous); fix the names or add an alias in data/gazetteer/aliases.toml")
    missing = [d.level.capitalize() for d in gazetteer.ancestors(division.code)
               if not names[d.level]]
    if missing:
        return None, f"{', '.join(missing)} missing above {names[given[-1]]} ({division.code})"
    return division, None


# --- the checkers, one per kind of value -------------------------------------------------------
def _text(spec, value, header, ctx):
    return None


def _date(spec, value, header, ctx):
    if _iso_day(value) is None:
        return (f"{spec.key} {value!r} is not a valid date; write it as YYYY-MM-DD "
                "(Date_precision says how much of it is known)")
    return None


def _precision(spec, value, header, ctx):
    if value not in PRECISIONS:
        return f"Date_precision {value!r} is not one of {', '.join(PRECISIONS)}"
    return None


def _period(spec, value, header, ctx):
    try:
        Period.parse(value)
    except ValueError as error:
        return str(error)
    return None


def _kind(spec, value, header, ctx):
    if value not in ctx.kinds:
        return f"Kind {value!r} is not one of {', '.join(ctx.kinds)}"
    return None


def _list(spec, value, header, ctx):
    if "，" in value or "、" in value:
        return f"{spec.key} separated by ， or 、; use an ASCII comma (`, `)"
    return None


def _topics(spec, value, header, ctx):
    unknown = [name for name in split_list(value) if name not in ctx.topics]
    if unknown and not _list(spec, value, header, ctx):
        return (f"topic {unknown[0]!r} is not in data/topics.toml (known: "
                f"{'、'.join(ctx.topics)})")
    return _list(spec, value, header, ctx)


def _link(spec, value, header, ctx):
    """An address outside the site: http(s) with a host, nothing a page could misread."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or _UNSAFE_IN_URL.search(value):
        return (f"{spec.key} {value!r} is not an http(s) address (https://host/path, without "
                "spaces, quotes or angle brackets)")
    return None


def _slug(spec, value, header, ctx):
    if not _SLUG.fullmatch(value):
        return (f"Slug {value!r} must be lower-case ASCII letters and digits joined by - "
                "(it is the address)")
    if len(value) > SLUG_MAX:
        return (f"Slug {value[:20]}… is {len(value)} characters long; a slug is a folder name, "
                f"at most {SLUG_MAX}")
    if value in ctx.reserved:
        return (f"Slug {value!r} is the address of the site's own pages ({value}/); choose "
                "another")
    return None


def _raw(spec, value, header, ctx):
    parts = Path(value).parts
    if value.startswith("/") or "\\" in value or ".." in parts or parts[:1] != ("raw",):
        return f"Raw {value!r} must be a path under raw/ (raw/<file>)"
    if not (ctx.raw_root / value).is_file():
        return f"Raw file {value} does not exist"
    return None


def _review(spec, value, header, ctx):
    unknown = [item for item in split_list(value) if item not in REVIEW_LABELS]
    if unknown and not _list(spec, value, header, ctx):
        return f"Review {unknown[0]!r} is not one of {', '.join(sorted(REVIEW_LABELS))}"
    return _list(spec, value, header, ctx)


def _reprint(spec, value, header, ctx):
    if value == NOT_A_REPRINT:
        return None
    if not _SLUG.fullmatch(value):
        return (f"Reprint_of {value!r} is not a slug; write the Slug of the original article, "
                f"or {NOT_A_REPRINT} when this article is no reprint")
    if value == header.get("slug"):
        return "Reprint_of names the article itself; write the Slug of the original article"
    return None


def _script(spec, value, header, ctx):
    return None if value == "zh-Hant" else "Source_script must be zh-Hant (or absent)"


def _digest(spec, value, header, ctx):
    return None if re.fullmatch(r"[0-9a-f]+", value) else f"{spec.key} {value!r} is not a digest"


def _status(spec, value, header, ctx):
    return None if value in STATUSES else f"Status {value!r} is not one of {', '.join(STATUSES)}"


def _template(value: str, kind_of_content: str, templates: set[str]) -> str | None:
    if not _TEMPLATE.fullmatch(value) or value not in templates:
        return (f"Template {value!r} is not a template of the theme for one {kind_of_content} "
                f"(one of {', '.join(sorted(templates))})")
    return None


CHECKS = {"text": _text, "date": _date, "precision": _precision, "period": _period,
          "kind": _kind, "place": _text, "list": _list, "topics": _topics, "link": _link,
          "slug": _slug, "raw": _raw, "review": _review, "script": _script, "digest": _digest,
          "status": _status, "reprint": _reprint}
# Kinds of field an empty line means "not known" or "none" for (the importer writes empty
# place lines); any other empty value is read by Pelican as a value (a template named "").
MAY_BE_EMPTY = {"text", "place", "list", "topics", "review", "reprint"}


# --- the whole archive -------------------------------------------------------------------------
def check_archive(articles: list[Path], pages: list[Path], ctx: Context,
                  read: dict[str, Header] | None = None) -> list[str]:
    """Every problem of every article and page as `path:line: problem`, in path order: each
    file's own, then what only the archive as a whole shows (one slug or raw file twice).
    The headers read go into `read` (path → Header), when given."""
    problems: list[str] = []
    headers: list[tuple[str, Header]] = []
    for kind_of_content, paths in (("article", articles), ("page", pages)):
        for path in sorted(paths):
            try:
                header = read_header(path)
            except FrontMatterError as error:
                problems.append(str(error))
                continue
            headers.append((kind_of_content, header))
            if read is not None:
                read[str(path)] = header
            problems += [f"{where(path, p.line)}: {p.message}"
                         for p in check_file(header, kind_of_content, ctx)]
    for kind_of_content, key, what in (("article", "slug", "duplicate slug {value!r}"),
                                       ("page", "slug", "duplicate slug {value!r}"),
                                       ("article", "raw", "a second article from {value}")):
        first: dict[str, Header] = {}
        for kind, header in headers:
            value = header.get(key)
            if kind != kind_of_content or not value:
                continue
            other = first.setdefault(value.lower(), header)
            if other is not header:
                problems.append(f"{where(header.path, header.line(key))}: "
                                f"{what.format(value=value)} (also "
                                f"{where(other.path, other.line(key))})")
    problems += _check_reprints([h for kind, h in headers if kind == "article"])
    return problems


def reprint_target(header: Header) -> str:
    """The slug a Reprint_of names, "" when none (absent, emptied or `none`)."""
    value = header.get("reprint_of")
    return "" if value == NOT_A_REPRINT else value


def _check_reprints(headers: list[Header]) -> list[str]:
    """A Reprint_of names another article of the archive, and that article's own slug is the
    original (not itself a reprint of a third: groups have one original)."""
    by_slug = {h.get("slug").lower(): h for h in headers if h.get("slug")}
    problems = []
    for header in headers:
        target = reprint_target(header)
        if not target or not _SLUG.fullmatch(target) or target == header.get("slug"):
            continue  # none, or reported by the field check
        where_ = where(header.path, header.line("reprint_of"))
        original = by_slug.get(target.lower())
        if original is None:
            problems.append(f"{where_}: Reprint_of {target!r} is not the slug of an article of "
                            "the archive")
        elif reprint_target(original):
            problems.append(f"{where_}: Reprint_of {target!r} is itself a reprint of "
                            f"{reprint_target(original)!r}; name the original: Reprint_of: "
                            f"{reprint_target(original)}")
    return problems


def content_files(content_path: str | Path, folders: list[str]) -> list[Path]:
    """The Markdown files Pelican reads from these folders of the content tree."""
    found = []
    for folder in folders:
        found += sorted((Path(content_path) / folder).rglob("*.md"))
    return found
