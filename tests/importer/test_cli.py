"""The import command as an editor uses it: reports, exit codes, bad input, --force,
idempotence, atomic writes, raw files never modified, encodings and saved web pages."""
import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import markdown
import pytest

from plugins.gazetteer import Gazetteer
from plugins.importer import article as article_module
from plugins.importer.article import ArticleFile, edited
from plugins.importer.importer import Options, import_file, import_paths
from plugins.article_meta.topics import load_topics

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SEED_003 = ROOT / "raw" / "003_533674c9486a0d79.txt"
SEED_004 = ROOT / "raw" / "004_60c8b196861be597.txt"


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "plugins.importer", *map(str, args)],
                          cwd=cwd or ROOT, capture_output=True, text=True, timeout=120)


@pytest.fixture
def raw_dir(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED_003, raw)
    shutil.copy(SEED_004, raw)
    return raw


def digests(folder: Path) -> dict[str, tuple[str, int]]:
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.iterdir())}


def test_import_report_and_idempotence(raw_dir, tmp_path):
    dest = tmp_path / "articles"
    before = digests(raw_dir)
    first = cli("import", "--src", raw_dir, "--dest", dest)
    assert first.returncode == 0, first.stderr
    assert "removed boilerplate (4)" in first.stdout
    assert "image-file: 1558489715931044014.jpg" in first.stdout
    assert "found metadata (1):" in first.stdout and "date 2019-05-22 (day) from 时间 line" in first.stdout
    assert "import: 2 of 2 imported, 0 failed" in first.stdout
    written = {p.name: p.read_bytes() for p in dest.iterdir()}
    assert sorted(written) == ["003-533674c9486a0d79.md", "004-60c8b196861be597.md"]

    second = cli("import", "--src", raw_dir, "--dest", dest)
    assert second.returncode == 0
    assert second.stdout.count("[unchanged;") == 2
    assert {p.name: p.read_bytes() for p in dest.iterdir()} == written
    # Raw files are never modified (content and modification time).
    assert digests(raw_dir) == before


def test_report_says_what_was_removed_guessed_and_needs_review(tmp_path):
    done = cli("import", "--src", ROOT / "raw" / "000_0d733a690fc97fb8.txt", "--dest", tmp_path)
    assert done.returncode == 0
    report = done.stdout
    assert "changed punctuation (" in report and "marks made full-width" in report
    assert "GUESSED metadata (2):" in report
    assert "date 2022-10-01 (month) from text: 截至2022年10月" in report
    assert "proposed “中山西路街道2022年工作情况汇报”" in report
    assert "REVIEW empty_sections (7):" in report and "line 7: empty section: 2、广泛宣传，正面引导" in report
    assert "REVIEW truncated" in report and "line 17: no final punctuation: …现的占道、占道经营、各类垃圾小广" in report
    assert "needs review: date, title, text" in report


def test_edited_article_is_kept_unless_forced(raw_dir, tmp_path):
    dest = tmp_path / "articles"
    assert cli("import", "--src", raw_dir, "--dest", dest).returncode == 0
    target = dest / "003-533674c9486a0d79.md"
    text = target.read_text(encoding="utf-8").replace("Author: 李涛 徐梅", "Author: 李涛")
    target.write_text(text, encoding="utf-8")
    assert edited(text)

    kept = cli("import", "--src", raw_dir / SEED_003.name, "--dest", dest)
    assert kept.returncode == 2
    assert f"{target} was changed by an editor" in kept.stdout and "--force" in kept.stdout
    assert target.read_text(encoding="utf-8") == text

    forced = cli("import", "--src", raw_dir / SEED_003.name, "--dest", dest, "--force")
    assert forced.returncode == 0 and "[updated;" in forced.stdout
    fresh = target.read_text(encoding="utf-8")
    assert "Author: 李涛 徐梅" in fresh and not edited(fresh)


