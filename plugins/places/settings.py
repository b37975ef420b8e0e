"""Settings of plugins.places: one PLACES dict merged over these defaults."""
import logging

logger = logging.getLogger(__name__)

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
    # The topic taxonomy, relative to ARCHIVE_DATA_PATH.
    "TOPICS_FILE": "topics.toml",
    # Articles per page on place, topic, year, kind, tag and archive pages.
    "PER_PAGE": 50,
}


def places_settings(settings) -> dict:
    merged = dict(DEFAULTS)
    for key, value in (settings.get("PLACES") or {}).items():
        if key not in DEFAULTS:
            logger.warning("places: unknown setting PLACES[%r] ignored", key)
        elif isinstance(DEFAULTS[key], int):
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                merged[key] = value
            else:
                logger.warning("places: PLACES[%r] = %r must be a positive integer; using %r",
                               key, value, DEFAULTS[key])
        elif not isinstance(value, str) or ("{slug}" not in value and "{slug}" in DEFAULTS[key]):
            logger.warning("places: PLACES[%r] = %r must be a string with {slug}; using %r",
                           key, value, DEFAULTS[key])
        else:
            merged[key] = value
    return merged
