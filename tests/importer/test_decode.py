"""Encoding detection: UTF-8, GB18030/GBK and Big5, down to very short texts."""
import pytest

from plugins.importer.decode import decode
from plugins.importer.errors import ImportFailure

CASES = [
    {"id": "gbk-short", "text": "街道召开会议。", "encoding": "gbk", "expected": "gb18030"},
    {"id": "gbk-two-chars", "text": "社区", "encoding": "gbk", "expected": "gb18030"},
    {"id": "gbk", "text": "社区开展垃圾分类宣传活动，居民积极参加。", "encoding": "gbk", "expected": "gb18030"},
    {"id": "gb18030-rare", "text": "垎塔埠街道召开发布会。", "encoding": "gb18030", "expected": "gb18030"},
    {"id": "big5-short", "text": "街道召開會議。", "encoding": "big5", "expected": "big5hkscs"},
    {"id": "big5", "text": "鳳山區公所舉辦長者健康講座，邀請醫師講解。", "encoding": "big5", "expected": "big5hkscs"},
    {"id": "utf8", "text": "社区开展活动", "encoding": "utf-8", "expected": "utf_8"},
    {"id": "utf8-bom", "text": "\ufeff社区开展活动", "encoding": "utf-8", "expected": "utf_8_sig"},
    {"id": "utf16-bom", "text": "\ufeff社区开展活动", "encoding": "utf-16-le", "expected": "utf_16"},
    {"id": "ascii", "text": "Plain ASCII text.", "encoding": "ascii", "expected": "utf_8"},
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_detected(case):
    text, encoding = decode("raw/x.txt", case["text"].encode(case["encoding"]))
    assert encoding == case["expected"]
    assert text == case["text"].lstrip("\ufeff")


def test_undecodable_names_the_line():
    data = "第一行。\n第二行。\n".encode("utf-8") + b"\xff\xff\n"
    with pytest.raises(ImportFailure) as e:
        decode("raw/x.txt", data)
    assert str(e.value).startswith("raw/x.txt:3: undecodable bytes (0xff")
