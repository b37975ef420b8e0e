"""Grouping the published articles into places, topics, years, kinds and tags."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plugins.article_meta.dates import UNDATED_SEGMENT, UNKNOWN_LABEL
from plugins.article_meta.record import record_of
from plugins.article_meta.topics import load_topics
from plugins.gazetteer import Gazetteer, grow

from .listing import Kind, Place, TagPage, Topic, Year
from .taxonomy import tag_slug


@dataclass
class Archive:
    """Everything the browse pages show; put into the context as `archive`."""
    places: dict[str, Place] = field(default_factory=dict)
    topics: list[Topic] = field(default_factory=list)
    years: list[Year] = field(default_factory=list)
    kinds: list[Kind] = field(default_factory=list)
    tags: list[TagPage] = field(default_factory=list)
    articles: list = field(default_factory=list)   # every story once, in archive order
    _item_html: dict = field(default_factory=dict, repr=False, compare=False)

    def article_html(self, article, show_place: bool, siteurl: str, render) -> str:
        """The list item of an article, rendered by the template's macro `render` once: an
        article is listed on about ten pages (each place above it, its topics, year, kind,
        tags), and rendering it anew for each was a tenth of a large archive's build."""
        key = (id(article), show_place, siteurl)
        html = self._item_html.get(key)
        if html is None:
            html = self._item_html[key] = render(article, show_place)
        return html

    @property
    def provinces(self) -> list[Place]:
        return sorted((p for p in self.places.values() if p.parent is None), key=lambda p: p.code)

    @property
    def used_topics(self) -> list[Topic]:
        return [t for t in self.topics if t.articles]


def collect(articles: list, settings: dict, options: dict) -> Archive:
    """Group `articles` (already in archive order, so every list below keeps that order) by
    what their records say (plugins.article_meta)."""
    gazetteer = Gazetteer.load(Path(settings["ARCHIVE_DATA_PATH"]))
    archive = Archive(topics=[Topic(t.name, t.slug, list(t.keywords), options)
                              for t in load_topics(settings["ARCHIVE_DATA_PATH"])])
    topics_by_slug = {t.slug: t for t in archive.topics}
    years: dict[str, Year] = {}
    kinds: dict[str, Kind] = {}
    tags: dict[str, TagPage] = {}

    def make_place(division, parent):
        return Place(division, parent, options)

    for article in articles:
        record = record_of(article)
        article.place = (grow(archive.places, record.place.code, gazetteer, make_place)
                         if record.place else None)
        article.place_trail = article.place.display_trail if article.place else []
        if article.place:
            for place in article.place.trail:
                place.articles.append(article)

        article.topic_pages = []
        for topic in record.topics:
            topics_by_slug[topic.slug].articles.append(article)
            article.topic_pages.append(topics_by_slug[topic.slug])

        year_key = record.year_key
        if year_key not in years:
            years[year_key] = Year(f"{year_key}年" if year_key != UNDATED_SEGMENT
                                   else UNKNOWN_LABEL, year_key, options)
        years[year_key].articles.append(article)
        article.year_page = years[year_key]

        if record.kind not in kinds:
            kinds[record.kind] = Kind(record.kind_label, record.kind, options)
        kinds[record.kind].articles.append(article)
        article.kind_page = kinds[record.kind]

        article.tag_pages = []
        for name in record.tags:
            if name not in tags:
                tags[name] = TagPage(name, tag_slug(name), options)
            tags[name].articles.append(article)
            article.tag_pages.append(tags[name])

    for listing in [*archive.places.values(), *archive.topics, *years.values(), *kinds.values(),
                    *tags.values()]:
        listing.articles = once_per_story(listing.articles)
    archive.articles = once_per_story(articles)
    for place in archive.places.values():
        place.children.sort(key=lambda p: p.code)
    archive.years = sorted(years.values(),
                           key=lambda y: (y.slug == UNDATED_SEGMENT, -int(y.slug) if y.slug.isdigit() else 0))
    archive.kinds = sorted(kinds.values(), key=lambda k: k.slug)
    archive.tags = sorted(tags.values(), key=lambda t: (-t.count, t.slug))
    return archive


def once_per_story(articles: list) -> list:
    """`articles` without the copies of stories republished in the archive (record.is_reprint,
    plugins.reprints): a story is listed by its original, whose page names the other sources.
    Never by a copy, even where the original is not listed: a year or a place would otherwise
    count the story twice across the archive, and the listings would disagree with each other."""
    return [a for a in articles if not record_of(a).is_reprint]
