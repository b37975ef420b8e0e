"""`invoke check` for data/timeline.toml: syntax, keys, types, dates, unknown ids, missing
articles and quotes not found, as `path:line: problem` strings, without building the site.

The ids an editor refers to are the extractor's, so the check reads the articles the way the
build does (Pelican's readers with the project's settings) and extracts them again.
"""
from __future__ import annotations

import os
from pathlib import Path

from plugins.article_meta.archive import archive_context, article_record
from plugins.article_meta.schema import content_files

from .collect import collect, curation_path
from .settings import timeline_settings


def read_articles(paths: list[Path], content_dir: Path, settings: dict) -> tuple[list, list]:
    """Pelican articles (HTML content, metadata, slug) of the given Markdown files, and the
    files Pelican cannot read (the front-matter checker says why in detail). Drafts are read
    too: an editor's items for a draft are checked before it is published."""
    from pelican.contents import Article
    from pelican.readers import Readers

    readers = Readers(settings)
    archive = archive_context(settings)
    articles, problems = [], []
    for path in paths:
        relative = os.path.relpath(path, content_dir)
        try:
            article = readers.read_file(base_path=str(content_dir), path=relative,
                                        content_class=Article, context={})
        except Exception as error:  # noqa: BLE001 - any reader failure is a problem to report
            problems.append(f"{os.path.relpath(path)}:1: timeline: Pelican cannot read the "
                            f"article ({error})")
            continue
        # As the build does (plugins.article_meta): outside a build no signal does it.
        article.record = article_record(article, archive)
        articles.append(article)
    return articles, problems


def curation_problems(settings: dict) -> list[str]:
    """`path:line: problem` of the curation file for the articles of settings["PATH"]."""
    content_dir = Path(settings["PATH"])
    paths = content_files(content_dir, settings["ARTICLE_PATHS"])
    settings_of_timeline = timeline_settings(settings)
    path = curation_path(settings, settings_of_timeline)
    readable, problems = read_articles(paths, content_dir, settings)
    published = [a for a in readable if a.status == "published"]
    unpublished = frozenset(a.slug for a in readable if a.status != "published")
    problems += collect(published, settings, settings_of_timeline, unpublished).problems
    absolute = str(path)
    relative = os.path.relpath(path)
    return [p.replace(absolute, relative, 1) if p.startswith(absolute) else p for p in problems]
