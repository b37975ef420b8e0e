"""Honours and initiatives in one sentence of Simplified Chinese prose.

Rule based, on purpose: the archive must explain every entry, and editors correct the rest
in data/timeline.toml. The rules themselves are data in rules.py. A sentence is cut into
clauses (at ，；： outside quotes); a verb from the rules opens an entry in its clause: the
text before the verb is who, the text after it holds the name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules
from .dating import EntryDate, date_for

HAN = "\u4e00-\u9fff"
_NAME_CHAR = rf"[{HAN}A-Za-z0-9+·]"
_CLAUSE_BREAKS = "，,；;：:。！？!?"
_OPENERS = {"“": "”", "《": "》", "（": "）", "(": ")", "「": "」", "‘": "’"}
_QUOTED = re.compile(r"“([^“”]{1,24})”")
_RANKING = re.compile(rules.RANKING_PREFIX)
_ACTOR = re.compile(rf"[{HAN}A-Za-z0-9]{{0,14}}?(?:{'|'.join(rules.ACTOR_SUFFIXES)})")
_AWARDER = re.compile(
    rf"(?P<org>[{HAN}]{{2,20}}?(?:{'|'.join(rules.AWARDER_SUFFIXES)}))"
    rf"(?:近日|日前|正式|联合|下发|先后)?(?:{'|'.join(rules.AWARDING_VERBS)})")
_GIVEN_BY = re.compile(rf"^由(?P<org>[{HAN}]{{2,20}}?)(?:{'|'.join(rules.AWARDING_VERBS)}|评选|颁布)的")
_PASSIVE_AGENT = re.compile(r"被(?P<org>[^，,。；;]{2,20}?)$")
_RUN = re.compile(rf"(?:推动|推进|深化|做实|做强|擦亮)(?P<name>[{HAN}]{{2,10}}?)"
                  r"(?:实体化|常态化|规范化|品牌化)?(?:运作|运行)")


@dataclass(frozen=True)
class Candidate:
    """An entry as the sentence states it; who is as written ("" when the sentence names no
    one, i.e. the place the article is about)."""

    type: str
    name: str
    who: str
    date: EntryDate
    date_source: str
    awarded_by: str | None = None


_PLAIN_CLAUSE = re.compile(f"[^{re.escape(_CLAUSE_BREAKS)}]+")
_HAS_OPENER = re.compile("|".join(re.escape(o) for o in _OPENERS))


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Clause spans; punctuation inside quotes, titles and brackets does not break a clause
    (“不忘初心，牢记使命” stays whole)."""
    if not _HAS_OPENER.search(sentence):
        return [m.span() for m in _PLAIN_CLAUSE.finditer(sentence)]
    spans, start, closing = [], 0, []
    for i, ch in enumerate(sentence):
        if closing and ch == closing[-1]:
            closing.pop()
        elif ch in _OPENERS:
            closing.append(_OPENERS[ch])
        elif not closing and ch in _CLAUSE_BREAKS:
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(sentence):
        spans.append((start, len(sentence)))
    return spans


