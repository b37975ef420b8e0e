"""The archive record of every article (record.py), the front-matter schema and its one
validator shared by the build and `invoke check` (schema.py), dates with a precision
(dates.py), the topic taxonomy (topics.py) and the one HTML-to-text conversion (textview.py).
See docs/architecture.md."""
from .plugin import register

__all__ = ["register"]
