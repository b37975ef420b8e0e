"""Pelican's writer, skipping pages whose digest (digest.py) is unchanged."""
from __future__ import annotations

import hashlib

from pelican import signals
from pelican.contents import Content
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from plugins.buildcache import cache_for

from .digest import canonical, content_digest, site_digest, timeline_digest

NAMESPACE = "pagecache.pages.v1"


class SkippingWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self._site: str | None = None
        self._timeline: str | None = None
        self._contents: dict[int, str] = {}
        self._lists: dict[int, tuple[list | tuple, str]] = {}
        # Every page path this writer wrote or kept: two pages on one path are an error
        # whether the first was rendered or skipped (Pelican's own alarm sees only the first).
        self._pages: set[str] = set()

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        if paginated or override_output or not name:
            return super().write_file(name, template, context, relative_urls, paginated,
                                      template_name, override_output, url, **kwargs)
        if self._site is None:
            # Once per build: every context is complete when the first page is written.
            self._site = site_digest(self.settings, context)
        article = kwargs.get("article")
        if isinstance(article, Content):
            # An article page shows the article and, of the others, what the site digest holds.
            inputs = self._content(article, context)
        else:
            # A listing shows its articles (in kwargs) and timeline entries of any article.
            if self._timeline is None:
                self._timeline = timeline_digest(context)
            own = canonical(self._plain_kwargs(kwargs, context))
            inputs = self._timeline + hashlib.blake2b(own, digest_size=16).hexdigest()
        path = sanitised_join(self.output_path, name)
        if path in self._pages:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{path}": another page of this build was written there')
        self._pages.add(path)
        key = "\0".join([self._site, template.name, str(relative_urls), str(url), inputs])

        def render() -> None:
            super(SkippingWriter, self).write_file(
                name, template, context, relative_urls, paginated, template_name,
                override_output, url, **kwargs)

        if not cache_for(self.settings).write_unless_unchanged(NAMESPACE, key, path, render):
            # Still this build's file, for every plugin that lists them (plugins.buildcache).
            signals.content_written.send(path, context=context)

    def _content(self, content, context) -> str:
        digest = self._contents.get(id(content))
        if digest is None:
            digest = self._contents[id(content)] = content_digest(content, context)
        return digest

    def _plain_kwargs(self, value, context):
        """The page's own values, with each article or page they hold as its digest. Other
        objects (places, timeline entries, groups) are made from articles' metadata and
        timeline entries, which the site and timeline digests hold: they stand for their type
        (their text can be long, and a timeline view holds thousands of entries)."""
        if isinstance(value, Content):
            return self._content(value, context)
        if isinstance(value, dict):
            return {str(k): self._plain_kwargs(v, context) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            # The pages of one listing share its lists: each is walked and digested once
            # (kept alive here, so its id cannot pass to another list during the build;
            # no generator changes a list once it has handed it to the writer).
            known = self._lists.get(id(value))
            if known is not None and known[0] is value:
                return known[1]
            plain = [self._plain_kwargs(v, context) for v in value]
            digest = hashlib.blake2b(canonical(plain), digest_size=16).hexdigest()
            self._lists[id(value)] = (value, digest)
            return digest
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        return type(value).__qualname__
