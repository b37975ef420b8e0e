"""Compact tokens for a whole archive: every distinct term once, each field's tokens as two
arrays of integers (term id, offset). Token objects for 10,000 articles take gigabytes; these
arrays take a few tens of megabytes."""
from __future__ import annotations

from array import array

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

    def subword_pieces(self, extra_vocabulary=()) -> dict[int, list[tuple[int, int]]]:
        """Term id → (piece id, offset in the term) of the index terms inside it: what
        segment.with_subwords adds, over the vocabulary of every term in the table plus
        `extra_vocabulary` (the user dictionary), looked up once per distinct word instead of
        once per occurrence. Call it once every document's terms are in the table."""
        vocabulary = set(self.terms) | set(extra_vocabulary)
        pieces: dict[int, list[tuple[int, int]]] = {}
        for tid, term in enumerate(list(self.terms)):
            found = subword_pieces(term, vocabulary)
            if found:
                pieces[tid] = [(self.id(piece), offset) for piece, offset in found]
        return pieces

    @staticmethod
    def with_pieces(tokens: FieldTokens, pieces: dict[int, list[tuple[int, int]]]) -> FieldTokens:
        """One field's tokens with the pieces of its words added (segment.with_subwords)."""
        ids, starts = tokens
        if not any(tid in pieces for tid in ids):
            return tokens
        seen = set(zip(ids, starts))
        new_ids, new_starts = array("I", ids), array("I", starts)
        for tid, start in zip(ids, starts):
            for piece, offset in pieces.get(tid, ()):
                key = (piece, start + offset)
                if key not in seen:
                    seen.add(key)
                    new_ids.append(piece)
                    new_starts.append(start + offset)
        return new_ids, new_starts
