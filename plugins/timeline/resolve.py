"""Who → a place: the recipient or actor an entry names, resolved against the article's own
place and communities (its record) and the gazetteer."""
from __future__ import annotations

from plugins.gazetteer import Division, Gazetteer

from . import rules

_STREET_REFERENCES = ("街道", "镇", "乡", "办事处", "办")
_DISTRICT_REFERENCES = ("我区", "本区", "该区")
# 区党工委, 市委: a bare level word in front of an organ means the article's place at that level.
_LEVEL_WORDS = {"区": "district", "县": "district", "市": "city", "省": "province",
                "街道": "street", "镇": "street", "乡": "street"}


class PlaceResolver:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def communities(self, article, place: Division | None) -> set[str]:
        names = set(article.record.communities)
        if place is not None and place.level == "street":
            names.update(self.gazetteer.communities(place.code))
        return names

    def resolve(self, who: str, article) -> tuple[str, str | None]:
        """(who as shown, division code or None). A community resolves to its street: the
        gazetteer's places stop at the street level."""
        base = article.record.place
        chain = article.record.place_path
        if not who or who in rules.SELF_REFERENCES:
            target = base
            if who in _DISTRICT_REFERENCES:
                target = next((d for d in chain if d.level == "district"), base)
            elif who and who.endswith(_STREET_REFERENCES):
                target = next((d for d in chain if d.level == "street"), base)
            return (target.name, target.code) if target else (who, None)
        street = next((d for d in chain if d.level == "street"), None)
        if who in rules.COMMUNITY_SELF_REFERENCES and street is not None:
            # 该社区 is the article's community when it names exactly one.
            named = article.record.communities
            return (named[0] if len(named) == 1 else who), street.code
        for suffix in rules.PLACE_ORGAN_SUFFIXES:
            # 街道党工委, 寨北社区党委: the organ of a place is filed under that place; 区党工委
            # is the district's.
            if who.endswith(suffix) and len(who) > len(suffix):
                stem = who[:-len(suffix)]
                level = _LEVEL_WORDS.get(stem)
                if level:
                    target = next((d for d in chain if d.level == level), None)
                    if target is not None:
                        return target.name + suffix, target.code
                name, code = self.resolve(stem, article)
                if code:
                    return name + suffix, code
        for division in reversed(chain):
            if self.gazetteer.names_match(division, who) or who == division.name:
                return division.name, division.code
        for division in reversed(chain):
            # 今年以来垎塔埠街道: leftover words in front of the place's name
            if len(division.name) >= 3 and who.endswith(division.name):
                return division.name, division.code
        if street is not None and who.endswith(("社区", "村", "居委会", "村委会")):
            known = self.communities(article, street)
            stem = who.removesuffix("居委会").removesuffix("村委会")
            if who in known or stem in known or stem + "社区" in known:
                return who, street.code
        found = self.gazetteer.find(who)
        if base is not None and found:
            # A bare name counts only inside the article's own province (or closer): 中山西路街道
            # exists in Hohhot and in Baoji.
            scope = next((d for d in chain if d.level == "city"), chain[0])
            found = [d for d in found if self.gazetteer.is_within(d.code, scope.code)]
        if len(found) == 1:
            return found[0].name, found[0].code
        return who, None
