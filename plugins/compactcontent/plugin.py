import zlib

from pelican import signals
from pelican.contents import Content
from pelican.generators import ArticlesGenerator


class Compressed(bytes):
    """An article's HTML, zlib-compressed UTF-8."""


# The HTML last inflated: a page reads its article's several times in a row.
_last: tuple[Compressed | None, str] = (None, "")


def _get(content: Content) -> str:
    global _last
    value = content.__dict__.get("_content")
    if not isinstance(value, Compressed):
        return value
    if _last[0] is not value:
        _last = (value, zlib.decompress(value).decode("utf-8"))
    return _last[1]


def _set(content: Content, value: str) -> None:
    content.__dict__["_content"] = value


def compress(generators) -> None:
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        for article in (generator.articles + generator.translations + generator.drafts
                        + generator.drafts_translations + generator.hidden_articles
                        + generator.hidden_translations):
            value = article.__dict__.get("_content")
            if isinstance(value, str) and value:
                article.__dict__["_content"] = Compressed(
                    zlib.compress(value.encode("utf-8"), 1))
        # Written to its file when the articles were read; the next build reads it there.
        generator.readers._cache.clear()
    forget_contents()


def forget_contents(*args, **kwargs) -> None:
    """Empty Pelican's memo of every content's HTML (get_content is memoized for good)."""
    global _last
    Content.get_content.cache.clear()
    _last = (None, "")


def register() -> None:
    # A property on the class takes precedence over the instance's attribute of that name:
    # Pelican's and the plugins' every reading of `_content` goes through _get.
    Content._content = property(_get, _set)
    signals.all_generators_finalized.connect(compress)
    signals.content_written.connect(forget_contents)
