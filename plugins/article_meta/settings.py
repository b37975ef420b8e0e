"""Settings of plugins.article_meta: one ARTICLE_META dict merged over these defaults."""
from plugins.options import plugin_options

DEFAULTS = {
    # A table of contents is shown when an article has at least this many h2/h3 headings.
    "TOC_MIN_HEADINGS": 3,
    # Labels of the Kind values; the keys are the only values Kind may take.
    "KINDS": {"report": "工作报告", "news": "新闻"},
}


def article_meta_settings(settings) -> dict:
    return plugin_options(settings, "ARTICLE_META", DEFAULTS, "article_meta")
