"""The evaluation command against the labelled development set (tests/data/devset), and its
own rules: what counts as right, empty or a wrong guess; what counts as furniture."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plugins.gazetteer import Gazetteer
from plugins.importer.article import ArticleFile
from plugins.importer.evaluate import (Evaluation, check_date, check_places, evaluate, furniture_lines,
                                       furniture_markers)

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "tests" / "data" / "devset"
DEVSET_HTML = ROOT / "tests" / "data" / "devset-html"
DATA = ROOT / "data"


def eval_cli(*args):
    return subprocess.run([sys.executable, "-m", "plugins.importer", "eval", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def devset():
    """The development set of issue 13: 50 text documents and 24 saved pages, as one set."""
    return evaluate([DEVSET, DEVSET_HTML], DATA)


def test_the_development_set_meets_the_targets_of_issue_13(devset):
    """A regression guard on 74 real documents: a rule that helps one document and breaks
    others shows here. The misses are printed by `invoke eval`."""
    ev = devset
    assert ev.documents == 74 and ev.failed == []
    assert_targets(ev)


@pytest.mark.parametrize("folder", [DEVSET, DEVSET_HTML], ids=["text", "saved-pages"])
def test_each_half_of_the_development_set_meets_the_targets(folder):
    """Text documents and saved pages go through different readers: neither may lean on the
    other's figures."""
    ev = evaluate(folder, DATA)
    assert ev.failed == []
    assert_targets(ev)


def assert_targets(ev):
    assert ev.rate("title") >= 0.95
    assert ev.rate("date") >= 0.95
    assert ev.rate("kind") >= 0.95
    assert ev.place_rate >= 0.90
    assert ev.wrong_guesses <= 1
    assert ev.furniture_rate <= 0.05
    assert ev.recall("honour") >= 0.8 and ev.precision("honour") >= 0.9


def test_eval_reads_text_and_html_and_prints_a_table_and_misses(tmp_path):
    truth = tmp_path / "truth"
    truth.mkdir()
    shutil.copy(DEVSET / "d022.txt", truth)
    shutil.copy(DEVSET / "d022.json", truth)
    # A saved page (GBK, furniture in the markup) labelled the same way.
    shutil.copy(ROOT / "tests" / "importer" / "data" / "page.html", truth / "p001.html")
    sidecar = {k: None for k in ("title", "date", "year_only", "province", "city", "district", "street",
                                 "place_from_address", "notes")}
    sidecar.update(id="p001", file="p001.html", title="南湖街道开展垃圾分类宣传活动", date="2021-06-18",
                   kind="news", street="南湖街道", honours=[], initiatives=[])
    (truth / "p001.json").write_text(json.dumps(sidecar, ensure_ascii=False), encoding="utf-8")
    done = eval_cli("--truth", truth)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith(f"eval: 2 labelled documents in {truth}")
    for row in ("title", "date", "kind", "province", "city", "district", "street", "place fields",
                "furniture", "honours", "initiatives"):
        assert f"\n  {row} " in out
    assert "title                  100%  2/2" in out
    # 南湖街道 alone cannot be placed (several in the table): an empty field, not a wrong guess.
    assert "p001  street      expected 南湖街道  got —  (left empty)" in out
    assert "0 wrong guesses" in out


@pytest.mark.parametrize("setup, message", [
    (lambda d: None, "no sidecars"),
    (lambda d: (d / "d001.json").write_text("{\n  \"id\": \"d001\",\n  oops\n}", encoding="utf-8"),
     "d001.json:3: not a JSON sidecar"),
    (lambda d: (d / "d002.json").write_text('{"id": "d002", "file": "d002.txt"}', encoding="utf-8"),
     "d002.json:1: no raw document d002.txt beside it"),
])
def test_eval_says_why_it_cannot_run(tmp_path, setup, message):
    setup(tmp_path)
    done = eval_cli("--truth", tmp_path)
    assert done.returncode == 1
    assert message in done.stderr and "Traceback" not in done.stderr


def test_eval_of_a_missing_folder_fails_with_one_line(tmp_path):
    done = eval_cli("--truth", tmp_path / "nowhere")
    assert done.returncode == 1 and done.stderr.strip() == f"eval: {tmp_path / 'nowhere'}: no such folder"


def _article(tmp_path, **fields):
    path = tmp_path / "a.md"
    head = "\n".join(f"{k}: {v}" for k, v in fields.items())
    path.write_text(f"{head}\n\n正文。\n", encoding="utf-8")
    return ArticleFile.read(path)


