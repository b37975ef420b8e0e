"""A timeline entry: an honour a place received or an initiative it launched, tied to the
sentence of the article it came from."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields

from plugins.article_meta.dates import PreciseDate
from plugins.zhtext.fold import fold

TYPES = ("honour", "initiative")
TYPE_LABELS = {"honour": "荣誉", "initiative": "举措"}
ANCHOR_PREFIX = "t-"


def entry_id(article_slug: str, entry_type: str, name: str) -> str:
    """Stable across builds and re-imports: the article, the type and the name as folded text
    (quotes and spacing do not count), so editors' references to it keep working."""
    key = "".join(ch for ch in fold(name) if ch.isalnum())
    digest = hashlib.sha1(f"{article_slug}\x1f{entry_type}\x1f{key}".encode("utf-8"))
    return digest.hexdigest()[:10]


@dataclass
class Entry:
    id: str
    type: str
    name: str
    who: str                      # recipient (honour) or who launched it (initiative)
    date: PreciseDate
    sentence: str                 # the source sentence, as the reader reads it
    article: object               # the Pelican article
    who_code: str | None = None   # division code when `who` resolved to a place
    place_code: str | None = None  # where the entry is filed: who_code, else the article's place
    awarded_by: str | None = None
    date_source: str = "article"  # sentence | article | editor
    source: str = "extracted"     # extracted | editor
    corrected: bool = False
    note: str | None = None
    # Offsets of the sentence in the article's plain text (article_meta.textview.HtmlText).
    text_start: int = -1
    text_end: int = -1
    # The sentence's range in the article's HTML, where its anchor goes (record.anchors).
    html_range: tuple[int, int] = (-1, -1)
    place_codes: tuple[str, ...] = field(default=())  # place_code and its ancestors
    order: int = 0  # position in the article's extraction order (ties in one sentence)

    @property
    def anchor(self) -> str:
        return ANCHOR_PREFIX + self.id

    @property
    def type_label(self) -> str:
        return TYPE_LABELS[self.type]

    @property
    def url(self) -> str:
        """Site-relative link to the marked sentence in the article page."""
        return f"{self.article.url}#{self.anchor}"

    @property
    def quote_parts(self) -> tuple[str, str, str]:
        """The sentence split around the entry's name, for showing the name marked in the
        quote; ("", "", sentence) when the name is not written out in it."""
        bare = self.name.replace("“", "").replace("”", "")
        for needle in (self.name, bare):
            index = self.sentence.find(needle) if needle else -1
            if index >= 0:
                return (self.sentence[:index], needle, self.sentence[index + len(needle):])
        return ("", "", self.sentence)

    def fingerprint(self) -> str:
        """Every field, the article by its URL: what any page showing the entry is made of
        (plugins.pagecache keys rendered pages with it)."""
        return repr([(f.name, self.article.url if f.name == "article" else getattr(self, f.name))
                     for f in fields(self)])

    def sort_key(self) -> tuple:
        return (self.date.sort_key(), self.article.slug, self.text_start, self.order)
