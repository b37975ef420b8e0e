"""Reading the archive's front-matter fields off a Pelican article, with file:line errors."""
import re
from pathlib import Path

LIST_FIELDS = ("communities", "topics", "review")
_SLUG = re.compile(r"[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*")


class FrontMatterError(ValueError):
    """A front-matter value breaks the contract of DESIGN.md; the message names file and line."""


def split_list(value) -> list[str]:
    """Comma-separated list field ("，" is part of a name, never a separator)."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).split(",") if part.strip()]


def line_of(source_path: str | None, key: str) -> int:
    """Line number of `Key:` in the article's header, 1 when it is absent (the error is then
    about the missing key, and the header starts at line 1)."""
    if not source_path:
        return 1
    try:
        lines = Path(source_path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    prefix = key.lower() + ":"
    for number, line in enumerate(lines, start=1):
        if line.lower().startswith(prefix):
            return number
        if not line.strip():
            break  # end of the metadata block
    return 1


def slug_problem(slug: str) -> str | None:
    if not slug or not _SLUG.fullmatch(slug):
        return f"Slug {slug!r} must be ASCII letters, digits and - _ . (it is the URL)"
    return None
