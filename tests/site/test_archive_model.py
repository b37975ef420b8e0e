"""One archive model: the build and `invoke check` read every article through one schema and
say the same thing about it; every plugin reads the record plugins.article_meta made, and the
addresses of the site's own pages come from the settings."""
import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plugins.article_meta.archive import check_content
from plugins.article_meta.schema import FrontMatterError
from plugins.importer.check import project_settings, run_checks
from tests.conftest import ROOT, build_site, data_without_curation, write_raw_files

from .fixtures import DAY, YEAR
from .helpers import page


def archive(tmp_path: Path, articles: dict[str, str | bytes]) -> Path:
    """content/ (articles, empty pages), raw/ for every Raw line, data/ without curation."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    for name, text in articles.items():
        path = content / "articles" / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    write_raw_files(content)
    data_without_curation(tmp_path)
    return content


def build_problems(tmp_path: Path, content: Path) -> list[str]:
    """What the build says, line by line, as `invoke build` runs it (errors fatal)."""
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "output"), "-s",
         "pelicanconf.py", "--fatal", "errors", "--log-handler", "plain",
         "-e", f'ARCHIVE_DATA_PATH="{tmp_path / "data"}"'],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    return [line[line.index(str(content)):] for line in lines if str(content) in line
            and ".md:" in line] if result.returncode else []


def check_problems(tmp_path: Path, content: Path) -> list[str]:
    return [p for p in (str(Path(p.split(":", 1)[0]).resolve()) + ":" + p.split(":", 1)[1]
                        for p in run_checks(content, tmp_path / "data"))]


BAD = [
    # (id, article text, line, problem) — each once published or built while check refused it
    ("slug-with-capitals-and-dots", DAY.replace("Slug: grid-meeting-2019", "Slug: Grid_Meeting.2019"),
     17, "Slug 'Grid_Meeting.2019' must be lower-case ASCII letters and digits joined by -"),
    ("relative-date", DAY.replace("Date: 2019-05-22", "Date: -1"), 2,
     "Date '-1' is not a valid date; write it as YYYY-MM-DD"),
    ("day-month-year", DAY.replace("Date: 2019-05-22", "Date: 05/06/2020"), 2,
     "Date '05/06/2020' is not a valid date"),
    ("two-titles", DAY.replace("Date: 2019-05-22", "Title: 另一个标题\nDate: 2019-05-22"), 2,
     "Title given twice"),
    ("upper-case-slug", DAY.replace("Slug: grid-meeting-2019", "Slug: ABC-case"), 17,
     "Slug 'ABC-case' must be lower-case"),
    # Found by test_hostile_fields: the build crashed writing a folder of 300 characters.
    ("slug-too-long-for-a-folder", DAY.replace("Slug: grid-meeting-2019", "Slug: " + "a" * 300), 17,
     "Slug aaaaaaaaaaaaaaaaaaaa… is 300 characters long; a slug is a folder name, at most 200"),
    ("bad-period", DAY.replace("Kind: news", "Period: 2020年上半年\nKind: news"), 4,
     "Period '2020年上半年' is not YYYY, YYYY-MM, YYYY-H1/H2"),
    ("missing-raw-file", DAY.replace("Raw: raw/day.txt", "Raw: raw/gone/day.txt"), 16,
     "Raw file raw/gone/day.txt does not exist"),
    # Issue 14: fields that could run script, leave the site or replace another page.
    ("url", DAY.replace("Kind: news", "Url: javascript:alert(1)\nKind: news"), 4,
     "unknown key 'url' in an article"),
    ("source-url", DAY.replace("https://example.gov.cn/news/123.html", "javascript:alert(1)"),
     14, "Source_url 'javascript:alert(1)' is not an http(s) address"),
    ("save-as", DAY.replace("Kind: news", "Save_as: index.html\nKind: news"), 4,
     "unknown key 'save_as' in an article"),
    ("template", DAY.replace("Kind: news", "Template: ../../../../etc/passwd\nKind: news"), 4,
     "Template '../../../../etc/passwd' is not a template of the theme"),
    # A listing's template needs a listing (archives.html reads `pagination`): the build
    # stopped with a Jinja traceback (found by test_hostile_fields).
    ("listing-template", DAY.replace("Kind: news", "Template: archives\nKind: news"), 4,
     "Template 'archives' is not a template of the theme for one article (one of article)"),
    ("empty-template", DAY.replace("Kind: news", "Template:\nKind: news"), 4,
     "Template is empty: give it a value or remove the line"),
    ("empty-date", DAY.replace("Date: 2019-05-22", "Date:"), 2,
     "Date is empty: give it a value or remove the line"),
    ("reprint-of-itself", DAY.replace("Slug: grid-meeting-2019",
                                      "Slug: grid-meeting-2019\nReprint_of: grid-meeting-2019"),
     18, "Reprint_of names the article itself"),
    ("reprint-of-a-title", DAY.replace("Slug: grid-meeting-2019",
                                       "Slug: grid-meeting-2019\nReprint_of: 网格化治理推进会"),
     18, "Reprint_of '网格化治理推进会' is not a slug"),
    ("reprint-of-no-article", DAY.replace("Slug: grid-meeting-2019",
                                          "Slug: grid-meeting-2019\nReprint_of: grid-meeting"),
     18, "Reprint_of 'grid-meeting' is not the slug of an article of the archive"),
]


@pytest.mark.parametrize("name, text, line, problem", BAD, ids=[b[0] for b in BAD])
def test_the_build_and_check_refuse_the_same_front_matter_with_the_same_words(
        tmp_path, name, text, line, problem):
    content = archive(tmp_path, {"a.md": text})
    if name == "missing-raw-file":
        shutil.rmtree(tmp_path / "raw" / "gone")
    expected = f"{(content / 'articles' / 'a.md').resolve()}:{line}: "
    built, checked = build_problems(tmp_path, content), check_problems(tmp_path, content)
    assert any(p.startswith(expected) and problem in p for p in checked), checked
    assert built == checked


def test_a_byte_that_is_not_utf8_is_named_at_its_line_by_both(tmp_path):
    text = DAY.encode("utf-8").replace("5月22日".encode(), "5月22日".encode("gb18030"))
    content = archive(tmp_path, {"a.md": text})
    line = DAY[:DAY.index("5月22日")].count("\n") + 1
    built, checked = build_problems(tmp_path, content), check_problems(tmp_path, content)
    assert built == checked == [f"{(content / 'articles' / 'a.md').resolve()}:{line}: the file "
                                "is not UTF-8 text (byte 0xd4); save it as UTF-8"]


def test_a_byte_order_mark_is_accepted_by_both(tmp_path):
    content = archive(tmp_path, {"a.md": "\ufeff" + DAY})
    assert build_problems(tmp_path, content) == check_problems(tmp_path, content) == []
    assert (tmp_path / "output" / "articles/2019/grid-meeting-2019/index.html").exists()


def test_an_article_renamed_with_its_slug_and_imported_again_is_refused_by_both(tmp_path):
    renamed = DAY.replace("Slug: grid-meeting-2019", "Slug: grid-meeting")
    content = archive(tmp_path, {"grid-meeting.md": renamed, "grid-meeting-2019.md": DAY})
    built, checked = build_problems(tmp_path, content), check_problems(tmp_path, content)
    assert built == checked == [
        f"{(content / 'articles' / 'grid-meeting.md').resolve()}:16: a second article from "
        f"raw/day.txt (also {(content / 'articles' / 'grid-meeting-2019.md').resolve()}:16)"]


def test_a_reprint_names_the_original_not_another_reprint_in_both(tmp_path):
    # Reprint_of is one line of FIELDS and one check across the archive (schema.py).
    original = DAY
    copy = DAY.replace("Slug: grid-meeting-2019", "Slug: grid-copy\nReprint_of: grid-meeting-2019")
    second = DAY.replace("Slug: grid-meeting-2019", "Slug: grid-second\nReprint_of: grid-copy")
    content = archive(tmp_path, {"a.md": original, "b.md": copy.replace("raw/day", "raw/b"),
                                 "c.md": second.replace("raw/day", "raw/c")})
    built, checked = build_problems(tmp_path, content), check_problems(tmp_path, content)
    assert built == checked == [
        f"{(content / 'articles' / 'c.md').resolve()}:18: Reprint_of 'grid-copy' is itself a "
        "reprint of 'grid-meeting-2019'; name the original: Reprint_of: grid-meeting-2019"]


def test_a_page_cannot_take_the_address_of_the_sites_own_pages(tmp_path):
    content = archive(tmp_path, {})
    (content / "pages" / "search.md").write_text("Title: 搜索\nSlug: search\n\n正文\n",
                                                 encoding="utf-8")
    built, checked = build_problems(tmp_path, content), check_problems(tmp_path, content)
    assert built == checked == [f"{(content / 'pages' / 'search.md').resolve()}:2: Slug "
                                "'search' is the address of the site's own pages (search/); "
                                "choose another"]


def test_a_new_field_is_one_line_of_the_schema_validated_and_shown(tmp_path):
    # Period was added to FIELDS (and a checker for its shape); nothing else knows of it.
    report = YEAR.replace("Kind: report", "Period: 2021-H2\nKind: report")
    out = build_site(tmp_path, articles={"a.md": report})
    facts = page(out, "articles/2022/zhongshan-west-2022-report/").select_one("dl.facts")
    assert "时期" in facts.get_text() and "2021年下半年" in facts.get_text()


def test_an_undated_report_is_browsed_under_its_period(tmp_path):
    report = YEAR.replace("Date: 2022-01-01\nDate_precision: year",
                          "Date_precision: unknown\nPeriod: 2020")
    out = build_site(tmp_path, articles={"a.md": report})
    assert "中山西路街道2022年工作总结" in page(out, "years/2020/").get_text()
    assert (out / "articles/undated/zhongshan-west-2022-report/index.html").exists()


def test_a_kind_added_in_the_settings_is_accepted_by_both_and_labelled_everywhere(tmp_path):
    notice = DAY.replace("Kind: news", "Kind: notice")
    kinds = {"report": "工作报告", "news": "新闻", "notice": "通知"}
    content = archive(tmp_path, {"a.md": notice})
    conf = tmp_path / "conf.py"
    conf.write_text(f"from pelicanconf import *\nARTICLE_META = {{'KINDS': {kinds!r}}}\n",
                    encoding="utf-8")
    sys.path.insert(0, str(ROOT))
    try:
        assert check_content(project_settings(content, tmp_path / "data", conf)) == []
    finally:
        sys.path.remove(str(ROOT))
    out = build_site(tmp_path / "site", content=content,
                     settings={"ARTICLE_META": {"KINDS": kinds}})
    assert "通知" in page(out, "kinds/notice/").select_one("h1").get_text()
    records = [json.loads(gzip.decompress(p.read_bytes()))
               for p in (out / "search" / "index" / "r").glob("*.json.gz")]
    assert [r["k"] for chunk in records for r in chunk.values()] == ["通知"]


def test_every_plugin_reads_the_record_and_a_missing_one_is_an_error(tmp_path):
    # In a process of its own: Pelican's signals are global, and a build of another test in
    # this process would have connected plugins.article_meta already.
    content = archive(tmp_path, {"a.md": DAY})
    without = json.dumps(["plugins.buildcache", "plugins.places"])  # no plugins.article_meta
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "output"), "-s",
         "pelicanconf.py", "--fatal", "errors", "--log-handler", "plain", "-e",
         f"PLUGINS={without}"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "places: needs plugins.article_meta in PLUGINS" in (
        result.stdout + result.stderr)


def test_plugin_order_does_not_change_the_site(tmp_path):
    from pelicanconf import PLUGINS

    # The cache is attached before anything else runs; the others may come in any order.
    reordered = [PLUGINS[0], *reversed(PLUGINS[1:])]
    articles = {"day.md": DAY, "year.md": YEAR}
    first = build_site(tmp_path / "a", articles=articles)
    second = build_site(tmp_path / "b", articles=articles, settings={"PLUGINS": reordered})
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    differ = [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert differ == []


def test_the_sites_own_addresses_come_from_the_settings(tmp_path):
    places = {"PLACES_URL": "difang/", "PLACES_SAVE_AS": "difang/index.html",
              "TAGS_URL": "biaoqian/", "TAGS_SAVE_AS": "biaoqian/index.html",
              "ARCHIVES_URL": "wenzhang/", "ARCHIVES_SAVE_AS": "wenzhang/index.html"}
    search = {"PAGE_URL": "sousuo/", "PAGE_SAVE_AS": "sousuo/index.html"}
    out = build_site(tmp_path, articles={"a.md": DAY},
                     settings={"PLACES": places, "SEARCH": search, "SITEURL": "https://a.org"})
    home = page(out, "")
    links = {a["href"] for a in home.select("header a, footer a")}
    assert {"https://a.org/difang/", "https://a.org/biaoqian/", "https://a.org/wenzhang/"} <= links
    assert home.select_one("form[role=search]")["action"] == "https://a.org/sousuo/"
    assert "Disallow: /sousuo/" in (out / "robots.txt").read_text(encoding="utf-8")
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://a.org/difang/" in sitemap and "sousuo" not in sitemap
    assert (out / "difang" / "index.html").exists() and not (out / "places" / "index.html").exists()


def test_the_architecture_document_describes_every_field():
    from plugins.article_meta.schema import FIELDS

    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = text[text.index("## Front matter"):text.index("## Plugins")]
    rows = [line.split("|")[1] for line in table.splitlines() if line.startswith("| `")]
    described = {key.strip(" `") for row in rows for key in row.split(",")}
    assert described == {field.key for field in FIELDS}


def test_every_review_item_has_a_chinese_label(tmp_path):
    reviewed = DAY.replace("Kind: news", "Review: text, author, summary, period\nKind: news")
    out = build_site(tmp_path, articles={"a.md": reviewed})
    note = page(out, "articles/2019/grid-meeting-2019/").select_one("p.note").get_text()
    assert "正文、作者、摘要、时期" in note and not any(key in note for key in ("text", "author"))
