"""The editors' synonym table, data/synonyms.toml: groups of words that mean the same thing
(`[[same]]`: 低保 = 最低生活保障) or nearly (`[[near]]`: 党群服务中心 ≈ 便民服务中心), each with
where the archive or grassroots usage writes them (`where`).

A query word that is a member of a group also finds the articles of the group's other
members, with a lower boost than the typed word (SEARCH["QUERY_BOOSTS"]: same 0.5, near 0.3):
an article with the typed word still ranks first. The build cuts every member into index terms
with the same forward maximum matching the browser uses for queries, so the browser needs no
cutting of its own, and puts the table in the manifest. `invoke check` and the build report
every problem as `path:line: problem` (check_synonyms).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from plugins.zhtext.fold import fold
from plugins.zhtext.segment import RUN, cut_query

KINDS = {"same": "words that mean the same thing", "near": "words of related meaning"}
KEYS = {"words": True, "where": True}
_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z_]+)\s*\]\]\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=")
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")


class SynonymsError(ValueError):
    """The synonym table is broken; the message lists every `path:line: problem`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("search: synonym problems:\n" + "\n".join(problems))


@dataclass
class Group:
    kind: str                 # "same" or "near"
    words: list[str]          # as the editor wrote them
    where: str
    line: int

    @property
    def folded(self) -> list[str]:
        return [fold(word.strip()) for word in self.words]


@dataclass
class Synonyms:
    path: Path
    groups: list[Group] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def problem(self, line: int, message: str) -> None:
        self.problems.append(f"{self.path}:{line}: {message}")

    def table(self, vocabulary) -> dict:
        """The manifest's synonym table: every member's folded text and its index terms (cut
        by forward maximum matching against `vocabulary`, a set of index terms or a function
        of a first character). A member some of whose terms no article has keeps its text,
        so a query naming it still finds the others, and no terms: it matches nothing."""
        lookup = vocabulary if callable(vocabulary) else _by_first(vocabulary)
        groups = []
        for group in self.groups:
            members = []
            for text in group.folded:
                terms = [t.term for t in cut_query(text, lookup)]
                members.append([text, terms if all(t in lookup(t[0]) for t in terms) else []])
            groups.append({"near": group.kind == "near", "members": members})
        return {"groups": groups}


def _by_first(terms) -> callable:
    grouped: dict[str, set[str]] = {}
    for term in terms:
        grouped.setdefault(term[0], set()).add(term)
    return lambda ch: grouped.get(ch, set())


def load(path: str | Path) -> Synonyms:
    """Read and check the table. A missing file is an empty table (an archive with no
    synonyms yet)."""
    path = Path(path)
    synonyms = Synonyms(path)
    if not path.exists():
        return synonyms
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as error:
        synonyms.problem(text_line(path.read_bytes(), error.start),
                         "not UTF-8; save the file as UTF-8")
        return synonyms
    except tomllib.TOMLDecodeError as error:
        position = _TOML_POSITION.search(str(error))
        synonyms.problem(int(position.group(1)) if position else 1,
                         f"not valid TOML: {_TOML_POSITION.sub('', str(error)).strip()}")
        return synonyms
    headers, keys = _positions(text)
    seen: dict[tuple[str, str], int] = {}
    for kind, tables in data.items():
        if kind not in KINDS:
            synonyms.problem(_first_line(text, kind),
                             f"unknown section {kind!r}; use [[same]] or [[near]]")
            continue
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            synonyms.problem(_first_line(text, kind), f"{kind} must be written as [[{kind}]] tables")
            continue
        for index, table in enumerate(tables):
            line = headers.get((kind, index), 1)
            lines = keys.get((kind, index), {})
            group = _check_group(synonyms, kind, table, line, lines)
            if group is None:
                continue
            for word, folded in zip(group.words, group.folded):
                other = seen.get((kind, folded))
                if other is not None:
                    synonyms.problem(lines.get("words", line),
                                     f"{word!r} is already in the [[{kind}]] group of line {other}; "
                                     f"merge the two groups")
                seen[(kind, folded)] = line
            synonyms.groups.append(group)
    return synonyms


def _check_group(synonyms: Synonyms, kind: str, table: dict, line: int,
                 lines: dict) -> Group | None:
    ok = True
    for key in table:
        if key not in KEYS:
            synonyms.problem(lines.get(key, line), f"unknown key {key!r} in [[{kind}]]; "
                                                   f"use words = [...] and where = \"...\"")
            ok = False
    for key, required in KEYS.items():
        if required and key not in table:
            what = ("the words of the group, e.g. words = [\"低保\", \"最低生活保障\"]" if key == "words"
                    else "where the archive or grassroots usage writes these words")
            synonyms.problem(line, f"[[{kind}]] lacks {key}: {what}")
            ok = False
    words = table.get("words")
    if "words" in table and (not isinstance(words, list) or not all(isinstance(w, str) for w in words)):
        synonyms.problem(lines.get("words", line), "words must be a list of strings")
        return None
    where = table.get("where")
    if "where" in table and (not isinstance(where, str) or not where.strip()):
        synonyms.problem(lines.get("where", line), "where must say where these words are used")
        ok = False
    if words is not None:
        folded = [fold(w.strip()) for w in words]
        if len(set(folded)) < 2:
            synonyms.problem(lines.get("words", line),
                             "a group needs at least two different words")
            ok = False
        for word, text in zip(words, folded):
            match = RUN.fullmatch(text)
            if not match:
                synonyms.problem(lines.get("words", line),
                                 f"{word!r} must be one run of Chinese characters, or of letters and "
                                 f"digits, without spaces or punctuation (the search cuts there)")
                ok = False
        duplicates = sorted({w for w, f in zip(words, folded) if folded.count(f) > 1})
        if duplicates:
            synonyms.problem(lines.get("words", line),
                             f"{'、'.join(duplicates)} written twice (the search folds Traditional "
                             f"to Simplified and letters to lower case)")
            ok = False
    return Group(kind, [w.strip() for w in words], where.strip(), line) if ok else None


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


def _first_line(text: str, name: str) -> int:
    pattern = re.compile(rf"^\s*(\[\[?\s*{re.escape(name)}\s*\]|{re.escape(name)}\s*=)")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


def text_line(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def synonyms_path(settings: dict, search: dict) -> Path:
    return Path(settings["ARCHIVE_DATA_PATH"]) / search["SYNONYMS_FILE"]


def check_synonyms(settings: dict) -> list[str]:
    """`invoke check`: the problems of the archive's synonym table, `path:line: problem`
    (the path as given, relative when it can be)."""
    import os

    from .settings import search_settings

    path = synonyms_path(settings, search_settings(settings))
    problems = load(path).problems
    absolute, relative = str(path), os.path.relpath(path)
    return [p.replace(absolute, relative, 1) if p.startswith(absolute) else p for p in problems]
