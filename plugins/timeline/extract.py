"""Honours and initiatives in one sentence of Simplified Chinese prose.

Rule based, on purpose: the archive must explain every entry, and editors correct the rest
in data/timeline.toml. The rules themselves are data in rules.py. A sentence is cut into
clauses (at ，；： outside quotes); a verb from the rules opens an entry in its clause: the
text before the verb is who, the text after it holds the name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from plugins.article_meta.dates import PreciseDate

from . import rules
from .dating import date_for

HAN = "\u4e00-\u9fff"
_NAME_CHAR = rf"[{HAN}A-Za-z0-9+·]"
_CLAUSE_BREAKS = "，,；;：:。！？!?"
_OPENERS = {"“": "”", "《": "》", "（": "）", "(": ")", "「": "」", "‘": "’"}
_QUOTED = re.compile(r"“([^“”]{1,24})”")
_RANKING = re.compile(rules.RANKING_PREFIX)
_ORDINAL_END = re.compile(r"(?:首|第[0-9一二三四五六七八九十百]+)[届期次]$")  # XX街道第四届“…”
# Where the text before a quoted name stops being part of it: 的, 暨 or a conjunction (和平, 和谐
# are no conjunction).
_JOINT = re.compile(r"的|暨|[和及与](?![" + "".join(rules.NAME_AFTER_HE) + "])")
# What follows a quoted name without naming its kind: 之 (a branch), 等 and conjunctions.
_NOT_A_KIND = ("之", "等", "和", "及", "与", "暨")
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
    date: PreciseDate
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
_INITIATIVE_VERBS = _verb_pattern(rules.INITIATIVE_VERBS + rules.EVENT_VERBS)
_COUNTED = re.compile(r"[0-9一二三四五六七八九十两百千]+[个支家批条项名人]")


def _verbs(text: str, pattern: re.Pattern) -> list[tuple[int, str]]:
    """Non-overlapping verb occurrences, the longest verb winning at a position."""
    return [(m.start(), m.group(0)) for m in pattern.finditer(text)]


_LEADING_DATE = re.compile(r"^(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|近年来)")


def _strip_fillers(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_DATE.sub("", text)  # 2023年11月南屏步行街被确认为…
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
    subject = re.sub(rf"在[{HAN}A-Za-z0-9“”]*?(?:中|上|里|下|期间|会上)", "", subject)
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


def _is_named_thing(text: str) -> bool:
    """“逢四说事”协商工作机制, 《以“五融”党建赋能…》案例: a named practice can be honoured."""
    return bool(re.search("[“《]", text)) and text.endswith(rules.THING_SUFFIXES)


def recipients(subject: str) -> list[str]:
    """Who received an honour, from the text before the verb: 怡园街道、寨北社区和东涝台社区."""
    subject = _strip_fillers(_without_location(_strip_fillers(subject)))
    if subject.startswith("自"):
        subject = subject[1:]  # 自天海社区成为…示范点后: a time frame, not part of the name
    if _is_named_thing(subject):
        return [subject]
    found = []
    for part in _split_outside_quotes(subject, "、") if "以及" not in subject else re.split(r"[、]|以及", subject):
        found.extend(_split_conjunction(_strip_fillers(part)))
    found = [_self_prefix_removed(p) for p in found]
    return [p for p in found if p and (_is_actor(p) or _is_named_thing(p))]


def _split_outside_quotes(text: str, separators: str) -> list[str]:
    """Split at separators that stand outside “…” and 《…》 (市“创业、创新、创优”先进…)."""
    parts, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "“《":
            depth += 1
        elif ch in "”》" and depth:
            depth -= 1
        elif ch in separators and not depth:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _split_conjunction(part: str) -> list[str]:
    # 和/及/与 join two recipients only when both sides end like a place; 和平社区 and 和谐
    # contain 和 as part of a name.
    for i, ch in enumerate(part):
        if ch == "和" and part[i + 1:i + 2] in rules.NAME_AFTER_HE:
            continue  # 北京市东城区和平里街道: 和平里 is a name
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
    # 组织各社区积极开展…: a subject that opens with a verb names those led, not who led them.
    if subject.startswith(("在", "于", "按", "依托", "通过", "以", "围绕", "结合", "对", "组织", "带领",
                           "动员", "发动", "引导", "坚持", "聚焦", "立足")):
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
        if "被" in match.group("org"):
            continue  # 景星街社区被团中央确定为…: the agent of that clause's own honour
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
    # …劳动奖章等光荣称号: 光荣称号, then 等.
    stripped = True
    while stripped:
        stripped = False
        for suffix in rules.HONOUR_NAME_SUFFIXES:
            if obj.endswith(suffix) and len(obj) > len(suffix):
                obj, stripped = obj[:-len(suffix)], True
                break
    for end in rules.TIME_FRAME_ENDS:
        if obj.endswith(end) and len(obj) > len(end) + 2:
            obj = obj[:-len(end)]  # …示范点后 (自…成为…示范点后)
            break
    # “美丽社区”和“文明社区”, “甲”“乙”: quoted names side by side are separate names.
    obj = re.sub(r"”(?:和|及|与)?“", "”、“", obj)
    # 全国优秀社区工作法、全国社会治理创新案例和南宁市…: after a name's end, 和 starts the next.
    obj = re.sub(rf"({'|'.join(rules.HONOUR_NAME_ENDS)})(?:和|及)(?=[{HAN}“])", r"\1、", obj)
    parts = _split_outside_quotes(obj, "、")
    # 天津市“美丽社区”、“文明社区”: a qualifier before the first quoted name holds for the rest.
    shared = re.match(r"^([^“”]{1,8})“", parts[0]) if len(parts) > 1 else None
    names = []
    for i, part in enumerate(parts):
        if i and shared and part.startswith("“"):
            part = shared.group(1) + part
        if re.search(r"被|为“|" + "|".join(map(re.escape, rules.PASSIVE_ONLY_HONOUR_VERBS)), part):
            continue  # the next honour of the sentence, read at its own verb
        part = part.strip("\"' 。！？；，")
        part = part.strip("“”") if part.count("“") + part.count("”") <= 2 and part.startswith("“") else part
        part = re.sub(r"[（(][^（）()]*(?:\d|仅|共)[^（）()]*[）)]$", "", part)  # （全省仅2家）
        part = re.sub(r"(?:等)?(?:荣誉称号|称号|荣誉)$", "", part)
        part = re.sub(r"^(?:了|的)", "", part)
        if 2 <= len(part) <= rules.NAME_MAX_LENGTH and re.search(f"[{HAN}]", part):
            names.append(part)
    return names, said_title


def _honours(sentence: str, spans, reference: PreciseDate) -> list[Candidate]:
    found = []
    # 街道荣获…，并被评为…: a clause without a subject continues the previous one.
    previous_who: list[str] = []
    for index, (start, end) in enumerate(spans):
        clause = sentence[start:end]
        for offset, verb in _verbs(clause, _HONOUR_VERBS):
            after = clause[offset + len(verb):]
            if verb == "获得" and after.startswith("感"):  # 获得感: a feeling, not an award
                continue
            subject = clause[:offset]
            awarded_by = None
            if verb in rules.ACTIVE_NAMING_VERBS:
                found.extend(_named_by_authority(sentence, start, offset, verb, end, reference))
                continue
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
            after += _listed_on(sentence, spans, index)
            names, said_title = _honour_names(after)
            if verb in rules.WEAK_HONOUR_VERBS:
                # 被民政部认定为…发祥地: an awarding body's designation is an honour as it stands.
                by_authority = bool(awarded_by) and awarded_by.endswith(rules.AWARDER_SUFFIXES)
                names = [n for n in names if said_title or by_authority
                         or any(w in n for w in rules.HONOUR_WORDS)]
            # No NOT_INITIATIVES filter here: 扫黑除恶专项斗争先进集体 is an honour the place got.
            names = [n for n in names if not _personal(n)]
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


def _personal(name: str) -> bool:
    """A title only a person holds (全国五一劳动奖章, 省首届“五一”劳动奖章, 青年科技新星)."""
    return name.replace("”", "").endswith(rules.PERSONAL_TITLE_ENDS)


def _listed_on(sentence: str, spans, index: int) -> str:
    """先后荣获A，B；C、D，E等荣誉称号: the list of honours goes on over the clauses after the
    verb's that have no verb of their own and read as honours, up to 等…称号."""
    more = ""
    for start, end in spans[index + 1:]:
        clause = sentence[start:end]
        if _ANY_VERB.search(clause):
            break
        parts = _split_outside_quotes(clause, "、")
        if not all(any(w in part for w in rules.HONOUR_WORDS) and len(part) <= rules.NAME_MAX_LENGTH
                   for part in parts):
            break
        more += "、" + clause
        if re.search("称号|荣誉", clause):
            break
    return more


