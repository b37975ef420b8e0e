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

    def with_subwords(self, fields: list[dict[str, FieldTokens]],
                      extra_vocabulary=()) -> list[dict[str, FieldTokens]]:
        """segment.with_subwords for every field of every document, over the vocabulary of
        all their terms plus `extra_vocabulary` (the user dictionary). The pieces inside a
        word are looked up once per distinct word, not once per occurrence. `fields` is
        consumed: each document's arrays are let go once expanded (a whole archive's tokens
        twice over would be hundreds of megabytes)."""
        vocabulary = set(self.terms) | set(extra_vocabulary)
        pieces: dict[int, list[tuple[int, int]]] = {}
        for tid, term in enumerate(list(self.terms)):
            found = subword_pieces(term, vocabulary)
            if found:
                pieces[tid] = [(self.id(piece), offset) for piece, offset in found]
        out = []
        for i, doc in enumerate(fields):
            fields[i] = None
            expanded = {}
            for name, (ids, starts) in doc.items():
                if not any(tid in pieces for tid in ids):
                    expanded[name] = (ids, starts)
                    continue
                seen = set(zip(ids, starts))
                new_ids, new_starts = array("I", ids), array("I", starts)
                for tid, start in zip(ids, starts):
                    for piece, offset in pieces.get(tid, ()):
                        key = (piece, start + offset)
                        if key not in seen:
                            seen.add(key)
                            new_ids.append(piece)
                            new_starts.append(start + offset)
                expanded[name] = (new_ids, new_starts)
            out.append(expanded)
        return out
