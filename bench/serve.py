"""A static server on 127.0.0.1 that sends text gzip-compressed and keeps connections open,
as any real static host does.

Python's http.server sends everything uncompressed; measured through it, a JSON index would
look several times larger on the wire than on GitHub Pages or nginx, while Pagefind's files
(gzipped by Pagefind itself) would not. Compressing text here keeps the comparison honest.
Compressed bodies are kept per server instance, so a file is compressed once per run.
It also speaks HTTP/1.1 with keep-alive (http.server's default, HTTP/1.0, opens a connection
per request, which no real host does: GitHub Pages serves HTTP/2): a page that fetches many
small files, ours or Pagefind's, is not charged a TCP handshake and a thread per file.
"""
from __future__ import annotations

import contextlib
import gzip
import http.server
import mimetypes
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".wasm"}
# What GitHub Pages sends; a warm query may reuse files the first query fetched.
CACHE_CONTROL = "max-age=600"


class _Handler(http.server.BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"   # keep-alive: every response says its length

    def log_message(self, *args):  # a request log would drown the figures
        pass

    def do_GET(self):
        self._respond(send_body=True)

    def do_HEAD(self):
        self._respond(send_body=False)

    def _respond(self, send_body: bool):
        rel = unquote(urlsplit(self.path).path).lstrip("/")
        path = (self.server.root / rel).resolve()
        if self.server.root not in path.parents and path != self.server.root:
            self.send_error(403)
            return
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", urlsplit(self.path).path + "/"
                                 + ("?" + urlsplit(self.path).query if urlsplit(self.path).query else ""))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body, encoded = self.server.body(path, "gzip" in self.headers.get("Accept-Encoding", ""))
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        if encoded:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.root = root.resolve()
        self._gzipped: dict[Path, bytes | None] = {}
        self._lock = threading.Lock()

    def body(self, path: Path, accepts_gzip: bool) -> tuple[bytes, bool]:
        if not accepts_gzip or path.suffix not in COMPRESSIBLE:
            return path.read_bytes(), False
        with self._lock:
            if path not in self._gzipped:
                raw = path.read_bytes()
                packed = gzip.compress(raw, 6, mtime=0)
                # A file the site already compressed is sent as it is, not grown by a wrapper.
                self._gzipped[path] = packed if len(packed) < len(raw) else None
            packed = self._gzipped[path]
        return (packed, True) if packed is not None else (path.read_bytes(), False)


@contextlib.contextmanager
def serve(root: Path):
    """Serve folder `root` on a free 127.0.0.1 port for the `with` block; yields the base URL."""
    mimetypes.add_type("application/wasm", ".wasm")
    server = _Server(Path(root))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
