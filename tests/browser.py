"""Serving a built site on 127.0.0.1 and driving Debian's Chromium with Playwright (every
browser test uses these)."""
from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import threading
from pathlib import Path

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]
VIEWPORTS = {"mobile": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        # Like a real static host: a missing path gets the site's 404 page.
        path = Path(self.translate_path(self.path))
        if not path.exists() and (Path(self.directory) / "404.html").exists():
            self.send_response(404)
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


@contextlib.contextmanager
def serve(folder: Path):
    """Serve `folder` on a free 127.0.0.1 port for the `with` block; yields the base URL
    (ending in /)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def run_script_file(page, path: Path) -> None:
    """Run a script file (axe-core) in the page. Not with add_script_tag: that inserts an inline
    <script>, which the site's Content-Security-Policy blocks; the DevTools protocol's
    evaluation is not subject to it."""
    page.evaluate(Path(path).read_text(encoding="utf-8") + "\n;undefined")
