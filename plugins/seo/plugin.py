"""Signal handlers of plugins.seo (module-level functions: blinker keeps weak refs)."""
import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals

from plugins.article_meta.textview import plain_text
from plugins.buildcache import written_files
from plugins.options import require_plugins

from .jsonld import article_json_ld
from .settings import seo_settings
from .sitemap import page_urls, robots_txt, sitemap_xml

logger = logging.getLogger(__name__)


def add_filters(generator) -> None:
    env = getattr(generator, "env", None)
    if env is not None:
        length = seo_settings(generator.settings)["DESCRIPTION_LENGTH"]
        env.filters["json_ld"] = article_json_ld
        env.filters["description"] = lambda html: _description(html, length)


def _description(html, length: int) -> str:
    return plain_text(str(html or ""), length)


def write_sitemap(pelican) -> None:
    options = seo_settings(pelican.settings)
    output = Path(os.path.abspath(pelican.output_path))
    siteurl = pelican.settings.get("SITEURL", "").rstrip("/")
    absolute = siteurl.startswith(("http://", "https://"))
    # Result pages of the search box are endless variations of other pages.
    search = pelican.settings.get("SITE_URLS", {}).get("search")
    if absolute:
        exclude = {pelican.settings["NOTFOUND_SAVE_AS"], *options["SITEMAP_EXCLUDE"]}
        if search:
            exclude.add(search + "index.html" if search.endswith("/") else search)
        urls = page_urls(written_files(), output, siteurl, exclude)
        (output / options["SITEMAP_SAVE_AS"]).write_text(sitemap_xml(urls), encoding="utf-8")
        logger.info("seo: wrote %s with %d pages", options["SITEMAP_SAVE_AS"], len(urls))
    else:
        # A sitemap needs absolute URLs; the development build has none (SITEURL = "").
        logger.info("seo: no sitemap without an absolute SITEURL (development build)")
    sitemap_url = f"{siteurl}/{options['SITEMAP_SAVE_AS']}" if absolute else None
    base_path = urlsplit(siteurl).path.rstrip("/") if absolute else ""
    (output / options["ROBOTS_SAVE_AS"]).write_text(
        robots_txt(sitemap_url, base_path, [search] if search else []), encoding="utf-8")


def requires(pelican) -> None:
    require_plugins(pelican.settings, "seo", "plugins.article_meta")


def register():
    signals.initialized.connect(requires)
    signals.generator_init.connect(add_filters)
    signals.finalized.connect(write_sitemap)
