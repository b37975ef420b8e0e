"""Writes the browse pages and feeds, after every generator has built its context (the
timeline section on place pages reads the timeline generator's context)."""
import logging

from pelican.generators import Generator

from .settings import places_settings

logger = logging.getLogger(__name__)


class BrowsePagesGenerator(Generator):
    def generate_context(self):
        # The archive is collected on article_generator_finalized, before any plugin
        # generator runs, so other plugins can read it in their own generate_context.
        pass

    def generate_output(self, writer):
        archive = self.context.get("archive")
        if archive is None:
            return
        options = places_settings(self.settings)
        relative = self.settings["RELATIVE_URLS"]

        def write(save_as, template, url, **kwargs):
            writer.write_file(save_as, self.get_template(template), self.context,
                              relative_urls=relative, url=url, **kwargs)

        write(options["PLACES_SAVE_AS"], "places", options["PLACES_URL"],
              provinces=archive.provinces)
        for place in archive.places.values():
            write(place.save_as, "place", place.url, place=place, articles=place.articles)
        write(options["TOPICS_SAVE_AS"], "topics", options["TOPICS_URL"], topics=archive.topics)
        for topic in archive.used_topics:
            write(topic.save_as, "topic", topic.url, topic=topic, articles=topic.articles)
        for year in archive.years:
            write(year.save_as, "listing", year.url, listing=year, listing_kind="year",
                  articles=year.articles)
        for kind in archive.kinds:
            write(kind.save_as, "listing", kind.url, listing=kind, listing_kind="kind",
                  articles=kind.articles)
        write(options["TAGS_SAVE_AS"], "tag_index", options["TAGS_URL"], tag_pages=archive.tags)
        for tag in archive.tags:
            write(tag.save_as, "listing", tag.url, listing=tag, listing_kind="tag",
                  articles=tag.articles)

        if self.settings.get("FEED_ALL_ATOM"):
            for group in list(archive.places.values()) + archive.used_topics:
                writer.write_feed(group.articles, self.context, group.feed_path,
                                  group.feed_path,
                                  feed_title=group.title)
