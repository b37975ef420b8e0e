"""Pelican's Markdown reader, reporting a front-matter value Pelican itself cannot parse (a
Date that is no date) as `file:line: problem`, like every other front-matter problem: Pelican
would log only "Could not process <file>", without the value, the line or the reason."""
import logging

from pelican.readers import MarkdownReader

from .frontmatter import FrontMatterError, line_of

logger = logging.getLogger(__name__)

DATE_FIELDS = ("date", "modified")


class ArchiveMarkdownReader(MarkdownReader):
    def process_metadata(self, name, value):
        try:
            return super().process_metadata(name, value)
        except ValueError as error:  # what pelican.utils.get_date raises
            path = self._source_path
            key = name.capitalize()
            hint = ("; write it as YYYY-MM-DD (Date_precision says how much of it is known)"
                    if name in DATE_FIELDS else "")
            logger.error("article_meta: %s:%d: %s %s%s", path, line_of(path, key), key, error,
                         hint)
            raise FrontMatterError(f"{path}: {key} {value!r} cannot be read") from error


def use_archive_reader(readers) -> None:
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = ArchiveMarkdownReader
