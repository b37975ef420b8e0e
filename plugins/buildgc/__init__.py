"""The cycle collector is paused while Pelican builds the site.

A build makes millions of small objects (articles, their metadata, the postings of the search
index) and frees almost all of them by reference counting: nothing in it relies on the cycle
collector. But the collector runs every few hundred thousand new objects and walks every live
object each time it reaches the oldest generation (all the articles): at 10,000 articles that
was a third of the time of a rebuild (bench/README.md). The collector is switched back on when
the build finishes, so a long-lived process (`pelican --autoreload`, the tests) frees the
build's cycles then."""
from .plugin import register

__all__ = ["register"]
