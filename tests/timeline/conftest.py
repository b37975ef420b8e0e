"""Fixture articles for the timeline tests: sentences from the seed documents, placed where
the seeds are, with the front matter of DESIGN.md."""
from pathlib import Path
from types import SimpleNamespace

from bs4 import BeautifulSoup

YIYUAN = {"Province": "山东省", "City": "威海市", "District": "威海火炬高技术产业开发区",
          "Street": "怡园街道", "Communities": "寨北社区, 东涝台社区"}
GETABU = {"Province": "山东省", "City": "枣庄市", "District": "市中区", "Street": "垎塔埠街道"}
LINGSHANWEI = {"Province": "山东省", "City": "青岛市", "District": "黄岛区", "Street": "灵山卫街道"}
YIYUAN_CODE, GETABU_CODE, LINGSHANWEI_CODE, SHANDONG_CODE = "371071004", "370402002", "370211007", "37"


def article(slug: str, body: str, place: dict, date: str | None = "2021-01-15",
            precision: str = "day", title: str | None = None, kind: str = "news") -> str:
    """Markdown with front matter; date=None makes an undated article (no Date line)."""
    lines = [f"Title: {title or slug}"]
    if date is not None:
        lines.append(f"Date: {date}")
    lines.append(f"Date_precision: {precision if date is not None else 'unknown'}")
    lines.append(f"Kind: {kind}")
    lines += [f"{key}: {value}" for key, value in place.items()]
    lines += [f"Raw: raw/{slug}.txt", f"Slug: {slug}"]
    return "\n".join(lines) + "\n\n" + body.strip() + "\n"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(output: Path, url: str) -> Path:
    """The file a site-relative URL is served from."""
    url = url.split("#", 1)[0]
    return output / (url + "index.html" if url.endswith("/") or not url else url)


def recorded(slug: str = "a", html: str = "", date: str | None = None, precision: str = "day",
             **place) -> SimpleNamespace:
    """An article as plugins read it, with the record plugins.article_meta gives it, without
    a build: the front matter's values (Province=…, Communities=…), a date, and body HTML."""
    from plugins.article_meta.record import ArchiveRecord
    from plugins.article_meta.schema import Header
    from plugins.article_meta.topics import load_topics
    from plugins.gazetteer import Gazetteer
    from tests.conftest import ROOT

    values = {key.lower(): value for key, value in place.items()}
    values.update({"kind": "news", "date_precision": precision if date else "unknown"})
    if date:
        values["date"] = date
    record = ArchiveRecord.from_header(
        Header(Path(f"{slug}.md"), values), slug, {"news": "新闻"}, Gazetteer.load(ROOT / "data"),
        {t.name: t for t in load_topics(ROOT / "data")}, content_html=lambda: html,
        toc_min_headings=3)
    return SimpleNamespace(slug=slug, record=record)
