"""sitemap.xml and robots.txt from the pages this build wrote, so pages of every plugin
(places, search, timeline) are listed without each one registering them."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape


def page_urls(written: set[str], output: Path, siteurl: str, exclude: set[str]) -> list[str]:
    """The URL of every HTML page written into `output`, except the files in `exclude`
    (paths relative to `output`)."""
    urls = []
    for path in map(Path, written):
        if path.suffix != ".html" or not path.is_relative_to(output):
            continue
        rel = path.relative_to(output).as_posix()
        if rel in exclude:
            continue
        urls.append(f"{siteurl}/{rel[: -len('index.html')] if rel.endswith('index.html') else rel}")
    return sorted(urls, key=lambda u: (u.count("/"), u))


def sitemap_xml(urls: list[str]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <url><loc>{escape(url)}</loc></url>" for url in urls]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(sitemap_url: str | None, base_path: str, disallow: list[str]) -> str:
    """base_path: the site's path on its host ("/archive" for a GitHub project page);
    disallow: site-relative URLs robots should not crawl."""
    text = "User-agent: *\nAllow: /\n" + "".join(f"Disallow: {base_path}/{url}\n"
                                                  for url in disallow)
    if sitemap_url:
        text += f"\nSitemap: {sitemap_url}\n"
    return text
