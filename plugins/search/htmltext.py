"""Plain text of an article's HTML, for the index and the snippets."""
from html.parser import HTMLParser
import re
import unicodedata

# Elements whose end is a break between words: without it 标题正文 would run together.
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
           "th", "table", "blockquote", "pre", "section", "article", "figure", "figcaption",
           "dd", "dt", "hr"}
_SKIP = {"script", "style", "template"}
_SPACES = re.compile(r"\s+")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Text of the HTML, NFC-normalised, whitespace runs collapsed to one space.

    NFC here makes the search folding keep the length of this text, so offsets in folded
    text are offsets in it.
    """
    parser = _Text()
    parser.feed(html or "")
    parser.close()
    text = unicodedata.normalize("NFC", "".join(parser.parts))
    return _SPACES.sub(" ", text).strip()
