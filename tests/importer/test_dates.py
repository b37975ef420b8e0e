"""Dates at the precision the text supports; never invented."""
import pytest

from plugins.importer.dates import parse_date, report_date

PARSE = [
    {"id": "slashes-with-time", "input": "2019/5/22 9:50:25", "expected": ("2019-05-22", "day")},
    {"id": "iso", "input": "2021-06-18 10:20", "expected": ("2021-06-18", "day")},
    {"id": "chinese", "input": "2020年10月8日", "expected": ("2020-10-08", "day")},
    {"id": "dotted", "input": "2022.5.20", "expected": ("2022-05-20", "day")},
    {"id": "day-first-unambiguous", "input": "13.01.2015", "expected": ("2015-01-13", "day")},
    {"id": "day-first-ambiguous", "input": "05.01.2015", "expected": None},
    {"id": "month-first-unambiguous", "input": "05.21.2015", "expected": ("2015-05-21", "day")},
    {"id": "month", "input": "2022年8月", "expected": ("2022-08-01", "month")},
    {"id": "year", "input": "2020年", "expected": ("2020-01-01", "year")},
    {"id": "invalid-day", "input": "2022/2/30", "expected": None},
    {"id": "no-year", "input": "9月15日", "expected": None},
    {"id": "nonsense", "input": "点击：236", "expected": None},
]


@pytest.mark.parametrize("case", PARSE, ids=[c["id"] for c in PARSE])
def test_parse_date(case):
    found = parse_date(case["input"])
    assert (None if found is None else (found.iso(), found.precision)) == case["expected"]


REPORTS = [
    {"id": "half-year-title", "title": "街道2020年上半年工作总结和下半年工作计划", "opening": "", "text": "截至目前完成。",
     "expected": ("2020-01-01", "year")},
    {"id": "latest-as-of", "title": "", "opening": "2022年，街道……",
     "text": "截至2022年8月10日已安装。截至2022年10月，享受保障。截至2022年9月底发放。截至今日完成。",
     "expected": ("2022-10-01", "month")},
    {"id": "as-of-other-year-ignored", "title": "2021年工作总结", "opening": "",
     "text": "截至2023年5月完成。", "expected": ("2021-01-01", "year")},
    {"id": "as-of-without-year", "title": "", "opening": "今年以来", "text": "截至10月发放。", "expected": None},
]


@pytest.mark.parametrize("case", REPORTS, ids=[c["id"] for c in REPORTS])
def test_report_date(case):
    found = report_date(case["title"], case["opening"], case["text"])
    assert (None if found is None else (found.iso(), found.precision)) == case["expected"]
