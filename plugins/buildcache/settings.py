"""Settings of plugins.buildcache: one BUILDCACHE dict merged over these defaults."""
import logging

logger = logging.getLogger(__name__)

DEFAULTS = {
    # False: compute everything on every build (get_or_compute still works, in memory only).
    "ENABLED": True,
    # Folder of the cache; relative paths are under CACHE_PATH. Each content tree (PATH) gets
    # its own subfolder, so test sites and the real site never share (or race on) cache files.
    "PATH": "buildcache",
    # Cache folders of other content trees (test sites, old bench runs) unused for this many
    # days are removed when a build starts.
    "MAX_AGE_DAYS": 14,
}
_TYPES = {"ENABLED": bool, "PATH": str, "MAX_AGE_DAYS": (int, float)}


def buildcache_settings(settings) -> dict:
    merged = dict(DEFAULTS)
    for key, value in (settings.get("BUILDCACHE") or {}).items():
        if key not in DEFAULTS:
            logger.warning("buildcache: unknown setting BUILDCACHE[%r] ignored", key)
        elif not isinstance(value, _TYPES[key]) or (key == "MAX_AGE_DAYS" and value <= 0):
            logger.warning("buildcache: BUILDCACHE[%r] = %r is not valid; using %r",
                           key, value, DEFAULTS[key])
        else:
            merged[key] = value
    return merged
