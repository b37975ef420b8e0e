"""Signal handler: remember the articles generator of the last build (one build at a time per
process: the livereload loop builds one after another)."""
from __future__ import annotations

from pelican import signals

_last: dict = {}


def remember(generator, writer) -> None:
    """article_writer_finalized: the article pages are written; their generator, with its
    context and readers, is what a preview renders from."""
    _last["articles"] = generator


def last_articles():
    """The articles generator of the last build that wrote its article pages, or None."""
    return _last.get("articles")


def register() -> None:
    signals.article_writer_finalized.connect(remember)
