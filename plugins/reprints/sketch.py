"""What two copies of a story are compared by: the Chinese characters of the body, folded to
Simplified, cut into overlapping runs of SHINGLE characters, summarised by a MinHash
(datasketch).

Only Han characters count. Punctuation, digits, Latin letters and spaces are what converters
and sites change (full-width or ASCII punctuation, `(qū)` pinyin glosses, `?` debris, image
file names), and dropping them makes the Markdown body the importer reads and the HTML text
the build reads the same sequence, so import and build measure the same similarity.
Character runs, not words: the segmenter's dictionary (place names, timeline words) changes
between builds, characters do not.

The measure is containment: how much of the shorter text's shingles the longer one holds,
estimated from the MinHash Jaccard and both set sizes. A shortened republication keeps most
of its shingles inside the original while their Jaccard falls with the length difference.
The threshold and the figures it was chosen from are in README.md.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash

from plugins.zhtext import fold

SHINGLE = 5            # characters per shingle
NUM_PERM = 128         # MinHash permutations (estimate error about 0.04 near the threshold)
SEED = 1               # datasketch's permutations are drawn from this seed: same in every process
SCHEME = "affine32"
# A story is a reprint of another when this share of the shorter one's shingles is in the other.
THRESHOLD = 0.5
# Texts with fewer shingles (a caption, a two-line notice) are never grouped by detection:
# containment of so few runs says little. An editor can still set Reprint_of.
MIN_SHINGLES = 50

# Han code points: the CJK blocks (with the compatibility ideographs, which NFC maps onto
# unified ones) and the supplementary planes where some Traditional variants live.
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
_MIX = np.uint64(0x100000001B3)  # FNV-64 prime: spreads a run of code points over 64 bits


@lru_cache(maxsize=1)
def _simplified_han() -> np.ndarray:
    """Code point → the code point fold() gives it (NFC, then Traditional → Simplified
    character by character), 0 for every character that is not Han. A table, so a whole text
    is folded with one numpy lookup: fold() on ten thousand articles' text took seconds."""
    table = np.zeros(_HAN_RANGES[-1][1] + 1, dtype=np.uint32)
    for first, last in _HAN_RANGES:
        chars = "".join(map(chr, range(first, last + 1)))
        folded = fold(chars)
        if len(folded) == len(chars):
            table[first:last + 1] = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
        else:  # NFC changed a length: fold one by one
            table[first:last + 1] = [ord(fold(c)[0]) for c in chars]
    # A character folded to something that is not Han (none today) is dropped like any other.
    table[~np.isin(table, np.concatenate([np.arange(a, b + 1, dtype=np.uint32)
                                          for a, b in _HAN_RANGES]))] = 0
    return table


def _han_codes(text: str) -> np.ndarray:
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    table = _simplified_han()
    codes = table[np.minimum(codes, len(table) - 1)] * (codes < len(table))
    return codes[codes != 0]


def comparable_text(text: str) -> str:
    """The Han characters of `text`, folded to Simplified as plugins.zhtext.fold folds them
    (pinyin glosses, being Latin letters, go with everything else that is not Han)."""
    return _han_codes(text).astype("<u4").tobytes().decode("utf-32-le")


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct 32-bit hashes of the SHINGLE-character runs of comparable_text(text).
    Computed with numpy from the code points, so they are the same in every process (Python's
    own str hash is salted per process, and cached sketches outlive it)."""
    codes = _han_codes(text)
    count = len(codes) - SHINGLE + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint32)
    codes = codes.astype(np.uint64)
    runs = np.zeros(count, dtype=np.uint64)
    for offset in range(SHINGLE):  # wraps modulo 2**64, as intended
        runs = runs * _MIX + codes[offset:offset + count]
    return np.unique((runs ^ (runs >> np.uint64(32))).astype(np.uint32))


def _same(value):
    return value  # the shingles are hashed already (shingle_hashes)


@lru_cache(maxsize=1)
def _permutations():
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


@dataclass(frozen=True, eq=False)
class Sketch:
    """A text's MinHash and the number of its distinct shingles."""
    minhash: LeanMinHash
    size: int

    @classmethod
    def of(cls, text: str) -> "Sketch":
        hashes = shingle_hashes(text)
        minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=_same,
                          permutations=_permutations())
        minhash.update_batch(hashes)
        return cls(LeanMinHash(minhash), len(hashes))

    def __reduce__(self):
        # Cached between builds as plain values (the hash values and the size).
        return (_from_values, (self.minhash.hashvalues, self.size))

    def similarity(self, other: "Sketch") -> float:
        """Estimated containment of the smaller shingle set in the larger, 0..1."""
        if min(self.size, other.size) == 0:
            return 0.0
        return float(containment(self.minhash.jaccard(other.minhash), self.size, other.size))

    def comparable(self) -> bool:
        return self.size >= MIN_SHINGLES


def containment(jaccard, size_a, size_b):
    """The share of the smaller of two sets inside the other, from their Jaccard and sizes:
    |A∩B| = J·(|A|+|B|)/(1+J). Works on numbers and on numpy arrays alike."""
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    return np.minimum(1.0, shared / np.maximum(1, np.minimum(size_a, size_b)))


def _from_values(hashvalues, size: int) -> Sketch:
    return Sketch(LeanMinHash(seed=SEED, hashvalues=hashvalues, scheme=SCHEME), size)
