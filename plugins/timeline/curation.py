"""Editorial control of the timeline: data/timeline.toml hides, corrects and adds entries.

    [[hide]]                 an extracted entry that is wrong
    id = "3f2a9c0d1e"
    article = "<article slug>"
    reason = "口号，不是举措"

    [[correct]]              fix fields of an extracted entry; the id stays
    id = "…"
    article = "<article slug>"
    name = "…"  who = "…"  place = "<division code>"  awarded_by = "…"  date = "2020-05"
    type = "honour"  note = "…"

    [[add]]                  an entry the extractor missed
    article = "<article slug>"
    type = "initiative"
    name = "…"
    quote = "…"              words of the article; their sentence gets the anchor
    (who, place, awarded_by, date, note optional)

Ids are those of timeline.json (a leading "t-", as in the page anchor, is accepted). Every
item names its article: a build of only some articles (a test site, a preview) applies the
items of the articles it has, and `invoke check`, which reads them all, reports the rest.
Every problem is reported as `path:line: problem`.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from plugins.article_meta.dates import PreciseDate

from .model import ANCHOR_PREFIX, TYPES

KINDS = ("hide", "correct", "add")
_FIELDS = {
    "hide": {"id": True, "article": True, "reason": False},
    "correct": {"id": True, "article": True, "name": False, "who": False, "place": False, "awarded_by": False,
                "date": False, "type": False, "note": False},
    "add": {"article": True, "type": True, "name": True, "quote": True, "who": False,
            "place": False, "awarded_by": False, "date": False, "note": False},
}
_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z_]+)\s*\]\]\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=")
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")


class TimelineDataError(ValueError):
    """The curation file is broken; the message lists every `path:line: problem`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("timeline: data problems:\n" + "\n".join(problems))


@dataclass
class Item:
    kind: str
    line: int
    fields: dict
    key_lines: dict = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)

    @property
    def id(self) -> str:
        value = str(self.fields.get("id", ""))
        return value[len(ANCHOR_PREFIX):] if value.startswith(ANCHOR_PREFIX) else value


@dataclass
class Curation:
    path: Path
    items: list[Item] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def of(self, kind: str) -> list[Item]:
        return [item for item in self.items if item.kind == kind]

    def problem(self, line: int, message: str) -> None:
        self.problems.append(f"{self.path}:{line}: {message}")


def _positions(text: str) -> tuple[dict, dict]:
    """Line of every [[kind]] header and of every key inside it, by (kind, index)."""
    headers, keys, counters = {}, {}, {}
    current = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            kind = header.group(1)
            index = counters.get(kind, 0)
            counters[kind] = index + 1
            current = (kind, index)
            headers[current] = number
            keys[current] = {}
            continue
        if line.lstrip().startswith("["):
            current = None
            continue
        key = _KEY.match(line)
        if key and current is not None:
            keys[current].setdefault(key.group(1), number)
    return headers, keys


def load(path: str | Path) -> Curation:
    """Read and validate the file's shape (kinds, keys, types, dates). A missing file is an
    empty curation: a new archive has nothing to correct yet."""
    path = Path(path)
    curation = Curation(path)
    if not path.exists():
        return curation
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        position = _TOML_POSITION.search(str(error))
        curation.problem(int(position.group(1)) if position else 1,
                         f"not valid TOML: {_TOML_POSITION.sub('', str(error)).strip()}")
        return curation
    headers, keys = _positions(text)
    for kind, tables in data.items():
        if kind not in KINDS:
            curation.problem(_first_line(text, kind),
                             f"unknown section {kind!r}; use [[hide]], [[correct]] or [[add]]")
            continue
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            curation.problem(_first_line(text, kind),
                             f"{kind} must be written as [[{kind}]] tables")
            continue
        for index, table in enumerate(tables):
            item = Item(kind, headers.get((kind, index), 1), table, keys.get((kind, index), {}))
            curation.items.append(item)
            _check_fields(curation, item)
    return curation


def _first_line(text: str, word: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if word in line:
            return number
    return 1


def _check_fields(curation: Curation, item: Item) -> None:
    spec = _FIELDS[item.kind]
    for key, value in item.fields.items():
        if key not in spec:
            curation.problem(item.line_of(key), f"[[{item.kind}]] has unknown key {key!r}; "
                             f"allowed: {', '.join(spec)}")
        elif not isinstance(value, str) or not value.strip():
            curation.problem(item.line_of(key), f"{key} must be a non-empty string")
    for key, required in spec.items():
        if required and key not in item.fields:
            curation.problem(item.line, f"[[{item.kind}]] needs {key} = \"…\"")
    if isinstance(item.fields.get("type"), str) and item.fields["type"] not in TYPES:
        curation.problem(item.line_of("type"),
                         f"type {item.fields['type']!r} is not one of {', '.join(TYPES)}")
    if isinstance(item.fields.get("date"), str):
        try:
            PreciseDate.parse_iso(item.fields["date"])
        except ValueError as error:
            curation.problem(item.line_of("date"), str(error))
