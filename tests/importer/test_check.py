"""`invoke check`: broken front matter is reported as path:line: problem."""
import subprocess
import sys
from pathlib import Path

import pytest

from plugins.importer.check import DEFAULT_CHECKERS, load_checker, run_checks

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"

GOOD = """Title: 灵山卫街道回应群众关切
Date: 2019-05-22
Date_precision: day
Kind: news
Province: 山东省
City: 青岛市
District: 黄岛区
Street: 灵山卫街道
Communities: 学院路社区, 珠光路社区
Topics: 文明实践, 环境卫生
Raw: raw/003_533674c9486a0d79.txt
Slug: good-article

正文。
"""

BROKEN = [
    # (id, replace this, with this, expected line, expected problem text)
    ("missing-title", "Title: 灵山卫街道回应群众关切\n", "", 1, "required key Title missing"),
    ("bad-date", "Date: 2019-05-22", "Date: 2019-5-32", 2, "Date '2019-5-32' is not an ISO date"),
    ("month-precision-day", "Date_precision: day", "Date_precision: month", 2, "Date_precision month needs the day 01"),
    ("unknown-with-date", "Date_precision: day", "Date_precision: unknown", 2, "Date given but Date_precision is unknown"),
    ("bad-precision", "Date_precision: day", "Date_precision: week", 3, "Date_precision 'week' is not one of"),
    ("bad-kind", "Kind: news", "Kind: blog", 4, "Kind 'blog' is not one of report, news"),
    ("unknown-street", "Street: 灵山卫街道", "Street: 灵山卫西街道", 8, "unknown street '灵山卫西街道'"),
    ("wrong-path", "City: 青岛市", "City: 威海市", 8, "do not form one path"),
    ("missing-level", "District: 黄岛区\n", "", 7, "District missing above 灵山卫街道"),
    ("unknown-topic", "Topics: 文明实践, 环境卫生", "Topics: 文明实践, 美食", 10, "unknown topic '美食'"),
    ("chinese-comma", "Topics: 文明实践, 环境卫生", "Topics: 文明实践，环境卫生", 10, "separated by ， or 、"),
    ("bad-slug", "Slug: good-article", "Slug: 好文章", 12, "Slug '好文章' must be lower-case ASCII"),
    ("missing-raw", "Raw: raw/003_533674c9486a0d79.txt", "Raw: raw/missing.txt", 11, "Raw file raw/missing.txt does not exist"),
    ("unknown-key", "Kind: news", "Kind: news\nColour: red", 5, "unknown key 'colour'"),
    ("not-a-key-line", "Kind: news", "Kind: news\n这不是键值行", 5, "not a `Key: value` line"),
    ("duplicate-key", "Kind: news", "Kind: news\nKind: report", 5, "Kind given twice"),
]


@pytest.mark.parametrize("case", BROKEN, ids=[c[0] for c in BROKEN])
def test_broken_front_matter_is_reported_with_path_and_line(tmp_path, case, monkeypatch):
    _, old, new, line, problem = case
    assert old in GOOD
    (tmp_path / "a.md").write_text(GOOD.replace(old, new), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    problems = run_checks(tmp_path, DATA)
    assert any(p.startswith(f"a.md:{line}: ") and problem in p for p in problems), problems


def test_good_article_has_no_problems(tmp_path):
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    assert run_checks(tmp_path, DATA) == []


def test_duplicate_slugs_name_both_files(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run_checks(tmp_path, DATA) == [
        "b.md:12: duplicate slug 'good-article' (also a.md:12)",
        "b.md:11: a second article from raw/003_533674c9486a0d79.txt (also a.md:11)"]


def test_checkers_are_a_list_of_named_functions():
    assert [c.__name__ for c in DEFAULT_CHECKERS] == ["front_matter", "places", "topics", "duplicate_slugs",
                                                      "duplicate_raws"]
    assert load_checker("plugins.importer.check:places") is DEFAULT_CHECKERS[1]
    with pytest.raises(ValueError):
        load_checker("plugins.importer.check")


def test_invoke_check_prints_path_line_problem_and_fails(tmp_path):
    content = tmp_path / "articles"
    content.mkdir()
    (content / "broken.md").write_text(GOOD.replace("Kind: news", "Kind: blog"), encoding="utf-8")
    invoke = Path(sys.executable).with_name("invoke")
    done = subprocess.run([str(invoke), "check", "--content", str(content)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    [line] = [ln for ln in done.stdout.splitlines() if "Kind 'blog'" in ln]
    path, lineno, problem = line.split(":", 2)
    assert (ROOT / path).resolve() == (content / "broken.md").resolve()
    assert lineno == "4" and problem == " Kind 'blog' is not one of report, news"


def test_invoke_check_runs_the_default_checkers():
    # tasks.py names the checkers; it must list at least the importer's own.
    import tasks
    assert [f"plugins.importer.check:{c.__name__}" for c in DEFAULT_CHECKERS] == \
        [spec for spec in tasks.CHECKERS if spec.startswith("plugins.importer.")]


def test_invoke_check_passes_on_the_real_content():
    invoke = Path(sys.executable).with_name("invoke")
    done = subprocess.run([str(invoke), "check"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "check: 0 problem(s)" in done.stderr
