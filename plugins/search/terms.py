"""Compact tokens for a whole archive: every distinct term once, each field's tokens as two
arrays of integers (term id, offset). Token objects for 10,000 articles take gigabytes; these
arrays take a few tens of megabytes."""
from __future__ import annotations

from array import array

import numpy as np

from plugins.zhtext.segment import Token, subword_pieces

FieldTokens = tuple[array, array]  # (term ids, offsets), both array("I")


class TermTable:
    def __init__(self):
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []

    def __len__(self) -> int:
        return len(self.terms)

    def id(self, term: str) -> int:
        tid = self.ids.get(term)
        if tid is None:
            tid = self.ids[term] = len(self.terms)
            self.terms.append(term)
        return tid

    def encode(self, pairs) -> FieldTokens:
        """(term, offset) pairs or Tokens → arrays."""
        ids, starts = array("I"), array("I")
        for item in pairs:
            term, start = (item.term, item.start) if isinstance(item, Token) else item
            ids.append(self.id(term))
            starts.append(start)
        return ids, starts

    def subword_pieces(self, extra_vocabulary=()) -> "Pieces":
        """The index terms inside each term (what segment.with_subwords adds), over the
        vocabulary of every term in the table plus `extra_vocabulary` (the user dictionary),
        looked up once per distinct word instead of once per occurrence. Call it once every
        document's terms are in the table."""
        vocabulary = set(self.terms) | set(extra_vocabulary)
        found_in = {}
        for tid, term in enumerate(list(self.terms)):
            found = subword_pieces(term, vocabulary)
            if found:
                found_in[tid] = [(self.id(piece), offset) for piece, offset in found]
        return Pieces(found_in, len(self.terms))


def ragged(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The indexes starts[0] … starts[0]+counts[0]-1, starts[1] …, as one array."""
    within = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(starts, counts) + within


class Pieces:
    """Term id → (piece id, offset in the term) of the index terms inside it, as flat arrays:
    adding them is numpy work per field, not a Python step per token (hundreds of millions
    of tokens at 100,000 articles)."""

    def __init__(self, found_in: dict[int, list[tuple[int, int]]], n_terms: int):
        self.count = np.zeros(n_terms, dtype=np.int64)
        for tid, found in found_in.items():
            self.count[tid] = len(found)
        self.start = np.zeros(n_terms, dtype=np.int64)
        np.cumsum(self.count[:-1], out=self.start[1:])
        pairs = [pair for tid in sorted(found_in) for pair in found_in[tid]]
        self.piece = np.array([p for p, _ in pairs], dtype=np.int64)
        self.offset = np.array([o for _, o in pairs], dtype=np.int64)

    def add_to(self, tokens: FieldTokens) -> FieldTokens:
        """One field's tokens with the pieces of its words added after them, each (piece,
        offset) once and never one the field has already (segment.with_subwords), in the
        order of the words they are in."""
        ids, starts = tokens
        if not ids:
            return tokens
        tid = np.frombuffer(ids, dtype=np.uint32)
        at = np.flatnonzero(self.count[tid])
        if not len(at):
            return tokens
        counts = self.count[tid[at]]
        inside = ragged(self.start[tid[at]], counts)
        start = np.frombuffer(starts, dtype=np.uint32).astype(np.int64)
        new_id = self.piece[inside]
        new_start = np.repeat(start[at], counts) + self.offset[inside]
        span = int(max(start.max(), new_start.max())) + 1
        new_key = new_id * span + new_start
        had = np.sort(tid.astype(np.int64) * span + start)
        at_had = np.minimum(np.searchsorted(had, new_key), len(had) - 1)
        candidates = np.flatnonzero(had[at_had] != new_key)
        # The first of each (piece, offset), in the order the words come.
        _, first = np.unique(new_key[candidates], return_index=True)
        chosen = candidates[np.sort(first)]
        out_ids, out_starts = array("I", ids), array("I", starts)
        out_ids.frombytes(new_id[chosen].astype(np.uint32).tobytes())
        out_starts.frombytes(new_start[chosen].astype(np.uint32).tobytes())
        return out_ids, out_starts
