#!/usr/bin/env python3
"""Page weight of a built site: bytes a reader downloads for the home, an article and a place
page (HTML + CSS + JS, uncompressed and gzipped), and the largest HTML files.

usage: .venv/bin/python scripts/page_weight.py [OUTPUT_DIR]   (default: output/)
"""
import gzip
import re
import sys
from pathlib import Path


def assets(html: str, site: Path) -> list[Path]:
    found = []
    for url in re.findall(r'(?:href|src)="(/theme/[^"]+\.(?:css|js))"', html):
        found.append(site / url.lstrip("/"))
    return found


def weight(files: list[Path]) -> tuple[int, int]:
    raw = sum(f.stat().st_size for f in files)
    zipped = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    return raw, zipped


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "output")
    if not (site / "index.html").exists():
        sys.exit(f"{site}/index.html missing: build the site first (invoke build)")
    articles = sorted((site / "articles").glob("*/*/index.html"))
    places = sorted((site / "places").glob("*/index.html"), key=lambda p: (len(p.parent.name), p))
    pages = {"home": site / "index.html"}
    if articles:
        pages["article"] = max(articles, key=lambda p: p.stat().st_size)
    if places:
        pages["place"] = places[-1]
    print(f"{'page':10} {'path':48} {'html':>9} {'+css/js':>9} {'gzip':>8}")
    for name, file in pages.items():
        files = [file] + assets(file.read_text("utf-8"), site)
        raw, zipped = weight(files)
        print(f"{name:10} {file.relative_to(site).as_posix():48} {file.stat().st_size:>9} {raw:>9} {zipped:>8}")
    html = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size, reverse=True)
    total = sum(p.stat().st_size for p in html)
    print(f"\n{len(html)} HTML files, {total} bytes; largest:")
    for file in html[:5]:
        print(f"  {file.stat().st_size:>9}  {file.relative_to(site).as_posix()}")


if __name__ == "__main__":
    main()
