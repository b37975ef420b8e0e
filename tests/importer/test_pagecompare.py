"""Saved web pages: the labelled real pages are consistent, and the importer's page extractor
(html.py + htmldate) is at least as good per field as html.py alone and trafilatura."""
import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plugins.gazetteer import Gazetteer
from plugins.importer.article import ArticleFile
from plugins.importer.decode import decode
from plugins.importer.formats.pagecompare import EXTRACTORS, SHIPPED, evaluate
from plugins.importer.importer import Options, import_paths
from plugins.article_meta.topics import load_topics

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
TRUTH = ROOT / "tests" / "data" / "devset-html"
SIDECARS = sorted(TRUTH.glob("d*.json"))
TEXT_SET_KEYS = {"id", "file", "source", "excerpt", "script", "format", "title", "date", "year_only",
                 "date_note", "event_date", "province", "city", "district", "street",
                 "place_inferred", "place_note", "place_from_address", "district_alt",
                 "street_alt", "other_places", "communities", "kind", "kind_note", "topics",
                 "honours", "initiatives", "notes"}


@pytest.mark.parametrize("sidecar", SIDECARS, ids=lambda p: p.stem)
def test_labels_match_their_page(sidecar):
    label = json.loads(sidecar.read_text(encoding="utf-8"))
    assert TEXT_SET_KEYS | {"title_alt", "body_with", "body_without"} == set(label)
    assert label["id"] == sidecar.stem and label["file"] == f"{sidecar.stem}.html"
    assert label["kind"] in ("news", "report") and re.fullmatch(r"\d{4}-\d\d-\d\d", label["date"])
    page = sidecar.with_suffix(".html")
    markup, _ = decode(page, page.read_bytes())
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    text = re.sub(r"\s+", "", soup.get_text(""))
    for snippet in label["body_with"] + label["body_without"]:
        assert re.sub(r"\s+", "", snippet) in text, snippet


def test_page_extractor_is_the_best_per_field():
    n, scores, _ = evaluate(TRUTH, Gazetteer.load(DATA), load_topics(DATA))
    assert n == len(SIDECARS) >= 20
    shipped = scores[SHIPPED]
    for name in EXTRACTORS:
        other = scores[name]
        assert shipped.title >= other.title, name
        assert shipped.date >= other.date, name
        assert shipped.body_ok >= other.body_ok, name
    # htmldate's date is why the page extractor is not html.py alone.
    assert shipped.date > scores["html.py"].date


def test_date_under_the_headline_is_read(tmp_path):
    """网易 shows `2019-05-17` under the headline and in no meta tag; comments below carry later
    times."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(TRUTH / "d055.html", raw)
    [result] = import_paths(raw, Options(dest=tmp_path / "out", data_dir=DATA))
    a = ArticleFile.read(result.article)
    assert (a.get("Date"), a.get("Date_precision")) == ("2019-05-17", "day")
