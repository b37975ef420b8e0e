"""Dates: parsed from 时间 lines and from the text, at the precision the text supports.

Never invented: a month without a year stays unknown, and a day-first date (05.01.2015) is
read only when the day cannot be a month (13.01.2015) or the line shows a European timestamp
(05.01.2015 10:35, day.month.year then the time).

A report's covered period (2020年上半年 → 2020-H1) is not its date: `period_of` reads it for the
`Period` field, and `report_date` dates a report from it only when the period ends before its
year does (a half-year summary is written in that year; a whole-year one often early the next).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from plugins.article_meta.dates import Period, PreciseDate

@dataclass(frozen=True)
class FoundDate(PreciseDate):
    """A date read from a document (the archive's date with a precision), with the text it
    was read from, for the report."""
    source: str = ""

    @classmethod
    def of_parts(cls, year: int, month: int = 0, day: int = 0, source: str = "") -> "FoundDate":
        """0 for a part the text does not give."""
        precision = "day" if day else "month" if month else "year"
        return cls(dt.date(year, month or 1, day or 1), precision, source)

    @property
    def month(self) -> int:
        """The month, 0 when not known."""
        return self.value.month if self.precision in ("month", "day") else 0

    @property
    def day(self) -> int:
        """The day, 0 when not known."""
        return self.value.day if self.precision == "day" else 0


def _valid(y: int, m: int = 1, d: int = 1) -> bool:
    try:
        dt.date(y, m or 1, d or 1)
    except ValueError:
        return False
    return 1949 <= y <= 2100


_YMD = [
    re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?!\d)"),
]
_DMY = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)")
_YM = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)")
_Y = re.compile(r"(?<!\d)(\d{4})\s*年")


def parse_date(text: str) -> FoundDate | None:
    """The date in a 时间/发布时间 value or an HTML meta value, or None."""
    text = text.strip()
    for rx in _YMD:
        m = rx.search(text)
        if m and _valid(int(m[1]), int(m[2]), int(m[3])):
            return FoundDate.of_parts(int(m[1]), int(m[2]), int(m[3]), m[0])
    m = _DMY.search(text)
    if m:
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        # 16.10.2014 10:35: dots and a time after the year are a European timestamp, day first.
        if "." in m[0] and re.match(r"\s+\d{1,2}:\d{2}", text[m.end():]) and _valid(year, second, first):
            return FoundDate.of_parts(year, second, first, m[0])
        # Day-first only when unambiguous: 13.01.2015 is the 13th; 05.01.2015 could be either.
        if first > 12 and _valid(year, second, first):
            return FoundDate.of_parts(year, second, first, m[0])
        if second > 12 and _valid(year, first, second):
            return FoundDate.of_parts(year, first, second, m[0])
        if first == second and _valid(year, first, first):
            return FoundDate.of_parts(year, first, first, m[0])
        return None
    m = _YM.search(text)
    if m and _valid(int(m[1]), int(m[2])):
        return FoundDate.of_parts(int(m[1]), int(m[2]), 0, m[0])
    m = _Y.search(text)
    if m and _valid(int(m[1])):
        return FoundDate.of_parts(int(m[1]), 0, 0, m[0])
    return None


_AS_OF = re.compile(r"(?:截至|截止|截止到|截至到)\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末)?"
                    r"|(?:截至|截止)\s*\d{4}\s*年(?:底|末)?")

# --- periods ---------------------------------------------------------------------------------
_CN_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_REPORT_WORDS = r"(?:工作|年终|年度|总结|报告|汇报|计划|要点|回顾|情况|政府信息公开|述职)"
_PERIOD_YEAR = r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年度?"
_PERIODS = [
    # 2019—2021年, 2019年至2021年: a range of years.
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*(?:年\s*)?(?:—|－|-|–|~|～|至|到)\s*(?P<end>(?:19|20)\d{2})\s*年"),
    re.compile(_PERIOD_YEAR + r"\s*(?P<half>上半年|下半年)"),
    re.compile(_PERIOD_YEAR + r"\s*前三季度"),
    re.compile(_PERIOD_YEAR + r"\s*第?(?P<quarter>[一二三四1-4])季度"),
    re.compile(_PERIOD_YEAR + r"\s*(?P<from>\d{1,2})\s*(?:月)?\s*(?:—|－|-|–|~|～|至|到)\s*(?P<to>\d{1,2})\s*月"),
    re.compile(_PERIOD_YEAR + r"\s*(?P<month>\d{1,2})\s*月份?\s*" + _REPORT_WORDS),
    re.compile(_PERIOD_YEAR + r"(?:以来)?\s*(?:[，,]|" + _REPORT_WORDS + ")"),
]
# Where a report says what it covers: its review section, its 现将…如下, its statistics period.
_PERIOD_PHRASES = [
    re.compile(r"(?:19|20)\d{2}\s*年度?[^。，,；]{0,8}?(?:工作)?(?:回顾|开展情况|完成情况|总结)"),
    re.compile(r"现将\s*(?:19|20)\d{2}\s*年[^。]{0,20}?(?:总结|汇报|报告)如下"),
    re.compile(r"统计期限自\s*(?:19|20)\d{2}\s*年"),
]


def period_of(title: str, text: str) -> str:
    """The period a report covers, as YYYY, YYYY-MM, YYYY-H1/H2, YYYY-Q1…Q4 or a range A/B:
    from its review section or 现将…如下 first (a 2024年社代会报告 reviews 2023), else its title,
    else its opening words (2021年，街道…)."""
    head = text[:3000]
    # In a phrase that says what the report covers, and in a report's title, any year is the
    # period (现将2025年法治政府建设工作汇报如下, 2023年社区文明创建年终工作总结).
    sources = [(m.group(0), True) for rx in _PERIOD_PHRASES for m in [rx.search(head)] if m]
    sources += [(title, bool(_REPORT_TITLE_WORDS.search(title or ""))), (text[:40], False)]
    for source, loose in sources:
        found = _period_in(source or "", loose)
        if found:
            return found
    return ""


_REPORT_TITLE_WORDS = re.compile(r"总结|报告|汇报|计划|要点|述职")


def _period_in(text: str, loose: bool = False) -> str:
    for rx in _PERIODS:
        m = rx.search(text)
        if not m:
            continue
        year = int(m.group("year"))
        if not _valid(year):
            continue
        groups = m.groupdict()
        if groups.get("end"):
            end = int(groups["end"])
            return f"{year}/{end}" if _valid(end) and end > year else ""
        if groups.get("half"):
            return f"{year}-H{1 if groups['half'] == '上半年' else 2}"
        if "前三季度" in m.group(0):
            return f"{year}-Q1/{year}-Q3"
        if groups.get("quarter"):
            return f"{year}-Q{_CN_NUMBER[groups['quarter']]}"
        if groups.get("from"):
            first, last = int(groups["from"]), int(groups["to"])
            if 1 <= first < last <= 12:
                return f"{year}-{first:02d}/{year}-{last:02d}"
            continue
        if groups.get("month"):
            month = int(groups["month"])
            return f"{year}-{month:02d}" if 1 <= month <= 12 else ""
        return str(year)
    m = re.search(_PERIOD_YEAR, text) if loose else None
    return m.group("year") if m and _valid(int(m.group("year"))) else ""


def period_years(period: str) -> set[int]:
    return set(Period.parse(period).years) if period else set()


def period_ends_within_its_year(period: str) -> bool:
    """2020-H1, 2020-Q3, 2020-01/2020-06, 2020-10: the report was written in that year."""
    end = period.split("/")[-1]
    m = re.fullmatch(r"(\d{4})-(H1|Q[123]|\d{2})", end)
    return bool(m) and (not m.group(2).isdigit() or int(m.group(2)) < 12)


def report_date(title: str, opening: str, text: str) -> FoundDate | None:
    """A report's date when its text pins it: the latest 截至 date with a year in its period
    (its figures run to then), else the year of a period that ends before that year does
    (2020年上半年工作总结 → 2020). A whole-year report gives none: it is often published early
    the next year (2021年工作总结, published 2022-02-01)."""
    period = period_of(title, opening + "\n" + text)
    years = period_years(period)
    latest = None
    for m in _AS_OF.finditer(text):
        found = parse_date(m.group(0))
        if found is None:
            continue
        found = replace(found, source=m.group(0))
        # 截至10月 inherits the report's year only implicitly: without a year it is skipped.
        if years and found.year not in years:
            continue
        if latest is None or (found.year, found.month, found.day) > (latest.year, latest.month, latest.day):
            latest = found
    if latest:
        return latest
    if period and period_ends_within_its_year(period):
        year = int(period.split("/")[-1][:4])
        return FoundDate.of_parts(year, 0, 0, period)
    return None
