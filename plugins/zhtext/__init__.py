"""Chinese text handling shared by the importer, the search index and the timeline.

One source of truth: the index and the browser must fold and segment alike, and the
importer and the timeline must agree on what a sentence is.
"""
from .fold import fold, to_simplified, is_traditional
from .sentences import split_sentences

__all__ = ["fold", "to_simplified", "is_traditional", "split_sentences"]