def _verb_pattern(verbs: tuple[str, ...]) -> re.Pattern:
    # Longest first: at a position the alternation takes the first that matches, so 被评为
    # wins over 评为 and 创新推出 over 推出.
    return re.compile("|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True)))


_HONOUR_VERBS = _verb_pattern(rules.HONOUR_VERBS)
_INITIATIVE_VERBS = _verb_pattern(rules.INITIATIVE_VERBS)


def _verbs(text: str, pattern: re.Pattern) -> list[tuple[int, str]]:
    """Non-overlapping verb occurrences, the longest verb winning at a position."""
    return [(m.start(), m.group(0)) for m in pattern.finditer(text)]


def _strip_fillers(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        for word in rules.LEADING_FILLERS:
            if text.startswith(word):
                text = text[len(word):]
        for word in rules.TRAILING_FILLERS:
            if text.endswith(word):
                text = text[:-len(word)]
    return text.strip()


def _is_actor(text: str) -> bool:
    return text in rules.SELF_REFERENCES or text.endswith(rules.ACTOR_SUFFIXES)


def _without_location(subject: str) -> str:
    """Drop 在…中 / 在…上: where something happened is not who did it."""
    subject = re.sub(rf"在[{HAN}A-Za-z0-9“”]*?(?:中|上|里|期间|会上)", "", subject)
    return subject if not subject.startswith(("在", "于")) else ""


def _self_prefix_removed(name: str) -> str:
    """街道寨北社区 → 寨北社区: the article's own place in front of one of its parts."""
    for prefix in sorted(rules.SELF_REFERENCES + ("辖区内", "辖区"), key=len, reverse=True):
        rest = name[len(prefix):]
        # 街道党工委 stays whole: 党工委 alone is the street's organ, not another place.
        if (name.startswith(prefix) and len(rest) >= 2 and _is_actor(rest)
                and rest not in rules.ACTOR_SUFFIXES):
            return rest
    return name


def recipients(subject: str) -> list[str]:
    """Who received an honour, from the text before the verb: 怡园街道、寨北社区和东涝台社区."""
    subject = _strip_fillers(_without_location(_strip_fillers(subject)))
    found = []
    for part in re.split(r"[、]|以及", subject):
        found.extend(_split_conjunction(_strip_fillers(part)))
    found = [_self_prefix_removed(p) for p in found]
    return [p for p in found if p and _is_actor(p)]


def _split_conjunction(part: str) -> list[str]:
    # 和/及/与 join two recipients only when both sides end like a place; 和平社区 and 和谐
    # contain 和 as part of a name.
    for i, ch in enumerate(part):
        if ch in "和及与" and 0 < i < len(part) - 1:
            left, right = part[:i], part[i + 1:]
            if _is_actor(left) and _is_actor(right) and len(left) >= 2 and len(right) >= 2:
                return [left] + _split_conjunction(right)
    return [part] if part else []


def actor(subject: str, anchored: bool = False) -> str:
    """Who launched an initiative: the first place or organisation before the verb (with
    `anchored`, only one the text opens with)."""
    # 刚才时磊主任提到街道…: what someone reports, the actor is who comes after the verb.
    subject = _strip_fillers(re.split(r"提到|介绍|表示|指出|说|称", subject)[-1])
    if subject.startswith(("在", "于", "按", "依托", "通过", "以", "围绕", "结合", "对")):
        return ""
    match = _ACTOR.match(subject) if anchored else _ACTOR.search(subject)
    if not match:
        return ""
    name = match.group(0)
    rest = subject[match.end():]
    organ = next((o for o in sorted(rules.PLACE_ORGAN_SUFFIXES, key=len, reverse=True)
                  if rest.startswith(o)), "")
    name += organ  # the shortest match stops at 区 in 区党工委
    if name.startswith(("全", "辖区")):
        return ""  # 全区, 全市: a scope, not who acted
    # 街道党工委 acts for 街道; 区党工委 stays whole (区 alone names nothing).
    suffix = next((o for o in sorted(rules.PLACE_ORGAN_SUFFIXES, key=len, reverse=True)
                   if name.endswith(o)), "")
    if suffix and len(name) - len(suffix) >= 2:
        name = name[:-len(suffix)]
    return _self_prefix_removed(_strip_fillers(name))


def _awarder(sentence: str, position: int) -> str | None:
    """The body that conferred the honour when the sentence says so before the verb."""
    found = None
    for match in _AWARDER.finditer(sentence[:position]):
        found = match.group("org")
    if found:
        found = _strip_fillers(re.split(r"[，,；;：:“”《》]", found)[-1])
    return found or None


def _honour_names(obj: str) -> tuple[list[str], bool]:
    """Honour names in the text after the verb, and whether it said 称号/荣誉/奖."""
    obj = re.sub(r"^[了过的]+", "", obj)
    said_title = bool(re.search("称号|荣誉|奖|殊荣", obj))
    # …等多项荣誉, …等一系列称号: the count is not part of the last name.
    obj = re.sub(r"等(?:[多数几]项|一系列|多个|诸多)(?:荣誉称号|称号|荣誉|殊荣)?$", "", obj)
    for suffix in rules.HONOUR_NAME_SUFFIXES:
        if obj.endswith(suffix) and len(obj) > len(suffix):
            obj = obj[:-len(suffix)]
            break
    parts = re.split(r"[、]|”“|”和“|”及“", obj)
    names = []
    for part in parts:
        part = part.strip("“”\"' ")
        part = re.sub(r"(?:等)?(?:荣誉称号|称号|荣誉)$", "", part)
        part = re.sub(r"^(?:了|的)", "", part)
        if 2 <= len(part) <= rules.NAME_MAX_LENGTH and re.search(f"[{HAN}]", part):
            names.append(part)
    return names, said_title


def _honours(sentence: str, spans, reference: EntryDate) -> list[Candidate]:
    found = []
    # 街道荣获…，并被评为…: a clause without a subject continues the previous one.
    previous_who: list[str] = []
    for start, end in spans:
        clause = sentence[start:end]
        for offset, verb in _verbs(clause, _HONOUR_VERBS):
            after = clause[offset + len(verb):]
            if verb == "获得" and after.startswith("感"):  # 获得感: a feeling, not an award
                continue
            subject = clause[:offset]
            awarded_by = None
            passive = _PASSIVE_AGENT.search(subject)
            if passive and not verb.startswith("被"):
                awarded_by = _strip_fillers(passive.group("org"))
                subject = subject[:passive.start()]
            elif verb in rules.PASSIVE_ONLY_HONOUR_VERBS:
                continue  # active 评为 (街道评为…): the place awards, it does not receive
            elif verb in rules.ACTIVE_AWARD_VERBS:
                awarder = _strip_fillers(subject)
                awarded_by = awarder if awarder.endswith(rules.AWARDER_SUFFIXES) else None
                subject, after = _recipient_first(re.sub(r"^[了过]", "", after))
            given = _GIVEN_BY.match(re.sub(r"^[了过]", "", after))
            if given:
                awarded_by = given.group("org")
                after = re.sub(r"^[了过]", "", after)[given.end():]
            names, said_title = _honour_names(after)
            if verb in rules.WEAK_HONOUR_VERBS:
                names = [n for n in names if said_title or any(w in n for w in rules.HONOUR_WORDS)]
            # No NOT_INITIATIVES filter here: 扫黑除恶专项斗争先进集体 is an honour the place got.
            if not names:
                continue
            who = recipients(subject)
            if not who:
                if _strip_fillers(_without_location(subject)):
                    continue  # 社区书记张三荣获…: a person or a thing, not a place or organisation
                who = previous_who or [""]
            previous_who = who
            awarded_by = awarded_by or _awarder(sentence, start + offset)
            date, date_source = date_for(sentence, start + offset, end, reference)
            if len(who) == len(names) and len(names) > 1 and "分别" in subject + verb:
                pairs = list(zip(who, names))
            else:
                pairs = [(w, n) for w in who for n in names]
            for w, n in pairs:
                found.append(Candidate("honour", n, w, date, date_source, awarded_by))
    return found


def _recipient_first(obj: str) -> tuple[str, str]:
    """授予怡园街道“…”称号 → ("怡园街道", "“…”称号"): who comes first, then the honour."""
    if "“" in obj:
        return obj[:obj.index("“")], obj[obj.index("“"):]
    match = _ACTOR.match(obj)
    return (match.group(0), obj[match.end():]) if match else ("", obj)


def _is_slogan(text: str) -> bool:
    """Quoted text that is a slogan or a policy, not a name: 不忘初心、牢记使命."""
    return (bool(re.search(r"[、，,；;！!？?\s的]", text))
            or any(w in text for w in rules.NOT_INITIATIVES))


def _longest_head(tail: str, heads: tuple[str, ...]) -> str:
    for k in range(len(tail), 0, -1):
        if tail[:k].endswith(heads):
            return tail[:k]
    return ""


def _initiative_names(phrase: str) -> list[str]:
    phrase = re.sub(r"^[了起出好]+", "", phrase)
    names: list[str] = []
    quotes = list(_QUOTED.finditer(phrase))
    for i, quote in enumerate(quotes):
        inner = quote.group(1).strip()
        if _is_slogan(inner):
            continue
        prefix = phrase[quotes[i - 1].end() if i else 0:quote.start()]
        if "的" in prefix:
            prefix = prefix[prefix.rindex("的") + 1:]
        prefix = _RANKING.sub("", prefix)
        if (re.search(r"[^\u4e00-\u9fffA-Za-z]|^[和及与或]|等", prefix) or len(prefix) > 12
                or prefix.endswith(tuple(v for v in rules.INITIATIVE_VERBS))):
            prefix = ""
        tail = re.match(f"{_NAME_CHAR}*", phrase[quote.end():]).group(0)
        if tail.startswith(("之", "等", "和", "及", "与")):
            if tail.startswith("之"):
                continue  # “吾事五说”之红色议事园: a branch of a brand already named
            tail = ""
        if tail:
            tail = _longest_head(tail, rules.QUOTED_HEADS)
            if not tail:
                continue  # “8+16”全天候管理, “行业联盟”方式: a description, not a name
        elif not (inner.endswith(rules.QUOTED_HEADS) or len(re.findall(f"[{HAN}]", inner)) >= 3):
            continue
        names.append(f"{prefix}“{inner}”{tail}")
    if names:
        return names
    rest = phrase[quotes[-1].end():] if quotes else phrase
    if "的" in rest:
        rest = rest[rest.rindex("的") + 1:]
    items = []
    for item in rest.split("、"):
        item = re.match(f"{_NAME_CHAR}*", item).group(0)
        items.append(_RANKING.sub("", re.sub(r"^[了起出好]+", "", item)))
    # In a list every item must be a name: in 一门受理、协助办理机制 the 、 joins two halves
    # of one description.
    if all(len(item) >= rules.UNQUOTED_MIN_LENGTH and item.endswith(rules.UNQUOTED_HEADS)
           and not item[0].isdigit() and not re.search(r"[0-9]+[个支家批条项名人]", item)
           for item in items):
        names.extend(items)
    return names


def _acceptable_initiative(name: str) -> bool:
    bare = name.replace("“", "").replace("”", "")
    # A quoted name is a name even when it ends like a description (“街长制”工作机制).
    generic = "“" not in name and any(w in bare for w in rules.GENERIC_MARKERS)
    return (2 <= len(bare) <= rules.NAME_MAX_LENGTH
            and not any(w in bare for w in rules.NOT_INITIATIVES) and not generic)


def _excluded(clause: str, offset: int, verb: str) -> bool:
    """The verb is part of a phrase that never introduces a named initiative (建立健全…)."""
    for phrase in rules.INITIATIVE_VERB_EXCLUSIONS:
        at = phrase.find(verb)
        if at >= 0 and offset - at >= 0 and clause.startswith(phrase, offset - at):
            return True
    return False


def _opening_actor(sentence: str, spans) -> str:
    """The place or organisation a sentence opens with, before any verb: 街道以党建为引领."""
    if not spans:
        return ""
    opening = sentence[spans[0][0]:spans[0][1]]
    verb = _INITIATIVE_VERBS.search(opening)
    if verb:
        opening = opening[:verb.start()]
    return actor(opening.split("“", 1)[0], anchored=True)


def _initiatives(sentence: str, spans, reference: EntryDate) -> list[Candidate]:
    found = []
    # 社区推出…，搭建…: a clause without subject has the actor of the clause before it, and
    # at first the one the sentence opens with (街道以党建为引领，搭建了…).
    previous_actor = _opening_actor(sentence, spans)
    for start, end in spans:
        clause = sentence[start:end]
        for offset, verb in _verbs(clause, _INITIATIVE_VERBS):
            if _excluded(clause, offset, verb):
                continue
            subject = clause[:offset]
            if any(marker in subject for marker in rules.FUTURE_MARKERS):
                continue
            names = [n for n in _initiative_names(clause[offset + len(verb):])
                     if _acceptable_initiative(n)]
            if not names:
                continue
            who = actor(subject)
            if not who and not _strip_fillers(subject):
                who = previous_actor
            previous_actor = who or previous_actor
            date, date_source = date_for(sentence, start + offset, end, reference)
            found.extend(Candidate("initiative", n, who, date, date_source) for n in names)
        for run in _RUN.finditer(clause):
            # 推动红色商圈实体化运作: a place runs a brand it names in quotes in the sentence.
            name = f"“{run.group('name')}”"
            if name in sentence and _acceptable_initiative(name):
                if any(marker in clause[:run.start()] for marker in rules.FUTURE_MARKERS):
                    continue
                date, date_source = date_for(sentence, start + run.start(), end, reference)
                found.append(Candidate("initiative", name, actor(clause[:run.start()]),
                                       date, date_source))
    return found


_ANY_VERB = _verb_pattern(rules.HONOUR_VERBS + rules.INITIATIVE_VERBS + ("运作", "运行"))


def extract(sentence: str, reference: EntryDate | None = None) -> list[Candidate]:
    """Every honour and initiative the sentence states, in order, without duplicates."""
    if not _ANY_VERB.search(sentence):
        return []  # most sentences: nothing to look at
    reference = reference or EntryDate.unknown()
    seen, result = set(), []
    spans = clauses(sentence)
    for candidate in _honours(sentence, spans, reference) + _initiatives(sentence, spans, reference):
        key = (candidate.type, candidate.name, candidate.who)
        if key not in seen:
            seen.add(key)
            result.append(candidate)
    return result
