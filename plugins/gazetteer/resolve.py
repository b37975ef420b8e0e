"""Resolving the place a document is about from its text.

Rules (each one is tested in tests/importer/test_resolve.py):
1. Every division name of the table (official names, aliases, and for provinces and cities the
   short form without 省/市/自治区, e.g. 呼和浩特, 山东) found in the text is a mention.
   Placeholders (XX街道, XX区) never are: they are masked before scanning.
2. A street is resolved only with corroboration from the same document: one of its ancestors
   (district, city or province) is mentioned, or one of its communities is named in full
   (学院路社区 for 灵山卫街道). A bare street name alone, even a unique one, is not enough.
3. When more than one corroborated street remains (and they are not equally ranked by evidence),
   the best-supported one wins; a tie leaves the street unresolved and `place` under Review.
4. Without a street, the deepest mentioned district or city that is unique or corroborated by a
   mentioned ancestor is the place; its ancestors fill the higher levels.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .table import LEVELS, Division, Gazetteer

_SUFFIXES = "省市区县旗盟州道镇乡"
_SUFFIX_CHAR = re.compile(f"[{_SUFFIXES}]")
# Short forms are made only for provinces and cities (呼和浩特 for 呼和浩特市): district and
# street names without their suffix are ordinary words (中山西路, 回民).
_SHORT = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区)$")
PLACEHOLDER = re.compile(r"(?:[XxＸｘ×]{1,3}|某)(?:街道|社区|区委|区|市|县|镇|乡|村|省)")
_MAX_NAME = 16
# Two-character district names (东区, 城区, 郊区) are everyday words; a short city or province
# name right before 路/街 is a road (中山路, 山西路), not the place.
_MIN_FULL_NAME = 3
_ROAD_AFTER = re.compile(r"[东西南北中]?[路街巷道里]")
# The character before a community's name: a separator or a word that ends a phrase, so that
# 绿洲社区 is not read inside 金绿洲社区.
_COMMUNITY_BEFORE = set("市县道区镇乡村在的和及与同对由、，,是为将把（(“　 ")


@dataclass
class Resolution:
    division: Division | None = None       # the deepest resolved division
    path: dict[str, str] = field(default_factory=dict)   # level → name, province first
    review: list[str] = field(default_factory=list)      # why a place was left unresolved
    evidence: list[str] = field(default_factory=list)    # how it was resolved (for the report)
    mentions: dict[str, int] = field(default_factory=dict)  # code → mention count


class _Index:
    """Name → codes, per gazetteer; built once per loaded table."""

    def __init__(self, gazetteer: Gazetteer):
        self.by_name: dict[str, set[str]] = {}
        for code in gazetteer.codes():
            d = gazetteer.get(code)
            for name in gazetteer.names_of(code):
                self.by_name.setdefault(name, set()).add(code)
                if d.level in ("province", "city"):
                    short = _SHORT.sub("", name)
                    if len(short) >= 2 and short != name:
                        self.by_name.setdefault(short, set()).add(code)
        short_names = {n for n in self.by_name if n[-1] not in _SUFFIXES}
        # Lengths of the short names by first character: the scan looks only where a name
        # can start (a regex alternation of all of them is ~100x slower on long texts).
        self.short_lengths: dict[str, list[int]] = {}
        for n in short_names:
            self.short_lengths.setdefault(n[0], []).append(len(n))
        for lengths in self.short_lengths.values():
            lengths.sort(reverse=True)
        self.short_names = short_names
        self.short_first = re.compile(
            "[" + "".join(sorted(map(re.escape, self.short_lengths))) + "]") if short_names else None


def _index(gazetteer: Gazetteer) -> _Index:
    # Kept on the table itself: built once per loaded table, gone with it (no module state).
    index = gazetteer._resolve_index
    if index is None:
        index = _Index(gazetteer)
        gazetteer._resolve_index = index
    return index


def mask_placeholders(text: str) -> str:
    return PLACEHOLDER.sub(lambda m: "□" * len(m.group(0)), text)


def find_mentions(gazetteer: Gazetteer, text: str) -> dict[str, int]:
    """code → number of mentions of a name of that division in the text."""
    index = _index(gazetteer)
    text = mask_placeholders(text)
    spans: list[tuple[int, int, str]] = []
    by_name = index.by_name
    for m in _SUFFIX_CHAR.finditer(text):
        end = m.end()
        for length in range(_MIN_FULL_NAME, min(_MAX_NAME, end) + 1):
            name = text[end - length:end]
            if name in by_name and not name.endswith("社区"):
                spans.append((end - length, end, name))
    if index.short_first is not None:
        for m in index.short_first.finditer(text):
            start = m.start()
            for length in index.short_lengths[m.group(0)]:
                name = text[start:start + length]
                if name in index.short_names and not _ROAD_AFTER.match(text, start + length):
                    spans.append((start, start + length, name))
                    break
    # A name inside a longer name is not a mention of its own (市中区 in 枣庄市市中区 is, 中区 in
    # 市中区 is not): keep spans not strictly contained in another span.
    # Sorted by start, longest first: a span ending within the reach of an earlier kept span
    # lies inside it.
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str]] = []
    reach = -1
    for s in spans:
        if s[1] <= reach:
            continue
        kept.append(s)
        reach = s[1]
    counts: dict[str, int] = {}
    for _, _, name in kept:
        for code in index.by_name[name]:
            counts[code] = counts.get(code, 0) + 1
    return counts


def named_communities(gazetteer: Gazetteer, street_code: str, text: str) -> list[str]:
    """The street's communities named in the text in full (寨北社区), in table order."""
    return [c for c in gazetteer.communities(street_code) if len(c) >= 3 and _named_in_full(c, text)]


