"""Writes the browse pages and feeds, after every generator has built its context (the
timeline section on place pages reads the timeline generator's context)."""
import logging

from pelican.generators import Generator

from .pagination import paginate
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

        def write_pages(listing_url, listing_save_as, template, articles, **kwargs):
            for page in paginate(articles, listing_url, listing_save_as, options["PER_PAGE"]):
                write(page.save_as, template, page.url, pagination=page,
                      articles=page.articles, **kwargs)

        write_pages(options["ARCHIVES_URL"], options["ARCHIVES_SAVE_AS"], "archives",
                    archive.articles)
        write(options["PLACES_SAVE_AS"], "places", options["PLACES_URL"],
              provinces=archive.provinces)
        for place in archive.places.values():
            write_pages(place.url, place.save_as, "place", place.articles, place=place)
        write(options["TOPICS_SAVE_AS"], "topics", options["TOPICS_URL"], topics=archive.topics)
        for topic in archive.used_topics:
            write_pages(topic.url, topic.save_as, "topic", topic.articles, topic=topic)
        for listing_kind, listings in (("year", archive.years), ("kind", archive.kinds),
                                       ("tag", archive.tags)):
            for listing in listings:
                write_pages(listing.url, listing.save_as, "listing", listing.articles,
                            listing=listing, listing_kind=listing_kind)
        write(options["TAGS_SAVE_AS"], "tag_index", options["TAGS_URL"], tag_pages=archive.tags)

        if self.settings.get("FEED_ALL_ATOM"):
            for group in list(archive.places.values()) + archive.used_topics:
                if group.feed_path:
                    writer.write_feed(group.feed_articles, self.context, group.feed_path,
                                      group.feed_path, feed_title=group.title)
