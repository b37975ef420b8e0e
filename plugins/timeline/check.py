"""`invoke check` for data/timeline.toml: syntax, keys, types, dates, unknown ids, missing
articles and quotes not found, as `path:line: problem` strings, without building the site.

The ids an editor refers to are the extractor's, so the check reads the articles the way the
build does (Pelican's readers with the project's settings) and extracts them again.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .collect import collect, curation_path
from .settings import timeline_settings

# The project's settings (Markdown extensions, slugs) decide the text and so the ids.
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def read_articles(paths: list[Path], content_dir: Path, settings: dict) -> tuple[list, list]:
    """Pelican articles (HTML content, metadata, slug) of the given Markdown files, and the
    files Pelican cannot read (the front-matter checker says why in detail). Drafts are read
    too: an editor's items for a draft are checked before it is published."""
    from pelican.contents import Article
    from pelican.readers import Readers

    readers = Readers(settings)
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
        articles.append(article)
    return articles, problems


def project_settings(root: Path, content_dir: Path, data_dir: Path) -> dict:
    from pelican.settings import read_settings

    return read_settings(str(root / "pelicanconf.py"),
                         override={"PATH": str(content_dir), "ARCHIVE_DATA_PATH": str(data_dir)})


def curation(articles, ctx) -> Iterable[str]:
    """Checker for plugins.importer.check (see CHECKERS in tasks.py)."""
    content_dir = Path(ctx.content_dir).resolve()
    # The importer's checker reads content/articles; Pelican reads content/ with articles/
    # inside, and slugs and metadata do not depend on which.
    root = Path(ctx.root).resolve()
    if not (root / "pelicanconf.py").exists():
        root = PROJECT_ROOT
    settings = project_settings(root, content_dir, Path(ctx.data_dir).resolve())
    paths = [Path(a.path).resolve() for a in articles]
    settings_of_timeline = timeline_settings(settings)
    path = curation_path(settings, settings_of_timeline)
    readable, problems = read_articles(paths, content_dir, settings)
    problems += collect(readable, settings, settings_of_timeline, strict=True).problems
    absolute = str(path)
    relative = os.path.relpath(path)
    return [p.replace(absolute, relative, 1) if p.startswith(absolute) else p for p in problems]
