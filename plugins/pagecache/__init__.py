"""Pages whose inputs have not changed since the last build are not rendered again.

Pelican renders every page on every build: at 10,000 articles that is most of a rebuild's
page writing, though an edit changes one article. This plugin gives Pelican a writer that
first computes a digest of what a page is made from, and skips the page when the last build
wrote it from the same digest and the file is still as it left it (plugins.buildcache). The
digest is kept deliberately wide, so a skipped page is never stale:
  - the site: templates, settings (and the files they name), data/, the plugins' code, the
    versions of Pelican, Jinja and Markdown, every article's and page's metadata and URL
    in site order (neighbour links, intrasite links, place, topic and tag pages), and the
    groups of reprints (context["reprints"], made from the articles' text);
  - an article page: the article's HTML as the plugins left it, its metadata and its
    timeline entries;
  - any other page: what Pelican passes to its template (an article or page in it by its
    HTML, metadata and entries, as above), and every timeline entry.
An edit of an article's body re-renders that article's page and the listings that hold it;
an edit of a title, a date or a template re-renders every page. Pages Pelican paginates
itself (none with this site's settings) are always rendered.
"""
from .plugin import register

__all__ = ["register"]
