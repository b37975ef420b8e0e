"""How soon an editor sees an edited article with `invoke livereload` running, on a synthetic
archive of N articles: from saving the file to its page showing the edit (median of several
edits), and until the whole site is built again.

    .venv/bin/python -m bench.preview --n 10000 [--edits 3] [--workdir DIR]
"""
from __future__ import annotations

import argparse
import http.client
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench import corpus
from bench.build import synthetic_overrides

ROOT = Path(__file__).resolve().parents[1]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(process, text: str) -> float:
    while True:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            raise SystemExit(f"preview: the loop ended before {text!r}")
        if text in line:
            return time.perf_counter()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.preview")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--workdir", default="")
    args = parser.parse_args(argv)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="preview-bench-"))
    content = corpus.generate(args.n, work)
    curation = synthetic_overrides(work)["TIMELINE"]["CURATION_FILE"]
    data = work / "data"
    data.mkdir(exist_ok=True)
    for name in ("gazetteer", "topics.toml"):
        if not (data / name).exists():
            (data / name).symlink_to(ROOT / "data" / name)
    Path(curation).replace(data / "timeline.toml")
    port, output = _port(), work / "output"
    started = time.perf_counter()
    loop = subprocess.Popen(
        [sys.executable, "-u", "-m", "plugins.preview.loop", "--port", str(port),
         "--content", str(content), "--output", str(output), "--data", str(data)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        first = _wait(loop, "serving http://") - started
        seen, rebuilt = [], []
        for edit in range(args.edits):
            i = 1 + edit * (args.n // max(1, args.edits))
            path = corpus.edit_article(content, i, f"预览标记{edit}")
            url = f"http://127.0.0.1:{port}/" + _url_of(output, path.stem)
            saved = time.perf_counter()
            while f"预览标记{edit}" not in _page(url):
                time.sleep(0.05)
            seen.append(time.perf_counter() - saved)
            rebuilt.append(_wait(loop, "livereload: site built") - saved)
    finally:
        loop.terminate()
        loop.wait(timeout=60)
    print(f"preview bench: {args.n} articles")
    print(f"first build and serve               {first:8.1f} s")
    print(f"edited page fresh, median           {statistics.median(seen):8.2f} s   "
          f"({', '.join(f'{s:.2f}' for s in seen)})")
    print(f"whole site built again, median      {statistics.median(rebuilt):8.1f} s")
    return 0


def _page(url: str) -> str:
    """The page as served now; empty while it is being written (the dev server sends a file's
    length, then its bytes: a page rewritten in between comes short)."""
    try:
        return urllib.request.urlopen(url).read().decode("utf-8")
    except http.client.IncompleteRead:
        return ""


def _url_of(output: Path, slug: str) -> str:
    [page] = output.glob(f"articles/*/{slug}/index.html")
    return page.parent.relative_to(output).as_posix() + "/"


if __name__ == "__main__":
    sys.exit(main())
