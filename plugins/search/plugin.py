"""Signal handlers of plugins.search (module-level functions: blinker keeps weak refs)."""
from pelican import signals

from plugins.options import require_plugins

from .generator import SearchGenerator
from .settings import search_settings


def site_urls(settings) -> dict:
    """The search page's address (docs/architecture.md#site-urls): the theme's search box
    submits to it, robots.txt and the sitemap leave it out, no page may take it."""
    return {"search": search_settings(settings)["PAGE_URL"]}


def get_generators(pelican):
    return SearchGenerator


def requires(pelican) -> None:
    require_plugins(pelican.settings, "search", "plugins.article_meta")


def register():
    signals.initialized.connect(requires)
    signals.get_generators.connect(get_generators)
