"""Resolving the place a document is about from its text: its own place, weighed as a reader
weighs it.

Rules (each one is tested in tests/importer/test_resolve.py):
1. Mentions. Every division name of the table found in the text is a mention: official names,
   aliases, old names of renamed divisions (aliases.toml [renamed]), a street office's name
   (银河办事处 for 银河街道), and short forms of provinces and cities (呼和浩特, 山东) and, at a
   word's start, of county-level cities (胶州获…, 河北霸州). Placeholders (XX街道, XX区) never are: they are masked before scanning.
   A short form before 路/街/社区/花园… names a road or an estate, and a name inside a longer
   name is no mention of its own.
2. Corroboration. A street counts only when one of its ancestors is mentioned or one of its
   communities is named in full (学院路社区 for 灵山卫街道): a bare street name alone, even a
   unique one, is not enough. A district or city name that several divisions share counts only
   with an ancestor mentioned. Of homonyms, the one with most ancestors mentioned counts; a tie
   counts for none.
3. Weight by where the name stands (Piece.weight: headline and source or publisher lines 3, the
   dateline and the lead paragraph 2, the body 1). A name followed by 等N个 (…东河沿社区等999个
   社区, 遵义市绥阳县等10个县) is an example from a list of others: it weighs nothing. A place
   written as a path (天津市西青区大寺镇) is one mention of its deepest part. A community named
   in full adds COMMUNITY_WEIGHT to its street when the street is named, else to its district.
4. The place. Every mention's weight counts for its division and all divisions above it. From
   the top, the resolver goes down to the child holding at least SHARE of the evidence under its
   parent and DOMINANCE times that of its next sibling, and stops where no child does: awardees
   in several districts of a city leave the city; a street named once in a city-wide story
   leaves the city.
5. The publisher. An office named in a source or publisher line (来源于：东区办事处, 沙坪坝区中梁镇
   人民政府, …街道办事处供稿; not a newspaper or a site), once corroborated, is the page's own
   place: the descent follows its path down to it, whatever a visit or a guest names in the
   headline, and goes on below it by the evidence. A county-level city's short form (胶州) counts
   only with one of its ancestors named: alone it is as likely an everyday word (安宁疗护).
6. Review (Resolution.review): a street named without corroboration, an ambiguous name, a close
   call between a place and one of its parts, several provinces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .table import Division, Gazetteer

_SUFFIXES = "省市区县旗盟州道镇乡处"
_SUFFIX_CHAR = re.compile(f"[{_SUFFIXES}]")
_HAN = re.compile(r"[\u3400-\u9fff]")
# Short forms are made for provinces and cities (呼和浩特 for 呼和浩特市) and, where a word
# starts, county-level cities (霸州): other district and street names without their suffix are
# ordinary words (中山西路, 回民).
_SHORT = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区)$")
PLACEHOLDER = re.compile(r"(?:[XxＸｘ×]{1,3}|某)(?:街道|社区|区委|区|市|县|镇|乡|村|省)")
_MAX_NAME = 16
# Two-character district names (东区, 城区, 郊区) are everyday words; a short city or province
# name right before 路/街 is a road (中山路, 山西路), before 社区/花园 an estate (鲁信长春社区).
_MIN_FULL_NAME = 3
_ROAD_AFTER = re.compile(r"[东西南北中]?(?:[路街巷道里]|社区|小区|花园|广场|大厦|公园|宾馆|酒店|饭店)")
# The character before a community's name: a separator or a word that ends a phrase, so that
# 绿洲社区 is not read inside 金绿洲社区.
_COMMUNITY_BEFORE = set("市县道区镇乡村在的和及与同对由、，,是为将把（(“　 而从向给到于据经被让使至")
# 北京市东城区和平里街道东河沿社区等999个社区: the name is one example of many.
_EXAMPLE_OF_MANY = re.compile(r"[\u4e00-\u9fff]{0,12}?等\s*(?:\d+|[几多数十百千两]+)\s*[个家所座批名]")

# Places listed together (A、B和C; A为…、B为…) are each one of many.
LIST_WEIGHT = 0.5
_LIST_GAP = 12
_LIST_SEPARATOR = re.compile(r"[、和及与]")
_CLAUSE_BREAK = re.compile(r"[，。；：！？,;:!?\n]")
# A street is the place only when it is named outside a list at least once (its communities
# alone say the document is in its district).
STREET_DIRECT_MIN = 1.0

SHARE = 0.5
DOMINANCE = 2.0
COMMUNITY_WEIGHT = 0.5
COMMUNITY_MAX_COUNT = 3      # occurrences of one community that count
# A child this close to SHARE (or to DOMINANCE over its sibling) makes the stop a close call.
CLOSE_SHARE = 0.35
WEAK_EVIDENCE = 1.0          # a place held up by no more than one body mention is weak


@dataclass(frozen=True)
class Piece:
    """A part of the document and how much a place named in it says about the document."""
    text: str
    weight: float = 1.0
    zone: str = "body"


ZONE_WEIGHTS = {"headline": 3.0, "source": 3.0, "dateline": 2.0, "lead": 2.0, "body": 1.0}


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
        self.short_of: dict[str, set[str]] = {}     # short form → the codes it is short for
        self.word_start_only: set[str] = set()
        for code in gazetteer.codes():
            d = gazetteer.get(code)
            if _stands_in(gazetteer, d):
                continue  # its evidence is its county-level cities' (their ancestors')
            for name in gazetteer.names_of(code):
                self.by_name.setdefault(name, set()).add(code)
                if d.level == "street" and name.endswith("街道") and len(name) > 3:
                    # 银河办事处, 银河街道办事处: the street office stands for its street.
                    for office in (name[:-2] + "办事处", name + "办事处"):
                        self.by_name.setdefault(office, set()).add(code)
                short = _SHORT.sub("", name) if d.level in ("province", "city") else ""
                if d.level == "district" and name.endswith("市") and len(name) >= 3:
                    # 胶州 for 胶州市, 霸州 for 霸州市, but only where a word starts: 开平 and
                    # 迁安 hide in 公开平台 and 拆迁安置.
                    short = name[:-1]
                    self.word_start_only.add(short)
                if len(short) >= 2 and short != name:
                    self.by_name.setdefault(short, set()).add(code)
                    self.short_of.setdefault(short, set()).add(code)
        # A city's short form is read anywhere, even where a county-level division of the same
        # name would need a word start (中山 for 中山市, which the table also lists as its own
        # county level: 走访了中山零壹金服).
        self.word_start_only -= {s for s, codes in self.short_of.items()
                                 if any(gazetteer.get(c).level in ("province", "city") for c in codes)}
        # Short forms ending like a full name (杭州, 胶州) are looked for here too: the suffix
        # scan only sees names of three characters or more.
        short_names = {n for n in self.by_name if n[-1] not in _SUFFIXES} | set(self.short_of)
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


def _stands_in(gazetteer: Gazetteer, d: Division) -> bool:
    """A city level that only groups a province's county-level cities (湖北省's
    省直辖县级行政区划: 仙桃市, 潜江市), shown under the province's own name: a text naming the
    province does not name it. A municipality's 市辖区 is the municipality, named by its name."""
    province = gazetteer.get(d.parent) if d.level == "city" else None
    return province is not None and d.name == province.name and not province.name.endswith("市")


