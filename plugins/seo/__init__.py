"""Search-engine metadata: sitemap.xml and robots.txt for the whole output, and the JSON-LD
and description filters the theme uses for canonical/OpenGraph/JSON-LD tags."""
from .plugin import register

__all__ = ["register"]
