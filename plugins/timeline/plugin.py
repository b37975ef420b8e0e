"""Signal handlers of plugins.timeline (module-level functions: blinker keeps weak refs)."""
import logging

from pelican import signals

from plugins.gazetteer import Gazetteer
from plugins.options import require_plugins

from .collect import anchor_ranges, collect
from .curation import TimelineDataError
from .generator import TimelineGenerator
from .settings import timeline_settings
from .timeline import Timeline

logger = logging.getLogger(__name__)


def build_timeline(generator) -> None:
    """Extract, curate and anchor as soon as the articles are read, and publish the result
    (docs/architecture.md#timeline):
      - context["timeline"]: the Timeline, for the timeline, place and article pages;
      - context["search_extra_words"]: entry names, which the search index keeps whole;
      - record.anchors of each article with entries: the HTML ranges of their sentences,
        which the article page wraps in anchors (ArchiveRecord.html).
    Runs on article_generator_finalized, so every plugin generator finds them in its
    generate_context and generate_output."""
    settings = timeline_settings(generator.settings)
    articles = list(generator.articles)
    unpublished = frozenset(a.slug for a in [*generator.drafts, *generator.hidden_articles])
    collected = collect(articles, generator.settings, settings, unpublished)
    if collected.problems:
        for problem in collected.problems:
            logger.error("timeline: %s", problem)
        raise TimelineDataError(collected.problems)
    # A story republished by several sites is on the timeline once, from its original: the
    # other copies are record.is_reprint (plugins.reprints; never true without it).
    collected.entries = [e for e in collected.entries if not e.article.record.is_reprint]
    by_article: dict[str, list] = {}
    for entry in collected.entries:
        by_article.setdefault(entry.article.slug, []).append(entry)
    for article in articles:
        entries = by_article.get(article.slug)
        article.record.anchors = anchor_ranges(entries) if entries else []
    gazetteer = Gazetteer.load(generator.settings["ARCHIVE_DATA_PATH"])
    generator.context["timeline"] = Timeline(collected.entries, gazetteer, settings)
    generator.context.setdefault("search_extra_words", []).extend(
        dict.fromkeys(entry.name for entry in collected.entries if entry.name))
    logger.info("timeline: %d entries from %d articles (%d hidden by editors)",
                len(collected.entries), len(by_article), collected.hidden)


def site_urls(settings) -> dict:
    """The timeline's address (docs/architecture.md#site-urls): the theme links it, no page
    may take it."""
    return {"timeline": timeline_settings(settings)["URL"]}


def get_generators(pelican):
    return TimelineGenerator


def requires(pelican) -> None:
    require_plugins(pelican.settings, "timeline", "plugins.article_meta")


def register():
    signals.initialized.connect(requires)
    signals.article_generator_finalized.connect(build_timeline)
    signals.get_generators.connect(get_generators)
