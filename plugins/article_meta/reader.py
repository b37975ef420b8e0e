"""Pelican's Markdown reader, as the archive's articles and pages are read.

The front matter is validated before any file is read (schema.py, on article_generator_init),
so what reaches the reader is well-formed UTF-8 with valid values. The HTML it returns, body
and Summary, is sanitised (sanitize.py)."""
from pelican.readers import MarkdownReader

from .sanitize import sanitize_html


class ArchiveMarkdownReader(MarkdownReader):
    def read(self, source_path):
        content, metadata = super().read(source_path)
        # Markdown passes raw HTML through: sanitise it here, where it is born, so no plugin,
        # cache or template ever sees it unsanitised. Summary (FORMATTED_FIELDS) is Markdown too.
        for name in self.settings["FORMATTED_FIELDS"]:
            if isinstance(metadata.get(name), str):
                metadata[name] = sanitize_html(metadata[name])
        return sanitize_html(content), metadata


def use_archive_reader(readers) -> None:
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = ArchiveMarkdownReader
