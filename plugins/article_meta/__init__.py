"""Article metadata the site shows: dates with their precision, kind, list fields, table of
contents and chronological neighbours. Validates the front matter it reads (see DESIGN.md)."""
from .plugin import register

__all__ = ["register"]
