"""Settings of plugins.reprints: one REPRINTS dict merged over these defaults. The similarity
threshold is not a setting: it was measured (README.md) and belongs to the code."""
from plugins.options import plugin_options

DEFAULTS = {
    # The groups, for other tools: [{"original": URL, "members": [URL, …], "similarity": min}].
    "JSON_SAVE_AS": "reprints.json",
}


def reprints_settings(settings) -> dict:
    return plugin_options(settings, "REPRINTS", DEFAULTS, "reprints")
