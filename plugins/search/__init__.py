"""Client-side Chinese search: a partitioned lunr index written at build time, the search page.

See plugins/search/README.md for the index layout and the figures."""
from .plugin import register, site_urls

__all__ = ["register", "site_urls"]
