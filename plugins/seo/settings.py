"""Settings of plugins.seo: one SEO dict merged over these defaults."""
from plugins.options import plugin_options

DEFAULTS = {
    # Output files (relative to the output folder) left out of the sitemap besides the 404
    # page and the search page, which are never in it.
    "SITEMAP_EXCLUDE": [],
    "SITEMAP_SAVE_AS": "sitemap.xml",
    "ROBOTS_SAVE_AS": "robots.txt",
    # Length of the meta/OpenGraph description cut from the summary, in characters.
    "DESCRIPTION_LENGTH": 120,
}


def seo_settings(settings) -> dict:
    return plugin_options(settings, "SEO", DEFAULTS, "seo")
