"""Signal handler: give Pelican the writer that skips unchanged pages."""
from pelican import signals

from .writer import SkippingWriter


def writer_class(pelican):
    return SkippingWriter


def register() -> None:
    signals.get_writer.connect(writer_class)
