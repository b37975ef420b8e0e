"""Pelican's Markdown reader, reporting what Pelican itself cannot read (a file that is not
UTF-8, a Date that is no date) as `file:line: problem`, like every other front-matter problem:
Pelican would log only "Could not process <file>", without the line or the reason. The HTML it
returns, body and Summary, is sanitised (sanitize.py)."""
import logging
from pathlib import Path

from pelican.readers import MarkdownReader

from .frontmatter import FrontMatterError, line_of
from .sanitize import sanitize_html

logger = logging.getLogger(__name__)

DATE_FIELDS = ("date", "modified")


class ArchiveMarkdownReader(MarkdownReader):
    def read(self, source_path):
        try:
            content, metadata = super().read(source_path)
        except UnicodeDecodeError as error:
            data = Path(source_path).read_bytes()
            line = data.count(b"\n", 0, error.start) + 1
            logger.error("article_meta: %s:%d: the file is not UTF-8 text (byte 0x%02x); save "
                         "it as UTF-8", source_path, line, data[error.start])
            raise FrontMatterError(f"{source_path}: not UTF-8") from error
        # Markdown passes raw HTML through: sanitise it here, where it is born, so no plugin,
        # cache or template ever sees it unsanitised. Summary (FORMATTED_FIELDS) is Markdown too.
        for name in self.settings["FORMATTED_FIELDS"]:
            if isinstance(metadata.get(name), str):
                metadata[name] = sanitize_html(metadata[name])
        return sanitize_html(content), metadata

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
