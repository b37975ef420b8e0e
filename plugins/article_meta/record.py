"""The archive record: what the archive knows of one article, worked out once, when the article
is read, and read by every other plugin and by the theme as `article.record`.

Its values come from the article's front matter as the schema validated it (schema.py): the
division resolved once from the place names, the topics from the one taxonomy loader, the kind
and its label from the settings, the date and period as values with a precision. The text of
the article is made on demand (`text_view`, `plain_text`), never kept: ten thousand articles'
text views would take gigabytes.

Written by other plugins, and only these, each documented in docs/architecture.md:
  - `anchors` by plugins.timeline (article_generator_finalized): HTML ranges of the article
    to wrap in an anchor, so `html` links each timeline entry to its sentence.
  - `reprint_group` by plugins.reprints (article_generator_pretaxonomy, before any
    article_generator_finalized handler): the group of copies of one story the article
    belongs to (`.original`, `.members`, `.similarity`, `.others(article)`), or None.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from plugins.gazetteer import Division

from .dates import Period, PreciseDate
from .schema import NOT_A_REPRINT, PLACE_LEVELS, Header, resolve_place, split_list
from .textview import HtmlText, plain_text, wrap_ranges


@dataclass(eq=False)
class ArchiveRecord:
    slug: str
    title: str
    date: PreciseDate
    period: Period | None
    kind: str
    kind_label: str
    place: Division | None            # the deepest division the place fields name
    place_path: list[Division]        # its ancestors and itself, province first
    place_names: dict[str, str]       # level → name as written
    communities: list[str]
    topics: list                      # Topic objects (plugins.article_meta.topics)
    tags: list[str]
    review: list[str]
    publisher: str
    source: str
    source_url: str
    author: str
    raw: str
    traditional: bool
    reprint_of: str                   # "" not said, "none" not a reprint, else the original's slug
    toc_min_headings: int
    content_html: Callable[[], str] = field(repr=False)
    anchors: list[tuple[int, int, list[str]]] = field(default_factory=list)
    reprint_group: object | None = field(default=None, repr=False)

    @classmethod
    def from_header(cls, header: Header, slug: str, kinds: dict[str, str], gazetteer,
                    topics: dict, content_html: Callable[[], str],
                    toc_min_headings: int) -> "ArchiveRecord":
        precision = header.get("date_precision") or "unknown"
        date = PreciseDate.parse_iso(header.get("date")) if header.get("date") else None
        division, _ = resolve_place(header, gazetteer)
        period = header.get("period")
        kind = header.get("kind")
        return cls(
            slug=slug, title=header.get("title"),
            date=PreciseDate.of(date.value, precision) if date else PreciseDate.unknown(),
            period=Period.parse(period) if period else None,
            kind=kind, kind_label=kinds.get(kind, ""),
            place=division,
            place_path=gazetteer.ancestors(division.code) if division else [],
            place_names={level: header.get(level) for level in PLACE_LEVELS},
            communities=split_list(header.get("communities")),
            topics=[topics[name] for name in split_list(header.get("topics"))],
            tags=list(dict.fromkeys(split_list(header.get("tags")))),
            review=split_list(header.get("review")),
            publisher=header.get("publisher"), source=header.get("source"),
            source_url=header.get("source_url"), author=header.get("author"),
            raw=header.get("raw"), traditional=header.get("source_script") == "zh-Hant",
            # An emptied Reprint_of: is the editor saying "not a reprint", as `none` does.
            reprint_of=(NOT_A_REPRINT if "reprint_of" in header.values
                        and not header.get("reprint_of") else header.get("reprint_of")),
            toc_min_headings=toc_min_headings, content_html=content_html)

    # --- the article's text, made on demand -------------------------------------------------
    def text_view(self) -> HtmlText:
        """The body's text with its map back into the HTML (for marking sentences)."""
        return HtmlText(self.content_html())

    def plain_text(self, length: int = 0) -> str:
        """The body's text on one line (the search index, descriptions)."""
        return plain_text(self.content_html(), length)

    @property
    def html(self) -> str:
        """The body as the article page shows it: with the anchors other plugins asked for."""
        source = self.content_html()
        return wrap_ranges(source, self.anchors) if self.anchors else source

    @property
    def toc(self) -> list[dict]:
        """The h2/h3 headings, when there are enough of them for a table of contents."""
        source = self.content_html()
        if source.count("<h2") + source.count("<h3") < self.toc_min_headings:
            return []  # most news has none: no need to read the text
        found = HtmlText(source, offsets=False).headings()
        return found if len(found) >= self.toc_min_headings else []

    # --- derived values the theme and the plugins share --------------------------------------
    @property
    def place_full_name(self) -> str:
        """山东省枣庄市市中区垎塔埠街道; a municipality is its own city, named once (北京市东城区)."""
        names = [d.name for d in self.place_path]
        return "".join(n for i, n in enumerate(names)
                       if i in (0, len(names) - 1) or n != names[i - 1])

    @property
    def is_reprint(self) -> bool:
        """A copy of a story whose original is another article of the archive: listings and
        the timeline show the original instead (plugins.reprints sets reprint_group)."""
        group = self.reprint_group
        return group is not None and group.original.record is not self

    @property
    def year_key(self) -> str:
        """The year an article is filed under: its date's, else the first of its period's;
        "undated" when it has neither."""
        if self.date.known:
            return str(self.date.year)
        if self.period is not None:
            return str(self.period.years[0])
        return "undated"


def record_of(article) -> ArchiveRecord:
    """The article's record; a clear error when plugins.article_meta did not make one (it must
    be in PLUGINS), instead of a default that would hide it."""
    try:
        return article.record
    except AttributeError:
        raise RuntimeError(f"{getattr(article, 'source_path', article)}: no archive record; "
                           "plugins.article_meta must be in PLUGINS") from None


def archive_order(article) -> tuple:
    """Sort key of articles (ARTICLE_ORDER_BY): newest first, undated last, then by slug so
    equal dates keep a stable order."""
    undated = not record_of(article).date.known
    return (undated, -article.date.timestamp() if not undated else 0.0, article.slug)
