"""From articles to entries: extraction, editors' curation, places, and the anchors in the
article HTML. Shared by the build (plugin.py) and `invoke check` (check.py), which report the
same problems."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from plugins.buildcache import cache_for, processes
from plugins.gazetteer import Gazetteer
from plugins.zhtext.sentences import sentence_spans

from . import curation as curation_file
from plugins.article_meta.dates import PreciseDate
from plugins.article_meta.textview import HtmlText

from .extract import extract
from .model import Entry, entry_id
from .resolve import PlaceResolver

logger = logging.getLogger(__name__)


@dataclass
class Collected:
    entries: list[Entry]                       # visible entries, curation applied
    problems: list[str] = field(default_factory=list)
    hidden: int = 0


def curation_path(settings: dict, timeline_settings: dict) -> Path:
    return Path(settings["ARCHIVE_DATA_PATH"]) / timeline_settings["CURATION_FILE"]


# The extraction's result depends on its code and rules (and on how the text is read from the
# HTML): a change to any must miss every cached result, without anyone having to remember to
# bump a version.
_FINGERPRINT = hashlib.sha1(b"".join(
    (Path(__file__).parent / name).read_bytes()
    for name in ("extract.py", "rules.py", "dating.py", "../article_meta/textview.py",
                 "../zhtext/sentences.py"))).hexdigest()


def _candidates_of(job: tuple[str, PreciseDate]) -> list:
    """(start, end, sentence, candidate, html_begin, html_end) for every sentence of an
    article's text with a candidate: its offsets in the text and in the HTML (where its anchor
    goes). Module-level: it runs in worker processes. The text view is not kept (10,000 of
    them take gigabytes)."""
    source, reference = job
    view = HtmlText(source)
    found = []
    for start, end in sentence_spans(view.text):
        candidates = extract(view.text[start:end], reference)
        if candidates:
            begin, finish = view.html_range(start, end)
            found += [(start, end, view.text[start:end], candidate, begin, finish)
                      for candidate in candidates]
    return found


def _candidates(articles, settings: dict) -> list[list]:
    """Each article's candidates, cached per HTML and date, so a rebuild neither parses nor
    extracts the articles that did not change; the others are extracted on every core."""
    keyed = []
    for article in articles:
        source, reference = article.record.content_html(), article.record.date
        # A digest of the HTML, not the HTML itself: a key is held for every article until
        # the last is extracted, and a copy of every article's HTML is 2 GB at 100,000.
        digest = hashlib.blake2b(source.encode("utf-8"), digest_size=20).hexdigest()
        keyed.append((f"{_FINGERPRINT}\x00{reference.iso}\x00{reference.precision}\x00{digest}",
                      (source, reference)))
    return cache_for(settings).get_or_compute_all("timeline.extract.v3", keyed, _candidates_of,
                                                   processes(settings))


def extract_article(article, candidates: list, resolver: PlaceResolver) -> list[Entry]:
    """The entries one article's text states, each once (the first sentence wins)."""
    entries, seen = [], set()
    base = article.record.place
    for start, end, sentence, candidate, begin, finish in candidates:
        identifier = entry_id(article.slug, candidate.type, candidate.name)
        if identifier in seen:
            continue
        seen.add(identifier)
        who, who_code = resolver.resolve(candidate.who, article)
        entries.append(Entry(
            id=identifier, type=candidate.type, name=candidate.name, who=who,
            date=candidate.date, sentence=sentence, article=article,
            who_code=who_code, place_code=who_code or (base.code if base else None),
            awarded_by=candidate.awarded_by, date_source=candidate.date_source,
            text_start=start, text_end=end, html_range=(begin, finish), order=len(entries)))
    return entries


def collect(articles, settings: dict, timeline_settings: dict,
            unpublished: frozenset[str] = frozenset()) -> Collected:
    """Entries of the published `articles` with the curation applied. An item naming an
    article that is neither among them nor `unpublished` (drafts, hidden) is a problem: the
    curation file belongs to the archive it is built with."""
    gazetteer = Gazetteer.load(settings["ARCHIVE_DATA_PATH"])
    resolver = PlaceResolver(gazetteer)
    entries = []
    for article, candidates in zip(articles, _candidates(articles, settings)):
        entries.extend(extract_article(article, candidates, resolver))
    curation = curation_file.load(curation_path(settings, timeline_settings))
    problems = list(curation.problems)
    hidden = 0
    if not problems:  # a file that does not parse has no trustworthy items to apply
        entries, hidden = _apply(curation, entries, {a.slug: a for a in articles}, resolver,
                                 gazetteer, unpublished)
        problems = curation.problems
    for entry in entries:
        if entry.place_code:
            entry.place_codes = tuple(d.code for d in gazetteer.ancestors(entry.place_code))
    return Collected(entries, problems, hidden)


def _article_of(curation, item, articles, unpublished):
    """The article an item names; None when it is not published, and a problem when there is
    no such article."""
    slug = item.fields.get("article")
    if not isinstance(slug, str) or slug in unpublished:
        return None  # no slug: reported by curation.load
    if slug not in articles:
        curation.problem(item.line_of("article"), f"no article has slug {slug!r}")
        return None
    return articles[slug]


