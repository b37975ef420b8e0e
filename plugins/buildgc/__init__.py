"""What is alive once the articles are read is frozen until the build ends (gc.freeze): the
cycle collector no longer walks it.

Writing the site and the search index makes millions of small objects (pages' contexts, the
index's postings). The collector runs every few hundred thousand new objects and, when it
reaches the oldest generation, walked every live object, all 10,000 articles included: at
10,000 articles that was about a third of a rebuild (bench/README.md). Pausing the collector
instead left every rendered page's cycles until the end: 200 MB at 10,000 articles and about
2 GB at 100,000 (docs/scale.md). Frozen, the articles cost the collector nothing, and a page's
garbage goes as it is made. Reading stays collected: Markdown leaves cycles behind for every
article it converts. The build's objects are thawed when it finishes, so a long-lived process
(`pelican --autoreload`, the tests) frees them then. A step about to need a lot of memory
(the search index) collects once and gives the freed memory back first: `return_free_memory`."""
from .memory import return_free_memory
from .plugin import register

__all__ = ["register", "return_free_memory"]
