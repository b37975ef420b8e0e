"""Dates with a precision, and the dates a sentence states (2020年, 6月30日, 今年5月).

A date is never invented: a sentence without one takes the article's date at the article's
precision, and an undated article gives undated entries.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from plugins.article_meta.dates import PreciseDate

_CN_DIGITS = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
              "六": "6", "七": "7", "八": "8", "九": "9"}
_YEAR = r"(?P<year>\d{4}|[〇零一二三四五六七八九]{4})\s*年(?!代)"
_MONTH = r"(?P<month>\d{1,2})\s*月份?"
_DAY = r"(?P<day>\d{1,2})\s*[日号]"
_DATE = re.compile(
    rf"(?:{_YEAR}(?:度)?(?:\s*{_MONTH}(?:\s*{_DAY})?)?"
    rf"|(?P<relative>今年|去年|前年)(?:\s*{_MONTH.replace('month', 'rmonth')}"
    rf"(?:\s*{_DAY.replace('day', 'rday')})?)?"
    rf"|(?<![\d年])(?P<bmonth>\d{{1,2}})\s*月\s*(?P<bday>\d{{1,2}})\s*[日号])")
# A date after these is a reporting cut-off or a plan, not when something happened.
_NOT_EVENT_BEFORE = ("截至", "截止", "截止到", "到", "至", "预计", "计划", "争取", "力争", "—", "-", "～", "~")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: PreciseDate


def _year(text: str) -> int:
    return int("".join(_CN_DIGITS.get(c, c) for c in text))


def mentions(sentence: str, reference: PreciseDate) -> list[DateMention]:
    """Dates the sentence states, resolved against the article's date where they are partial
    (6月30日 in a 2022 report is 2022-06-30; without a dated article it stays unknown)."""
    found = []
    for match in _DATE.finditer(sentence):
        before = sentence[max(0, match.start() - 3):match.start()]
        if any(before.endswith(word) for word in _NOT_EVENT_BEFORE):
            continue
        after = sentence[match.end():match.end() + 1]
        if after in ("—", "-", "～", "~", "至", "到"):  # a range: 2020年至2022年, 1—3月
            continue
        groups = match.groupdict()
        try:
            date = _resolve(groups, reference)
        except ValueError:
            continue
        if date is not None:
            found.append(DateMention(match.start(), match.end(), date))
    return found


def _resolve(groups: dict, reference: PreciseDate) -> PreciseDate | None:
    if groups["year"]:
        year = _year(groups["year"])
        if not 1949 <= year <= 2100:
            return None
        return _build(year, groups["month"], groups["day"])
    if groups["relative"]:
        if not reference.known:
            return None
        year = reference.value.year - {"今年": 0, "去年": 1, "前年": 2}[groups["relative"]]
        return _build(year, groups["rmonth"], groups["rday"])
    if not reference.known:
        return None
    month, day = int(groups["bmonth"]), int(groups["bday"])
    year = reference.value.year
    # A report written in January about "12月20日" speaks of the previous December.
    if reference.precision in ("day", "month") and (month, day) > (
            reference.value.month, reference.value.day if reference.precision == "day" else 31):
        year -= 1
    return _build(year, str(month), str(day))


def _build(year: int, month: str | None, day: str | None) -> PreciseDate:
    value = datetime.date(year, int(month or 1), int(day or 1))  # ValueError: no such date
    precision = "day" if day else "month" if month else "year"
    return PreciseDate(value, precision)


def date_for(sentence: str, position: int, clause_end: int, reference: PreciseDate) -> tuple[PreciseDate, str]:
    """The date of what the sentence reports at `position`: the nearest date stated before it,
    else one stated after it in the same clause (荣获2019年度…), else the article's date.
    Returns the date and where it came from ("sentence" or "article")."""
    stated = mentions(sentence, reference)
    before = [m for m in stated if m.end <= position]
    if before:
        return before[-1].date, "sentence"
    after = [m for m in stated if position <= m.start < clause_end]
    if after:
        return after[0].date, "sentence"
    return reference, "article"