def test_an_article_renamed_with_its_slug_is_not_made_again(raw_dir, tmp_path):
    # An editor renames 003's file and its slug; the next import must find it by its Raw line
    # (issue 12: it made a second article, and the build published the story twice).
    dest = tmp_path / "articles"
    assert cli("import", "--src", raw_dir, "--dest", dest).returncode == 0
    old = dest / "003-533674c9486a0d79.md"
    renamed = dest / "lingshanwei-people.md"
    renamed.write_text(old.read_text(encoding="utf-8").replace(
        "Slug: 003-533674c9486a0d79", "Slug: lingshanwei-people"), encoding="utf-8")
    old.unlink()
    before = sorted(p.name for p in dest.iterdir())

    kept = cli("import", "--src", raw_dir, "--dest", dest)
    assert kept.returncode == 2 and f"{renamed} was changed by an editor" in kept.stdout
    assert sorted(p.name for p in dest.iterdir()) == before

    forced = cli("import", "--src", raw_dir / SEED_003.name, "--dest", dest, "--force")
    assert forced.returncode == 0 and sorted(p.name for p in dest.iterdir()) == before
    assert "Slug: lingshanwei-people" in renamed.read_text(encoding="utf-8")


BAD = {
    "empty.txt": (b"", "empty.txt: empty file"),
    "blank.txt": (b" \n\n\t\n", "blank.txt: empty file (only whitespace)"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "image.txt: binary file"),
    "broken.txt": ("第一行正文。\n第二行正文。\n第三行正文。\n".encode("utf-8") + b"\xff\xfe\xff\xff tail\n",
                   "broken.txt:4: undecodable bytes"),
    "nav.html": ("<html><body><nav><a href='/'>首页</a></nav><div class='footer'>版权所有</div>"
                 "<p>设为首页|加入收藏</p></body></html>".encode("utf-8"), "nav.html: no article text"),
    "huge.txt": (("大" * 3000).encode("utf-8"), "huge.txt: file too large (9000 bytes; the limit is 8000)"),
}


