"""Signal handlers of plugins.places (module-level functions: blinker keeps weak refs)."""
from pelican import signals

from .archive import collect
from .generator import BrowsePagesGenerator
from .settings import places_settings


def collect_archive(generator) -> None:
    archive = collect(generator.articles, generator.settings, places_settings(generator.settings))
    generator.context["archive"] = archive
    # The place pages' contract (DESIGN.md): code → Place for any plugin that needs it.
    generator.context["places"] = archive.places


def get_generators(pelican):
    return BrowsePagesGenerator


def register():
    signals.article_generator_finalized.connect(collect_archive)
    signals.get_generators.connect(get_generators)
