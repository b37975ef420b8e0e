"""plugins/zhtext/punctuation.py: half-width marks in Chinese text, numbers left intact."""
import pytest

from plugins.zhtext.punctuation import normalize_spaces, to_fullwidth_punctuation

CASES = [
    {"id": "comma-between-han", "input": "结合辖区特点,紧密结合", "expected": "结合辖区特点，紧密结合"},
    {"id": "comma-after-quote", "input": "“回民区”,所承担", "expected": "“回民区”，所承担"},
    {"id": "colon", "input": "新增遗留项目:", "expected": "新增遗留项目："},
    {"id": "semicolon", "input": "停放有序;市民们", "expected": "停放有序；市民们"},
    {"id": "question-exclamation", "input": "做了哪些工作?好!", "expected": "做了哪些工作？好！"},
    {"id": "enumerator-parens", "input": "(1)为切实保障", "expected": "（1）为切实保障"},
    {"id": "parens-with-han", "input": "场所(3个加油站、5所学校)予以", "expected": "场所（3个加油站、5所学校）予以"},
    {"id": "parens-digits-between-han", "input": "救助(4555),继续", "expected": "救助（4555），继续"},
    {"id": "percent", "input": "处置率97.34%。", "expected": "处置率97.34%。"},
    {"id": "wan", "input": "热线1.6万件", "expected": "热线1.6万件"},
    {"id": "dotted-date", "input": "于2022.5.20完成", "expected": "于2022.5.20完成"},
    {"id": "clock", "input": "时间:2019/5/22 9:50:25", "expected": "时间：2019/5/22 9:50:25"},
    {"id": "thousands", "input": "共1,000人", "expected": "共1,000人"},
    {"id": "ratio", "input": "ratio 1:1000", "expected": "ratio 1:1000"},
    {"id": "latin-parens-in-chinese", "input": "以及(ktv)场所", "expected": "以及（ktv）场所"},
    {"id": "latin-parens-in-latin", "input": "the KTV (karaoke) rooms", "expected": "the KTV (karaoke) rooms"},
    {"id": "english-sentence", "input": "Hello, world!", "expected": "Hello, world!"},
    {"id": "chained-marks", "input": "一,,二", "expected": "一，，二"},
    {"id": "mark-then-paren", "input": "项目,(a)完成", "expected": "项目，（a）完成"},
    {"id": "space-after-enumerator", "input": "（三） 进一步加强", "expected": "（三）进一步加强"},
    {"id": "space-around-colon", "input": "来源: 点击:", "expected": "来源：点击："},
    {"id": "space-between-han-kept", "input": "下基层 访民意", "expected": "下基层 访民意"},
    {"id": "plus-in-quotes", "input": "“1+8+N”工作模式", "expected": "“1+8+N”工作模式"},
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_fullwidth_punctuation(case):
    assert to_fullwidth_punctuation(case["input"]) == case["expected"]


def test_idempotent():
    for case in CASES:
        once = to_fullwidth_punctuation(case["input"])
        assert to_fullwidth_punctuation(once) == once


SPACES = [
    {"id": "ideographic", "input": "\u3000\u3000正文", "expected": "正文"},
    {"id": "nbsp", "input": "甲\u00a0乙", "expected": "甲 乙"},
    {"id": "zero-width", "input": "社\u200b区\ufeff", "expected": "社区"},
    {"id": "runs", "input": "种一棵树  留一抹绿", "expected": "种一棵树 留一抹绿"},
]


@pytest.mark.parametrize("case", SPACES, ids=[c["id"] for c in SPACES])
def test_normalize_spaces(case):
    assert normalize_spaces(case["input"]) == case["expected"]
