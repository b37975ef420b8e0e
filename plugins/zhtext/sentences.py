"""Sentence splitting for Chinese prose.

A sentence ends at 。！？ (or ；… when followed by a line end), or at a line break. Closing quotes
and brackets that follow the end mark stay with the sentence, so “……。” is one sentence.
"""
import re

_END = "。！？!?"
_CLOSERS = "”’」』）)】》"
_SENTENCE = re.compile(rf"[^{_END}\n]*(?:[{_END}]+[{_CLOSERS}]*|$)", re.MULTILINE)


def split_sentences(text: str) -> list[str]:
    """Split text into sentences; whitespace-only pieces are dropped, text is not altered."""
    return [m.group(0).strip() for m in _SENTENCE.finditer(text) if m.group(0).strip()]
