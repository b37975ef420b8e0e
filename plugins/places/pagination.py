"""Splitting long lists of articles into pages: places/37/, places/37/page/2/, ...

A province of a large archive holds thousands of articles; one page each would be megabytes."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field


@dataclass
class Pagination:
    number: int
    count: int
    articles: list
    url: str
    save_as: str
    urls: list[str] = field(repr=False)
    total: int = 0

    @property
    def previous_url(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None

    def url_of(self, number: int) -> str:
        return self.urls[number - 1]

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to link: first, last and `around` either side of this one; None
        marks a gap (shown as …)."""
        wanted = {1, self.count, *range(self.number - around, self.number + around + 1)}
        shown, previous = [], 0
        for number in sorted(n for n in wanted if 1 <= n <= self.count):
            if number - previous > 1:
                shown.append(None)
            shown.append(number)
            previous = number
        return shown


def paginate(articles: list, url: str, save_as: str, per_page: int) -> list[Pagination]:
    """Page 1 keeps the listing's own URL; page n lives under <listing>/page/n/."""
    stem = save_as[: -len("index.html")] if save_as.endswith("index.html") else posixpath.splitext(save_as)[0] + "/"
    chunks = [articles[i:i + per_page] for i in range(0, len(articles), per_page)] or [[]]
    urls = [url] + [f"{stem}page/{n}/" for n in range(2, len(chunks) + 1)]
    saves = [save_as] + [f"{stem}page/{n}/index.html" for n in range(2, len(chunks) + 1)]
    return [Pagination(number=n, count=len(chunks), articles=chunk, url=urls[n - 1],
                       save_as=saves[n - 1], urls=urls, total=len(articles))
            for n, chunk in enumerate(chunks, start=1)]
