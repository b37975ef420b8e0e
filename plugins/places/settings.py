"""Settings of plugins.places: one PLACES dict merged over these defaults."""
from plugins.options import plugin_options

DEFAULTS = {
    "PLACE_URL": "places/{slug}/",
    "PLACE_SAVE_AS": "places/{slug}/index.html",
    "PLACES_URL": "places/",
    "PLACES_SAVE_AS": "places/index.html",
    "TOPIC_URL": "topics/{slug}/",
    "TOPIC_SAVE_AS": "topics/{slug}/index.html",
    "TOPICS_URL": "topics/",
    "TOPICS_SAVE_AS": "topics/index.html",
    "YEAR_URL": "years/{slug}/",
    "YEAR_SAVE_AS": "years/{slug}/index.html",
    "KIND_URL": "kinds/{slug}/",
    "KIND_SAVE_AS": "kinds/{slug}/index.html",
    "TAG_URL": "tags/{slug}/",
    "TAG_SAVE_AS": "tags/{slug}/index.html",
    "TAGS_URL": "tags/",
    "TAGS_SAVE_AS": "tags/index.html",
    # Written only when the site has feeds at all (FEED_ALL_ATOM set, as in publishconf.py):
    # feed links must be absolute, which needs the production SITEURL.
    "PLACE_FEED_ATOM": "feeds/places/{slug}.atom.xml",
    "TOPIC_FEED_ATOM": "feeds/topics/{slug}.atom.xml",
    # Every article, newest first (replaces Pelican's unpaginated archives page).
    "ARCHIVES_URL": "archives/",
    "ARCHIVES_SAVE_AS": "archives/index.html",
    # Articles per page on place, topic, year, kind, tag and archive pages.
    "PER_PAGE": 50,
}


def places_settings(settings) -> dict:
    return plugin_options(settings, "PLACES", DEFAULTS, "places")
