"""Signal handlers of plugins.seo (module-level functions: blinker keeps weak refs)."""
import logging
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals

from .jsonld import article_json_ld, plain_text
from .settings import seo_settings
from .sitemap import page_urls, robots_txt, sitemap_xml

logger = logging.getLogger(__name__)


def add_filters(generator) -> None:
    env = getattr(generator, "env", None)
    if env is not None:
        env.filters["json_ld"] = article_json_ld
        env.filters["plain_text"] = plain_text


def write_sitemap(pelican) -> None:
    options = seo_settings(pelican.settings)
    output = Path(pelican.output_path)
    siteurl = pelican.settings.get("SITEURL", "").rstrip("/")
    absolute = siteurl.startswith(("http://", "https://"))
    if absolute:
        urls = page_urls(output, siteurl, options["SITEMAP_EXCLUDE"])
        (output / options["SITEMAP_SAVE_AS"]).write_text(sitemap_xml(urls), encoding="utf-8")
        logger.info("seo: wrote %s with %d pages", options["SITEMAP_SAVE_AS"], len(urls))
    else:
        # A sitemap needs absolute URLs; the development build has none (SITEURL = "").
        logger.info("seo: no sitemap without an absolute SITEURL (development build)")
    sitemap_url = f"{siteurl}/{options['SITEMAP_SAVE_AS']}" if absolute else None
    base_path = urlsplit(siteurl).path.rstrip("/") if absolute else ""
    (output / options["ROBOTS_SAVE_AS"]).write_text(robots_txt(sitemap_url, base_path),
                                                    encoding="utf-8")


def register():
    signals.generator_init.connect(add_filters)
    signals.finalized.connect(write_sitemap)
