"""`invoke livereload`: build, serve, and on every change preview the edited articles' pages
first, then build the whole site again.

    python -m plugins.preview.loop --settings pelicanconf.py --port 8000
"""
from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import threading
import time
from pathlib import Path

from pelican import Pelican
from pelican.contents import Article
from pelican.settings import read_settings
from pelican.writers import Writer

from plugins.article_meta.archive import archive_context
from plugins.article_meta.schema import check_file, read_header

from .plugin import last_articles


def preview(path: Path) -> str | None:
    """Render the page of the article at `path` from the last build's context; its URL, or None
    when there is no last build or the file is not one of its articles (a new article, a page,
    a template: the full build makes those)."""
    generator = last_articles()
    if generator is None:
        return None
    path = Path(path).resolve()
    old = next((a for a in generator.articles if Path(a.source_path).resolve() == path), None)
    if old is None:
        return None
    problems = check_file(read_header(path), "article", archive_context(generator.settings))
    if problems:  # the full build reports them, with every other file's
        return None
    article = generator.readers.read_file(
        base_path=generator.path, path=os.path.relpath(path, generator.path),
        content_class=Article, context=generator.context)
    if article.save_as != old.save_as:
        return None  # a new year or slug: a new address, which the full build makes
    # What only the whole archive knows stays the last build's until the full build has run.
    for name in ("newer_article", "older_article", "place", "place_trail", "topic_pages",
                 "tag_pages", "kind_page", "year_page"):
        if hasattr(old, name):
            setattr(article, name, getattr(old, name))
    writer = Writer(generator.output_path, settings=generator.settings)
    writer.write_file(article.save_as, generator.get_template(article.template),
                      generator.context, article=article, category=article.category,
                      url=article.url, blog=True)
    return article.url


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the loop prints what matters
        pass


def serve(output: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build(pelican: Pelican) -> bool:
    started = time.perf_counter()
    try:
        pelican.run()
    except Exception as error:  # noqa: BLE001 - the editor fixes the file, the loop goes on
        print(f"livereload: the build stopped ({error}); fix it and save again", flush=True)
        return False
    print(f"livereload: site built in {time.perf_counter() - started:.1f} s", flush=True)
    return True


def main(argv: list[str] | None = None) -> int:
    from watchfiles import watch

    parser = argparse.ArgumentParser(prog="python -m plugins.preview.loop")
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--content", default=None, help="the content folder (PATH)")
    parser.add_argument("--output", default=None)
    parser.add_argument("--data", default=None, help="ARCHIVE_DATA_PATH")
    args = parser.parse_args(argv)
    override = {key: os.path.abspath(value) for key, value in (
        ("PATH", args.content), ("OUTPUT_PATH", args.output), ("ARCHIVE_DATA_PATH", args.data))
        if value}
    settings = read_settings(args.settings, override=override)
    pelican = Pelican(settings)
    build(pelican)
    serve(Path(settings["OUTPUT_PATH"]), args.port)
    watching = False
    # yield_on_timeout: the first (empty) answer says the watcher runs, so "serving" is only
    # printed once an edit can no longer be missed.
    for changes in watch(settings["PATH"], settings["THEME"], settings["ARCHIVE_DATA_PATH"],
                         yield_on_timeout=True, rust_timeout=200):
        if not watching:
            watching = True
            print(f"livereload: serving http://127.0.0.1:{args.port}/ — watching "
                  f"{settings['PATH']}, {settings['THEME']} and "
                  f"{settings['ARCHIVE_DATA_PATH']}", flush=True)
        if not changes:
            continue
        for _, changed in sorted(changes):
            if changed.endswith(".md"):
                started = time.perf_counter()
                try:
                    url = preview(Path(changed))
                except Exception as error:  # noqa: BLE001 - the full build says what is wrong
                    print(f"livereload: no preview of {changed} ({error})", flush=True)
                    continue
                if url:
                    print(f"livereload: preview of /{url} in "
                          f"{time.perf_counter() - started:.2f} s", flush=True)
        build(pelican)
    return 0


if __name__ == "__main__":
    sys.exit(main())
