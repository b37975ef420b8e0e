"""Reprints: the same story republished by a street, its district, its city and a paper is one
story. Groups copies by the similarity of their text (sketch.py, groups.py) and by editors'
Reprint_of, names the original, and publishes the groups for the theme, the listings, the
timeline and search (docs/architecture.md#reprints; README.md for the measured threshold)."""
from .plugin import register

__all__ = ["register"]
