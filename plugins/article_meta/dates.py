"""Dates with a precision: 2022年 / 2019年5月 / 2019年5月22日 / 日期不详, and report periods.

One value type for the whole archive: an article's date, a timeline entry's date, the date
the importer reads from a document. A date is never more precise than the text supports: the
unknown parts of a `year` or `month` date are held as 1 and never shown.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

PRECISIONS = ("day", "month", "year", "unknown")
UNKNOWN_LABEL = "日期不详"
UNDATED_SEGMENT = "undated"
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class PreciseDate:
    """A date known to `precision`; `value` holds 1 for the unknown month/day parts and is
    None when nothing is known."""

    value: datetime.date | None
    precision: str = "unknown"

    @classmethod
    def unknown(cls) -> "PreciseDate":
        return cls(None, "unknown")

    @classmethod
    def of(cls, value: datetime.date | None, precision: str) -> "PreciseDate":
        """`value` cut to `precision` (a datetime counts by its date)."""
        if value is None or precision not in PRECISIONS or precision == "unknown":
            return cls.unknown()
        if isinstance(value, datetime.datetime):
            value = value.date()
        if precision == "year":
            value = value.replace(month=1, day=1)
        elif precision == "month":
            value = value.replace(day=1)
        return cls(value, precision)

    @classmethod
    def parse_iso(cls, text: str) -> "PreciseDate":
        """`2020`, `2020-05`, `2020-05-20` or `unknown`; ValueError says what is wrong."""
        text = text.strip()
        if text == "unknown":
            return cls.unknown()
        match = _ISO.fullmatch(text)
        if not match:
            raise ValueError(f"date {text!r} is not YYYY, YYYY-MM, YYYY-MM-DD or unknown")
        year, month, day = match.groups()
        try:
            value = datetime.date(int(year), int(month or 1), int(day or 1))
        except ValueError as error:
            raise ValueError(f"date {text!r} does not exist ({error})") from None
        return cls(value, "day" if day else "month" if month else "year")

    @property
    def known(self) -> bool:
        return self.value is not None and self.precision != "unknown"

    @property
    def year(self) -> int | None:
        return self.value.year if self.known else None

    @property
    def iso(self) -> str:
        """ISO 8601 cut to the precision (2022, 2022-06, 2022-06-30): valid in <time datetime>
        and in JSON-LD; "" when unknown."""
        if not self.known:
            return ""
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    @property
    def full_iso(self) -> str:
        """YYYY-MM-DD with the unknown parts as 01: the front matter's Date (Date_precision
        says how much of it is known)."""
        return self.value.isoformat() if self.known else ""

    @property
    def label(self) -> str:
        if not self.known:
            return UNKNOWN_LABEL
        if self.precision == "year":
            return f"{self.value.year}年"
        if self.precision == "month":
            return f"{self.value.year}年{self.value.month}月"
        return f"{self.value.year}年{self.value.month}月{self.value.day}日"

    def sort_key(self) -> tuple:
        """Chronological, a year before its months, undated last."""
        if not self.known:
            return (1, 0, 0, 0)
        month = self.value.month if self.precision in ("month", "day") else 0
        day = self.value.day if self.precision == "day" else 0
        return (0, self.value.year, month, day)


def precision_problem(date: datetime.date | None, precision: str) -> str | None:
    """Why this Date/Date_precision pair breaks the front-matter contract, or None."""
    if precision not in PRECISIONS:
        return f"Date_precision {precision!r} is not one of {', '.join(PRECISIONS)}"
    if precision == "unknown":
        if date is not None:
            return "Date_precision is unknown but a Date is given: remove the Date line"
        return None
    if date is None:
        return f"Date_precision is {precision} but there is no Date line"
    if precision == "month" and date.day != 1:
        return f"Date_precision is month, so the Date must be the 1st of the month (got {date:%Y-%m-%d})"
    if precision == "year" and (date.month, date.day) != (1, 1):
        return f"Date_precision is year, so the Date must be YYYY-01-01 (got {date:%Y-%m-%d})"
    return None


# --- Period: what a report covers (2020年上半年工作总结 → 2020-H1), not when it was published.
_PERIOD_PART = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2]|H[12]|Q[1-4]))?")


@dataclass(frozen=True)
class Period:
    """`YYYY`, `YYYY-MM`, `YYYY-H1`/`H2`, `YYYY-Q1`…`Q4`, or a range `A/B` of two of those."""

    start: str
    end: str

    @classmethod
    def parse(cls, text: str) -> "Period":
        parts = text.strip().split("/")
        if len(parts) > 2 or not all(_PERIOD_PART.fullmatch(p) for p in parts):
            raise ValueError(f"Period {text.strip()!r} is not YYYY, YYYY-MM, YYYY-H1/H2, "
                             "YYYY-Q1…Q4 or a range A/B of two of those")
        start, end = parts[0], parts[-1]
        if len(parts) == 2 and _first_month(end) < _first_month(start):
            raise ValueError(f"Period {text.strip()!r} ends before it starts")
        return cls(start, end)

    @property
    def text(self) -> str:
        return self.start if self.start == self.end else f"{self.start}/{self.end}"

    @property
    def years(self) -> list[int]:
        return list(range(int(self.start[:4]), int(self.end[:4]) + 1))

    @property
    def label(self) -> str:
        if self.start == self.end:
            return _part_label(self.start)
        return f"{_part_label(self.start)}至{_part_label(self.end)}"


def _first_month(part: str) -> tuple[int, int]:
    year, _, rest = part.partition("-")
    month = {"H1": 1, "H2": 7, "Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10}.get(rest) or int(rest or 1)
    return int(year), month


def _part_label(part: str) -> str:
    year, _, rest = part.partition("-")
    if not rest:
        return f"{year}年"
    named = {"H1": "上半年", "H2": "下半年", "Q1": "第一季度", "Q2": "第二季度", "Q3": "第三季度",
             "Q4": "第四季度"}
    return f"{year}年{named.get(rest) or str(int(rest)) + '月'}"


def undated_sentinel(timezone: str) -> datetime.datetime:
    """The date Pelican needs for an undated article. Never shown: templates print the
    precision-aware label, and archive_order() sorts undated articles last regardless."""
    return datetime.datetime(1970, 1, 1, tzinfo=ZoneInfo(timezone))
