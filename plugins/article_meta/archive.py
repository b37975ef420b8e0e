"""The archive as the build and `invoke check` both see it: its content files, the context the
schema validates them in, and the record of each article."""
from __future__ import annotations

import importlib
from pathlib import Path

from plugins.buildcache import cache_for
from plugins.gazetteer import Gazetteer

from .record import ArchiveRecord
from .schema import Context, check_archive, content_files, read_header
from .settings import article_meta_settings
from .topics import load_topics


def archive_context(settings) -> Context:
    """The reference data and site layout an article is validated against, once per build."""
    return cache_for(settings).for_this_build("article_meta.context",
                                              lambda: _context(settings))


def _context(settings) -> Context:
    data = Path(settings["ARCHIVE_DATA_PATH"])
    return Context(
        kinds=article_meta_settings(settings)["KINDS"],
        gazetteer=Gazetteer.load(data),
        topics={topic.name: topic for topic in load_topics(data)},
        raw_root=Path(settings["PATH"]).resolve().parent,
        templates=theme_templates(settings),
        reserved=reserved_segments(settings))


def theme_templates(settings) -> dict[str, set[str]]:
    """The theme's templates that render one article and one page: article.html and page.html,
    and those named after them (article-wide.html), as Pelican's TEMPLATE metadata expects. A
    listing's template (archives.html) given to an article stops the build with a traceback."""
    folders = [Path(settings["THEME"]) / "templates",
               *map(Path, settings.get("THEME_TEMPLATES_OVERRIDES") or [])]
    names = {p.stem for folder in folders if folder.is_dir() for p in folder.glob("*.html")}
    return {kind: {n for n in names if n == kind or n.startswith(kind + "-")}
            for kind in ("article", "page")}


def site_urls(settings) -> dict[str, str]:
    """The addresses of the pages plugins write themselves: every plugin in PLUGINS that
    writes such pages declares them with a module-level `site_urls(settings)`
    (docs/architecture.md#site-urls). The theme links them (SITE_URLS), robots.txt and the
    sitemap read them, and no article or page may take them."""
    urls: dict[str, str] = {}
    for plugin in settings.get("PLUGINS") or []:
        module = importlib.import_module(plugin) if isinstance(plugin, str) else plugin
        declare = getattr(module, "site_urls", None)
        if declare is not None:
            urls.update(declare(settings))
    return urls


def reserved_segments(settings) -> set[str]:
    """First path segments of the pages the site writes itself (articles/, theme/, feeds/ and
    what each plugin declares in SITE_URLS): a page with such a slug would overwrite them."""
    templates = [settings.get("ARTICLE_SAVE_AS", ""), settings.get("THEME_STATIC_DIR", "") + "/",
                 settings.get("FEED_ALL_ATOM") or "feeds/", *site_urls(settings).values()]
    found = set()
    for template in templates:
        fixed = template.split("{", 1)[0]
        if "/" in fixed:
            found.add(fixed.split("/", 1)[0])
    return found - {""}


def check_content(settings) -> list[str]:
    """Every front-matter problem of the content tree, as `path:line: problem`. The headers
    read are kept for this build: the records are made from them."""
    path = settings["PATH"]
    articles = content_files(path, settings["ARTICLE_PATHS"])
    pages = content_files(path, settings["PAGE_PATHS"])
    read = cache_for(settings).for_this_build("article_meta.headers", dict)
    return check_archive(articles, pages, archive_context(settings), read)


def article_record(content, ctx: Context) -> ArchiveRecord:
    headers = cache_for(content.settings).for_this_build("article_meta.headers", dict)
    header = headers.get(content.source_path) or read_header(content.source_path)
    return ArchiveRecord.from_header(
        header, content.slug, ctx.kinds, ctx.gazetteer, ctx.topics,
        content_html=lambda: content.content,
        toc_min_headings=article_meta_settings(content.settings)["TOC_MIN_HEADINGS"])