def _occurrences(needle: str, text: str):
    # str.find, not re: thousands of names per document would thrash the regex cache.
    start = text.find(needle)
    while start >= 0:
        yield start
        start = text.find(needle, start + 1)


def _named_in_full(name: str, text: str) -> bool:
    for start in _occurrences(name, text):
        before = text[start - 1] if start else ""
        if not before or before in _COMMUNITY_BEFORE or not "\u4e00" <= before <= "\u9fff":
            return True
    return False


def resolve(gazetteer: Gazetteer, text: str) -> Resolution:
    mentions = find_mentions(gazetteer, text)
    result = Resolution(mentions=mentions)
    by_level: dict[str, list[Division]] = {lvl: [] for lvl in LEVELS}
    for code in mentions:
        d = gazetteer.get(code)
        by_level[d.level].append(d)

    def ancestors_mentioned(d: Division) -> list[Division]:
        return [a for a in gazetteer.ancestors(d.code)[:-1] if a.code in mentions]

    streets, unsupported = [], {}
    for d in by_level["street"]:
        support = ancestors_mentioned(d)
        communities = named_communities(gazetteer, d.code, text)
        if support or communities:
            score = (len(support) + len(communities), mentions[d.code])
            streets.append((score, d, support, communities))
        else:
            unsupported[d.name] = unsupported.get(d.name, 0) + 1
    corroborated_names = {d.name for _, d, _, _ in streets}
    for name, n in unsupported.items():
        which = f"{n} other {name} in the table" if name in corroborated_names \
            else f"{name} ({n} in the table)"
        result.evidence.append(f"{which} named without its district, city, "
                               "province or one of its communities: not used")
    streets.sort(key=lambda s: s[0], reverse=True)
    if streets:
        if len(streets) > 1 and streets[0][0] == streets[1][0]:
            names = ", ".join(f"{s[1].name} ({s[1].code})" for s in streets[:3])
            result.review.append(f"street ambiguous: {names}")
        else:
            score, d, support, communities = streets[0]
            why = [a.name for a in support] + communities
            result.evidence.append(f"{d.name} ({d.code}) corroborated by {', '.join(why)}")
            return _finish(gazetteer, result, d)
    elif by_level["street"]:
        result.review.append("street named without corroboration: "
                             + ", ".join(sorted({d.name for d in by_level["street"]})))

    for level in ("district", "city", "province"):
        candidates = []
        for d in by_level[level]:
            support = ancestors_mentioned(d)
            same_name = [o for o in by_level[level] if o.name == d.name]
            unique = len(gazetteer.find(d.name, level)) == 1
            if support or unique:
                candidates.append((len(support), mentions[d.code], d, same_name))
        if not candidates:
            if by_level[level]:
                names = sorted({d.name for d in by_level[level]})
                result.review.append(f"{level} ambiguous: {', '.join(names)} (several in the "
                                     "table, none corroborated)")
            continue
        candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
        best = candidates[0]
        if len(candidates) > 1 and candidates[1][:2] == best[:2] \
                and not gazetteer.is_within(candidates[1][2].code, best[2].code):
            names = ", ".join(c[2].name for c in candidates[:3])
            result.review.append(f"{level} ambiguous: {names}")
            continue
        result.evidence.append(f"{best[2].name} ({best[2].code})")
        return _finish(gazetteer, result, best[2])
    return result


def _finish(gazetteer: Gazetteer, result: Resolution, d: Division) -> Resolution:
    result.division = d
    result.path = {a.level: a.name for a in gazetteer.ancestors(d.code)}
    return result


def communities_in_text(gazetteer: Gazetteer, code: str, text: str) -> list[str]:
    """Communities (社区/村) of the division `code` named in the text, as the table spells them.

    Under a street, a community may also be named by its stem in a list (后峰西、东涝台、寨北
    4个社区); under a district or city only full names count (stems are too short to trust).
    """
    d = gazetteer.get(code)
    if d is None:
        return []
    if d.level == "street":
        streets = [d]
    else:
        streets, todo = [], [d]
        while todo:
            node = todo.pop()
            for child in gazetteer.children(node.code):
                (streets if child.level == "street" else todo).append(child)
    found: list[str] = []
    for street in streets:
        for name in gazetteer.communities(street.code):
            if name in found or len(name) < 3:
                continue
            if (name in text and d.level == "street") or _named_in_full(name, text):
                found.append(name)
                continue
            stem = re.sub(r"(?:社区|村)$", "", name)
            if d.level == "street" and len(stem) >= 2 and stem in text and re.search(
                    rf"(?:^|[、，,和及与])\s*{re.escape(stem)}\s*(?=[、，,和及与]|\d)"
                    rf"|{re.escape(stem)}、", text):
                found.append(name)
    return found
