"""What the index takes from an article's record (plugins.article_meta): field texts, the
record shown for a result, and facet values."""
from __future__ import annotations

from dataclasses import dataclass

from plugins.article_meta.record import record_of

UNDATED_KEY = "undated"
FACET_LABELS = {"city": "市", "district": "区县", "topic": "主题", "year": "年份", "kind": "类型"}


@dataclass
class ArticleText:
    texts: dict[str, str]    # field name → plain text
    record: dict[str, str]
    facets: dict[str, list[tuple[str, str]]]


def place_names(article) -> list[str]:
    """The article's places, province to community: the "places" field, and words of the
    dictionary that cuts every article."""
    record = record_of(article)
    names = record.place_names
    return [names[level] for level in ("province", "city", "district", "street")
            if names[level]] + record.communities


def read(article, snippet_chars: int) -> ArticleText:
    record = record_of(article)
    names = record.place_names
    body = record.plain_text()
    title = " ".join(record.title.split())
    places = place_names(article)
    topics = [topic.name for topic in record.topics]
    shown_place = " ".join(n for n in (names["city"], names["district"], names["street"]) if n) \
        or names["province"]
    result = {"t": title, "u": article.url, "p": shown_place, "d": record.date.label,
              "k": record.kind_label, "x": body[:snippet_chars]}
    if record.reprint_group is not None:
        # The story's original (plugins.reprints): the page can show one result per story.
        result["g"] = record.reprint_group.original.url
    by_level = {division.level: division for division in record.place_path}
    facets: dict[str, list[tuple[str, str]]] = {}
    if "city" in by_level:
        facets["city"] = [(by_level["city"].code, names["city"])]
    if "district" in by_level:
        # Two cities both have a 市中区: the key is the code, the label names the city.
        city = names["city"]
        facets["district"] = [(by_level["district"].code,
                               f"{names['district']}（{city}）" if city else names["district"])]
    facets["topic"] = [(topic.slug, topic.name) for topic in record.topics]
    facets["year"] = ([(str(record.date.year), f"{record.date.year}年")] if record.date.known
                      else [(UNDATED_KEY, record.date.label)])
    facets["kind"] = [(record.kind, record.kind_label)]
    texts = {"title": title, "body": body, "places": " ".join(places),
             "topics": " ".join(topics), "tags": " ".join(record.tags)}
    return ArticleText(texts, result, facets)