PLACES = [
    # d004: the reader left the district empty; the table puts 浦东新区 between 上海市 and 塘桥街道
    # (the front matter must name the whole path), and the site address says so too.
    {"id": "implied-between-given-levels", "truth": {"province": "上海市", "city": "上海市", "street": "塘桥街道",
                                                     "place_from_address": {"district": "浦东新区"}},
     "got": {"Province": "上海市", "City": "上海市", "District": "浦东新区", "Street": "塘桥街道"},
     "right": 4, "empty": 0, "wrong": 0},
    # d010: only the address knows the district; the street alone cannot be placed.
    {"id": "address-only-levels-may-stay-empty", "truth": {"street": "迎宾路街道",
                                                           "place_from_address": {"province": "辽宁省"}},
     "got": {}, "right": 3, "empty": 1, "wrong": 0},
    # d034: the reader accepts the street office's name.
    {"id": "alternative-name", "truth": {"province": "河南省", "city": "郑州市", "district": "郑州航空港经济综合实验区",
                                         "street": "银河街道", "street_alt": ["银河办事处"]},
     "got": {"Province": "河南省", "City": "郑州市", "District": "郑州航空港经济综合实验区", "Street": "银河办事处"},
     "right": 4, "empty": 0, "wrong": 0},
    # d017: a national list filed under its first example is four wrong guesses.
    {"id": "wrong-guesses", "truth": {},
     "got": {"Province": "北京市", "City": "北京市", "District": "东城区", "Street": "和平里街道"},
     "right": 0, "empty": 0, "wrong": 4},
    # A Traditional spelling of the right name is the right name.
    {"id": "traditional-spelling", "truth": {"province": "西藏自治区", "city": "拉萨市"},
     "got": {"Province": "西藏自治区", "City": "拉薩市"}, "right": 4, "empty": 0, "wrong": 0},
]


@pytest.mark.parametrize("case", PLACES, ids=[c["id"] for c in PLACES])
def test_place_fields_are_right_empty_or_wrong(tmp_path, case):
    ev = Evaluation(documents=1)
    check_places(ev, "d", case["truth"], _article(tmp_path, **case["got"]), Gazetteer.load(DATA))
    assert (sum(ev.right.values()), sum(ev.empty.values()), ev.wrong_guesses) == \
        (case["right"], case["empty"], case["wrong"])


DATES = [
    {"id": "day", "truth": {"date": "2022-02-01"}, "got": {"Date": "2022-02-01", "Date_precision": "day"}, "ok": True},
    {"id": "title-year-is-not-the-date", "truth": {"date": "2022-02-01"},
     "got": {"Date": "2021-01-01", "Date_precision": "year"}, "ok": False},
    {"id": "year-only-at-year-precision", "truth": {"date": None, "year_only": 2016},
     "got": {"Date": "2016-01-01", "Date_precision": "year"}, "ok": True},
    {"id": "year-only-not-at-a-made-up-day", "truth": {"date": None, "year_only": 2016},
     "got": {"Date": "2016-10-17", "Date_precision": "day"}, "ok": False},
    {"id": "unknown", "truth": {"date": None}, "got": {"Date_precision": "unknown"}, "ok": True},
]


@pytest.mark.parametrize("case", DATES, ids=[c["id"] for c in DATES])
def test_dates_at_the_readers_precision(tmp_path, case):
    ev = Evaluation(documents=1)
    check_date(ev, "d", case["truth"], _article(tmp_path, **case["got"]))
    assert (ev.right["date"] == 1) == case["ok"]


def test_furniture_markers_are_the_strings_notes_call_furniture():
    notes = {p.stem: json.loads(p.read_text(encoding="utf-8"))["notes"] for p in DEVSET.glob("*.json")}
    assert furniture_markers(notes["d002"]) == ["eiw乡村百科--为乡村振兴助力", "导航菜单"]
    assert "keywordph" in furniture_markers(notes["d034"])
    # A stray mark and a photo caption are noise, not furniture.
    assert "?" not in furniture_markers(notes["d044"])
    assert furniture_markers(notes["d046"]) == []


def test_furniture_a_saved_pages_reader_listed_is_looked_for():
    """d072's empty gallery widget leaves its label under the text; the sidecar lists it in
    body_without, as d053 lists a related headline that a line may carry whole."""
    label = json.loads((DEVSET_HTML / "d072.json").read_text(encoding="utf-8"))
    text = "正是有了英勇的你们，才有这座英雄的城！\n图集\n+1"
    assert furniture_lines(text, label["title"], label["notes"], label["body_without"]) == ["notes '图集': 图集"]
    assert furniture_lines(text, label["title"], label["notes"]) == []
    related = json.loads((DEVSET_HTML / "d053.json").read_text(encoding="utf-8"))["body_without"]
    assert furniture_lines("3 [湘乡市]教育局：扎实开展网络安全宣传周活动", "", "", related)


def test_eval_measures_several_folders_as_one_set(tmp_path):
    text, pages = tmp_path / "text", tmp_path / "pages"
    for folder, source, name in ((text, DEVSET, "d022"), (pages, DEVSET_HTML, "d072")):
        folder.mkdir()
        for suffix in (".json", ".txt", ".html"):
            if (source / f"{name}{suffix}").exists():
                shutil.copy(source / f"{name}{suffix}", folder)
    done = eval_cli("--truth", text, "--truth", pages)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"eval: 2 labelled documents in {text}, {pages}\n")
    # Two folders holding the same document would count it twice.
    shutil.copy(text / "d022.json", pages)
    shutil.copy(text / "d022.txt", pages)
    done = eval_cli("--truth", text, "--truth", pages)
    assert done.returncode == 1 and "d022.txt: in two of the folders" in done.stderr
