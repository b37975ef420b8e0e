"""invoke livereload: an edited article's page is fresh before the full build has run, and
after it the site is exactly what a fresh build writes."""
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT, build_site, data_without_curation

from .conftest import fixture_content


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(process, text: str, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = process.stdout.readline()
        if text in line:
            return
        assert line or process.poll() is None, "the loop ended"
    raise AssertionError(f"no {text!r} within {timeout} s")


@pytest.mark.slow
def test_an_edited_article_is_previewed_then_the_site_matches_a_fresh_build(tmp_path):
    content = fixture_content(tmp_path / "site")
    from tests.conftest import write_raw_files
    write_raw_files(content)
    data = data_without_curation(tmp_path)
    output, port = tmp_path / "out", _free_port()
    loop = subprocess.Popen(
        [sys.executable, "-u", "-m", "plugins.preview.loop", "--settings", "pelicanconf.py",
         "--port", str(port), "--content", str(content), "--output", str(output), "--data",
         str(data)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for(loop, "serving http://127.0.0.1")
        article = content / "articles" / "grid-meeting-2019.md"
        url = f"http://127.0.0.1:{port}/articles/2019/grid-meeting-2019/"
        article.write_text(article.read_text(encoding="utf-8") + "\n编辑刚刚补充的一句话。\n",
                           encoding="utf-8")
        _wait_for(loop, "livereload: preview of /articles/2019/grid-meeting-2019/")
        assert "编辑刚刚补充的一句话" in urllib.request.urlopen(url).read().decode("utf-8")
        _wait_for(loop, "livereload: site built")
    finally:
        loop.terminate()
        loop.wait(timeout=30)
    fresh = build_site(tmp_path / "fresh", content=content,
                       settings={"ARCHIVE_DATA_PATH": str(data)})
    files = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(output) for p in output.rglob("*") if p.is_file())
    assert [f for f in files if (fresh / f).read_bytes() != (output / f).read_bytes()] == []
