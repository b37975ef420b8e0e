"""Table of contents from the headings the Markdown toc extension gave ids to."""
import html
import re

_HEADING = re.compile(r"<h([23])\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")


def headings(content_html: str) -> list[dict]:
    """[{level, id, text}] for h2/h3 with an id, in document order; text is plain (the
    template escapes it)."""
    found = []
    for level, anchor, inner in _HEADING.findall(content_html or ""):
        text = html.unescape(_TAG.sub("", inner)).strip()
        if text:
            found.append({"level": int(level), "id": html.unescape(anchor), "text": text})
    return found


def section_id(value: str, separator: str) -> str:
    """The Markdown toc extension's slugify: every heading id is "sec" (the extension makes
    them unique: sec, sec_1, …), so ids stay ASCII whatever the heading says. A module-level
    function, not a lambda, so that Pelican's reader cache can pickle the settings."""
    return "sec"
