from pathlib import Path

import pytest

from plugins.gazetteer import Gazetteer

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load(DATA)


def names(divisions):
    return [d.name for d in divisions]


def test_levels_and_path(gazetteer):
    assert names(gazetteer.ancestors("370211007")) == ["山东省", "青岛市", "黄岛区", "灵山卫街道"]
    assert [d.level for d in gazetteer.ancestors("370211007")] == [
        "province", "city", "district", "street"]


def test_rare_character_alias_is_the_displayed_name(gazetteer):
    # The code table writes 各塔埠街道; the archive shows the real name and finds both.
    assert gazetteer.get("370402002").name == "垎塔埠街道"
    assert [d.code for d in gazetteer.find("垎塔埠街道")] == ["370402002"]
    assert [d.code for d in gazetteer.find("各塔埠街道")] == ["370402002"]


def test_renamed_district_alias(gazetteer):
    assert [d.code for d in gazetteer.find("西海岸新区")] == ["370211"]


def test_municipality_has_itself_as_city(gazetteer):
    assert names(gazetteer.ancestors("110101001")) == ["北京市", "北京市", "东城区", "东华门街道"]


@pytest.mark.parametrize("args,expected", [
    (("内蒙古自治区", "呼和浩特市", "回民区", "中山西路街道"), "150103002"),
    (("", "", "", "中山西路街道"), None),  # two streets share the name: ambiguous
    (("山东省", "", "", "怡园街道"), "371071004"),
    (("山东省", "枣庄市", "市中区", "垎塔埠街道"), "370402002"),
    (("广西壮族自治区", "柳州市", "", ""), "4502"),
    (("山东省", "柳州市", "", ""), None),  # not a path
    (("", "", "", ""), None),
])
def test_lookup(gazetteer, args, expected):
    found = gazetteer.lookup(*args)
    assert (found.code if found else None) == expected


def test_communities_have_short_names(gazetteer):
    communities = gazetteer.communities("371071004")
    assert "寨北社区" in communities and "东涝台社区" in communities
    assert not any(c.endswith("居委会") for c in communities)


def test_children(gazetteer):
    assert "灵山卫街道" in names(gazetteer.children("370211"))


def test_missing_table_names_the_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="divisions.tsv"):
        Gazetteer.load(tmp_path)


def test_bad_row_names_file_and_line(tmp_path):
    (tmp_path / "gazetteer").mkdir()
    (tmp_path / "gazetteer" / "divisions.tsv").write_text("code\tname\tparent\n11\t北京市\n",
                                                         encoding="utf-8")
    with pytest.raises(ValueError, match=r"divisions.tsv:2:"):
        Gazetteer.load(tmp_path)
