"""From sketches to groups: which copies are the same story, and which copy is the original.
Shared by the build (plugin.py: every article of the archive) and the importer (a new
document against the articles already in content/articles)."""
from __future__ import annotations

from dataclasses import dataclass, field

from datasketch import MinHashLSH

from plugins.article_meta.schema import NOT_A_REPRINT

from .sketch import NUM_PERM, THRESHOLD, Sketch

# The LSH index only proposes candidates, each then measured by containment (Sketch.similarity).
# Its Jaccard threshold is far below THRESHOLD because a shortened copy inside a longer
# original has a low Jaccard: a third of the original's length at containment 0.9 is Jaccard
# 0.29. Lower would propose more pairs and slow a large archive (README.md, Scale).
CANDIDATE_JACCARD = 0.2


class SketchIndex:
    """Sketches by key, and the keys whose sketch matches a given one."""

    def __init__(self):
        self.sketches: dict[str, Sketch] = {}
        self._lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)

    def add(self, key: str, sketch: Sketch) -> None:
        self.sketches[key] = sketch
        if sketch.comparable():
            self._lsh.insert(key, sketch.minhash, check_duplication=False)

    def matches(self, sketch: Sketch, exclude=lambda key: False) -> list[tuple[str, float]]:
        """(key, similarity) of the indexed sketches at THRESHOLD or above, best first; keys
        `exclude` says need no measuring are left out."""
        if not sketch.comparable():
            return []
        found = []
        for key in self._lsh.query(sketch.minhash):
            if not exclude(key):
                similarity = sketch.similarity(self.sketches[key])
                if similarity >= THRESHOLD:
                    found.append((key, similarity))
        return sorted(found, key=lambda pair: (-pair[1], pair[0]))


def order_of(iso_date: str, traditional: bool) -> tuple:
    """Which copy of a story came first: the earliest date (an undated copy last), and on the
    same date a Simplified copy before a Traditional one. The build and the importer both
    name the original by it."""
    return (not iso_date, iso_date, traditional)


@dataclass
class Copy:
    """One article as grouping sees it."""
    key: str                      # the slug
    sketch: Sketch
    order: tuple                  # earliest first: (undated, date, slug)
    reprint_of: str = ""          # Reprint_of as the editor left it: "", "none" or a slug


@dataclass
class Group:
    original: str
    members: list[str]            # the original first, then the others earliest first
    similarity: float             # the lowest similarity of a member to the original
    similarities: dict[str, float] = field(default_factory=dict)  # member → to the original


def find_groups(copies: list[Copy]) -> list[Group]:
    """Copies joined by detection (similarity >= THRESHOLD) or by an editor's Reprint_of,
    in groups of two or more. A copy marked `none` is joined by no detection. The original is
    the copy an editor's Reprint_of names, else the earliest dated one (undated last, then
    by slug). Groups come in the order of their originals."""
    by_key = {c.key: c for c in copies}
    parent = {c.key: c.key for c in copies}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    index = SketchIndex()
    detected = [c for c in copies if c.reprint_of != NOT_A_REPRINT]
    for copy in detected:
        index.add(copy.key, copy.sketch)
    for copy in detected:
        # A candidate already in the copy's group needs no measuring: it joins nothing new.
        for key, _ in index.matches(copy.sketch, exclude=lambda key: root(key) == root(copy.key)):
            join(copy.key, key)
    for copy in copies:
        if copy.reprint_of not in ("", NOT_A_REPRINT) and copy.reprint_of in by_key:
            join(copy.key, copy.reprint_of)

    components: dict[str, list[Copy]] = {}
    for copy in copies:
        components.setdefault(root(copy.key), []).append(copy)
    groups = []
    for members in components.values():
        if len(members) < 2:
            continue
        keys = {m.key for m in members}
        named = [by_key[m.reprint_of] for m in members if m.reprint_of in keys]
        original = min(named or members, key=lambda c: c.order)
        others = sorted((m for m in members if m is not original), key=lambda c: c.order)
        similarities = {m.key: round(m.sketch.similarity(original.sketch), 3) for m in others}
        groups.append(Group(original.key, [original.key] + [m.key for m in others],
                            min(similarities.values()), similarities))
    return sorted(groups, key=lambda g: by_key[g.original].order)
