"""The five seed articles end to end: the entries the issue asks for, no slogans, and every
link of the timeline landing on a marked sentence of the built site."""
import json
import re
from collections import Counter

import pytest

from plugins.timeline import rules

from .conftest import page, soup

pytestmark = pytest.mark.slow  # builds the whole archive with every plugin (~20 s)

REQUIRED = [
    # (article prefix, type, name contains, who, awarded_by)
    ("004", "honour", "全省和谐社区建设示范街道", "怡园街道", "山东省民政厅"),
    ("004", "honour", "全省和谐示范社区", "寨北社区", "山东省民政厅"),
    ("002", "initiative", "“吾事五说”议事平台", None, None),
    ("002", "initiative", "“五单”工作法", None, None),
    ("001", "initiative", "“融e通”智慧平台", "垎塔埠街道", None),
    ("001", "initiative", "康复辅具社区租赁服务点", "垎塔埠街道", None),
    ("000", "initiative", "商圈共赢发展党建联合体", "中山西路街道", None),
    ("000", "initiative", "红色商圈", "中山西路街道", None),
    ("003", "initiative", "“五心”群众工作法", "灵山卫街道", None),
    ("004", "initiative", "怡园先锋联盟", "怡园街道", None),
]


@pytest.fixture(scope="module")
def entries(seed_site):
    return json.loads((seed_site / "timeline.json").read_text(encoding="utf-8"))["entries"]


@pytest.mark.parametrize("prefix, type_, name, who, awarded_by", REQUIRED,
                         ids=[r[2] for r in REQUIRED])
def test_required_entry_is_in_the_timeline(entries, prefix, type_, name, who, awarded_by):
    found = [e for e in entries if e["article"]["slug"].startswith(prefix) and e["type"] == type_
             and name in e["name"]]
    assert len(found) == 1, [e["name"] for e in entries if e["article"]["slug"].startswith(prefix)]
    entry = found[0]
    if who:
        assert entry["who"] == who
    assert entry["awarded_by"] == awarded_by


def test_no_slogan_or_policy_entries(entries):
    for entry in entries:
        assert not any(word in entry["name"] for word in rules.NOT_INITIATIVES), entry["name"]
        bare = entry["name"].replace("“", "").replace("”", "")
        assert not re.search(r"[、，,；;]", bare), entry["name"]


def test_hidden_entry_of_the_curation_file_is_not_shown(entries):
    assert "微信客户端掌上平台" not in {e["name"] for e in entries}


def test_undated_article_gives_undated_entries(entries):
    for entry in (e for e in entries if e["article"]["slug"].startswith("004")):
        assert entry["date"] is None and entry["date_label"] == "日期不详"


def test_entry_places_follow_the_gazetteer(entries):
    codes = {e["who"]: e["place_code"] for e in entries}
    assert codes["寨北社区"] == codes["怡园街道"] == "371071004"
    assert codes["灵山卫街道"] == "370211007" and codes["垎塔埠街道"] == "370402002"


def _links(seed_site):
    """Every link to an anchor the timeline shows or exports."""
    data = json.loads((seed_site / "timeline.json").read_text(encoding="utf-8"))
    yield from (e["url"] for e in data["entries"])
    js = json.loads((seed_site / "timeline-timelinejs.json").read_text(encoding="utf-8"))
    for event in js["events"]:
        yield re.search(r'href="([^"]+)"', event["text"]["text"]).group(1)
    pages = list(seed_site.glob("timeline/**/index.html")) + list(seed_site.glob("places/*/index.html"))
    for path in pages:
        for link in soup(path).select('a[href*="#t-"]'):
            yield link["href"].lstrip("/")


def test_every_link_resolves_to_an_existing_anchor(seed_site):
    checked = 0
    targets = {}
    for url in _links(seed_site):
        path = page(seed_site, url)
        if path not in targets:
            targets[path] = soup(path)
        anchor = url.split("#", 1)[1]
        element = targets[path].find(id=anchor)
        assert element is not None and "timeline-source" in element["class"], url
        assert element.get_text(strip=True), url
        checked += 1
    assert checked > 30


def test_every_anchor_belongs_to_an_entry_and_ids_are_unique(seed_site, entries):
    anchors = {e["anchor"] for e in entries}
    for path in seed_site.glob("articles/*/*/index.html"):
        ids = Counter(tag["id"] for tag in soup(path).find_all(id=True))
        assert all(count == 1 for count in ids.values()), path
        spans = {tag["id"] for tag in soup(path).select("span.timeline-source")}
        assert spans <= anchors, path


def test_seed_place_pages_show_their_timeline(seed_site):
    for code, name in (("371071004", "全省和谐示范社区"), ("150103002", "商圈共赢发展党建联合体"),
                       ("370211007", "“五心”群众工作法"), ("370402002", "康复辅具社区租赁服务点")):
        section = soup(seed_site / f"places/{code}/index.html").find("section", class_="timeline-section")
        assert section is not None and name in section.get_text(), code