def _named_by_authority(sentence: str, start: int, offset: int, verb: str, end: int,
                        reference: PreciseDate) -> list[Candidate]:
    """国家卫健委决定命名A等999个社区为B; 全国爱卫会确认A为B、C为D: the recipients before 为, the
    honours after it."""
    clause = sentence[start:end]
    subject = re.sub(r"(?:决定|正式|重新|下发文件|联合|再次|研究)+$", "", clause[:offset])
    awarder = _strip_fillers(re.split(r"[、，,]", subject)[-1]) if subject else ""
    awarded_by = awarder if awarder.endswith(rules.AWARDER_SUFFIXES) else _awarder(sentence, start + offset)
    found = []
    for item in _split_outside_quotes(clause[offset + len(verb):], "、"):
        m = re.match(rf"(?P<who>[^为，]{{2,40}}?)为(?P<name>[{HAN}“”A-Za-z0-9]{{2,40}})$", item)
        if not m:
            continue
        who = recipients(m.group("who"))
        names, said_title = _honour_names(m.group("name"))
        names = [n for n in names if said_title or awarded_by or any(w in n for w in rules.HONOUR_WORDS)]
        if not who or not names:
            continue
        date, date_source = date_for(sentence, start + offset, end, reference)
        found.extend(Candidate("honour", n, w, date, date_source, awarded_by) for w in who for n in names)
    return found


