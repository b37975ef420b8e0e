"""timeline.json (every entry with all its fields) and the TimelineJS3 export."""
from __future__ import annotations

import html

from .timeline import Timeline


def _site_url(siteurl: str, path: str) -> str:
    return f"{siteurl.rstrip('/')}/{path}" if siteurl else path


def entry_record(entry, timeline: Timeline, siteurl: str) -> dict:
    place = timeline.place(entry.place_code)
    return {
        "id": entry.id,
        "type": entry.type,
        "type_label": entry.type_label,
        "name": entry.name,
        "who": entry.who,
        "who_code": entry.who_code,
        "place_code": entry.place_code,
        "place_path": [p.name for p in timeline.ancestors(place.code)] if place else [],
        "awarded_by": entry.awarded_by,
        "date": entry.date.iso or None,
        "date_precision": entry.date.precision,
        "date_label": entry.date.label,
        "date_source": entry.date_source,
        "sentence": entry.sentence,
        "anchor": entry.anchor,
        "url": _site_url(siteurl, entry.url),
        "article": {
            "slug": entry.article.slug,
            "title": entry.article.title,
            "url": _site_url(siteurl, entry.article.url),
        },
        "source": entry.source,
        "corrected": entry.corrected,
        "note": entry.note,
    }


def timeline_json(timeline: Timeline, siteurl: str, sitename: str) -> dict:
    return {
        "title": f"{sitename}大事记",
        "site_url": siteurl,
        "count": len(timeline.entries),
        "entries": [entry_record(e, timeline, siteurl) for e in timeline.entries],
    }


def _start_date(date) -> dict:
    parts = {"year": date.value.year}
    if date.precision in ("month", "day"):
        parts["month"] = date.value.month
    if date.precision == "day":
        parts["day"] = date.value.day
    parts["display_date"] = date.label
    return parts


def timelinejs(timeline: Timeline, siteurl: str, sitename: str) -> dict:
    """TimelineJS3 JSON. Its text fields are HTML, so document text is escaped here. Undated
    entries are left out: TimelineJS needs a start date and the archive never invents one."""
    events = []
    for entry in timeline.entries:
        if not entry.date.known:
            continue
        who = html.escape(entry.who)
        by = f"（{html.escape(entry.awarded_by)}授予）" if entry.awarded_by else ""
        link = html.escape(_site_url(siteurl, entry.url), quote=True)
        text = (f"<p>{who}{by}</p><blockquote>{html.escape(entry.sentence)}</blockquote>"
                f'<p><a href="{link}">原文：{html.escape(entry.article.title)}</a></p>')
        events.append({
            "unique_id": entry.anchor,
            "start_date": _start_date(entry.date),
            "text": {"headline": html.escape(entry.name), "text": text},
            "group": entry.type_label,
        })
    undated = sum(1 for e in timeline.entries if not e.date.known)
    return {
        "title": {"text": {
            "headline": html.escape(f"{sitename}大事记"),
            "text": html.escape(f"荣誉与举措，共{len(events)}条有日期的条目"
                                + (f"（另有{undated}条日期不详，见大事记页面）" if undated else "")),
        }},
        "events": events,
    }
