"""The bench's static server sends text gzipped, as real hosts do, and leaves compressed files
alone; figures of bytes on the wire depend on it."""
import gzip
import os
import urllib.request

import pytest

from bench.serve import serve


def _get(url, gzip_ok=True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


def test_text_is_gzipped_and_binary_is_not(tmp_path):
    text = ("社区志愿者" * 500).encode("utf-8")
    (tmp_path / "a.json").write_bytes(text)
    packed = os.urandom(2000)
    (tmp_path / "b.json").write_bytes(packed)
    (tmp_path / "search").mkdir()
    page = "<p>搜索</p>" * 100
    (tmp_path / "search" / "index.html").write_text(page, encoding="utf-8")
    with serve(tmp_path) as base:
        headers, body = _get(base + "a.json")
        assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == text
        assert len(body) < len(text) / 10
        headers, body = _get(base + "b.json")
        assert headers["Content-Encoding"] is None and body == packed
        headers, body = _get(base + "a.json", gzip_ok=False)
        assert body == text
        headers, body = _get(base + "search/?q=%E7%A4%BE")
        assert gzip.decompress(body).decode("utf-8") == page
        assert headers["Cache-Control"] == "max-age=600"


def test_outside_paths_and_missing_files_are_refused(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    with serve(tmp_path / "site") as base:
        for path in ("../secret.txt", "missing.html"):
            try:
                _get(base + path)
            except urllib.error.HTTPError as e:
                assert e.code in (403, 404)
            else:
                raise AssertionError(f"{path} was served")


@pytest.mark.browser
def test_a_broken_search_page_is_reported_not_just_counted(tmp_path):
    """The probe records the script error that left the results list empty."""
    from playwright.sync_api import sync_playwright

    from bench import browser

    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "index.html").write_text(
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>搜索</title>'
        '<ol id="search-results"></ol><script>undefined.replace("x")</script>'
        '<script src="missing.js"></script></html>', encoding="utf-8")
    with serve(tmp_path) as base, sync_playwright() as p:
        chromium = browser.launch(p)
        try:
            probe = browser.probe_cold(chromium, base + "search/", "社区", set(), timeout_ms=1500)
        finally:
            chromium.close()
    assert probe.results == 0 and probe.first_ms is None
    assert any(e.startswith("script error:") for e in probe.errors)
    assert "HTTP 404 /search/missing.js" in probe.errors


def test_one_connection_serves_many_requests(tmp_path):
    # Keep-alive, as real hosts: a page fetching many small files is not charged a connection
    # each (http.server's HTTP/1.0 closes after every response).
    import http.client
    from urllib.parse import urlsplit

    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.json").write_text(f'{{"{name}": 1}}', encoding="utf-8")
    (tmp_path / "dir").mkdir()
    with serve(tmp_path) as base:
        connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=5)
        for name in ("a", "b", "c"):
            connection.request("GET", f"/{name}.json")
            response = connection.getresponse()
            assert response.status == 200 and response.read() == f'{{"{name}": 1}}'.encode()
            assert response.version == 11 and not response.will_close
        connection.request("GET", "/dir")   # a redirect, with no body, on the same connection
        response = connection.getresponse()
        assert response.status == 301 and response.read() == b""
        connection.request("GET", "/a.json")
        assert connection.getresponse().status == 200
        connection.close()
