"""Sentence splitting for Chinese prose.

A sentence ends at 。！？ (or ；… when followed by a line end), or at a line break. Closing quotes
and brackets that follow the end mark stay with the sentence, so “……。” is one sentence.
"""
import re

_END = "。！？!?"
_CLOSERS = "”’」』）)】》"
_SENTENCE = re.compile(rf"[^{_END}\n]*(?:[{_END}]+[{_CLOSERS}]*|$)", re.MULTILINE)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, surrounding whitespace excluded.

    The timeline needs offsets, not copies: it marks the source sentence in the article's
    HTML, so it must know exactly where in the text each sentence lies.
    """
    spans = []
    for match in _SENTENCE.finditer(text):
        piece = match.group(0)
        stripped = piece.strip()
        if not stripped:
            continue
        start = match.start() + (len(piece) - len(piece.lstrip()))
        spans.append((start, start + len(stripped)))
    return spans


def split_sentences(text: str) -> list[str]:
    """Split text into sentences; whitespace-only pieces are dropped, text is not altered."""
    return [text[start:end] for start, end in sentence_spans(text)]
