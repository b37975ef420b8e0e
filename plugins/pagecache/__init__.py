"""Article pages whose inputs have not changed since the last build are not rendered again.

Pelican renders every article page on every build: at 10,000 articles that is most of a
rebuild's page writing, though an edit changes one article. This plugin gives Pelican a writer
that, for an article page, first computes a digest of what the page is made from, and skips
the page when the last build wrote it from the same digest and the file is still as it left it
(plugins.buildcache). The digest is kept deliberately wide, so a skipped page is never stale:
  - the site: templates, settings (and the files they name), data/, the plugins' code, the
    versions of Pelican, Jinja and Markdown, and every article's and page's metadata and URL
    in site order (neighbour links, intrasite links, place, topic and tag pages);
  - the page: the article's HTML as the plugins left it, its metadata and its timeline
    entries.
An edit of an article's body re-renders that page alone; an edit of a title, a date or a
template re-renders them all.
"""
from .plugin import register

__all__ = ["register"]
