"""From sketches to groups: which copies are the same story, and which copy is the original.
Shared by the build (plugin.py: every article of the archive) and the importer (a new
document against the articles already in content/articles)."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHashLSH

from plugins.article_meta.schema import NOT_A_REPRINT

from .sketch import NUM_PERM, THRESHOLD, Sketch, containment

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

    def candidates(self, sketch: Sketch) -> list[str]:
        """Keys the LSH index proposes for `sketch`: those sharing a band with it, to be
        measured (bench/similarity.py counts them: the grouping's cost follows them)."""
        return self._lsh.query(sketch.minhash) if sketch.comparable() else []

    def matches(self, sketch: Sketch, exclude=lambda key: False) -> list[tuple[str, float]]:
        """(key, similarity) of the indexed sketches at THRESHOLD or above, best first; keys
        `exclude` says need no measuring are left out."""
        keys = [key for key in self.candidates(sketch) if not exclude(key)]
        if not keys:
            return []
        # All candidates at once: the same estimates as Sketch.similarity, without a Python
        # call per pair (a query of a large archive proposes dozens).
        others = [self.sketches[key] for key in keys]
        equal = np.count_nonzero(np.stack([o.minhash.hashvalues for o in others])
                                 == sketch.minhash.hashvalues, axis=1)
        similarities = containment(equal / NUM_PERM, sketch.size,
                                   np.array([o.size for o in others]))
        found = [(key, float(s)) for key, s in zip(keys, similarities) if s >= THRESHOLD]
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
    """Groups of two or more copies of one story, in the order of their originals.

    Every member is a copy of the group's original itself, never only of another member: a
    city paper's digest that reprints five streets' stories must not make those five one
    story. So copies are taken earliest first (undated last, then by slug), and each joins
    the earlier original it is most similar to (similarity >= THRESHOLD), or becomes an
    original itself. An editor's `Reprint_of: <slug>` joins that article, which is an
    original whatever detection says; `none` joins no original by detection and is joined
    by no copy."""
    by_key = {c.key: c for c in copies}
    named = {c.key: c.reprint_of for c in copies
             if c.reprint_of not in ("", NOT_A_REPRINT) and c.reprint_of in by_key}
    index = SketchIndex()
    for copy in copies:
        if copy.reprint_of != NOT_A_REPRINT and copy.key not in named:
            index.add(copy.key, copy.sketch)
    originals = set(named.values())   # named by an editor: originals from the start
    original_of: dict[str, str] = dict(named)
    for copy in sorted(copies, key=lambda c: c.order):
        if copy.key in original_of or copy.key in originals:
            continue
        if copy.reprint_of != NOT_A_REPRINT:
            matches = index.matches(copy.sketch, exclude=lambda key: key not in originals)
            if matches:
                original_of[copy.key] = matches[0][0]
                continue
        originals.add(copy.key)

    members: dict[str, list[Copy]] = {}
    for key, original in original_of.items():
        members.setdefault(original, []).append(by_key[key])
    groups = []
    for original, others in members.items():
        others.sort(key=lambda c: c.order)
        similarities = {c.key: round(c.sketch.similarity(by_key[original].sketch), 3)
                        for c in others}
        groups.append(Group(original, [original] + [c.key for c in others],
                            min(similarities.values()), similarities))
    return sorted(groups, key=lambda g: by_key[g.original].order)
