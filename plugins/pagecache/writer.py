"""Pelican's writer, skipping article pages whose digest (digest.py) is unchanged."""
from __future__ import annotations

import logging

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from plugins.buildcache import cache_for

from .digest import article_digest, site_digest

logger = logging.getLogger(__name__)
NAMESPACE = "pagecache.articles.v1"


class SkippingWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self._site: str | None = None
        self.skipped = 0

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        article = kwargs.get("article")
        if article is None or paginated or override_output or not name:
            return super().write_file(name, template, context, relative_urls, paginated,
                                      template_name, override_output, url, **kwargs)
        if self._site is None:
            # Once per build: the whole context is complete when the first page is written.
            self._site = site_digest(self.settings, context)
        path = sanitised_join(self.output_path, name)
        key = "\0".join([self._site, template.name, str(relative_urls),
                         article_digest(article, context)])

        def render() -> None:
            super(SkippingWriter, self).write_file(
                name, template, context, relative_urls, paginated, template_name,
                override_output, url, **kwargs)

        if not cache_for(self.settings).write_unless_unchanged(NAMESPACE, key, path, render):
            # Still this build's file: Pelican's alarm for two pages on one path, and
            # plugins.staleoutput, which keeps every file some build step wrote.
            self._open_w_check(path)
            signals.content_written.send(path, context=context)
            self.skipped += 1

    def _open_w_check(self, path: str) -> None:
        if path in self._written_files:
            with self._open_w(path, "utf-8"):  # raises Pelican's FileOverwriteFailedError
                pass
        self._written_files.add(path)