_PROPOSAL = re.compile(rf"(?:{'|'.join(rules.PROPOSAL_PREFIX)})(?P<name>“[^”]{{2,30}}”|[{HAN}A-Za-z0-9]{{2,20}}?)"
                       r"(?P<tail>的有|的|名单)")
# “文明背街小巷”示范点长流镇美德村, 海口市“文明社区”示范点天海社区: a designation and its holder.
_APPOSITIVE = re.compile(rf"(?P<name>(?:[{HAN}]{{2,5}}[省市区县])?“[^”]{{2,14}}”示范(?:点|单位|基地|村|社区|街区|街))"
                         rf"(?P<who>[{HAN}]{{2,12}}?(?:社区|街道|村|镇|乡|小区|路|街))")


_LIST_COUNT = re.compile(rf"(?:公布|发布|公示)[^，。；]{{0,30}}名单中[，,]\s*(?P<scope>[{HAN}]{{0,6}}?)"
                         rf"新增(?P<name>[{HAN}“”]{{2,20}}?)(?P<count>\d+|[一二三四五六七八九十两]+)"
                         rf"[{rules.LIST_COUNT_UNITS}]")


def _designations(sentence: str, reference: PreciseDate) -> list[Candidate]:
    """Honours stated without an honour verb: proposals under public notice (拟命名省级卫生镇的有
    鹤上镇、江田镇; 待命名为“国家卫生县城”的…), designations before their holder, and titles a
    published list adds with their count (…名单中，全省新增省级绿色工厂14家)."""
    found = []
    for m in _LIST_COUNT.finditer(sentence):
        name = m.group("name").strip("“”")
        if not (name.startswith(rules.TITLE_LEVELS) or any(w in name for w in rules.HONOUR_WORDS)):
            continue   # 名单中，今年新增就业岗位1200个: a count, not a title
        date, date_source = date_for(sentence, m.start(), len(sentence), reference)
        who = f"{m.group('scope')}{m.group('count')}{sentence[m.end() - 1]}"
        found.append(Candidate("honour", name, who, date, date_source))
    for m in _PROPOSAL.finditer(sentence):
        name, tail = m.group("name"), m.group("tail")
        quoted = name.startswith("“")
        if not quoted and tail != "的有":
            continue  # 拟命名省级卫生镇、卫生村和卫生社区名单: a list announced, named below
        who = [""]
        if tail == "的有":
            listed = re.split(r"[。；]", sentence[m.end():])[0]
            who = [w.strip() for w in re.split(r"[、，,]", listed) if w.strip()] or [""]
        date, date_source = date_for(sentence, m.start(), len(sentence), reference)
        found.extend(Candidate("honour", name.strip("“”"), w, date, date_source) for w in who)
    for m in _APPOSITIVE.finditer(sentence):
        date, date_source = date_for(sentence, m.start(), len(sentence), reference)
        found.append(Candidate("honour", m.group("name"), m.group("who"), date, date_source))
    return found


def _recipient_first(obj: str) -> tuple[str, str]:
    """授予怡园街道“…”称号 → ("怡园街道", "“…”称号"): who comes first, then the honour."""
    if "“" in obj:
        return obj[:obj.index("“")], obj[obj.index("“"):]
    match = _ACTOR.match(obj)
    return (match.group(0), obj[match.end():]) if match else ("", obj)


