"""Signal handlers of plugins.search (module-level functions: blinker keeps weak refs)."""
from pelican import signals

from .generator import SearchGenerator


def get_generators(pelican):
    return SearchGenerator


def register():
    signals.get_generators.connect(get_generators)
