"""The timeline as templates see it (context["timeline"]): entries in time order, grouped by
year, filtered by type and place, with the URLs of the filtered views."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from plugins.gazetteer import Gazetteer, grow

from plugins.article_meta.dates import UNKNOWN_LABEL
from .model import TYPE_LABELS, TYPES, Entry



@dataclass
class Place:
    code: str
    name: str
    level: str
    parent: str | None
    count: int = 0
    children: list = field(default_factory=list)


@dataclass
class YearGroup:
    key: str          # "2022" or "undated"
    label: str        # 2022年 / 日期不详
    entries: list


class Timeline:
    def __init__(self, entries: list[Entry], gazetteer: Gazetteer, settings: dict):
        self.settings = settings
        self.entries = sorted(entries, key=Entry.sort_key)
        self.types = [(t, TYPE_LABELS[t]) for t in TYPES]
        self.type_labels = dict(TYPE_LABELS)
        self.places: dict[str, Place] = {}
        # Every article page and every place view asks for its entries: index them once, or a
        # 10,000-article build spends most of its time scanning the whole timeline per page.
        self._by_article: dict[str, list[Entry]] = defaultdict(list)
        self._by_place: dict[str, list[Entry]] = defaultdict(list)
        self._views: dict[tuple, list[Entry]] = {}
        self._entry_html: dict[tuple, str] = {}
        for entry in self.entries:
            self._by_article[entry.article.slug].append(entry)
            for code in entry.place_codes:
                self._by_place[code].append(entry)
        for entries_of_article in self._by_article.values():
            entries_of_article.sort(key=lambda e: (e.text_start, e.order))
        def make_place(division, parent):
            return Place(division.code, division.name, division.level, division.parent or None)

        for entry in self.entries:
            if entry.place_code:
                grow(self.places, entry.place_code, gazetteer, make_place)
            for code in entry.place_codes:
                self.places[code].count += 1

    # --- views -----------------------------------------------------------------------------
    def filter(self, type: str | None = None, place: str | None = None) -> list[Entry]:
        """Entries of a type and place (None: any), in time order. Shared: do not modify."""
        key = (type, place)
        if key not in self._views:
            pool = self.entries if place is None else self._by_place.get(place, [])
            self._views[key] = [e for e in pool if type is None or e.type == type]
        return self._views[key]

    def for_place(self, code: str) -> list[Entry]:
        """Entries of a place and of every place inside it (the place-page section)."""
        return self.filter(place=str(code))

    def for_article(self, slug: str) -> list[Entry]:
        """Entries drawn from one article, in the order of its text."""
        return self._by_article.get(slug, [])

    def groups(self, entries: list[Entry]) -> list[YearGroup]:
        """By year in time order, undated entries last."""
        groups: list[YearGroup] = []
        for entry in entries:
            key = str(entry.date.year) if entry.date.known else "undated"
            if not groups or groups[-1].key != key:
                label = f"{entry.date.year}年" if entry.date.known else UNKNOWN_LABEL
                groups.append(YearGroup(key, label, []))
            groups[-1].entries.append(entry)
        return groups

    def count(self, type: str | None = None, place: str | None = None) -> int:
        return len(self.filter(type, place))

    def place_roots(self) -> list[Place]:
        """Top places with entries (provinces); each holds its children."""
        return sorted((p for p in self.places.values() if p.parent not in self.places),
                      key=lambda p: p.code)

    @property
    def full_place_tree(self) -> bool:
        return len(self.places) <= self.settings["PLACE_TREE_MAX"]

    def place_choices(self, code: str | None) -> list[Place]:
        """The places a view's filter offers: the whole tree from its roots when it is small,
        else the places one level below the view's place (the roots on a view of all)."""
        if self.full_place_tree or not code or code not in self.places:
            return self.place_roots()
        return sorted(self.places[code].children, key=lambda p: p.code)

    def entry_html(self, entry: Entry, heading_level: int, siteurl: str, render) -> str:
        """The markup of an entry, rendered by the template's macro `render` once per heading
        level: an entry is shown in up to ten views (all, its type, every place above it, each
        by type), and rendering it again for each was most of the timeline's build time."""
        key = (id(entry), heading_level, siteurl)
        html = self._entry_html.get(key)
        if html is None:
            html = self._entry_html[key] = render(entry, self, heading_level)
        return html

    def place(self, code: str | None) -> Place | None:
        return self.places.get(code) if code else None

    def ancestors(self, code: str) -> list[Place]:
        chain, place = [], self.places.get(code)
        while place is not None:
            chain.append(place)
            place = self.places.get(place.parent)
        return chain[::-1]

    # --- URLs ------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return self.settings["URL"]

    @property
    def json_url(self) -> str:
        return self.settings["JSON_SAVE_AS"]

    @property
    def timelinejs_url(self) -> str:
        return self.settings["TIMELINEJS_SAVE_AS"]

    def view_url(self, type: str | None = None, place: str | None = None) -> str:
        if place and type:
            return self.settings["PLACE_TYPE_URL"].format(code=place, type=type)
        if place:
            return self.settings["PLACE_URL"].format(code=place)
        if type:
            return self.settings["TYPE_URL"].format(type=type)
        return self.settings["URL"]

    def view_save_as(self, type: str | None = None, place: str | None = None) -> str:
        if place and type:
            return self.settings["PLACE_TYPE_SAVE_AS"].format(code=place, type=type)
        if place:
            return self.settings["PLACE_SAVE_AS"].format(code=place)
        if type:
            return self.settings["TYPE_SAVE_AS"].format(type=type)
        return self.settings["SAVE_AS"]

    def year_url(self, type: str | None, place: str | None, key: str, page: int = 1) -> str:
        more = f"{page}/" if page > 1 else ""
        return f"{self.view_url(type, place)}year/{key}/{more}"

    def year_save_as(self, type: str | None, place: str | None, key: str, page: int = 1) -> str:
        folder = self.view_save_as(type, place).rpartition("/")[0]
        more = f"{page}/" if page > 1 else ""
        return f"{folder}/year/{key}/{more}index.html" if folder else f"year/{key}/{more}index.html"

    def chunks(self, entries: list[Entry]) -> list[list[Entry]]:
        """A year too long for one page, cut into pages of YEAR_PAGES_OVER entries."""
        size = self.settings["YEAR_PAGES_OVER"]
        return [entries[i:i + size] for i in range(0, len(entries), size)] or [[]]

    def paged(self, entries: list[Entry]) -> bool:
        """Whether a view is too long for one page and goes by year."""
        return len(entries) > self.settings["YEAR_PAGES_OVER"]

    def section(self, code: str) -> tuple[list[Entry], int]:
        """What a place page shows: at most SECTION_LIMIT entries of the place and the places
        inside it, the most recent ones (undated ones only when there is room), in time
        order; and how many there are in all."""
        entries = self.for_place(code)
        limit = self.settings["SECTION_LIMIT"]
        if len(entries) <= limit:
            return entries, len(entries)
        dated = [e for e in entries if e.date.known]
        undated = [e for e in entries if not e.date.known]
        shown = dated[-limit:] + undated[:max(0, limit - len(dated))]
        return shown, len(entries)

    def views(self):
        """Every static view: (type, place) with None meaning all."""
        yield None, None
        for type, _ in self.types:
            yield type, None
        for code in self.places:
            yield None, code
            for type, _ in self.types:
                if self.count(type, code):
                    yield type, code

    def __len__(self) -> int:
        return len(self.entries)

    def __bool__(self) -> bool:
        return True  # an empty timeline is still a timeline: templates test for None
