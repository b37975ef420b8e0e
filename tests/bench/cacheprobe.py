"""A plugin for the buildcache tests: caches one computation per article through the public API,
the way the search and timeline plugins are meant to."""
from pelican import signals

from plugins.buildcache import cache_for

NAMESPACE = "test.title-lengths.v1"


def _measure(generator):
    cache = cache_for(generator.settings)
    for article in generator.articles:
        text = article.title + "\n" + article.content
        article.cached_length = cache.get_or_compute(NAMESPACE, text, lambda: len(text))


def register():
    signals.article_generator_finalized.connect(_measure)
