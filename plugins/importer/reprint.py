"""At import: is the new document a copy of a story already in the destination folder?

The articles already there are sketched once per run (plugins.reprints.sketch, the measure the
build groups by); each imported document is compared with them and then joins them. A match
makes the new article `Reprint_of: <slug>` of the story's original, unless the new document is
dated earlier: then it is the original, the older article is left untouched, and the build
groups the two by their similarity."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from plugins.article_meta.schema import reprint_target
from plugins.reprints.groups import SketchIndex, order_of
from plugins.reprints.sketch import Sketch

from .article import ArticleFile


@dataclass
class Known:
    path: Path
    raw: str
    order: tuple            # earliest first (undated last)
    reprint_of: str         # the slug its Reprint_of names, or ""


def copy_order(date: str, precision: str, traditional: bool) -> tuple:
    """plugins.reprints' order of copies, from the front matter's values."""
    return order_of("" if precision in ("", "unknown") else date, traditional)


class Archive:
    """The articles of one destination folder, by slug, with their sketches."""

    def __init__(self, dest: Path):
        self.known: dict[str, Known] = {}
        self.by_raw: dict[str, Path] = {}
        self.index = SketchIndex()
        for path in sorted(Path(dest).glob("*.md")):
            try:
                article = ArticleFile.read(path)
            except (OSError, UnicodeDecodeError, ValueError):
                continue  # unreadable: `invoke check` reports it; nothing to compare with
            slug = article.get("slug")
            if slug:
                self.add(slug, path, article.get("raw"),
                         Sketch.of(article.body) if article.get("reprint_of") != "none" else None,
                         copy_order(article.get("date"), article.get("date_precision"),
                                    article.get("source_script") == "zh-Hant"),
                         reprint_target(article.header))

    def add(self, slug: str, path: Path, raw: str, sketch: Sketch | None, order: tuple,
            reprint_of: str) -> None:
        """An article of the folder; without a sketch it is never anyone's original (an
        editor's `Reprint_of: none`)."""
        self.known[slug] = Known(path, raw, order, reprint_of)
        self.by_raw.setdefault(raw, path)
        if sketch is not None:
            self.index.add(slug, sketch)

    def path_of_raw(self, raw: str) -> Path | None:
        """The article made from the raw document `raw`, whatever an editor renamed it to."""
        return self.by_raw.get(raw)

    def original_of(self, sketch: Sketch, raw: str) -> tuple[str, float] | None:
        """(slug, similarity) of the original of the story the sketch is a copy of, or None.
        The article from the same raw file (a re-import) is not a copy of it."""
        for slug, similarity in self.index.matches(sketch):
            known = self.known[slug]
            original = known.reprint_of if known.reprint_of in self.known else slug
            if raw in (known.raw, self.known[original].raw):
                continue  # the document itself, or a copy that names it as the original
            return original, similarity
        return None
