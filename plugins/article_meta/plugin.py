"""Signal handlers of plugins.article_meta (module-level functions: blinker keeps weak refs)."""
import logging

from pelican import signals
from pelican.contents import Article
from pelican.urlwrappers import Category

from . import dates, frontmatter, toc
from .reader import use_archive_reader
from .settings import article_meta_settings

logger = logging.getLogger(__name__)


def normalise_article(content) -> None:
    """Give an article the fields the theme shows; runs before Pelican validates it, so an
    undated article gets the sentinel date Pelican requires instead of being dropped."""
    if not isinstance(content, Article):
        return
    settings = article_meta_settings(content.settings)
    meta = content.metadata
    path = content.source_path
    problems: list[tuple[str, str]] = []  # (front-matter key, problem)

    date = getattr(content, "date", None)
    precision = str(meta.get("date_precision") or ("day" if date is not None else "unknown"))
    precision = precision.strip().lower()
    problem = dates.precision_problem(date, precision)
    if problem:
        problems.append(("Date_precision" if "date_precision" in meta else "Date", problem))

    kind = str(meta.get("kind") or "").strip().lower()
    if kind and kind not in settings["KINDS"]:
        problems.append(("Kind", f"Kind {kind!r} is not one of {', '.join(settings['KINDS'])}"))

    if not str(meta.get("title") or "").strip():
        # Pelican would derive no slug either: the title is the problem to report.
        problems.append(("Title", "there is no Title line (an article starts with Title: …)"))
    else:
        problem = frontmatter.slug_problem(getattr(content, "slug", ""))
        if problem:
            problems.append(("Slug", problem))

    if problems:
        for key, message in problems:
            logger.error("article_meta: %s:%d: %s", path, frontmatter.line_of(path, key), message)
        raise frontmatter.FrontMatterError(
            f"{path}: {len(problems)} front-matter problem(s), see the errors above")

    content.date_precision = precision
    content.is_dated = precision != "unknown"
    if not content.is_dated:
        content.date = dates.undated_sentinel(content.settings["TIMEZONE"])
    content.date_display = dates.display(content.date, precision)
    content.date_iso = dates.iso(content.date, precision)
    content.locale_date = content.date_display
    # Consumed by ARTICLE_URL/ARTICLE_SAVE_AS (url_format reads the metadata).
    meta["archive_year"] = str(content.date.year) if content.is_dated else dates.UNDATED_SEGMENT
    content.archive_year = meta["archive_year"]
    content.archive_year_label = (f"{content.date.year}年" if content.is_dated
                                  else dates.UNKNOWN_LABEL)

    content.kind = kind or None
    content.kind_label = settings["KINDS"].get(kind) if kind else None
    for field in frontmatter.LIST_FIELDS:
        setattr(content, f"{field}_list", frontmatter.split_list(meta.get(field)))
    content.is_traditional_source = str(meta.get("source_script", "")).strip() == "zh-Hant"
    # Only an Author line in the file counts: Pelican otherwise fills in the site's AUTHOR.
    content.source_author = meta.get("author").name if meta.get("author") else None

    if not hasattr(content, "category"):
        # With CATEGORY_SAVE_AS empty Pelican assigns no category, yet its draft writer
        # reads article.category; the category itself is never published.
        content.category = Category(content.settings["DEFAULT_CATEGORY"], content.settings)

    found = toc.headings(content._content)
    content.toc = found if len(found) >= settings["TOC_MIN_HEADINGS"] else []


def reject_duplicate_slugs(generator) -> None:
    """Two articles with one slug would be written to one URL. Pelican's check (its
    translation grouping, ARTICLE_TRANSLATION_ID) compares every article with every other
    and is switched off in pelicanconf.py; this one names both files with their Slug lines."""
    first: dict[str, object] = {}
    problems = []
    # By path: the report is the same whatever order the files were read in.
    everything = list(generator.articles) + list(generator.hidden_articles)
    for article in sorted(everything, key=lambda a: a.source_path):
        other = first.setdefault(article.slug, article)
        if other is not article:
            problems.append(
                f"{article.source_path}:{frontmatter.line_of(article.source_path, 'Slug')}: "
                f"duplicate slug {article.slug!r} (also {other.source_path}:"
                f"{frontmatter.line_of(other.source_path, 'Slug')})")
    if problems:
        for problem in problems:
            logger.error("article_meta: %s", problem)
        raise frontmatter.FrontMatterError(f"{len(problems)} duplicate slug(s), see the errors above")


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
    signals.readers_init.connect(use_archive_reader)
    signals.content_object_init.connect(normalise_article)
    signals.feed_generated.connect(drop_undated_entries)
    signals.article_generator_pretaxonomy.connect(reject_duplicate_slugs)
    signals.article_generator_finalized.connect(link_neighbours)
    signals.article_generator_finalized.connect(pin_urls)
