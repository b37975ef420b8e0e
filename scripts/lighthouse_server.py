#!/usr/bin/env python3
"""Serve a built site the way GitHub Pages does, for scripts/lighthouse.sh: gzip for text,
Cache-Control: max-age=600, folder URLs to index.html, the site's 404.html for a missing path.
Without this, Lighthouse scores python -m http.server (no compression, no caching).

usage: lighthouse_server.py PORT SITE_DIR
"""
import gzip
import http.server
import sys
from pathlib import Path

TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


def make_handler(root: Path):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            url_path = self.path.split("?", 1)[0].split("#", 1)[0]
            path = Path(self.translate_path(url_path))
            if path.is_dir() and not url_path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.end_headers()
                return
            if path.is_dir():
                path = path / "index.html"
            status = 200
            if not path.is_file() or root not in path.resolve().parents:
                status, path = 404, root / "404.html"
            body = path.read_bytes()
            self.send_response(status)
            self.send_header("Content-Type", self.guess_type(str(path)))
            if path.suffix in TEXT and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


def main() -> None:
    port, root = int(sys.argv[1]), Path(sys.argv[2]).resolve()
    handler = make_handler(root)
    handler.directory = str(root)

    class Server(http.server.ThreadingHTTPServer):
        def finish_request(self, request, client_address):
            handler(request, client_address, self, directory=str(root))

    Server(("127.0.0.1", port), handler).serve_forever()


if __name__ == "__main__":
    main()
