"""sitemap.xml and robots.txt from what the build actually wrote, so pages of every plugin
(places, search, timeline) are listed without each one registering them."""
from __future__ import annotations

import os
from pathlib import Path
from xml.sax.saxutils import escape


def page_urls(output: Path, siteurl: str, exclude: list[str]) -> list[str]:
    urls = []
    for root, dirs, files in os.walk(output):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".html"):
                continue
            rel = Path(root, name).relative_to(output).as_posix()
            if rel in exclude:
                continue
            path = rel[: -len("index.html")] if rel.endswith("index.html") else rel
            urls.append(f"{siteurl}/{path}")
    return sorted(urls, key=lambda u: (u.count("/"), u))


def sitemap_xml(urls: list[str]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <url><loc>{escape(url)}</loc></url>" for url in urls]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(sitemap_url: str | None, base_path: str = "") -> str:
    """base_path: the site's path on its host ("/archive" for a GitHub project page)."""
    # Result pages of the search box are endless variations of other pages.
    text = f"User-agent: *\nAllow: /\nDisallow: {base_path}/search/\n"
    if sitemap_url:
        text += f"\nSitemap: {sitemap_url}\n"
    return text
