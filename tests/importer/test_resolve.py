"""Place resolution from document text against the real gazetteer (data/gazetteer)."""
from pathlib import Path

import pytest

from plugins.gazetteer import Gazetteer
from plugins.gazetteer.resolve import communities_in_text, find_mentions, resolve

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load(DATA)


CASES = [
    # Rule 2: a street needs its district, city or province from the same document.
    {"id": "street-with-district", "text": "中山西路街道在回民区区委领导下开展工作。",
     "path": ["内蒙古自治区", "呼和浩特市", "回民区", "中山西路街道"]},
    {"id": "street-with-city-short-form", "text": "呼和浩特的中山西路街道开展工作。",
     "path": ["内蒙古自治区", "呼和浩特市", "回民区", "中山西路街道"]},
    {"id": "street-in-two-provinces-alone", "text": "中山西路街道开展工作。", "path": [],
     "review": "street named without corroboration"},
    {"id": "unique-street-alone-is-not-enough", "text": "灵山卫街道开展工作。", "path": [],
     "review": "street named without corroboration"},
    {"id": "street-with-its-communities", "text": "灵山卫街道学院路社区、珠光路社区开展活动。",
     "path": ["山东省", "青岛市", "黄岛区", "灵山卫街道"]},
    {"id": "street-with-province", "text": "山东省民政厅发文，怡园街道获评示范街道。",
     "path": ["山东省", "威海市", "威海火炬高技术产业开发区", "怡园街道"]},
    {"id": "alias-rare-character", "text": "枣庄市市中区垎塔埠街道召开发布会。",
     "path": ["山东省", "枣庄市", "市中区", "垎塔埠街道"]},
    {"id": "alias-renamed-district", "text": "青岛西海岸新区灵山卫街道开展工作。",
     "path": ["山东省", "青岛市", "黄岛区", "灵山卫街道"]},
    # Rule 4: without a street, the deepest unique or corroborated division.
    {"id": "city-only", "text": "此方法已被柳州市采纳。XX街道、XX区委领导下。", "path": ["广西壮族自治区", "柳州市"]},
    {"id": "ambiguous-district-with-city", "text": "枣庄市市中区召开会议。", "path": ["山东省", "枣庄市", "市中区"]},
    {"id": "ambiguous-district-alone", "text": "市中区召开会议。", "path": [], "review": "district ambiguous"},
    # Rule 1: placeholders and roads are not places.
    {"id": "placeholders", "text": "XX街道在XX区委、XX区政府领导下。", "path": []},
    {"id": "road-is-not-a-city", "text": "中山路商业街便道破损问题得到解决。", "path": []},
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_resolve(gazetteer, case):
    result = resolve(gazetteer, case["text"])
    assert list(result.path.values()) == case["path"]
    if case.get("review"):
        assert any(case["review"] in r for r in result.review), result.review
    if result.division is not None:
        assert gazetteer.lookup(*result.path.values()) == result.division or \
            result.division.level != "street"


def test_name_inside_a_longer_name_is_not_a_mention(gazetteer):
    mentions = find_mentions(gazetteer, "中山西路街道")
    names = {gazetteer.get(c).name for c in mentions}
    assert "中山西路街道" in names and "中山市" not in names and "山西省" not in names


def test_communities_named_in_full_or_by_stem_in_a_list(gazetteer):
    text = "创建后峰西、东涝台、寨北、卧龙山4个社区治理典型；金海湾在别处。"
    assert communities_in_text(gazetteer, "371071004", text) == \
        ["东涝台社区", "卧龙山社区", "寨北社区", "后峰西社区"]


def test_community_inside_a_longer_name_is_not_named(gazetteer):
    # 和平社区 is in 柳州; 太和平社区 (invented) must not be read as it.
    text = "柳州市金绿洲社区、五菱社区开展活动。"
    found = communities_in_text(gazetteer, "4502", text)
    assert "五菱社区" in found and "金绿洲社区" in found and "绿洲社区" not in found


def test_evidence_tells_the_chosen_street_from_its_uncorroborated_namesakes(gazetteer):
    result = resolve(gazetteer, "山东省民政厅发文，怡园街道获评示范街道。")
    namesakes = len(gazetteer.find("怡园街道", "street")) - 1
    assert namesakes >= 1
    assert f"{namesakes} other 怡园街道 in the table named without its district, city, province " \
           "or one of its communities: not used" in result.evidence
    assert any(e.startswith("怡园街道 (371071004) corroborated by 山东省") for e in result.evidence)
