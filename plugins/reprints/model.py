"""The groups as the theme and the other plugins see them (context["reprints"] and
record.reprint_group; docs/architecture.md#reprints)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(eq=False)
class ReprintGroup:
    """Copies of one story: `original` (an article), `members` (articles, the original first,
    then the others earliest first), `similarity` (the lowest similarity of a member to the
    original, 0..1) and each member's own (`similarities`, by slug)."""
    original: object
    members: list
    similarity: float
    similarities: dict[str, float] = field(default_factory=dict)

    def others(self, article) -> list:
        """The group's members other than `article`: the other sources of its story."""
        return [member for member in self.members if member is not article]


@dataclass
class Reprints:
    """Every group of the archive, in the order of their originals (context["reprints"])."""
    groups: list[ReprintGroup] = field(default_factory=list)

    def fingerprint(self) -> str:
        """What the pages show of the groups (slugs, order, similarities): an article page
        lists its group's other members, so a change of a group must re-render them
        (plugins.pagecache)."""
        digest = hashlib.blake2b(digest_size=16)
        for group in self.groups:
            digest.update(repr([(m.slug, group.similarities.get(m.slug)) for m in group.members])
                          .encode("utf-8"))
        return digest.hexdigest()

    def as_json(self, siteurl: str) -> list[dict]:
        def url(article) -> str:
            return f"{siteurl.rstrip('/')}/{article.url}" if siteurl else article.url
        return [{"original": url(g.original), "members": [url(m) for m in g.members],
                 "similarity": g.similarity} for g in self.groups]

    def __len__(self) -> int:
        return len(self.groups)
