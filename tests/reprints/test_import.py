"""`invoke import` of real copies: the report names the story a document copies and its
similarity, the article is still written with Reprint_of, a document that came first is
reported as the original, and a re-import is no copy of itself."""
import os
import re
import shutil
import subprocess
import sys

from plugins.importer.article import ArticleFile
from plugins.article_meta.archive import check_content
from plugins.importer.check import project_settings
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"


def run(cwd, *args):
    return subprocess.run([sys.executable, "-m", "plugins.importer", "import", *args,
                           "--data", str(ROOT / "data")],
                          cwd=cwd, capture_output=True, text=True, timeout=120,
                          # run from the editor's folder, with the project importable
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def raw(tmp_path, *paths):
    folder = tmp_path / "raw"
    folder.mkdir(exist_ok=True)
    for path in paths:
        shutil.copy(path, folder / path.name)
    return folder


def test_a_copy_is_reported_with_its_similarity_and_imported_with_reprint_of(tmp_path):
    raw(tmp_path, DATA / "reprints" / "qingdao-liangbaoyong.txt",
        DATA / "reprints" / "qingdao-yujjsks.txt")
    first = run(tmp_path, "--src", "raw/qingdao-liangbaoyong.txt", "--dest", "content/articles")
    assert first.returncode == 0 and "reprint" not in first.stdout
    second = run(tmp_path, "--src", "raw/qingdao-yujjsks.txt", "--dest", "content/articles")
    assert second.returncode == 0, second.stderr
    line = re.search(r"^  raw/qingdao-yujjsks\.txt is a reprint of "
                     r"content/articles/qingdao-liangbaoyong\.md \(similarity (\d\.\d\d)\)$",
                     second.stdout, re.M)
    assert line and 0.5 <= float(line.group(1)) <= 1, second.stdout
    copy = ArticleFile.read(tmp_path / "content" / "articles" / "qingdao-yujjsks.md")
    assert copy.get("reprint_of") == "qingdao-liangbaoyong" and "萬建忠" not in copy.body
    assert "万建忠" in copy.body  # imported in full, as Simplified, all the same
    (tmp_path / "content" / "pages").mkdir()
    # The schema accepts what the importer wrote (`invoke check`'s front-matter checks).
    assert check_content(project_settings(tmp_path / "content", ROOT / "data")) == []


def test_a_document_that_came_first_is_the_original_and_gets_no_reprint_of(tmp_path):
    # d029 (a Traditional conversion) is imported before the Simplified story it converts.
    raw(tmp_path, DATA / "devset" / "d029.txt", DATA / "reprints" / "xining-mingsheng688.txt")
    result = run(tmp_path, "--src", "raw", "--dest", "content/articles")
    assert result.returncode == 0, result.stderr
    assert re.search(r"^  raw/xining-mingsheng688\.txt is the original of "
                     r"content/articles/d029\.md \(similarity 0\.\d\d\): it came first; the "
                     r"build groups them$", result.stdout, re.M), result.stdout
    articles = tmp_path / "content" / "articles"
    assert ArticleFile.read(articles / "xining-mingsheng688.md").get("reprint_of") == ""
    assert ArticleFile.read(articles / "d029.md").get("reprint_of") == ""


def test_importing_again_finds_no_copy_of_the_article_itself(tmp_path):
    raw(tmp_path, DATA / "reprints" / "wuzhou-twtt918.txt", DATA / "reprints" / "wuzhou-hscy8.txt",
        DATA / "reprints" / "xingsha-2022-csx.txt")
    first = run(tmp_path, "--src", "raw", "--dest", "content/articles")
    assert first.stdout.count(" is a reprint of ") == 1
    again = run(tmp_path, "--src", "raw", "--dest", "content/articles")
    assert again.returncode == 0
    assert again.stdout.count("[unchanged;") == 3
    # The copy still names its original; no article is a copy of itself.
    assert again.stdout.count(" is a reprint of ") == 1
    assert not re.search(r"(\S+)\.txt is a reprint of \S+/\1\.md", again.stdout)
