"""The cycle collector is paused from the moment the articles are read until the build ends.

Writing the site and the search index makes millions of small objects (pages' contexts, the
index's postings) and frees almost all of them by reference counting. But the collector runs
every few hundred thousand new objects and walks every live object each time it reaches the
oldest generation, all 10,000 articles included: at 10,000 articles that was about a third
of a rebuild (bench/README.md). Reading stays collected: Markdown leaves cycles behind for
every article it converts, and a full build without the collector peaked 400 MB higher.
The collector is switched back on when the build finishes, so a long-lived process
(`pelican --autoreload`, the tests) frees the build's cycles then. A step about to need a lot of memory (the search index)
collects once and gives the freed memory back first: `return_free_memory`."""
from .memory import return_free_memory
from .plugin import register

__all__ = ["register", "return_free_memory"]
