"""Dates at the precision the text supports; never invented."""
import pytest

from plugins.importer.dates import parse_date, period_of, report_date

PARSE = [
    {"id": "slashes-with-time", "input": "2019/5/22 9:50:25", "expected": ("2019-05-22", "day")},
    {"id": "iso", "input": "2021-06-18 10:20", "expected": ("2021-06-18", "day")},
    {"id": "chinese", "input": "2020年10月8日", "expected": ("2020-10-08", "day")},
    {"id": "dotted", "input": "2022.5.20", "expected": ("2022-05-20", "day")},
    {"id": "day-first-unambiguous", "input": "13.01.2015", "expected": ("2015-01-13", "day")},
    {"id": "day-first-ambiguous", "input": "05.01.2015", "expected": None},
    # A European timestamp: day.month.year followed by the time (d025: 16.10.2014 10:35).
    {"id": "day-first-with-time", "input": "05.01.2015 10:35", "expected": ("2015-01-05", "day")},
    {"id": "d025-day-first-with-time", "input": "16.10.2014 10:35", "expected": ("2014-10-16", "day")},
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
    assert (None if found is None else (found.full_iso, found.precision)) == case["expected"]


REPORTS = [
    {"id": "half-year-title", "title": "街道2020年上半年工作总结和下半年工作计划", "opening": "", "text": "截至目前完成。",
     "expected": ("2020-01-01", "year")},
    {"id": "latest-as-of", "title": "", "opening": "2022年，街道……",
     "text": "截至2022年8月10日已安装。截至2022年10月，享受保障。截至2022年9月底发放。截至今日完成。",
     "expected": ("2022-10-01", "month")},
    # A whole year's summary is often published early the next year (d003: 2021 summary,
    # published 2022-02-01): its year is its period, not its date.
    {"id": "as-of-other-year-ignored", "title": "2021年工作总结", "opening": "",
     "text": "截至2023年5月完成。", "expected": None},
    {"id": "d001-whole-year", "title": "金安区清水河街道2021年工作报告", "opening": "2021年,清水河街道突出抓好党的建设",
     "text": "10月底社区党组织换届顺利完成。", "expected": None},
    {"id": "d002-summary-and-next-plan", "title": "长沙县星沙街道2021年工作总结及2022年工作计划", "opening": "",
     "text": "截至12月中旬,12岁及以上人群第一针累计接种280255人。", "expected": None},
    {"id": "as-of-without-year", "title": "", "opening": "今年以来", "text": "截至10月发放。", "expected": None},
]


@pytest.mark.parametrize("case", REPORTS, ids=[c["id"] for c in REPORTS])
def test_report_date(case):
    found = report_date(case["title"], case["opening"], case["text"])
    assert (None if found is None else (found.full_iso, found.precision)) == case["expected"]


PERIODS = [
    {"id": "seed-002-half-year", "title": "街道2020年上半年工作总结和下半年工作计划", "text": "2020年上半年，XX街道……", "expected": "2020-H1"},
    {"id": "d001-title-year", "title": "金安区清水河街道2021年工作报告", "text": "2021年,清水河街道突出抓好党的建设。", "expected": "2021"},
    {"id": "d002-summary-not-plan", "title": "长沙县星沙街道2021年工作总结及2022年工作计划", "text": "2021年以来,星沙街道……",
     "expected": "2021"},
    {"id": "d004-review-section-over-title", "title": "塘桥街道2024年社代会报告",
     "text": "各位代表:\n一、2023年工作回顾\n2023年,塘桥街道办事处坚持……", "expected": "2023"},
    {"id": "d005-report-phrase", "title": "", "text": "今年以来,在区委、区政府正确领导下……现将2022年工作总结如下:",
     "expected": "2022"},
    {"id": "d009-statistics-period", "title": "平城区振华街道2021年政府信息公开工作年度报告",
     "text": "本年度报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。", "expected": "2021"},
    {"id": "d015-year-of-report", "title": "", "text": "现将2024年度工作情况汇报如下:", "expected": "2024"},
    {"id": "quarter", "title": "社区2023年第三季度工作总结", "text": "", "expected": "2023-Q3"},
    {"id": "first-three-quarters", "title": "街道2022年前三季度工作总结", "text": "", "expected": "2022-Q1/2022-Q3"},
    {"id": "months", "title": "街道2021年1-10月工作总结", "text": "", "expected": "2021-01/2021-10"},
    {"id": "month", "title": "社区2022年5月份工作总结", "text": "", "expected": "2022-05"},
    {"id": "range-of-years", "title": "街道2019—2021年工作总结", "text": "", "expected": "2019/2021"},
    {"id": "no-period", "title": "社区开展垃圾分类宣传", "text": "今年以来，社区开展活动。", "expected": ""},
]


@pytest.mark.parametrize("case", PERIODS, ids=[c["id"] for c in PERIODS])
def test_period_of(case):
    assert period_of(case["title"], case["text"]) == case["expected"]
