"""Settings of plugins.timeline: one TIMELINE dict merged over these defaults."""
from plugins.options import plugin_options

DEFAULTS = {
    # Editors' additions, corrections and hidden entries, relative to ARCHIVE_DATA_PATH.
    "CURATION_FILE": "timeline.toml",
    # Pages. {type} is honour or initiative, {code} a division code.
    "URL": "timeline/",
    "SAVE_AS": "timeline/index.html",
    "TYPE_URL": "timeline/type/{type}/",
    "TYPE_SAVE_AS": "timeline/type/{type}/index.html",
    "PLACE_URL": "timeline/place/{code}/",
    "PLACE_SAVE_AS": "timeline/place/{code}/index.html",
    "PLACE_TYPE_URL": "timeline/place/{code}/type/{type}/",
    "PLACE_TYPE_SAVE_AS": "timeline/place/{code}/type/{type}/index.html",
    # Data exports: every entry with its fields, and the TimelineJS3 format.
    "JSON_SAVE_AS": "timeline.json",
    "TIMELINEJS_SAVE_AS": "timeline-timelinejs.json",
    "TEMPLATE": "timeline",
    # A view with more entries than this lists its years and puts each year on a page of its
    # own (timeline/year/2020/): a large archive's timeline/ would otherwise be megabytes.
    "YEAR_PAGES_OVER": 300,
    # The section on a place page shows at most this many entries (the most recent), then
    # links to the place's own timeline.
    "SECTION_LIMIT": 20,
    # Up to this many places the filter shows the whole tree; beyond, each page lists only the
    # places one level down (so no page repeats thousands of links).
    "PLACE_TREE_MAX": 40,
}


def timeline_settings(settings) -> dict:
    return plugin_options(settings, "TIMELINE", DEFAULTS, "timeline")
