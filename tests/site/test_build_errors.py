"""Bad input stops the build with the file and line, and no two objects share an output file."""
import os
import subprocess
import sys

import pytest

from plugins.article_meta.schema import FrontMatterError
from tests.conftest import ROOT, write_raw_files

from .conftest import build_site

from .fixtures import DAY, UNDATED


def pelican(content, output):
    """The build as `invoke build` runs it (errors fatal), on another content folder."""
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", "pelicanconf.py",
         "--fatal", "errors", "--log-handler", "plain"],
        cwd=ROOT, capture_output=True, text=True)


def write(tmp_path, articles):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    for name, text in articles.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    write_raw_files(content)
    return content


@pytest.mark.parametrize("article, line, message", [
    (DAY.replace("Date_precision: day", "Date_precision: weekly"), 3,
     "Date_precision 'weekly' is not one of day, month, year, unknown"),
    (DAY.replace("Date_precision: day", "Date_precision: month"), 2,
     "the Date must be the 1st of the month"),
    (DAY.replace("Date_precision: day", "Date_precision: unknown"), 3,
     "Date_precision is unknown but a Date is given"),
    (UNDATED.replace("Date_precision: unknown", "Date_precision: year"), 2,
     "Date_precision is year but there is no Date line"),
    (DAY.replace("Kind: news", "Kind: blog"), 4, "Kind 'blog' is not one of report, news"),
    (DAY.replace("Slug: grid-meeting-2019", "Slug: 网格会议"), 17, "must be lower-case ASCII"),
    (DAY.replace("Topics: 网格化治理,社区治理", "Topics: 网格化治理,宇宙探索"), 10,
     "topic '宇宙探索' is not in"),
    (DAY.replace("Street: 垎塔埠街道", "Street: 不存在街道"), 8, "is not in the gazetteer"),
    # Pelican cannot read this Date at all: without the archive's reader it says only
    # "Could not process bad.md".
    (DAY.replace("Date: 2019-05-22", "Date: 2019年13月5日"), 2,
     "Date '2019年13月5日' is not a valid date; write it as YYYY-MM-DD"),
    ("", 1, "there is no Title line"),
], ids=["precision", "month-day", "unknown-with-date", "year-without-date", "kind", "slug",
        "topic", "place", "unreadable-date", "empty-file"])
def test_bad_front_matter_fails_the_build_naming_file_and_line(tmp_path, article, line, message):
    content = write(tmp_path, {"bad.md": article})
    result = pelican(content, tmp_path / "output")
    assert result.returncode != 0
    log = " ".join((result.stdout + result.stderr).split())
    assert f"bad.md:{line}:" in log, log
    assert " ".join(message.split()) in log, log
    # The editor reads the error and one line saying the build stopped, not a traceback.
    assert "build stopped by the error above" in log and "Traceback" not in log, log


def test_a_file_that_is_not_utf8_is_named_with_its_line(tmp_path):
    content = write(tmp_path, {})
    # GB18030, as some scraped pages are saved: the body's first line is not UTF-8.
    (content / "articles" / "bad.md").write_bytes(
        DAY.encode("utf-8").replace("5月22日".encode("utf-8"), "5月22日".encode("gb18030")))
    line = DAY[:DAY.index("5月22日")].count("\n") + 1
    result = pelican(content, tmp_path / "output")
    assert result.returncode != 0
    log = " ".join((result.stdout + result.stderr).split())
    assert f"bad.md:{line}: the file is not UTF-8 text" in log and "Traceback" not in log, log


def test_bad_front_matter_is_fatal_in_the_test_builds_too(tmp_path):
    with pytest.raises(FrontMatterError, match=r"bad\.md:3: Date_precision"):
        build_site(tmp_path, articles={
            "bad.md": DAY.replace("Date_precision: day", "Date_precision: often")})


def test_two_articles_with_one_slug_cannot_overwrite_each_other(tmp_path):
    twin = DAY.replace("Title: 垎塔埠街道召开网格化治理推进会", "Title: 另一篇同名文章")
    with pytest.raises(ValueError, match="duplicate slug"):
        build_site(tmp_path, articles={"a.md": DAY, "b.md": twin})
    result = pelican(write(tmp_path / "cli", {"a.md": DAY, "b.md": twin}), tmp_path / "out")
    assert result.returncode != 0
    log = " ".join((result.stdout + result.stderr).split())
    assert "b.md:17: duplicate slug 'grid-meeting-2019' (also " in log, log
    assert "a.md:17)" in log and "Traceback" not in log, log


def test_every_output_file_is_written_once_on_a_tag_heavy_site(tmp_path):
    # Tags whose pinyin collides (社区/设区/摄取, 市中/市钟) and tags named like places or
    # topics: each must still get its own file, or the writer refuses (RuntimeError).
    tags = ["社区", "设区", "摄取", "市中", "市钟", "山东省", "网格化治理", "2019"]
    articles = {}
    for index, tag in enumerate(tags):
        articles[f"a{index}.md"] = DAY.replace("Tags: 社区,网格员", f"Tags: {tag}").replace(
            "Slug: grid-meeting-2019", f"Slug: article-{index}").replace(
            "Raw: raw/day.txt", f"Raw: raw/a{index}.txt")
    out = build_site(tmp_path, articles=articles)
    tag_pages = [p for p in (out / "tags").iterdir() if p.is_dir()]
    assert len(tag_pages) == len(tags)


def test_only_the_fatal_stop_loses_its_traceback():
    import logging

    from plugins.buildlog.plugin import FATAL_STOP, FatalStopWithoutTraceback

    def record(error):
        return logging.LogRecord("pelican", logging.CRITICAL, __file__, 1, "%s: %s",
                                 (type(error).__name__, error), (type(error), error, None))

    stop, bug = record(RuntimeError(FATAL_STOP)), record(KeyError("slug"))
    assert FatalStopWithoutTraceback().filter(stop) and FatalStopWithoutTraceback().filter(bug)
    assert stop.exc_info is None and stop.getMessage().startswith("build stopped")
    assert bug.exc_info is not None and bug.getMessage() == "KeyError: 'slug'"
