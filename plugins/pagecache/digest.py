"""What a page is made from, as digests (see the package docstring)."""
from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path

PACKAGES = ("pelican", "jinja2", "markdown", "markupsafe")


def site_digest(settings, context) -> str:
    """What any page may show of the site: code, templates, settings, data, and every
    article's and page's metadata and URL, in site order."""
    digest = hashlib.blake2b(digest_size=16)
    for name in PACKAGES:
        digest.update(f"{name}={metadata.version(name)}\n".encode())
    digest.update(canonical(settings))
    for path in _files(settings):
        digest.update(f"{path}\0".encode())
        digest.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    for key in ("articles", "hidden_articles", "drafts", "pages", "hidden_pages"):
        for item in context.get(key) or []:
            digest.update(canonical([key, item.url, item.save_as, item.metadata]))
    # Groups of reprints come from the articles' text, not their metadata: an edited body can
    # join or leave a group, and every member's page and the listings show the groups.
    reprints = context.get("reprints")
    if reprints is not None:
        digest.update(reprints.fingerprint().encode())
    return digest.hexdigest()


def content_digest(content, context) -> str:
    """An article or page: its HTML as its page shows it (an article's with the anchors the
    timeline asked for: its record's html), its metadata, and the timeline entries drawn
    from it (context["timeline"], plugins.timeline)."""
    digest = hashlib.blake2b(digest_size=16)
    record = getattr(content, "record", None)  # articles have one, pages do not
    html = record.html if record is not None else content.content
    digest.update(html.encode("utf-8", "surrogatepass"))
    digest.update(canonical(content.metadata))
    timeline = context.get("timeline")
    if timeline is not None:
        for entry in timeline.for_article(content.slug):
            digest.update(entry.fingerprint().encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def timeline_digest(context) -> str:
    """Every timeline entry: listings show entries of any article."""
    digest = hashlib.blake2b(digest_size=16)
    timeline = context.get("timeline")
    for entry in timeline.entries if timeline is not None else []:
        digest.update(entry.fingerprint().encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _files(settings) -> list[Path]:
    """Templates, data/, the plugins' modules, and every file a setting names (an editor's
    curation file outside data/, lunr.js)."""
    found: set[Path] = set()
    for folder in [Path(settings["THEME"]) / "templates",
                   *map(Path, settings.get("THEME_TEMPLATES_OVERRIDES") or []),
                   *([Path(settings["ARCHIVE_DATA_PATH"])]
                     if settings.get("ARCHIVE_DATA_PATH") else [])]:
        if folder.is_dir():
            found.update(p for p in folder.rglob("*") if p.is_file())
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if file and getattr(module, "__name__", "").startswith("plugins."):
            found.add(Path(file))
    found.update(p for p in map(Path, _strings(settings)) if p.is_absolute() and p.is_file())
    return sorted(found)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def canonical(value) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_plain).encode(
        "utf-8", "surrogatepass")


def _plain(value):
    """A stable text for what JSON has no type for. Functions by name, not by repr: a repr
    carries a memory address that changes every build."""
    if isinstance(value, (set, frozenset)):
        return sorted(map(str, value))
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value)
    # An object without a text of its own (the build cache) stands for its type.
    return type(value).__qualname__ if " at 0x" in text else [type(value).__qualname__, text]
