import pytest

from plugins.zhtext.fold import fold, is_traditional, to_simplified

FOLD_CASES = [
    {"id": "traditional-place", "input": "棗莊市市中區", "expected": "枣庄市市中区"},
    {"id": "traditional-phrase", "input": "社區服務", "expected": "社区服务"},
    {"id": "simplified-unchanged", "input": "老旧小区改造", "expected": "老旧小区改造"},
    {"id": "fullwidth-latin-digits", "input": "ＡＰＰ平台２０２２", "expected": "app平台2022"},
    {"id": "ideographic-space", "input": "下基层\u3000访民意", "expected": "下基层 访民意"},
    {"id": "case", "input": "QQ群", "expected": "qq群"},
    # CJK punctuation is kept: sentence boundaries must survive folding.
    {"id": "cjk-punctuation-kept", "input": "好。對！", "expected": "好。对！"},
]


@pytest.mark.parametrize("case", FOLD_CASES, ids=[c["id"] for c in FOLD_CASES])
def test_fold(case):
    assert fold(case["input"]) == case["expected"]


def test_to_simplified_leaves_empty_and_simplified_text():
    assert to_simplified("") == ""
    assert to_simplified("灵山卫街道") == "灵山卫街道"


@pytest.mark.parametrize("text,expected", [
    ("魯網9月15日訊，棗莊市市中區人民政府新聞辦召開新聞發布會", True),
    ("枣庄市市中区人民政府新闻办召开新闻发布会", False),
    ("2022 ABC", False),
])
def test_is_traditional(text, expected):
    assert is_traditional(text) is expected