def _is_slogan(text: str) -> bool:
    """Quoted text that is a slogan, a policy or a day, not a name: 不忘初心、牢记使命,
    崇德尚礼·里仁为美, “七一”."""
    return (bool(re.search(rf"[、，,；;！!？?\s的]|[{HAN}]·[{HAN}]", text))
            or bool(re.fullmatch("[一二三四五六七八九十]+", text))
            or any(w in text for w in rules.NOT_INITIATIVES))


def _longest_head(tail: str, heads: tuple[str, ...]) -> str:
    for k in range(len(tail), 0, -1):
        if tail[:k].endswith(heads):
            return tail[:k]
    return ""


def _owner(prefix: str) -> tuple[str, str]:
    """(name prefix, owner) of the text before a quoted name: in 打造李台社区“居民议事厅” the
    community owns the name and is not part of it; in 创新“七XIN”工作法 nothing owns it."""
    if _is_actor(prefix):
        return "", "" if prefix in rules.ACTOR_SUFFIXES else prefix
    return prefix, ""


def _initiative_names(phrase: str, event: bool = False) -> list[tuple[str, str]]:
    """(name, owner) of the initiatives a verb's object names; owner "" when the text before
    the name names none. `event`: the verb holds an event (开展, 举办): only a quoted name
    counts, and it may be called an activity or a festival."""
    phrase = re.sub(r"^[了起出好]+", "", phrase)
    names: list[tuple[str, str]] = []
    heads = rules.QUOTED_HEADS + rules.EVENT_HEADS if event else rules.QUOTED_HEADS
    quotes = list(_QUOTED.finditer(phrase))
    for i, quote in enumerate(quotes):
        inner = quote.group(1).strip()
        if _is_slogan(inner):
            continue
        # 、 between two owned names (李台社区“居民议事厅”、刘园社区“三社联动”) is no part of them.
        prefix = phrase[quotes[i - 1].end() if i else 0:quote.start()].lstrip("、")
        # 志愿服务大集暨“…”邻居节, 工作母品牌和“七XIN党建工作法”: what ends at a joint belongs
        # to what came before.
        joint = [m.end() for m in _JOINT.finditer(prefix)]
        if joint:
            prefix = prefix[joint[-1]:]
        prefix = _ORDINAL_END.sub("", _RANKING.sub("", prefix))
        if (re.search(r"[^\u4e00-\u9fffA-Za-z]|^[和及与或]|等", prefix) or len(prefix) > 12
                or prefix.endswith(tuple(v for v in rules.INITIATIVE_VERBS))):
            prefix = ""
        prefix, owner = _owner(prefix)
        tail = _tail(phrase[quote.end():])
        if tail is None:
            continue
        if tail.startswith(_NOT_A_KIND):
            if tail.startswith("之"):
                continue  # “吾事五说”之红色议事园: a branch of a brand already named
            tail = ""
        if tail:
            tail = _longest_head(tail, heads)
            if not tail:
                continue  # “8+16”全天候管理, “行业联盟”方式: a description, not a name
        elif not (inner.endswith(heads) or (not event and len(re.findall(f"[{HAN}]", inner)) >= 3)
                  or (event and _listed_as_events(phrase, quote))):
            continue  # 举办火把节、“开笔礼”等活动: an event's quoted name says what kind it is
        names.append((f"{prefix}“{inner}”{tail}", owner))
    if names or event:
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
           and not item[0].isdigit() and not _COUNTED.search(item)
           for item in items):
        names.extend((item, "") for item in items)
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


_EVENT_LIST = re.compile(rf"“[^“”]{{1,24}}”(?:[、和及与]?“[^“”]{{1,24}}”)+"
                         rf"(?=等[{HAN}]{{0,6}}?(?:{'|'.join(rules.EVENT_LIST_ENDS)}))")


def _listed_as_events(phrase: str, quote: re.Match) -> bool:
    """The quoted name is one of a list of quoted names closed by what they all are:
    “最清洁城乡”、“五水共治”、“三改一拆”等各项重点工作."""
    return any(m.start() <= quote.start() and quote.end() <= m.end()
               for m in _EVENT_LIST.finditer(phrase))


