"""Article and page HTML made safe to publish, where Markdown makes it (the reader), with nh3
(the ammonia sanitiser): Markdown passes raw HTML through, so an article or page could carry
`<script>`, `onerror=` or `javascript:` links to every reader.

What is kept is what Markdown (with extra, toc and sane_lists) and the importer produce:
headings with their ids, paragraphs, lists, tables (with their alignment), links, images, code,
blockquotes, footnotes, abbreviations, definition lists, and the classes the theme and those
extensions use. Everything else loses its tags (the text stays) or, for scripts and styles,
disappears with its content.
"""
from __future__ import annotations

import re

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp",
    "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
}
# Removed with their content, not just their tags (their text is code or markup, not prose).
DROPPED_WITH_CONTENT = {"script", "style", "template", "noscript", "iframe", "object", "embed",
                        "svg", "math", "textarea", "select", "title"}
ATTRIBUTES = {
    # id: heading anchors (toc) and footnotes; class: filtered by _class_filter below.
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang", "name"},   # name: old-style anchors editors may write
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    # Markdown's tables extension aligns columns with style="text-align: …".
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "col": {"span"}, "colgroup": {"span"},
    "blockquote": {"cite"}, "q": {"cite"}, "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"}, "time": {"datetime"},
}
STYLE_PROPERTIES = {"text-align"}
# Absolute links only to the web and mail; relative and #fragment links pass (nh3 keeps them).
URL_SCHEMES = {"http", "https", "mailto"}
# Classes Markdown's extensions write (toc, footnotes, fenced code's language-*) and the ones
# the theme styles inside an article body.
_CLASSES = re.compile(r"toc|footnote|footnote-ref|footnote-backref|note|lead|language-[\w+#.-]+")

_CLEANER = None


def _class_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute != "class":
        return value
    kept = [name for name in value.split() if _CLASSES.fullmatch(name)]
    return " ".join(kept) or None


def sanitize_html(html: str) -> str:
    """The HTML with only the tags, attributes, classes and URL schemes above."""
    global _CLEANER
    if _CLEANER is None:  # one cleaner per process: building it parses all the rules
        _CLEANER = nh3.Cleaner(tags=TAGS, clean_content_tags=DROPPED_WITH_CONTENT,
                               attributes=ATTRIBUTES, attribute_filter=_class_filter,
                               url_schemes=URL_SCHEMES, filter_style_properties=STYLE_PROPERTIES,
                               link_rel=None, strip_comments=True)
    return _CLEANER.clean(html)
