"""Settings of plugins.buildcache: one BUILDCACHE dict merged over these defaults."""
from plugins.options import plugin_options

DEFAULTS = {
    # False: compute everything on every build (get_or_compute still works, in memory only).
    "ENABLED": True,
    # Folder of the cache; relative paths are under CACHE_PATH. Each content tree (PATH) gets
    # its own subfolder, so test sites and the real site never share (or race on) cache files.
    "PATH": "buildcache",
    # Cache folders of other content trees (test sites, old bench runs) unused for this many
    # days are removed when a build starts.
    "MAX_AGE_DAYS": 14.0,
    # Worker processes for per-article work (reading, search terms, timeline extraction):
    # 0 is one per core, 1 works in the build's own process. The output is the same.
    "PROCESSES": 0,
}


def buildcache_settings(settings) -> dict:
    return plugin_options(settings, "BUILDCACHE", DEFAULTS, "buildcache")
