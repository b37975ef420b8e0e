"""Signal handlers of plugins.places (module-level functions: blinker keeps weak refs)."""
from pelican import signals

from plugins.options import require_plugins

from .archive import collect
from .generator import BrowsePagesGenerator
from .settings import places_settings


def collect_archive(generator) -> None:
    archive = collect(generator.articles, generator.settings, places_settings(generator.settings))
    generator.context["archive"] = archive
    # The place pages' contract (DESIGN.md): code → Place for any plugin that needs it.
    generator.context["places"] = archive.places


def drop_unwritten_taxonomies(generator) -> None:
    """Pelican walks every tag, category and author before writing its page, even when
    *_SAVE_AS is empty, and each walk tests every dated article for membership in the list
    (a second per walk at 10,000 articles in the one category). The browse pages replace
    those pages, so the generator's own lists of them are emptied; the context keeps its copy."""
    for name, setting in (("tags", "TAG_SAVE_AS"), ("categories", "CATEGORY_SAVE_AS"),
                          ("authors", "AUTHOR_SAVE_AS")):
        if not generator.settings.get(setting):
            setattr(generator, name, {} if name == "tags" else [])


def site_urls(settings) -> dict:
    """The site's own pages this plugin writes (docs/architecture.md#site-urls): the theme
    links them, and no page may take their addresses."""
    options = places_settings(settings)
    return {"places": options["PLACES_URL"], "place": options["PLACE_URL"],
            "topics": options["TOPICS_URL"], "topic": options["TOPIC_URL"],
            "tags": options["TAGS_URL"], "tag": options["TAG_URL"],
            "archives": options["ARCHIVES_URL"], "year": options["YEAR_URL"],
            "kind": options["KIND_URL"]}


def get_generators(pelican):
    return BrowsePagesGenerator


def requires(pelican) -> None:
    require_plugins(pelican.settings, "places", "plugins.article_meta")


def register():
    signals.initialized.connect(requires)
    signals.article_generator_finalized.connect(collect_archive)
    signals.article_generator_finalized.connect(drop_unwritten_taxonomies)
    signals.get_generators.connect(get_generators)
