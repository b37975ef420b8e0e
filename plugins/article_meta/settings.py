"""Settings of plugins.article_meta: one ARTICLE_META dict merged over these defaults."""
import logging

logger = logging.getLogger(__name__)

DEFAULTS = {
    # A table of contents is shown when an article has at least this many h2/h3 headings.
    "TOC_MIN_HEADINGS": 3,
    # Labels of the Kind values; the keys are the only values Kind may take.
    "KINDS": {"report": "工作报告", "news": "新闻"},
}


def article_meta_settings(settings) -> dict:
    merged = dict(DEFAULTS)
    given = settings.get("ARTICLE_META") or {}
    for key, value in given.items():
        if key not in DEFAULTS:
            logger.warning("article_meta: unknown setting ARTICLE_META[%r] ignored", key)
            continue
        if not isinstance(value, type(DEFAULTS[key])):
            logger.warning("article_meta: ARTICLE_META[%r] = %r is not a %s; using %r",
                           key, value, type(DEFAULTS[key]).__name__, DEFAULTS[key])
            continue
        merged[key] = value
    return merged
