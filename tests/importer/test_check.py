"""`invoke check`: broken front matter is reported as path:line: problem."""
import subprocess
import sys
from pathlib import Path

import pytest

from plugins.importer.check import run_checks

ROOT = Path(__file__).resolve().parents[2]

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


def archive(tmp_path: Path, articles: dict[str, str]) -> Path:
    """content/articles with these files, an empty content/pages, the raw file GOOD names,
    and data/ with the real gazetteer and topics but no curation (it names real articles)."""
    (tmp_path / "data").mkdir()
    for name in ("gazetteer", "topics.toml"):
        (tmp_path / "data" / name).symlink_to(ROOT / "data" / name)
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "003_533674c9486a0d79.txt").write_text("原文\n", encoding="utf-8")
    for name, text in articles.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    return content


BROKEN = [
    # (id, replace this, with this, expected line, expected problem text)
    ("missing-title", "Title: 灵山卫街道回应群众关切\n", "", 1, "there is no Title line"),
    ("bad-date", "Date: 2019-05-22", "Date: 2019-5-32", 2, "Date '2019-5-32' is not a valid date; write it as YYYY-MM-DD"),
    ("month-precision-day", "Date_precision: day", "Date_precision: month", 2, "Date_precision is month, so the Date must be the 1st of the month"),
    ("unknown-with-date", "Date_precision: day", "Date_precision: unknown", 3, "Date_precision is unknown but a Date is given"),
    ("bad-precision", "Date_precision: day", "Date_precision: week", 3, "Date_precision 'week' is not one of"),
    ("bad-kind", "Kind: news", "Kind: blog", 4, "Kind 'blog' is not one of report, news"),
    ("unknown-street", "Street: 灵山卫街道", "Street: 灵山卫西街道", 8, "street '灵山卫西街道' is not in the gazetteer"),
    ("wrong-path", "City: 青岛市", "City: 威海市", 8, "do not form one path"),
    ("missing-level", "District: 黄岛区\n", "", 7, "District missing above 灵山卫街道"),
    ("unknown-topic", "Topics: 文明实践, 环境卫生", "Topics: 文明实践, 美食", 10, "topic '美食' is not in data/topics.toml"),
    ("chinese-comma", "Topics: 文明实践, 环境卫生", "Topics: 文明实践，环境卫生", 10, "separated by ， or 、"),
    ("bad-slug", "Slug: good-article", "Slug: 好文章", 12, "Slug '好文章' must be lower-case ASCII letters"),
    ("missing-raw", "Raw: raw/003_533674c9486a0d79.txt", "Raw: raw/missing.txt", 11, "Raw file raw/missing.txt does not exist"),
    ("unknown-key", "Kind: news", "Kind: news\nColour: red", 5, "unknown key 'colour'"),
    ("not-a-key-line", "Kind: news", "Kind: news\n这不是键值行", 5, "not a `Key: value` line"),
    ("duplicate-key", "Kind: news", "Kind: news\nKind: report", 5, "Kind given twice"),
]


@pytest.mark.parametrize("case", BROKEN, ids=[c[0] for c in BROKEN])
def test_broken_front_matter_is_reported_with_path_and_line(tmp_path, case, monkeypatch):
    _, old, new, line, problem = case
    assert old in GOOD
    content = archive(tmp_path, {"a.md": GOOD.replace(old, new)})
    monkeypatch.chdir(tmp_path)
    problems = run_checks(content, tmp_path / "data")
    assert any(p.startswith(f"content/articles/a.md:{line}: ") and problem in p
               for p in problems), problems


def test_good_article_has_no_problems(tmp_path):
    assert run_checks(archive(tmp_path, {"a.md": GOOD}), tmp_path / "data") == []


def test_duplicate_slugs_and_raws_name_both_files(tmp_path, monkeypatch):
    content = archive(tmp_path, {"a.md": GOOD, "b.md": GOOD})
    monkeypatch.chdir(tmp_path)
    assert run_checks(content, tmp_path / "data") == [
        "content/articles/b.md:12: duplicate slug 'good-article' (also content/articles/a.md:12)",
        "content/articles/b.md:11: a second article from raw/003_533674c9486a0d79.txt (also "
        "content/articles/a.md:11)"]


def test_invoke_check_prints_path_line_problem_and_fails(tmp_path):
    content = archive(tmp_path, {"broken.md": GOOD.replace("Kind: news", "Kind: blog")})
    invoke = Path(sys.executable).with_name("invoke")
    done = subprocess.run([str(invoke), "check", "--content", str(content), "--data",
                           str(tmp_path / "data")], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    [line] = [ln for ln in done.stdout.splitlines() if "Kind 'blog'" in ln]
    path, lineno, problem = line.split(":", 2)
    assert Path(path).resolve() == (content / "articles" / "broken.md").resolve()
    assert lineno == "4" and problem == " Kind 'blog' is not one of report, news"


def test_invoke_check_passes_on_the_real_content():
    invoke = Path(sys.executable).with_name("invoke")
    done = subprocess.run([str(invoke), "check"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "check: 0 problem(s)" in done.stderr