def test_bad_inputs_get_one_line_each_and_the_rest_is_imported(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, (data, _) in BAD.items():
        (raw / name).write_bytes(data)
    shutil.copy(SEED_004, raw)
    dest = tmp_path / "articles"
    result = cli("import", "--src", raw, "--dest", dest, "--max-bytes", 8000)
    assert result.returncode == 1
    failures = [line for line in result.stderr.splitlines() if line.startswith("FAILED ")]
    assert len(failures) == len(BAD)
    for name, (_, message) in BAD.items():
        assert any(message in line and str(raw / name) in line for line in failures), (name, failures)
    assert [p.name for p in dest.iterdir()] == ["004-60c8b196861be597.md"]
    assert "import: 1 of 7 imported, 6 failed" in result.stdout


def test_malformed_reference_data_is_one_line(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA / "gazetteer", data / "gazetteer")
    (data / "topics.toml").write_text("[[topic]\nname = ", encoding="utf-8")
    result = cli("import", "--src", SEED_004, "--dest", tmp_path / "out", "--data", data)
    assert result.returncode == 1
    assert result.stderr.startswith(f"import: {data / 'topics.toml'}: ") and "Traceback" not in result.stderr


def test_source_outside_raw_is_flagged(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED_004, inbox / "news.txt")
    done = cli("import", "--src", inbox, "--dest", tmp_path / "out")
    assert done.returncode == 0
    assert f"{inbox / 'news.txt'} is not inside raw/: copy it to raw/news.txt" in done.stdout


def test_missing_source_fails(tmp_path):
    result = cli("import", "--src", tmp_path / "nothing.txt", "--dest", tmp_path / "out")
    assert result.returncode == 1 and "nothing.txt: no such file" in result.stderr


def test_writes_are_atomic(raw_dir, tmp_path, monkeypatch):
    dest = tmp_path / "articles"
    gazetteer, topics = Gazetteer.load(DATA), load_topics(DATA)
    assert import_file(raw_dir / SEED_003.name, Options(dest=dest, data_dir=DATA), gazetteer,
                       topics, {}).status == "written"
    target = dest / "003-533674c9486a0d79.md"
    target.write_text(target.read_text(encoding="utf-8") + "\n编辑补充的一段。\n", encoding="utf-8")
    before = target.read_bytes()

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(article_module.os, "replace", disk_full)
    result = import_file(raw_dir / SEED_003.name, Options(dest=dest, data_dir=DATA, force=True),
                         gazetteer, topics, {})
    assert result.failed and f"cannot write {target} (No space left on device)" in result.error
    # The old article is intact and no temporary file is left behind.
    assert target.read_bytes() == before
    assert sorted(p.name for p in dest.iterdir()) == ["003-533674c9486a0d79.md"]


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_articles_are_written_with_the_users_umask(raw_dir, tmp_path, umask):
    # mkstemp made every article -rw------- (issue 14, item 13), and --force turned a 0644
    # article into 0600.
    dest = tmp_path / "articles"
    target = dest / "003-533674c9486a0d79.md"
    previous = os.umask(umask)
    try:
        assert cli("import", "--src", raw_dir, "--dest", dest).returncode == 0
        assert {p.name: p.stat().st_mode & 0o777 for p in dest.iterdir()} == {
            "003-533674c9486a0d79.md": 0o666 & ~umask, "004-60c8b196861be597.md": 0o666 & ~umask}
        target.write_text(target.read_text(encoding="utf-8") + "\n编辑补充的一段。\n", encoding="utf-8")
        assert cli("import", "--src", raw_dir, "--dest", dest, "--force").returncode == 0
        assert "编辑补充的一段" not in target.read_text(encoding="utf-8")
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    finally:
        os.umask(previous)


TRADITIONAL = ("棗莊市市中區人民政府新聞辦召開新聞發佈會。街道黨工委書記介紹，今年以來，街道圍繞群眾所需，"
               "紮實開展各項創建活動，全力打造公共服務最優的城市街道。截至目前，共走訪10400餘戶。\n")


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "big5"])
def test_encodings_are_detected(tmp_path, encoding):
    raw = tmp_path / "raw"
    raw.mkdir()
    if encoding == "big5":
        data = ("街道新聞\n" + TRADITIONAL * 3).encode("big5")
    else:
        data = SEED_003.read_text(encoding="utf-8").encode(encoding)
    (raw / f"doc-{encoding}.txt").write_bytes(data)
    results = import_paths(raw, Options(dest=tmp_path / "out", data_dir=DATA))
    assert results[0].status == "written", results[0].error
    a = ArticleFile.read(results[0].article)
    if encoding == "big5":
        assert a.get("Source_script") == "zh-Hant"
        assert "枣庄市市中区人民政府新闻办召开新闻发布会。" in a.body
    else:
        assert a.get("Title") == "灵山卫街道聚智聚力、倾心倾情回应群众关切"
        assert a.get("Street") == "灵山卫街道" and a.get("Date") == "2019-05-22"
        utf8 = import_paths(SEED_003, Options(dest=tmp_path / "utf8", data_dir=DATA))[0]
        assert a.body == ArticleFile.read(utf8.article).body


