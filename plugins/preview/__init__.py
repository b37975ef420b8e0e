"""Preview for editors: with `invoke livereload` running, the page of an article an editor saves
is fresh within seconds, even in an archive of thousands; the rest of the site follows with a
full build, which writes exactly what a fresh build writes.

A full build of 10,000 articles takes minutes: most of it is work for the other pages (every
listing, the search index, the timeline). So after each build this plugin keeps what the article
pages were rendered from (the articles generator, with its context), and when an article
changes, loop.py reads that one file again and renders its page into that context before it
starts the full build. The preview shows the edited text, title and metadata; what depends on
the whole archive (neighbours, listings, the timeline's anchors in the text) is the last build's
until the full build has run.
"""
from .plugin import last_articles, register

__all__ = ["last_articles", "register"]
