"""`python -m plugins.reprints.evaluate`: the similarity of every labelled pair of real texts
(tests/data/reprints/pairs.toml) and the pair precision and recall of grouping on the
development set, the seeds and those texts, each read as `invoke import` reads it. The
threshold in sketch.py was chosen from what this prints (README.md)."""
from __future__ import annotations

import itertools
import sys
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .groups import Copy, find_groups
from .sketch import THRESHOLD, Sketch

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT / "tests" / "data" / "reprints" / "pairs.toml"
CORPUS = [("tests/data/devset", "d*.txt"), ("raw", "00[0-4]_*.txt"),
          ("tests/data/reprints", "*.txt")]


@dataclass
class Pair:
    id: str
    a: str
    b: str
    reprint: bool
    what: str
    similarity: float = 0.0

    @property
    def grouped(self) -> bool:
        return self.similarity >= THRESHOLD


@lru_cache(maxsize=None)
def text_of(path: str) -> str:
    """The text the archive holds of a file: an article's body, or a raw document as the
    importer cleans it (furniture, glosses and Traditional script handled as at import)."""
    from plugins.article_meta.topics import load_topics
    from plugins.gazetteer import Gazetteer
    from plugins.importer.article import ArticleFile
    from plugins.importer.importer import build_document

    file = ROOT / path
    if file.suffix == ".md":
        return ArticleFile.read(file).body
    data = ROOT / "data"
    document, _ = build_document(file, file.read_bytes(), Gazetteer.load(data),
                                 load_topics(data))
    return document.text


@lru_cache(maxsize=None)
def sketch_of(path: str) -> Sketch:
    return Sketch.of(text_of(path))


def labelled_pairs() -> list[Pair]:
    pairs = [Pair(**item) for item in tomllib.loads(PAIRS.read_text("utf-8"))["pair"]]
    for pair in pairs:
        pair.similarity = sketch_of(pair.a).similarity(sketch_of(pair.b))
    return pairs


def corpus() -> list[str]:
    """The documents that import (one devset excerpt has no article text left)."""
    from plugins.importer.errors import ImportFailure

    found = []
    for folder, pattern in CORPUS:
        for path in sorted((ROOT / folder).glob(pattern)):
            relative = path.relative_to(ROOT).as_posix()
            try:
                text_of(relative)
            except ImportFailure:
                continue
            found.append(relative)
    return found


def grouped_pairs(paths: list[str]) -> set[frozenset]:
    copies = [Copy(path, sketch_of(path), (path,)) for path in paths]
    return {frozenset(pair) for group in find_groups(copies)
            for pair in itertools.combinations(group.members, 2)}


def pair_scores(paths: list[str]) -> tuple[float, float, set, set]:
    """(precision, recall, found, expected) of the pairs grouping makes among `paths`, against
    the labelled reprint pairs among them."""
    inside = set(paths)
    expected = {frozenset((p.a, p.b)) for p in labelled_pairs()
                if p.reprint and p.a in inside and p.b in inside}
    found = grouped_pairs(paths)
    right = len(found & expected)
    return (right / len(found) if found else 1.0, right / len(expected) if expected else 1.0,
            found, expected)


def main() -> int:
    print(f"threshold {THRESHOLD} (containment of the shorter text's 5-character shingles)\n")
    print(f"{'pair':48s} {'label':8s} {'similarity':>10s}  decision")
    for pair in sorted(labelled_pairs(), key=lambda p: -p.similarity):
        label = "reprint" if pair.reprint else "apart"
        decision = "grouped" if pair.grouped else "apart"
        wrong = "" if pair.grouped == pair.reprint else "  WRONG"
        print(f"{pair.id:48s} {label:8s} {pair.similarity:10.3f}  {decision}{wrong}")
    paths = corpus()
    precision, recall, found, expected = pair_scores(paths)
    print(f"\n{len(paths)} documents (devset, seeds, tests/data/reprints): {len(expected)} "
          f"reprint pairs, {len(found)} grouped; pair precision {precision:.2f}, recall "
          f"{recall:.2f}")
    for pair in sorted(map(sorted, found ^ expected)):
        print("  " + ("missed" if frozenset(pair) in expected else "wrongly grouped") + ": "
              + " + ".join(pair))
    return 0


if __name__ == "__main__":
    sys.exit(main())
