"""Timeline of honours and initiatives, each entry linked to the sentence it came from.

Entries are extracted from the article text at build time (extract.py), curated by editors
in data/timeline.toml (curation.py), put into the context as `timeline` and written as
timeline/ pages, timeline.json and a TimelineJS3 export (generator.py).
"""
from .plugin import register, site_urls

__all__ = ["register", "site_urls"]
