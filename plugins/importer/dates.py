"""Dates: parsed from 时间 lines and from the text, at the precision the text supports.

Never invented: a month without a year stays unknown, a half-year is a year, and a day-first
date (05.01.2015) is read only when the day cannot be a month (13.01.2015).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

PRECISIONS = ("day", "month", "year", "unknown")


@dataclass(frozen=True, order=True)
class FoundDate:
    year: int
    month: int = 0       # 0: not known
    day: int = 0
    source: str = ""     # the text it was read from (for the report)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month or 1:02d}-{self.day or 1:02d}"


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
            return FoundDate(int(m[1]), int(m[2]), int(m[3]), m[0])
    m = _DMY.search(text)
    if m:
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        # Day-first only when unambiguous: 13.01.2015 is the 13th; 05.01.2015 could be either.
        if first > 12 and _valid(year, second, first):
            return FoundDate(year, second, first, m[0])
        if second > 12 and _valid(year, first, second):
            return FoundDate(year, first, second, m[0])
        if first == second and _valid(year, first, first):
            return FoundDate(year, first, first, m[0])
        return None
    m = _YM.search(text)
    if m and _valid(int(m[1]), int(m[2])):
        return FoundDate(int(m[1]), int(m[2]), 0, m[0])
    m = _Y.search(text)
    if m and _valid(int(m[1])):
        return FoundDate(int(m[1]), 0, 0, m[0])
    return None


_AS_OF = re.compile(r"(?:截至|截止|截止到|截至到)\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末)?"
                    r"|(?:截至|截止)\s*\d{4}\s*年(?:底|末)?")
_PERIOD = re.compile(r"(?<!\d)(\d{4})\s*(?:年度?)(?:上半年|下半年|全年|第[一二三四]季度|[一二三四]季度)?")


def report_date(title: str, opening: str, text: str) -> FoundDate | None:
    """A report's date: the latest 截至 date with a year, else the year its title or first
    sentence is about (2020年上半年工作总结 → 2020)."""
    period = None
    for source in (title, opening[:30]):
        m = _PERIOD.search(source or "")
        if m and _valid(int(m[1])):
            period = FoundDate(int(m[1]), 0, 0, m[0])
            break
    latest = None
    for m in _AS_OF.finditer(text):
        found = parse_date(m.group(0))
        if found is None:
            continue
        found = replace(found, source=m.group(0))
        # 截至10月 inherits the report's year only implicitly: without a year it is skipped.
        if period and found.year != period.year:
            continue
        if latest is None or (found.year, found.month, found.day) > (latest.year, latest.month, latest.day):
            latest = found
    return latest or period
