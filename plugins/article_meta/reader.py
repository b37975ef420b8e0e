"""Pelican's Markdown reader, as the archive's articles and pages are read.

The front matter is validated before any file is read (schema.py, on article_generator_init),
so what reaches the reader is well-formed UTF-8 with valid values."""
from pelican.readers import MarkdownReader


class ArchiveMarkdownReader(MarkdownReader):
    pass


def use_archive_reader(readers) -> None:
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = ArchiveMarkdownReader
