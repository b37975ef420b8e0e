"""Signal handlers of plugins.article_meta (module-level functions: blinker keeps weak refs).

Order, as Pelican sends the signals:
  1. article_generator_init: the whole archive is validated (articles and pages) before any
     file is read, with the same checks as `invoke check`; any problem stops the build. Then
     the articles Pelican has not read yet are read on every core (prefill.py).
  2. content_object_init: each article gets its record (record.py).
  3. article_generator_finalized: neighbours and URLs; then other plugins read the records.
"""
import logging

from pelican import signals
from pelican.contents import Article
from pelican.urlwrappers import Category

from . import dates
from .archive import archive_context, article_record, check_content, site_urls
from .prefill import read_in_parallel
from .reader import use_archive_reader
from .schema import DOCS, REVIEW_LABELS, FrontMatterError

logger = logging.getLogger(__name__)


def declare_site_urls(pelican) -> None:
    """SITE_URLS for the theme and plugins.seo (archive.site_urls)."""
    pelican.settings["SITE_URLS"] = site_urls(pelican.settings)


def validate_archive(generator) -> None:
    problems = check_content(generator.settings)
    if problems:
        logger.error("article_meta: %d front-matter problem(s) (the fields are described in "
                     "%s):\n%s", len(problems), DOCS, "\n".join(problems))
        raise FrontMatterError("\n".join(problems))


def attach_record(content) -> None:
    """The record, and what Pelican itself needs of it: a date for an undated article (the
    sentinel, never shown: Pelican drops an article without one) and the year in its URL."""
    if not isinstance(content, Article):
        return
    record = content.record = article_record(content, archive_context(content.settings))
    if not record.date.known:
        content.date = dates.undated_sentinel(content.settings["TIMEZONE"])
    content.locale_date = record.date.label
    # Consumed by ARTICLE_URL/ARTICLE_SAVE_AS (Pelican formats them from the metadata).
    content.metadata["archive_year"] = content.archive_year = (
        str(record.date.year) if record.date.known else dates.UNDATED_SEGMENT)
    if not hasattr(content, "category"):
        # With CATEGORY_SAVE_AS empty Pelican assigns no category, yet its draft writer
        # reads article.category; the category itself is never published.
        content.category = Category(content.settings["DEFAULT_CATEGORY"], content.settings)


def add_globals(generator) -> None:
    """What the theme shows of the schema: the label of every Review item."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["review_labels"] = REVIEW_LABELS


def link_neighbours(generator) -> None:
    """newer_article / older_article in archive order (the order of generator.articles)."""
    articles = generator.articles
    for index, article in enumerate(articles):
        article.newer_article = articles[index - 1] if index > 0 else None
        article.older_article = articles[index + 1] if index + 1 < len(articles) else None


def pin_urls(generator) -> None:
    """Pelican formats an article's URL from a copy of its metadata on every access, and the
    pages of a large archive ask for it hundreds of thousands of times (listings, neighbours,
    timeline links, the sitemap). Once the articles are read the URL is final, so it is kept
    as Pelican's own override, which `article.url` then returns as it is."""
    for article in generator.articles:
        if not hasattr(article, "override_url"):
            article.override_url = article.url


def drop_undated_entries(context, feed) -> None:
    """Pelican's feed of all articles: an undated article would be an entry of 1970-01-01 (its
    sentinel date), a date the archive never invents. Its page, listings and search keep it."""
    sentinel = dates.undated_sentinel(context["TIMEZONE"])
    feed.items = [item for item in feed.items if item.get("pubdate") != sentinel]


def register():
    signals.initialized.connect(declare_site_urls)
    signals.readers_init.connect(use_archive_reader)
    signals.article_generator_init.connect(validate_archive)
    signals.article_generator_init.connect(read_in_parallel)  # after it: only valid files
    signals.content_object_init.connect(attach_record)
    signals.generator_init.connect(add_globals)
    signals.feed_generated.connect(drop_undated_entries)
    signals.article_generator_finalized.connect(link_neighbours)
    signals.article_generator_finalized.connect(pin_urls)
