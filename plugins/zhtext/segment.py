"""Tokenizing for search: folded text → terms, the same way for the index and the browser.

Documents are cut by jieba in search mode (words plus the dictionary words inside them, so
老旧小区 also yields 老旧 and 小区), with a user dictionary built from the archive itself. Queries
are cut differently on purpose: by forward maximum matching against the index's own vocabulary
(`cut_query`), which the browser repeats exactly (themes/archive/static/js/search-core.js), so
the browser never guesses a segmentation the index does not have.

The jieba implementation is rjieba (the Rust port jieba-rs): on the seed text it gives the same
tokens as jieba 0.42.1 for CJK runs, about ten times faster, and keeps user dictionaries per
instance (see plugins/search/README.md for the measurement).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator

import rjieba

from .fold import CJK_RANGES, fold

_CJK_CLASS = "".join(
    f"\\U{first:08x}-\\U{last:08x}" for first, last in CJK_RANGES)
# A run is either CJK ideographs (segmented) or ASCII letters and digits (one term each);
# everything else (punctuation, spaces, other scripts) separates terms.
RUN = re.compile(f"(?P<cjk>[{_CJK_CLASS}]+)|(?P<word>[a-z0-9]+)")
CJK_CHAR = re.compile(f"[{_CJK_CLASS}]")

# Suffixes of division names that citizens drop when they type a place (垎塔埠 for 垎塔埠街道).
PLACE_SUFFIXES = ("特别行政区", "自治州", "自治县", "自治旗", "街道办事处", "街道", "社区",
                  "居委会", "村委会", "省", "市", "区", "县", "旗", "镇", "乡", "村")


@dataclass(frozen=True)
class Token:
    term: str
    # Offset in the folded text with whitespace removed, in code points: words written with
    # or without spaces between them (covid 19, covid19) line up the same for phrase matching.
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.term)


def runs(folded: str) -> Iterator[tuple[str, int, bool]]:
    """(run, start, is_cjk) for each CJK or ASCII letter/digit run of folded text; start
    does not count whitespace (see Token.start)."""
    spaces = 0
    last = 0
    for m in RUN.finditer(folded):
        spaces += sum(1 for c in folded[last:m.start()] if c.isspace())
        last = m.end()
        yield m.group(0), m.start() - spaces, m.lastgroup == "cjk"


def user_words(places: Iterable[str] = (), topics: Iterable[str] = (),
               extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The user dictionary: place names (with their short forms), topic names and keywords,
    and any extra words (honour and initiative names). Folded, CJK-only, at least two
    characters, sorted so the same archive always gives the same dictionary."""
    words = set()
    for name in places:
        name = fold(name.strip())
        words.add(name)
        for suffix in PLACE_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                words.add(name[: -len(suffix)])
                break
    words.update(fold(w.strip()) for w in topics)
    words.update(fold(w.strip()) for w in extra)
    return tuple(sorted(w for w in words if len(w) >= 2 and RUN.fullmatch(w)
                        and RUN.fullmatch(w).lastgroup == "cjk"))


class Segmenter:
    """jieba search-mode segmentation with a user dictionary. One instance per dictionary:
    instances share nothing, so builds with different archives do not leak words."""

    def __init__(self, words: Iterable[str] = ()):
        self.words = tuple(words)
        self._jieba = rjieba.Jieba()
        for word in self.words:
            # No frequency: jieba-rs suggests one high enough to keep the word whole.
            self._jieba.add_word(word, None, None)

    def tokens(self, text: str, folded: bool = False) -> list[Token]:
        """Index terms of text with their offsets in the folded text."""
        return [Token(term, start) for term, start in zip(*self.cut(text, folded))]

    def cut(self, text: str, folded: bool = False) -> tuple[list[str], list[int]]:
        """tokens() as two lists, terms and offsets: what the index keeps of them, without
        an object per token (an archive's texts are hundreds of millions of tokens)."""
        if not folded:
            text = fold(text)
        terms: list[str] = []
        starts: list[int] = []
        for run, start, is_cjk in runs(text):
            if not is_cjk:
                terms.append(run)
                starts.append(start)
                continue
            found = self._jieba.tokenize(run, "search", True)
            terms += [word for word, _begin, _end in found]
            starts += [start + begin for _word, begin, _end in found]
        return terms, starts

    def terms(self, text: str) -> list[str]:
        return [t.term for t in self.tokens(text)]


