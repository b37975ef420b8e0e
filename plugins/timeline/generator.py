"""Writes the timeline pages (all, per type, per place, per place and type) and the exports."""
import json
import logging
import os

from pelican.generators import Generator

from .export import timeline_json, timelinejs
from .model import TYPE_LABELS
from .settings import timeline_settings
from .timeline import YearGroup

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
            groups = timeline.groups(entries)
            view = {"type": type_, "place": place, "title": title, "entries": entries,
                    "groups": groups, "trail": timeline.ancestors(code) if code else [],
                    "years": None, "year": None, "pages": [], "page": 1}
            if timeline.paged(entries):
                # One page per year, and the view itself lists the years.
                view["years"] = [{"key": g.key, "label": g.label, "count": len(g.entries),
                                  "url": timeline.year_url(type_, code, g.key)} for g in groups]
                for group in groups:
                    chunks = timeline.chunks(group.entries)
                    pages = [{"number": n, "url": timeline.year_url(type_, code, group.key, n)}
                             for n in range(1, len(chunks) + 1)]
                    for number, chunk in enumerate(chunks, start=1):
                        part = YearGroup(group.key, group.label, chunk)
                        self._write(writer, template,
                                    timeline.year_save_as(type_, code, group.key, number),
                                    pages[number - 1]["url"],
                                    {**view, "groups": [part], "year": group,
                                     "pages": pages if len(pages) > 1 else [], "page": number})
                view["groups"] = []
            self._write(writer, template, timeline.view_save_as(type_, code),
                        timeline.view_url(type_, code), view)
        siteurl, sitename = self.settings["SITEURL"], self.settings["SITENAME"]
        self._write_json(settings["JSON_SAVE_AS"], timeline_json(timeline, siteurl, sitename))
        self._write_json(settings["TIMELINEJS_SAVE_AS"], timelinejs(timeline, siteurl, sitename))

    def _write(self, writer, template, save_as: str, url: str, view: dict) -> None:
        writer.write_file(save_as, template, self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=url,
                          timeline_view=view)

    def _write_json(self, save_as: str, data: dict) -> None:
        path = os.path.join(self.output_path, save_as)
        os.makedirs(os.path.dirname(path) or self.output_path, exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.write("\n")
        logger.info("timeline: writing %s", path)