def _index(gazetteer: Gazetteer) -> _Index:
    # Kept on the table itself: built once per loaded table, gone with it (no module state).
    index = gazetteer._resolve_index
    if index is None:
        index = _Index(gazetteer)
        gazetteer._resolve_index = index
    return index


def mask_placeholders(text: str) -> str:
    return PLACEHOLDER.sub(lambda m: "□" * len(m.group(0)), text)


def _spans(gazetteer: Gazetteer, text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the names in the text, a name inside a longer one left out."""
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
        if s[2] in index.word_start_only and s[0] > 0 and _HAN.match(text, s[0] - 1) \
                and not (kept and kept[-1][1] == s[0]):
            continue  # 开平 in 公开平台; 霸州 after 河北 is a word start
        kept.append(s)
        reach = s[1]
    return kept


def find_mentions(gazetteer: Gazetteer, text: str) -> dict[str, int]:
    """code → number of mentions of a name of that division in the text."""
    index = _index(gazetteer)
    counts: dict[str, int] = {}
    for _, _, name in _spans(gazetteer, text):
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
    return _count_in_full(name, text, 1) > 0


def _count_in_full(name: str, text: str, limit: int) -> int:
    count = 0
    for start in _occurrences(name, text):
        before = text[start - 1] if start else ""
        if not before or before in _COMMUNITY_BEFORE or not "\u4e00" <= before <= "\u9fff":
            count += 1
            if count >= limit:
                break
    return count


# --- resolving -----------------------------------------------------------------------------
@dataclass
class _Mention:
    start: int
    end: int
    name: str
    codes: set[str]
    weight: float
    code: str | None = None      # the division it is read as, once corroborated
    listed: bool = False         # one of several places listed together
    named: bool = False          # ends a path (天津市西青区大寺镇): its places were named


def resolve(gazetteer: Gazetteer, text: str = "", pieces: list[Piece] | None = None) -> Resolution:
    """The document's own place. `pieces` weigh parts of the document (headline, source lines,
    lead, body); a plain `text` is all body."""
    pieces = pieces if pieces is not None else [Piece(text)]
    index = _index(gazetteer)
    full_text = "\n".join(p.text for p in pieces)
    by_piece: list[list[_Mention]] = []
    for piece in pieces:
        found = []
        for start, end, name in _spans(gazetteer, piece.text):
            weight = 0.0 if _EXAMPLE_OF_MANY.match(piece.text, end) else piece.weight
            found.append(_Mention(start, end, name, set(index.by_name[name]), weight))
        for a, b in zip(found, found[1:]):
            # 胶州市、黄岛区长江路街道和黄岛街道: one of several places listed together.
            between = piece.text[a.end:b.start]
            if len(between) <= _LIST_GAP and _LIST_SEPARATOR.search(between) \
                    and not _CLAUSE_BREAK.search(between):
                a.listed = b.listed = True
        for m in found:
            if m.listed:
                m.weight *= LIST_WEIGHT
        by_piece.append(found)
    mentioned: dict[str, int] = {}
    for found in by_piece:
        for m in found:
            for code in m.codes:
                mentioned[code] = mentioned.get(code, 0) + 1
    result = Resolution(mentions=mentioned)
    _corroborate(gazetteer, index, by_piece, [p.zone for p in pieces], mentioned, full_text,
                 result)
    evidence = _evidence(gazetteer, by_piece, pieces)
    for name, code in sorted({(m.name, m.code) for f in by_piece for m in f
                              if m.code and m.name in gazetteer.renamed}):
        result.evidence.append(f"{name} is an old name: today {gazetteer.get(code).name} ({code})")
    return _descend(gazetteer, evidence, result, _self_references(pieces),
                    _publisher(gazetteer, by_piece, pieces))


def _publisher(gazetteer: Gazetteer, by_piece: list[list[_Mention]], pieces: list[Piece]) -> str | None:
    """The division an office in a source or publisher line names (来源于：东区办事处, 沙坪坝区中梁镇
    人民政府, …街道办事处供稿), when its names make one line of places: whose page it is."""
    codes = {m.code for piece, found in zip(pieces, by_piece) if piece.zone == "source"
             for m in found if m.code and m.weight > 0}
    chain = sorted(codes, key=lambda c: len(gazetteer.ancestors(c)))
    if chain and all(gazetteer.is_within(chain[i + 1], chain[i]) for i in range(len(chain) - 1)):
        return chain[-1]
    return None


def _corroborate(gazetteer: Gazetteer, index: _Index, by_piece: list[list[_Mention]],
                 zones: list[str], mentioned: dict[str, int], text: str,
                 result: Resolution) -> None:
    """Read each mention as one division, or as none (rule 2)."""
    uncorroborated_streets: set[str] = set()
    shorts_alone: set[str] = set()
    ambiguous: dict[str, set[str]] = {}
    chosen_streets: dict[str, tuple[str, list[str]]] = {}
    named: dict[str, list[str]] = {}   # street code → its communities named (once per code)
    by_headline: set[str] = set()   # streets placed by the headline alone
    for zone, found in zip(zones, by_piece):
        for m in found:
            valid, short_alone = [], False
            for code in m.codes:
                d = gazetteer.get(code)
                support = [a for a in gazetteer.ancestors(code)[:-1] if a.code in mentioned]
                if d.level == "street" and code not in named:
                    named[code] = named_communities(gazetteer, code, text)
                communities = named.get(code, [])
                if d.level == "province":
                    ok = True
                elif d.level == "street":
                    ok = bool(support or communities)
                    if not ok and zone == "headline" and len(m.codes) == 1:
                        # 昌硕街道2022年工作总结: the subject of the headline, and the only
                        # division of that name in the table. Placed, and left for review.
                        ok = True
                        by_headline.add(code)
                elif d.level == "district" and m.name in index.short_of:
                    # 胶州 for 胶州市 only with 青岛 or 山东 named: alone, a short form is as likely
                    # an everyday word (安宁疗护, hospice care, is not 安宁市).
                    ok = bool(support)
                    short_alone = short_alone or not ok
                    if not ok:
                        continue
                else:
                    ok = bool(support) or len([c for c in m.codes
                                               if gazetteer.get(c).level == d.level]) == 1
                if ok:
                    valid.append((len(support) + len(communities), code, support, communities))
                elif d.level == "street":
                    uncorroborated_streets.add(d.name)
            if not valid:
                if short_alone:
                    shorts_alone.add(m.name)
                elif not any(gazetteer.get(c).level == "street" for c in m.codes):
                    level = gazetteer.get(next(iter(m.codes))).level
                    ambiguous.setdefault(level, set()).add(m.name)
                continue
            m.code = _pick(gazetteer, index, m, valid, ambiguous)
            if m.code and gazetteer.get(m.code).level == "street":
                d = gazetteer.get(m.code)
                support, communities = next((s, c) for _, code, s, c in valid if code == m.code)
                chosen_streets[m.code] = ([a.name for a in support] + communities, d.name)
    for code, (why, name) in chosen_streets.items():
        if why:
            result.evidence.append(f"{name} ({code}) corroborated by {', '.join(why)}")
        elif code in by_headline:
            result.evidence.append(f"{name} ({code}): named in the headline, the only {name} "
                                   "in the table")
            result.review.append(f"{name} placed by its name in the headline alone (no district, "
                                 "city or province named)")
    for name in sorted(shorts_alone):
        result.evidence.append(f"{name} read as a word: a county-level short form without its city or "
                               "province named")
    homonyms_left = {}
    for name in uncorroborated_streets:
        total = len(gazetteer.find(name, "street"))
        used = sum(1 for c in chosen_streets if gazetteer.get(c).name == name)
        homonyms_left[name] = total - used
    for name, left in sorted(homonyms_left.items()):
        if left <= 0:
            continue
        used = any(gazetteer.get(c).name == name for c in chosen_streets)
        which = f"{left} other {name} in the table" if used else f"{name} ({left} in the table)"
        result.evidence.append(f"{which} named without its district, city, province or one of "
                               "its communities: not used")
    never = sorted(n for n in uncorroborated_streets if not any(gazetteer.get(c).name == n for c in chosen_streets))
    if never and not chosen_streets:
        # Only when no street could be placed: beside a corroborated street, others named in
        # passing (建设街道 in a list) say nothing about the document's own place.
        result.review.append("street named without corroboration: " + ", ".join(never))
    for level, names in sorted(ambiguous.items()):
        result.review.append(f"{level} ambiguous: {', '.join(sorted(names))} (several in the table, "
                             "none corroborated)")


def _pick(gazetteer: Gazetteer, index: _Index, m: _Mention, valid: list, ambiguous: dict) -> str | None:
    codes = [code for _, code, _, _ in valid]
    # One line of ancestors (北京市 the province and 北京市 the city; 吉林 the province and 吉林
    # the city): a full name is the deepest (the municipality's city), a short form the
    # highest (吉林 is the province; the city is written 吉林市).
    chain = sorted(codes, key=lambda c: len(gazetteer.ancestors(c)))
    if all(gazetteer.is_within(chain[i + 1], chain[i]) for i in range(len(chain) - 1)):
        same_name = len({gazetteer.get(c).name for c in chain}) == 1   # 上海 → 上海市 › 上海市
        return chain[0] if m.name in index.short_of and not same_name else chain[-1]
    if all(gazetteer.is_within(c, chain[0]) for c in chain):
        return chain[0]  # 重庆市: the municipality and both its city-level halves (市辖区, 县)
    best = max(v[0] for v in valid)
    top = [v for v in valid if v[0] == best]
    if len(top) == 1:
        return top[0][1]
    level = gazetteer.get(top[0][1]).level
    ambiguous.setdefault(level, set()).add(m.name)
    return None


@dataclass
class _Evidence:
    total: dict[str, float] = field(default_factory=dict)   # code → weight of it and its parts
    direct: dict[str, float] = field(default_factory=dict)  # code → weight of its own names
    headline: set[str] = field(default_factory=set)         # the path the headline names


def _evidence(gazetteer: Gazetteer, by_piece: list[list[_Mention]], pieces: list[Piece]
              ) -> _Evidence:
    """The weight of the mentions of each division and of everything inside it (rules 3, 4)."""
    result = _Evidence()
    evidence = result.total
    headline_codes: list[str] = []

    def add(code: str, weight: float, direct: bool, zone: str) -> None:
        for a in gazetteer.ancestors(code):
            evidence[a.code] = evidence.get(a.code, 0.0) + weight
        if direct:
            result.direct[code] = result.direct.get(code, 0.0) + weight
        if zone == "headline" and weight > 0:
            headline_codes.append(code)

    named_streets = {m.code for f in by_piece for m in f if m.code and len(m.code) == 9}
    districts = {m.code[:6] for f in by_piece for m in f if m.code and len(m.code) >= 6}
    # Communities of the districts in play (学院路社区, 庆春社区): where their street is not
    # named, they speak for the district.
    communities: dict[str, str] = {}
    for district in sorted(districts):
        for street in gazetteer.children(district):
            for name in gazetteer.communities(street.code):
                if len(name) >= 3:
                    communities.setdefault(name, street.code if street.code in named_streets else district)
    # 裕华街道河西社区: where the text names a community right after a street, the text's
    # pairing wins over the table's (communities move between streets).
    for piece, found in zip(pieces, by_piece):
        for m in found:
            if m.code in named_streets:
                for name in communities:
                    if piece.text.startswith(name, m.end):
                        communities[name] = m.code
    for piece, found in zip(pieces, by_piece):
        hits: list[_Mention] = []
        place_ends = {m.end for m in found if m.code}
        for name, holder in communities.items():
            count = 0
            for start in _occurrences(name, piece.text):
                before = piece.text[start - 1] if start else ""
                # 绿洲社区 is not named inside 金绿洲社区; 呼和浩特清泉街社区 names it.
                if before and before not in _COMMUNITY_BEFORE and "\u4e00" <= before <= "\u9fff" \
                        and start not in place_ends:
                    continue
                hits.append(_Mention(start, start + len(name), name, {holder},
                                     piece.weight * COMMUNITY_WEIGHT, holder))
                count += 1
                if count >= COMMUNITY_MAX_COUNT:
                    break
        items = sorted([m for m in found if m.code] + hits, key=lambda m: m.start)
        for i, m in enumerate(items):
            nxt = items[i + 1] if i + 1 < len(items) else None
            in_path = nxt is not None and nxt.start - m.end <= 1 and gazetteer.is_within(nxt.code, m.code) \
                and (nxt.code != m.code or nxt.name in communities)
            if in_path:
                # 天津市西青区大寺镇, 呼和浩特清泉街社区: a path is one mention of its deepest
                # part, as strong as the place it starts with; an example of many anywhere
                # in it makes it one.
                nxt.weight = m.weight if nxt.name in communities else min(m.weight, nxt.weight)
                # 八廓街道夏萨苏社区 names the street; 秀英区的天海社区 does not.
                nxt.named = m.code == nxt.code or m.named
                continue
            add(m.code, m.weight, m.named or m.name not in communities, piece.zone)
    # A headline that names one place (or one line of places) names the document's subject.
    chain = sorted(set(headline_codes), key=lambda c: len(gazetteer.ancestors(c)))
    if chain and all(gazetteer.is_within(chain[i + 1], chain[i]) for i in range(len(chain) - 1)):
        result.headline = {a.code for a in gazetteer.ancestors(chain[-1])}
    return result


def _self_references(pieces: list[Piece]) -> dict[str, float]:
    """level → weight of the text speaking as a place of that level (我市, 我区, 我街道)."""
    weights: dict[str, float] = {}
    for piece in pieces:
        for m in _SELF_REFERENCE.finditer(piece.text):
            level = _SELF_LEVEL[m.group(0)[1:]]
            weights[level] = weights.get(level, 0.0) + piece.weight
    return weights


_SELF_LEVEL = {"市": "city", "区": "district", "县": "district", "旗": "district", "镇": "street",
               "乡": "street", "街道": "street"}
# 我市, 本区, 我街道 — not 本区域 (this area), not 我市长 (…'s mayor).
_SELF_REFERENCE = re.compile(r"[我本](?:街道|市|区|县|旗|镇|乡)(?!域|[长委])")


def _descend(gazetteer: Gazetteer, weights: _Evidence, result: Resolution,
             speaks_as: dict[str, float], publisher: str | None = None) -> Resolution:
    evidence = weights.total
    node: Division | None = None
    children = [gazetteer.get(c) for c in evidence if len(c) == 2]
    while True:
        kids = sorted((d for d in children if evidence.get(d.code, 0) > 0),
                      key=lambda d: (-evidence[d.code], d.code))
        if not kids:
            break
        total = evidence[node.code] if node else sum(evidence[d.code] for d in kids)
        if node is not None:
            # 我市 in a city's own news: the author speaks as this place, not one of its parts.
            level = "city" if node.level == "district" and node.name.endswith("市") else node.level
            total += speaks_as.get(level, 0.0)
        best = kids[0]
        best_e = evidence[best.code]
        second = evidence[kids[1].code] if len(kids) > 1 else 0.0
        share = best_e / total if total else 0.0
        stands_out = share >= SHARE and best_e >= DOMINANCE * second
        if best.level == "street" and weights.direct.get(best.code, 0.0) < STREET_DIRECT_MIN:
            stands_out = False  # named only in a list, or only through its communities
        elif best.code in weights.headline and best_e > second:
            stands_out = True   # the headline's own place, unless a sibling weighs as much
        on_path = next((k for k in kids if publisher and (k.code == publisher
                                                          or gazetteer.is_within(publisher, k.code))), None)
        if on_path is not None and on_path is not best:
            # A visit: 顺德区大良街道…一行到众创金融街调研 in the headline and lead of a page the
            # host published (来源于：东区办事处). The publisher's place is the page's own.
            result.evidence.append(f"{on_path.name}: the publisher's place, over {best.name} "
                                   f"({evidence[on_path.code]:g} against {best_e:g})")
            best, best_e, stands_out = on_path, evidence[on_path.code], True
        elif on_path is not None:
            stands_out = True
        if stands_out:
            node = best
            result.evidence.append(f"{best.name} ({best.code}): {best_e:g} of {total:g}")
            children = gazetteer.children(best.code)
            continue
        rival = f", {kids[1].name} {second:g}" if len(kids) > 1 else ""
        note = f"{best.name} {best_e:g} of {total:g}{rival}"
        if node is None:
            result.review.append(f"several provinces named: {note}")
        else:
            result.evidence.append(f"stopped at {node.name}: no part of it stands out ({note})")
            if share >= CLOSE_SHARE and best_e >= DOMINANCE * second * 0.75:
                result.review.append(f"{node.name} or its part {best.name}? ({note})")
        break
    if node is None:
        return result
    if evidence[node.code] <= WEAK_EVIDENCE:
        result.review.append(f"{node.name} rests on a single mention")
    result.division = node
    result.path = {a.level: a.name for a in gazetteer.ancestors(node.code)}
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