def characters(text: str, folded: bool = False) -> list[Token]:
    """Every CJK character of text as a term at its offset. A title is indexed by character
    as well as by word: any part of it (道志愿 of 街道志愿服务队) is then a run of its terms,
    whatever words jieba cut it into. Titles are short, so this costs a few postings each."""
    if not folded:
        text = fold(text)
    return [Token(ch, start + i) for run, start, is_cjk in runs(text) if is_cjk
            for i, ch in enumerate(run)]


def with_subwords(tokens: list[Token], vocabulary: set[str] | frozenset[str]) -> list[Token]:
    """Add, inside every CJK token, the shorter archive terms it contains.

    Search mode only adds the 2- and 3-character dictionary words inside a word, but the
    browser's forward maximum matching may pick any archive term: 老旧小区 must find a document
    where jieba kept 老旧小区改造 whole. `vocabulary` is the set of all search-mode terms of the
    archive plus the user dictionary (a user word inside a longer one, 老旧小区 in 老旧小区改造,
    is a word citizens type), so an added term is either already an index term or a user word.
    """
    seen = {(t.term, t.start) for t in tokens}
    out = list(tokens)
    for token in tokens:
        for piece, offset in subword_pieces(token.term, vocabulary):
            if (piece, token.start + offset) not in seen:
                seen.add((piece, token.start + offset))
                out.append(Token(piece, token.start + offset))
    return out


def subword_pieces(word: str, vocabulary) -> list[tuple[str, int]]:
    """The vocabulary terms strictly inside a CJK word, with their offsets in it (see
    with_subwords; the index writer asks once per distinct word)."""
    if len(word) < 3 or not CJK_CHAR.match(word):
        return []
    return [(word[i:j], i) for i in range(len(word) - 1)
            for j in range(i + 2, len(word) + 1 if i else len(word)) if word[i:j] in vocabulary]


@lru_cache(maxsize=4)
def segmenter(words: tuple[str, ...] = ()) -> Segmenter:
    """A shared Segmenter for this exact dictionary (building one costs about 0.1 s)."""
    return Segmenter(words)


def tokenize(text: str, words: Iterable[str] = ()) -> list[str]:
    """Index terms of text, with an optional user dictionary."""
    return segmenter(tuple(sorted(set(words)))).terms(text)


def cut_query(query: str, vocabulary: Callable[[str], Iterable[str]] | Iterable[str]) -> list[Token]:
    """Cut a query by forward maximum matching against the index vocabulary.

    `vocabulary` is either all index terms or a function giving the terms that start with
    a character (the browser has exactly that: one shard per first character). ASCII runs
    are whole terms, as in documents. In a CJK run the longest vocabulary term at the current
    position wins; where no term starts, the single character is the term (it matches
    nothing, so an unknown word gives no results rather than wrong ones).
    Offsets do not count whitespace, so a phrase typed with spaces (老旧小区 改造) lines up
    with the same words written together in a document.
    """
    lookup = _by_first_char(vocabulary)
    out: list[Token] = []
    for run, base, is_cjk in runs(fold(query)):
        if not is_cjk:
            out.append(Token(run, base))
            continue
        i = 0
        while i < len(run):
            terms = lookup(run[i])
            longest = max((len(t) for t in terms), default=0)
            for length in range(min(longest, len(run) - i), 0, -1):
                if run[i:i + length] in terms:
                    break
            else:
                length = 1
            out.append(Token(run[i:i + length], base + i))
            i += length
    return out


def _by_first_char(vocabulary) -> Callable[[str], frozenset[str]]:
    if callable(vocabulary):
        cache: dict[str, frozenset[str]] = {}

        def lookup(ch: str) -> frozenset[str]:
            if ch not in cache:
                cache[ch] = frozenset(vocabulary(ch))
            return cache[ch]
        return lookup
    grouped: dict[str, set[str]] = {}
    for term in vocabulary:
        grouped.setdefault(term[0], set()).add(term)
    frozen = {k: frozenset(v) for k, v in grouped.items()}
    return lambda ch: frozen.get(ch, frozenset())
