"""Browsing the archive: one page per place at every level (province → city → district →
street), per topic, per year, per kind and per tag, with Atom feeds per place and topic.
Every object has an explicit ASCII slug, so no two of them can write the same file."""
from .plugin import register, site_urls

__all__ = ["register", "site_urls"]
