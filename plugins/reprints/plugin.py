"""Signal handlers of plugins.reprints (module-level functions: blinker keeps weak refs).

The groups are made on article_generator_pretaxonomy: every article is read and has its
record, and no article_generator_finalized handler has run, so places (listings) and the
timeline find them whatever the order of PLUGINS."""
import hashlib
import json
import logging
import os
import time
from importlib import metadata
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from plugins.buildcache import cache_for
from plugins.options import require_plugins

from .groups import Copy, find_groups, order_of
from .model import ReprintGroup, Reprints
from .settings import reprints_settings
from .sketch import Sketch

logger = logging.getLogger(__name__)
# A sketch depends on the code that makes it (and the folding it reads) and on datasketch: a
# change to any must miss every cached sketch, without anyone having to bump a version.
_VERSION = hashlib.sha1(b"".join(
    [(Path(__file__).parent / "sketch.py").read_bytes(),
     (Path(__file__).parent.parent / "zhtext" / "fold.py").read_bytes(),
     metadata.version("datasketch").encode()])).hexdigest()


def sketch_of(article, settings) -> Sketch:
    """The article's sketch, kept in the build cache by its HTML: a rebuild sketches only
    the articles whose text changed."""
    source = article.record.content_html()
    return cache_for(settings).get_or_compute(
        "reprints.sketch.v1", f"{_VERSION}\x00{source}",
        lambda: Sketch.of(article.record.plain_text()))


def order_key(article) -> tuple:
    """Earliest first, undated last; on the same date a Simplified copy before a Traditional
    one (a machine conversion is the copy); then by slug. The original is the first."""
    record = article.record
    # YYYY-MM-DD with the unknown parts 01, as the front matter writes it (the importer
    # orders by the same text).
    return (*order_of(record.date.value.isoformat() if record.date.known else "",
                      record.traditional),
            article.slug)


def group_reprints(generator) -> None:
    """Publish the groups: context["reprints"] and each member's record.reprint_group."""
    started = time.perf_counter()
    articles = list(generator.articles)
    copies = [Copy(a.slug, sketch_of(a, generator.settings), order_key(a), a.record.reprint_of)
              for a in articles]
    by_slug = {a.slug: a for a in articles}
    published = Reprints()
    for group in find_groups(copies):
        members = [by_slug[slug] for slug in group.members]
        reprint_group = ReprintGroup(members[0], members, group.similarity, group.similarities)
        for member in members:
            member.record.reprint_group = reprint_group
        published.groups.append(reprint_group)
    generator.context["reprints"] = published
    logger.info("reprints: %d groups of %d articles in %.2f s", len(published),
                sum(len(g.members) for g in published.groups), time.perf_counter() - started)


class ReprintsGenerator(Generator):
    """Writes reprints.json once every context is complete."""

    def generate_output(self, writer) -> None:
        reprints = self.context.get("reprints")
        if reprints is None:
            return
        save_as = reprints_settings(self.settings)["JSON_SAVE_AS"]
        path = os.path.join(self.output_path, save_as)
        os.makedirs(os.path.dirname(path) or self.output_path, exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(reprints.as_json(self.settings["SITEURL"]), f, ensure_ascii=False,
                      indent=1)
            f.write("\n")


def get_generators(pelican):
    return ReprintsGenerator


def requires(pelican) -> None:
    require_plugins(pelican.settings, "reprints", "plugins.article_meta", "plugins.buildcache")
    reprints_settings(pelican.settings)  # unknown keys and bad values warn at the start


def register():
    signals.initialized.connect(requires)
    signals.article_generator_pretaxonomy.connect(group_reprints)
    signals.get_generators.connect(get_generators)