def _apply(curation, entries, articles, resolver, gazetteer, unpublished):
    by_id = {entry.id: entry for entry in entries}
    claimed: dict[str, int] = {}
    hidden_ids = set()
    for item in curation.of("hide") + curation.of("correct"):
        if not isinstance(item.fields.get("id"), str):
            continue
        article = _article_of(curation, item, articles, unpublished)
        if article is None:
            continue
        if item.id not in by_id:
            curation.problem(item.line_of("id"), f"unknown id {item.id!r}: no entry of article "
                             f"{article.slug!r} has it (ids are listed in timeline.json)")
            continue
        if by_id[item.id].article.slug != article.slug:
            curation.problem(item.line_of("article"), f"entry {item.id!r} comes from article "
                             f"{by_id[item.id].article.slug!r}, not {article.slug!r}")
            continue
        if item.id in claimed:
            curation.problem(item.line_of("id"), f"id {item.id!r} is already hidden or corrected "
                             f"at line {claimed[item.id]}")
            continue
        claimed[item.id] = item.line_of("id")
        if item.kind == "hide":
            hidden_ids.add(item.id)
        else:
            _correct(curation, item, by_id[item.id], resolver, gazetteer)
    for item in curation.of("add"):
        added = _add(curation, item, articles, resolver, gazetteer, by_id, unpublished)
        if added is not None:
            by_id[added.id] = added
            entries.append(added)
    visible = [entry for entry in entries if entry.id not in hidden_ids]
    return visible, len(hidden_ids)


def _place(curation, item, gazetteer) -> str | None:
    code = item.fields.get("place")
    if code is None:
        return None
    if not isinstance(code, str) or gazetteer.get(code) is None:
        curation.problem(item.line_of("place"), f"place {code!r} is not a division code of the "
                         "gazetteer (data/gazetteer/divisions.tsv)")
        return None
    return code


def _correct(curation, item, entry: Entry, resolver, gazetteer) -> None:
    fields = item.fields
    for key in ("name", "awarded_by", "note"):
        if isinstance(fields.get(key), str):
            setattr(entry, key, fields[key])
    if isinstance(fields.get("who"), str):
        entry.who, entry.who_code = resolver.resolve(fields["who"], entry.article)
        if entry.who_code:
            entry.place_code = entry.who_code
    if fields.get("type") in ("honour", "initiative"):
        entry.type = fields["type"]
    if isinstance(fields.get("date"), str):
        try:
            entry.date, entry.date_source = PreciseDate.parse_iso(fields["date"]), "editor"
        except ValueError:
            pass  # reported by curation.load
    code = _place(curation, item, gazetteer)
    if code:
        entry.who_code = entry.place_code = code
    entry.corrected = True


def _add(curation, item, articles, resolver, gazetteer, by_id, unpublished) -> Entry | None:
    fields = item.fields
    if not all(isinstance(fields.get(k), str) for k in ("article", "type", "name", "quote")):
        return None  # missing keys were reported by curation.load
    article = _article_of(curation, item, articles, unpublished)
    if article is None:
        return None
    document = article.record.text_view()
    quote = fields["quote"].strip()
    at = document.text.find(quote)
    if at < 0:
        curation.problem(item.line_of("quote"), f"quote not found in the text of article "
                         f"{article.slug!r} (copy it from the article page)")
        return None
    spans = [(s, e) for s, e in sentence_spans(document.text) if s < at + len(quote) and e > at]
    start, end = spans[0][0], spans[-1][1]
    if "\n" in document.text[start:end]:
        curation.problem(item.line_of("quote"), "quote runs over more than one paragraph")
        return None
    identifier = entry_id(article.slug, fields["type"], fields["name"])
    if identifier in by_id:
        curation.problem(item.line, f"entry {identifier!r} is already extracted from this "
                         "article; use [[correct]] with that id")
        return None
    who, who_code = resolver.resolve(fields.get("who", ""), article)
    base = article.record.place
    date, date_source = article.record.date, "article"
    if isinstance(fields.get("date"), str):
        try:
            date, date_source = PreciseDate.parse_iso(fields["date"]), "editor"
        except ValueError:
            return None  # reported by curation.load
    code = _place(curation, item, gazetteer) or who_code
    return Entry(
        id=identifier, type=fields["type"], name=fields["name"], who=who, date=date,
        sentence=document.text[start:end], article=article, who_code=code,
        place_code=code or (base.code if base else None), awarded_by=fields.get("awarded_by"),
        date_source=date_source, source="editor", note=fields.get("note"),
        text_start=start, text_end=end, html_range=document.html_range(start, end),
        order=len(by_id))


def anchor_ranges(entries: list[Entry]) -> list[tuple[int, int, list[str]]]:
    """The HTML ranges of the entries' source sentences, each with the anchors to put there
    (the record wraps them: ArchiveRecord.html)."""
    by_range: dict[tuple[int, int], list[str]] = {}
    for entry in entries:
        by_range.setdefault(entry.html_range, []).append(entry.anchor)
    return [(begin, end, ids) for (begin, end), ids in by_range.items()]
