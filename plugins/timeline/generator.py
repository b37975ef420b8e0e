"""Writes the timeline pages (all, per type, per place, per place and type) and the exports."""
import json
import logging
import os

from pelican.generators import Generator

from .export import timeline_json, timelinejs
from .model import TYPE_LABELS
from .settings import timeline_settings

logger = logging.getLogger(__name__)


class TimelineGenerator(Generator):
    """The data is built when the articles are finalized (plugin.build_timeline); this
    generator only writes, once, after every generator has filled the context."""

    def generate_output(self, writer) -> None:
        timeline = self.context.get("timeline")
        if timeline is None:
            logger.error("timeline: no timeline in the context (were the articles read?)")
            return
        settings = timeline_settings(self.settings)
        template = self.get_template(settings["TEMPLATE"])
        for type_, code in timeline.views():
            place = timeline.place(code)
            title = (place.name if place else "") + "时间线"
            if type_:
                title += f"：{TYPE_LABELS[type_]}"
            entries = timeline.filter(type_, code)
            view = {"type": type_, "place": place, "title": title, "entries": entries,
                    "groups": timeline.groups(entries),
                    "trail": timeline.ancestors(code) if code else []}
            writer.write_file(timeline.view_save_as(type_, code), template, self.context,
                              relative_urls=self.settings["RELATIVE_URLS"],
                              url=timeline.view_url(type_, code), timeline_view=view)
        siteurl, sitename = self.settings["SITEURL"], self.settings["SITENAME"]
        self._write_json(settings["JSON_SAVE_AS"], timeline_json(timeline, siteurl, sitename))
        self._write_json(settings["TIMELINEJS_SAVE_AS"], timelinejs(timeline, siteurl, sitename))

    def _write_json(self, save_as: str, data: dict) -> None:
        path = os.path.join(self.output_path, save_as)
        os.makedirs(os.path.dirname(path) or self.output_path, exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.write("\n")
        logger.info("timeline: writing %s", path)
