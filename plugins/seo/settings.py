"""Settings of plugins.seo: one SEO dict merged over these defaults."""
import logging

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Output files (relative to the output folder) left out of the sitemap: not content.
    "SITEMAP_EXCLUDE": ["404.html", "search/index.html"],
    "SITEMAP_SAVE_AS": "sitemap.xml",
    "ROBOTS_SAVE_AS": "robots.txt",
    # Length of the meta/OpenGraph description cut from the summary, in characters.
    "DESCRIPTION_LENGTH": 120,
}


def seo_settings(settings) -> dict:
    merged = dict(DEFAULTS)
    for key, value in (settings.get("SEO") or {}).items():
        if key not in DEFAULTS:
            logger.warning("seo: unknown setting SEO[%r] ignored", key)
        elif not isinstance(value, type(DEFAULTS[key])):
            logger.warning("seo: SEO[%r] = %r is not a %s; using %r",
                           key, value, type(DEFAULTS[key]).__name__, DEFAULTS[key])
        else:
            merged[key] = value
    return merged
