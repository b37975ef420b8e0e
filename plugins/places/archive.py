"""Grouping the published articles into places, topics, years, kinds and tags."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from plugins.article_meta.dates import UNDATED_SEGMENT
from plugins.article_meta.frontmatter import line_of
from plugins.gazetteer import LEVELS, Gazetteer

from .listing import Kind, Place, TagPage, Topic, Year
from .taxonomy import load_topics, tag_slug

logger = logging.getLogger(__name__)

_PLACE_KEYS = {"province": "Province", "city": "City", "district": "District", "street": "Street"}


@dataclass
class Archive:
    """Everything the browse pages show; put into the context as `archive`."""
    places: dict[str, Place] = field(default_factory=dict)
    topics: list[Topic] = field(default_factory=list)
    years: list[Year] = field(default_factory=list)
    kinds: list[Kind] = field(default_factory=list)
    tags: list[TagPage] = field(default_factory=list)
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
    """Group `articles` (already in archive order, so every list below keeps that order)."""
    data_dir = Path(settings["ARCHIVE_DATA_PATH"])
    gazetteer = Gazetteer.load(data_dir)
    archive = Archive(topics=load_topics(data_dir / options["TOPICS_FILE"], options))
    topics_by_name = {t.name: t for t in archive.topics}
    years: dict[str, Year] = {}
    kinds: dict[str, Kind] = {}
    tags: dict[str, TagPage] = {}

    for article in articles:
        article.place = _place_of(article, gazetteer, archive.places, options)
        article.place_trail = article.place.display_trail if article.place else []
        if article.place:
            for place in article.place.trail:
                place.articles.append(article)

        article.topic_pages = []
        for name in getattr(article, "topics_list", []):
            topic = topics_by_name.get(name)
            if topic is None:
                logger.error("places: %s:%d: topic %r is not in %s (known: %s)",
                             article.source_path, line_of(article.source_path, "Topics"), name,
                             data_dir / options["TOPICS_FILE"], "、".join(topics_by_name))
                continue
            topic.articles.append(article)
            article.topic_pages.append(topic)

        year_slug = getattr(article, "archive_year", None) or str(article.date.year)
        if year_slug not in years:
            years[year_slug] = Year(getattr(article, "archive_year_label", f"{year_slug}年"),
                                    year_slug, options)
        years[year_slug].articles.append(article)
        article.year_page = years[year_slug]

        kind = getattr(article, "kind", None)
        article.kind_page = None
        if kind:
            if kind not in kinds:
                kinds[kind] = Kind(article.kind_label or kind, kind, options)
            kinds[kind].articles.append(article)
            article.kind_page = kinds[kind]

        article.tag_pages = []
        # dict.fromkeys: a tag given twice counts once, without scanning the tag's list.
        for name in dict.fromkeys(tag.name for tag in getattr(article, "tags", []) or []):
            if name not in tags:
                tags[name] = TagPage(name, tag_slug(name), options)
            tags[name].articles.append(article)
            article.tag_pages.append(tags[name])

    for place in archive.places.values():
        place.children.sort(key=lambda p: p.code)
    archive.years = sorted(years.values(),
                           key=lambda y: (y.slug == UNDATED_SEGMENT, -int(y.slug) if y.slug.isdigit() else 0))
    archive.kinds = sorted(kinds.values(), key=lambda k: k.slug)
    archive.tags = sorted(tags.values(), key=lambda t: (-t.count, t.slug))
    return archive


def _place_of(article, gazetteer: Gazetteer, places: dict[str, Place], options: dict) -> Place | None:
    names = {level: str(getattr(article, level, "") or "").strip() for level in LEVELS}
    if not any(names.values()):
        return None
    division = gazetteer.lookup(**names)
    if division is None:
        deepest = [level for level in LEVELS if names[level]][-1]
        logger.error("places: %s:%d: place %s is not in the gazetteer (or is ambiguous); "
                     "fix the names or add an alias in data/gazetteer/aliases.toml",
                     article.source_path, line_of(article.source_path, _PLACE_KEYS[deepest]),
                     " › ".join(n for n in names.values() if n))
        return None
    parent = None
    for node in gazetteer.ancestors(division.code):
        place = places.get(node.code)
        if place is None:
            place = places[node.code] = Place(node, parent, options)
            if parent is not None:
                parent.children.append(place)
        parent = place
    return parent
