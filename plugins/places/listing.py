"""The objects that get a page: a named group of articles with an ASCII slug."""
from __future__ import annotations


class Listing:
    """A page listing articles. `kind` picks the PLACES settings (PLACE_URL, TOPIC_URL, ...)."""

    kind = ""

    def __init__(self, name: str, slug: str, settings: dict):
        self.name = name
        self.slug = slug
        self.articles: list = []
        self._settings = settings

    @property
    def url(self) -> str:
        return self._settings[f"{self.kind}_URL"].format(slug=self.slug)

    @property
    def save_as(self) -> str:
        return self._settings[f"{self.kind}_SAVE_AS"].format(slug=self.slug)

    @property
    def feed_articles(self) -> list:
        """The articles a feed can carry: Atom dates every entry, and an undated article's
        date is only the sentinel Pelican needs (plugins.article_meta)."""
        return [a for a in self.articles if a.record.date.known]

    @property
    def feed_path(self) -> str | None:
        """None when there is no feed: none configured, or no dated article to put in it."""
        path = self._settings.get(f"{self.kind}_FEED_ATOM", "").format(slug=self.slug)
        return path if path and any(a.record.date.known for a in self.articles) else None

    @property
    def title(self) -> str:
        return self.name

    @property
    def count(self) -> int:
        return len(self.articles)

    def __repr__(self):
        return f"<{type(self).__name__} {self.slug} {self.name}>"


class Place(Listing):
    """A division with the articles in it and in all its descendants."""

    kind = "PLACE"
    LEVEL_LABELS = {"province": "省级", "city": "市级", "district": "区县级", "street": "街道乡镇级"}

    def __init__(self, division, parent: Place | None, settings: dict):
        super().__init__(division.name, division.code, settings)
        self.code = division.code
        self.level = division.level
        self.parent = parent
        self.children: list[Place] = []

    @property
    def level_label(self) -> str:
        return self.LEVEL_LABELS[self.level]

    @property
    def ancestors(self) -> list[Place]:
        """The places above this one, province first."""
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]

    @property
    def trail(self) -> list[Place]:
        """Ancestors and the place itself: the breadcrumb."""
        return self.ancestors + [self]

    @property
    def display_trail(self) -> list[Place]:
        # A municipality is its own city (北京市 › 北京市 › 东城区): show the name once.
        trail = self.trail
        return [p for i, p in enumerate(trail)
                if i == 0 or p is self or p.name != trail[i - 1].name]

    @property
    def full_name(self) -> str:
        return "".join(p.name for p in self.display_trail)

    @property
    def title(self) -> str:
        return self.full_name


class Topic(Listing):
    kind = "TOPIC"

    def __init__(self, name: str, slug: str, keywords: list[str], settings: dict):
        super().__init__(name, slug, settings)
        self.keywords = keywords


class Year(Listing):
    kind = "YEAR"


class Kind(Listing):
    kind = "KIND"


class TagPage(Listing):
    kind = "TAG"