def test_saved_web_page(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(Path(__file__).parent / "data" / "page.html", raw)
    result = import_paths(raw, Options(dest=tmp_path / "out", data_dir=DATA))[0]
    assert result.status == "written", result.error
    a = ArticleFile.read(result.article)
    assert a.get("Title") == "南湖街道开展垃圾分类宣传活动"
    assert (a.get("Date"), a.get("Date_precision")) == ("2021-06-18", "day")
    assert a.get("Source") == "南湖街道办事处"
    assert a.get("Source_url") == "https://www.example.gov.cn/jcdt/2021/0618/123.html"
    assert a.get("Raw") == "raw/page.html"
    # Paragraphs and headings kept, document text escaped for Markdown.
    assert "6月17日，南湖街道在幸福里社区广场开展垃圾分类宣传活动" in a.body
    assert "## 党员志愿者走进小区" in a.body
    assert "手把手教居民" in a.body and "&lt;居民&gt;" in a.body
    # Furniture gone: scripts, navigation, breadcrumbs, share, related, comments, pager, footer.
    for gone in ("统计代码", "政务公开", "当前位置", "分享到", "北湖街道", "东湖社区", "网友评论",
                 "上一篇", "版权所有", "ICP", "责任编辑", "20210618123.jpg", "设为首页"):
        assert gone not in a.body, gone


NEWS = "<p>街道召开网格化治理推进会，部署下一阶段工作，要求各社区网格员每日巡查，及时上报问题。</p>"


@pytest.mark.parametrize("tag", ["span", "b", "font", "table", "ul", "div"])
def test_a_deeply_nested_page_is_imported_with_the_files_around_it(tmp_path, tag):
    # 1,000 nested elements gave a RecursionError traceback: the files after it were not
    # imported, the ones before it written but not reported (issue 14, item 9).
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED_003, raw / "a-before.txt")
    (raw / "b-deep.html").write_text(f"<html><body>{f'<{tag}>' * 1000}{NEWS}{f'</{tag}>' * 1000}"
                                     "</body></html>", encoding="utf-8")
    shutil.copy(SEED_004, raw / "c-after.txt")
    done = cli("import", "--src", raw, "--dest", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "import: 3 of 3 imported, 0 failed" in done.stdout
    for name in ("a-before.txt", "b-deep.html", "c-after.txt"):
        assert f"{raw / name} → " in done.stdout
    deep = ArticleFile.read(tmp_path / "out" / "b-deep.md")
    assert "要求各社区网格员每日巡查，及时上报问题。" in deep.body


def test_html_parsing_takes_time_linear_in_the_page_size():
    # 10,000 nested <div> (110 kB) took 86 s: every candidate element re-read the text of all
    # the elements in it. Now a page ten times deeper takes about ten times as long.
    from plugins.importer.html import html_document

    def seconds(depth):
        page = f"<html><body>{'<div>' * depth}{NEWS}{'</div>' * depth}</body></html>"
        start = time.perf_counter()
        paras = html_document(page).paras
        assert [p.text for p in paras] == [NEWS[3:-4]]
        return time.perf_counter() - start

    seconds(1000)  # warm up
    small, large = min(seconds(1000) for _ in range(3)), min(seconds(10_000) for _ in range(3))
    assert large < 5, large
    assert large / small < 30, (small, large)   # quadratic would be ~100


def test_an_unforeseen_error_fails_that_file_only(tmp_path, monkeypatch, capsys):
    # An exception in one file ended the run with a traceback, and the files already written
    # were never reported (issue 14, item 9).
    from plugins.importer import __main__ as command
    from plugins.importer import importer

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED_003, raw / "a-before.txt")
    (raw / "b-bad.html").write_text(f"<html><body><div id='boom'>{NEWS}</div></body></html>",
                                    encoding="utf-8")
    shutil.copy(SEED_004, raw / "c-after.txt")
    real = importer.formats.page_document

    def page_document(markup):
        if "boom" in markup:
            raise RecursionError("maximum recursion depth exceeded")
        return real(markup)

    monkeypatch.setattr(importer.formats, "page_document", page_document)
    status = command.main(["import", "--src", str(raw), "--dest", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert status == 1
    assert err.splitlines() == [f"FAILED {raw / 'b-bad.html'}: could not be imported (RecursionError: "
                                "maximum recursion depth exceeded); the other files were, please "
                                "report this one"]
    assert f"{raw / 'a-before.txt'} → " in out and f"{raw / 'c-after.txt'} → " in out
    assert "import: 2 of 3 imported, 1 failed" in out
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a-before.md", "c-after.md"]


def test_furniture_named_after_the_article_is_dropped(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.html").write_text(
        "<html><head><title>标题</title></head><body><div class='article'>"
        "<h1>社区开展垃圾分类宣传活动</h1>"
        "<div class='article-content'><p>社区在广场开展垃圾分类宣传活动，向居民讲解分类知识，发放宣传资料三百余份。</p></div>"
        "<div class='article-share'>分享到微信朋友圈</div>"
        "<div class='article-footer'>本文来源于某某网站，转载请注明出处</div>"
        "<div id='news_related'><a href='/x'>另一条新闻的标题</a></div>"
        "</div></body></html>", encoding="utf-8")
    result = import_paths(raw, Options(dest=tmp_path / "out", data_dir=DATA))[0]
    a = ArticleFile.read(result.article)
    assert a.get("Title") == "社区开展垃圾分类宣传活动"
    assert "发放宣传资料三百余份" in a.body
    for gone in ("分享到", "转载请注明", "另一条新闻"):
        assert gone not in a.body


def test_old_big5_table_page(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(Path(__file__).parent / "data" / "page-big5.html", raw)
    result = import_paths(raw, Options(dest=tmp_path / "out", data_dir=DATA))[0]
    assert result.status == "written" and result.encoding == "big5hkscs", result.error
    a = ArticleFile.read(result.article)
    # The headline is the line above the 发布日期 line, not the <title> (the office's name).
    assert a.get("Title") == "文山社区举办长者健康讲座"
    assert (a.get("Date"), a.get("Date_precision")) == ("2015-05-13", "day")   # day-first 13.05.2015
    assert a.get("Publisher") == "凤山区公所" and a.get("Source_script") == "zh-Hant"
    assert a.body.split("\n\n") == [
        "本月十日，文山社区活动中心举办长者健康讲座，邀请医院医师讲解慢性病防治知识，共有八十余位长者参加。",
        "讲座结束后，志工为长者量测血压，并发放健康手册，协助长者建立良好的生活习惯。",
        "社区理事长表示，未来将持续办理各类关怀活动，照顾社区长者的身心健康。\n"]


def test_slugs_are_ascii_stable_and_unique(tmp_path):
    raw = tmp_path / "raw"
    (raw / "a").mkdir(parents=True)
    (raw / "b").mkdir()
    shutil.copy(SEED_003, raw / "a" / "report.txt")
    shutil.copy(SEED_004, raw / "b" / "report.txt")
    shutil.copy(SEED_004, raw / "街道新闻.txt")
    results = import_paths(raw, Options(dest=tmp_path / "out", data_dir=DATA))
    slugs = [ArticleFile.read(r.article).get("Slug") for r in results]
    assert len(set(slugs)) == 3 and all(s.isascii() for s in slugs)
    assert slugs[0] == "report" and slugs[1].startswith("report-")
    assert slugs[2].startswith("doc-")
    again = import_paths(raw, Options(dest=tmp_path / "out", data_dir=DATA))
    assert [ArticleFile.read(r.article).get("Slug") for r in again] == slugs
    assert [r.status for r in again] == ["unchanged"] * 3


def invoke_import(*args, cwd=ROOT):
    return subprocess.run([str(Path(sys.executable).with_name("invoke")), "-r", str(ROOT), "import",
                           *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_the_size_limit_message_names_an_option_invoke_accepts(tmp_path):
    # "raise --max-bytes" named an option `invoke import` did not have (issue 14, item 12).
    small = invoke_import("--src", SEED_004, "--dest", tmp_path / "a", "--max-bytes", 1000)
    assert small.returncode == 1
    assert f"FAILED {SEED_004}: file too large ({SEED_004.stat().st_size} bytes; the limit is 1000); " \
           "split it or raise --max-bytes" in small.stderr
    raised = invoke_import("--src", SEED_004, "--dest", tmp_path / "b", "--max-bytes", 100_000)
    assert raised.returncode == 0, raised.stderr
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["004-60c8b196861be597.md"]


def test_a_command_line_that_cannot_be_read_fails_with_1_not_the_kept_code(tmp_path):
    # argparse exits 2, which the importer uses for "kept, an editor changed it".
    (tmp_path / "plugins").symlink_to(ROOT / "plugins")  # `-m plugins.importer` from tmp_path
    shutil.copy(SEED_004, tmp_path / "-dash.txt")
    for args in (["import", "--src", "-dash.txt", "--dest", "out"], ["import", "--dest", "out"],
                 ["import", "--src", "x.txt", "--max-bytes", "many"], ["export"]):
        done = cli(*args, cwd=tmp_path)
        assert done.returncode == 1, (args, done.returncode)
        assert len(done.stderr.splitlines()) == 1 and "see --help" in done.stderr, done.stderr
        assert not (tmp_path / "out").exists()
    assert "(a value starting with '-' is written --src=-name)" in \
        cli("import", "--src", "-dash.txt", cwd=tmp_path).stderr
    written = cli("import", "--src=-dash.txt", "--dest", "out", cwd=tmp_path)
    assert written.returncode == 0, written.stderr


def test_invoke_import_takes_a_file_name_starting_with_a_dash(tmp_path):
    # The task runs the importer in the repository: a relative --src is relative to it. A copy
    # of tasks.py beside the file makes tmp_path that repository.
    shutil.copy(ROOT / "tasks.py", tmp_path)
    (tmp_path / "plugins").symlink_to(ROOT / "plugins")
    shutil.copy(SEED_004, tmp_path / "-dash.txt")
    done = subprocess.run([str(Path(sys.executable).with_name("invoke")), "import", "--src",
                           "-dash.txt", "--dest", "out"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["dash.md"]


SEEDS = sorted((ROOT / "raw").glob("*.txt"))


def test_a_later_run_never_replaces_another_sources_article(tmp_path):
    # Two runs into one folder whose sources (outside raw/) share file names ended with 57
    # articles instead of 60, both reporting "30 of 30 imported" (issue 14, item 8).
    first, second, dest = tmp_path / "inbox1", tmp_path / "inbox2", tmp_path / "articles"
    for folder, seeds in ((first, SEEDS[:3]), (second, SEEDS[2:])):
        folder.mkdir()
        for name, seed in zip(("news-1.txt", "news-2.txt", f"only-{folder.name}.txt"), seeds):
            shutil.copy(seed, folder / name)
    assert cli("import", "--src", first, "--dest", dest).returncode == 0
    before = {p.name: p.read_bytes() for p in dest.iterdir()}

    done = cli("import", "--src", second, "--dest", dest)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"FAILED {second / name}: {dest / name.replace('.txt', '.md')} already holds an article "
        f"from raw/{name}, perhaps from another file named {name}; put this file in raw/ under a "
        f"name of its own, or re-run with --force to replace {dest / name.replace('.txt', '.md')}"
        for name in ("news-1.txt", "news-2.txt")]
    assert "import: 1 of 3 imported, 2 failed" in done.stdout
    after = {p.name: p.read_bytes() for p in dest.iterdir()}
    assert {name: after[name] for name in before} == before
    assert sorted(after) == sorted([*before, "only-inbox2.md"])
    # Importing the first folder again is still a no-op, not a conflict with itself.
    again = cli("import", "--src", first, "--dest", dest)
    assert again.returncode == 0 and again.stdout.count("[unchanged;") == 3


def test_two_sources_with_one_slug_in_one_run_are_reported(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "a").mkdir(parents=True)
    (inbox / "b").mkdir()
    shutil.copy(SEEDS[0], inbox / "a" / "report.txt")
    shutil.copy(SEEDS[1], inbox / "b" / "report.txt")
    done = cli("import", "--src", inbox, "--dest", tmp_path / "out")
    # Outside raw/ both would be raw/report.txt: one article per raw document.
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"FAILED {inbox / 'b' / 'report.txt'}: {inbox / 'a' / 'report.txt'} in this run would also "
        "be raw/report.txt (one article per raw document); give one of them another file name"]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["report.md"]

    # Inside raw/ they are two raw documents: the second gets its own slug, and the report says so.
    raw = tmp_path / "raw"
    shutil.copytree(inbox, raw)
    results = import_paths(raw, Options(dest=tmp_path / "raw-out", data_dir=DATA))
    assert [r.status for r in results] == ["written", "written"]
    second_slug = results[1].article.stem
    assert second_slug.startswith("report-")
    notes = [c.text for c in results[1].changes if c.action == "review"]
    assert f"slug report is taken by {raw / 'a' / 'report.txt'}: this article is {second_slug}" in notes


def test_a_second_concurrent_import_into_one_folder_stops_with_one_line(tmp_path):
    import fcntl

    dest = tmp_path / "articles"
    dest.mkdir()
    holder = os.open(dest, os.O_RDONLY)  # what a running import holds
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        busy = cli("import", "--src", SEED_004, "--dest", dest)
        assert busy.returncode == 1
        assert busy.stderr.splitlines() == [
            f"import: {dest}: another import is writing into this folder; run this one again "
            "when it has finished"]
        assert list(dest.iterdir()) == []
    finally:
        os.close(holder)
    done = cli("import", "--src", SEED_004, "--dest", dest)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in dest.iterdir()] == ["004-60c8b196861be597.md"]


def test_module_and_invoke_entry_points_agree(raw_dir, tmp_path):
    out_module, out_invoke = tmp_path / "m", tmp_path / "i"
    assert cli("import", "--src", raw_dir, "--dest", out_module).returncode == 0
    invoke = Path(sys.executable).with_name("invoke")
    done = subprocess.run([str(invoke), "import", "--src", str(raw_dir), "--dest", str(out_invoke)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert {p.name: p.read_bytes() for p in out_module.iterdir()} == \
        {p.name: p.read_bytes() for p in out_invoke.iterdir()}
    assert not any(name.endswith(".tmp") for name in os.listdir(out_invoke))


def test_document_text_cannot_become_markup(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "markup.txt").write_text(
        "摘要：街道<script>alert(1)</script>召开*会议*。\n"
        "街道<script>alert(1)</script>召开*会议*。社区&居民参加，[链接](http://x)未展开。\n"
        "# 不是标题，只是一行以井号开头的正文内容，共有二十多个字。\n"
        "1. 不是列表，只是一行以数字开头的正文内容，共有二十多个字。\n", encoding="utf-8")
    result = import_paths(raw, Options(dest=tmp_path / "out", data_dir=DATA))[0]
    assert result.status == "written", result.error
    text = result.article.read_text(encoding="utf-8")
    a = ArticleFile.read(result.article)
    html = markdown.Markdown().convert(a.body)
    summary = markdown.Markdown().convert(a.get("Summary"))
    for rendered in (html, summary):
        assert "<script>" not in rendered and "&lt;script&gt;" in rendered
        assert "<em>" not in rendered and "*会议*" in rendered
    assert "<a " not in html and "<h1>" not in html and "<ol>" not in html
    assert "# 不是标题" in html and "1. 不是列表" in html and "社区&amp;居民" in html
    assert "Import_digest:" in text


def test_an_article_saved_as_gbk_in_dest_is_named_and_the_others_are_imported(raw_dir, tmp_path):
    """Issue 14: an editor's tool saved one article as GBK; a re-import named no file and
    stopped with `'utf-8' codec can't decode`."""
    dest = tmp_path / "articles"
    assert cli("import", "--src", raw_dir, "--dest", dest).returncode == 0
    gbk = dest / "003-533674c9486a0d79.md"
    gbk.write_bytes(gbk.read_text(encoding="utf-8").encode("gbk"))
    before = gbk.read_bytes()
    done = cli("import", "--src", raw_dir, "--dest", dest)
    assert done.returncode == 1
    assert f"FAILED {gbk}:1: the article is not UTF-8" in done.stderr
    assert "codec can't decode" not in done.stdout + done.stderr
    assert "004_60c8b196861be597.txt" in done.stdout and "[unchanged;" in done.stdout
    assert "import: 1 of 2 imported, 1 failed" in done.stdout
    assert gbk.read_bytes() == before  # left as the editor saved it


def test_period_is_written_after_date_precision_when_the_date_does_not_place_the_report(tmp_path):
    devset = ROOT / "tests" / "data" / "devset"
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("d001.txt", "d003.txt", "d007.txt"):
        shutil.copy(devset / name, raw)
    results = {r.raw.name: r for r in import_paths(raw, Options(dest=tmp_path / "out", data_dir=DATA))}
    text = {name: r.article.read_text(encoding="utf-8") for name, r in results.items()}
    # d001: a 2021 report without a date: the period is what places it.
    assert "Date_precision: unknown\nPeriod: 2021\nKind: report\n" in text["d001.txt"]
    # d003: a 2021 summary published 2022-02-01.
    assert "Date: 2022-02-01\nDate_precision: day\nPeriod: 2021\nKind: report\n" in text["d003.txt"]
    # d007: dated 2021-12-02 within the year it reports on: no Period line.
    assert "Date: 2021-12-02\nDate_precision: day\nKind: report\n" in text["d007.txt"]


def test_furniture_inside_a_saved_page_is_removed_and_reported(tmp_path):
    """The page's furniture sits inside the article's own box, where the HTML reader cannot
    tell it from text: the text patterns remove it as they do in .txt documents."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "bars.html").write_text(
        "<html><head><title>街道开展消防演练_新闻中心_某某网</title></head><body><div class='content'>"
        "<h1>街道开展消防演练</h1><p>大字体 小字体 扫码带走</p>"
        "<p>3月5日，街道组织辖区单位开展消防演练，200余名干部群众参加，提升了应急处置能力。</p>"
        "<p>演练结束后，消防员讲解了灭火器的使用方法，居民纷纷表示受益匪浅，安全意识明显增强。</p>"
        "<p>网站简介 - 联系方法 - 招聘信息 - 网站地图</p><p>版权所有 某某网 京ICP备12345678号</p>"
        "</div></body></html>", encoding="utf-8")
    result = import_paths(raw, Options(dest=tmp_path / "out", data_dir=DATA))[0]
    body = ArticleFile.read(result.article).body
    assert "消防演练" in body and "受益匪浅" in body
    for furniture in ("大字体", "扫码带走", "网站简介", "招聘信息", "版权所有"):
        assert furniture not in body
    removed = [str(c) for c in result.changes if c.step == "boilerplate"]
    assert any("font-bar" in r for r in removed) and any("footer" in r for r in removed)


def test_a_saved_pages_headline_is_cleaned_like_a_text_headline(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "tagged.html").write_text(
        "<html><body><div class='content'><h1>【初心合伙人】小街街道:党建引领聚合力 2025年09月01日</h1>"
        "<p>今年以来，小街街道聚焦居民需求和社区需要，在由义、文明、永昌、牛白甸4个社区实施初心合伙人项目。</p>"
        "<p>由义社区实施“呵护朝阳，关爱夕阳”项目，做好社区“一老一小”服务，促进社区青少年快乐成长。</p>"
        "</div></body></html>", encoding="utf-8")
    result = import_paths(raw, Options(dest=tmp_path / "out", data_dir=DATA))[0]
    article = ArticleFile.read(result.article)
    assert article.get("Title") == "小街街道：党建引领聚合力"
    assert (article.get("Date"), article.get("Date_precision")) == ("2025-09-01", "day")