def _tail(after: str) -> str | None:
    """The name characters right after a quoted name, up to a 的 (“五张清单”共联的运作模式:
    what follows 的 describes, it does not name); None when the quote is a theme or a means
    (以“民营企业周”为主题, 以“X”为载体) or is itself described (“一增一减”的农业政策), not a
    name."""
    if after.startswith(("为", "的")):
        return None
    return re.match(f"{_NAME_CHAR}*", after).group(0).split("的", 1)[0]


def _named_mention(quote: re.Match, clause: str) -> str:
    """“石榴籽驿站”, “北京丰台”APP: a quoted name that says it is a named kind of
    initiative, or "" (“手牵手”对子, “网红”)."""
    inner = quote.group(1).strip()
    if _is_slogan(inner):
        return ""
    tail = _tail(clause[quote.end():])
    if tail is None:
        return ""
    tail = tail[:8]
    # The first kind ends the name: “逢四说事”协商工作机制被评为…工作法.
    kind = next((tail[:k] for k in range(1, len(tail) + 1) if tail[:k].endswith(rules.NAMED_KINDS)), "")
    if kind and not kind.startswith(_NOT_A_KIND):
        return f"“{inner}”{kind}"
    return f"“{inner}”" if not tail and inner.endswith(rules.NAMED_KINDS) else ""


def _planned(sentence: str, clause_start: int, before: str) -> bool:
    """What follows is a plan, not a fact: a future marker before it in its clause, or a
    marker of plans anywhere earlier in the sentence (下一步，社区将…，构建…)."""
    return (any(marker in before for marker in rules.FUTURE_MARKERS)
            or any(marker in sentence[:clause_start] for marker in rules.PLAN_MARKERS))


def _initiatives(sentence: str, spans, reference: PreciseDate) -> list[Candidate]:
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
            if _planned(sentence, start, subject):
                continue
            names = [(n, owner) for n, owner in _initiative_names(
                         clause[offset + len(verb):], event=verb in rules.EVENT_VERBS)
                     if _acceptable_initiative(n)
                     and not (verb in rules.ACTIVATION_VERBS and "“" not in n
                              and n.endswith(rules.ACTIVATED_HEADS))]
            if not names:
                continue
            who = actor(subject)
            if not who and not _strip_fillers(subject):
                who = previous_actor
            previous_actor = who or previous_actor
            date, date_source = date_for(sentence, start + offset, end, reference)
            found.extend(Candidate("initiative", n, owner or who, date, date_source)
                         for n, owner in names)
        named = {c.name for c in found}
        for mention in _QUOTED.finditer(clause):
            name = _named_mention(mention, clause)
            if (not name or name in named or not _acceptable_initiative(name)
                    or _planned(sentence, start, clause[:mention.start()])):
                continue
            named.add(name)
            date, date_source = date_for(sentence, start + mention.start(), end, reference)
            # Who: the sentence's actor so far. The text right before a mention is seldom
            # its subject (形成了就业创业站的“两店两馆三站”格局).
            found.append(Candidate("initiative", name, previous_actor, date, date_source))
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


_ANY_VERB = _verb_pattern(rules.HONOUR_VERBS + rules.INITIATIVE_VERBS + rules.EVENT_VERBS
                          + ("运作", "运行"))
# A quoted name with its kind (“石榴籽驿站”, “北京丰台”APP): a sentence without a verb may still
# mention an initiative (_named_mention).
_KINDS = "|".join(sorted(rules.NAMED_KINDS, key=len, reverse=True))
_MENTION = re.compile(rf"(?:{_KINDS})”|”{_NAME_CHAR}{{0,8}}?(?:{_KINDS})")


def extract(sentence: str, reference: PreciseDate | None = None) -> list[Candidate]:
    """Every honour and initiative the sentence states, in order, without duplicates."""
    designated = "命名" in sentence or "示范" in sentence or "名单中" in sentence
    if not designated and not _ANY_VERB.search(sentence) and not _MENTION.search(sentence):
        return []  # most sentences: nothing to look at
    reference = reference or PreciseDate.unknown()
    seen, result = set(), []
    spans = clauses(sentence)
    designations = _designations(sentence, reference) if designated else []
    honours = designations + _honours(sentence, spans, reference)
    # “逢四说事”协商工作机制被评为…: the sentence is about the honour its holder received.
    holders = {c.who for c in honours}
    initiatives = [c for c in _initiatives(sentence, spans, reference) if c.name not in holders]
    for candidate in honours + initiatives:
        key = (candidate.type, candidate.name, candidate.who)
        if key not in seen:
            seen.add(key)
            result.append(candidate)
    return result
