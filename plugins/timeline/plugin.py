"""Signal handlers of plugins.timeline (module-level functions: blinker keeps weak refs)."""
import logging

from pelican import signals
from pelican.utils import (strip_toc_elements_from_html, truncate_html_paragraphs,
                           truncate_html_words)

from plugins.gazetteer import Gazetteer

from .collect import collect, mark_sources
from .curation import TimelineDataError
from .generator import TimelineGenerator
from .settings import timeline_settings
from .timeline import Timeline

logger = logging.getLogger(__name__)


def build_timeline(generator) -> None:
    """Extract, curate and anchor as soon as the articles are read.

    This runs on article_generator_finalized, before any other generator's generate_context:
    Pelican memoizes an article's rendered content on first access, so the anchors must be in
    the HTML before the search index or a listing reads it; and the place pages, written by
    another generator, find `timeline` in the shared context.
    """
    settings = timeline_settings(generator.settings)
    articles = list(generator.articles)
    collected = collect(articles, generator.settings, settings)
    if collected.problems:
        for problem in collected.problems:
            logger.error("timeline: %s", problem)
        raise TimelineDataError(collected.problems)
    by_article: dict[str, list] = {}
    for entry in collected.entries:
        by_article.setdefault(entry.article.slug, []).append(entry)
    for article in articles:
        entries = by_article.get(article.slug)
        if entries:
            _keep_summary(article)
            article._content = mark_sources(article, collected.documents[article.slug], entries)
    gazetteer = Gazetteer.load(generator.settings["ARCHIVE_DATA_PATH"])
    generator.context["timeline"] = Timeline(collected.entries, gazetteer, settings)
    logger.info("timeline: %d entries from %d articles (%d hidden by editors)",
                len(collected.entries), len(by_article), collected.hidden)


def _keep_summary(article) -> None:
    """Fix the summary before the anchors go in, the way Pelican would derive it: listings
    show summaries, and a second copy of an anchor id there is neither needed nor valid."""
    if "summary" in article.metadata:
        return
    settings = article.settings
    content = article._content
    if settings.get("SUMMARY_MAX_PARAGRAPHS") is not None:
        content = truncate_html_paragraphs(content, settings["SUMMARY_MAX_PARAGRAPHS"])
    if settings.get("SUMMARY_MAX_LENGTH") is not None:
        content = truncate_html_words(content, settings["SUMMARY_MAX_LENGTH"],
                                      settings.get("SUMMARY_END_SUFFIX", "…"))
    content = strip_toc_elements_from_html(content)
    article.metadata["summary"] = content
    article._summary = content


def get_generators(pelican):
    return TimelineGenerator


def register():
    signals.article_generator_finalized.connect(build_timeline)
    signals.get_generators.connect(get_generators)
