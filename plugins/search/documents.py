"""What the index takes from a Pelican article: field texts, the record shown for a result,
and facet values."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from plugins.article_meta.dates import display as date_label
from plugins.gazetteer import Gazetteer

from .htmltext import html_to_text

KIND_LABELS = {"report": "工作报告", "news": "新闻"}
UNDATED_KEY = "undated"
UNDATED_LABEL = "日期不详"
FACET_LABELS = {"city": "市", "district": "区县", "topic": "主题", "year": "年份", "kind": "类型"}


@dataclass
class ArticleText:
    texts: dict[str, str]    # field name → plain text
    record: dict[str, str]
    facets: dict[str, list[tuple[str, str]]]


def split_list(value) -> list[str]:
    """A comma-separated front-matter field, or the list another plugin made of it."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        items = value
    else:
        items = str(value).split(",")
    return [str(getattr(v, "name", v)).strip() for v in items if str(getattr(v, "name", v)).strip()]


def load_topics(data_path: str | Path) -> dict[str, dict]:
    """Topic name → {slug, keywords} from data/topics.toml."""
    path = Path(data_path) / "topics.toml"
    if not path.exists():
        return {}
    with open(path, "rb") as f:
        table = tomllib.load(f)
    return {t["name"]: {"slug": t.get("slug", ""), "keywords": list(t.get("keywords", []))}
            for t in table.get("topic", [])}


class ArticleReader:
    """Reads articles for the index; holds the gazetteer and topic table of one build."""

    def __init__(self, data_path: str | Path, snippet_chars: int):
        self.gazetteer = Gazetteer.load(data_path)
        self.topics = load_topics(data_path)
        self.snippet_chars = snippet_chars

    def read(self, article) -> ArticleText:
        province, city, district, street = (str(getattr(article, key, "") or "").strip()
                                            for key in ("province", "city", "district", "street"))
        communities = split_list(getattr(article, "communities", None))
        topics = split_list(getattr(article, "topics", None))
        tags = split_list(getattr(article, "tags", None))
        body = html_to_text(article.content)
        title = " ".join(str(article.title).split())
        places = [p for p in (province, city, district, street) if p] + communities

        precision = str(getattr(article, "date_precision", "") or "day")
        date = getattr(article, "date", None) if precision != "unknown" else None
        kind = str(getattr(article, "kind", "") or "").strip().lower()
        shown_place = " ".join(p for p in (city, district, street) if p) or province

        record = {"t": title, "u": article.url, "p": shown_place,
                  "d": date_label(date, precision), "k": KIND_LABELS.get(kind, ""),
                  "x": body[: self.snippet_chars]}
        facets: dict[str, list[tuple[str, str]]] = {}
        if city:
            division = self.gazetteer.lookup(province, city)
            facets["city"] = [(division.code if division else city, city)]
        if district:
            division = self.gazetteer.lookup(province, city, district)
            # Two cities both have a 市中区: the key is the code, the label names the city.
            facets["district"] = [(division.code if division else f"{city}{district}",
                                   f"{district}（{city}）" if city else district)]
        facets["topic"] = [(self.topics.get(t, {}).get("slug") or t, t) for t in topics]
        facets["year"] = ([(str(date.year), f"{date.year}年")] if date is not None
                          else [(UNDATED_KEY, UNDATED_LABEL)])
        if kind:
            facets["kind"] = [(kind, KIND_LABELS.get(kind, kind))]
        texts = {"title": title, "body": body, "places": " ".join(places),
                 "topics": " ".join(topics), "tags": " ".join(tags)}
        return ArticleText(texts, record, facets)
