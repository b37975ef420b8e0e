"""Dates with a precision: 2022年 / 2019年5月 / 2019年5月22日 / 日期不详."""
import datetime
from zoneinfo import ZoneInfo

PRECISIONS = ("day", "month", "year", "unknown")
UNKNOWN_LABEL = "日期不详"
UNDATED_SEGMENT = "undated"


def undated_sentinel(timezone: str) -> datetime.datetime:
    """The date Pelican needs for an undated article. Never shown: templates print the
    precision-aware label, and archive_order() sorts undated articles last regardless."""
    return datetime.datetime(1970, 1, 1, tzinfo=ZoneInfo(timezone))


def display(date: datetime.date | None, precision: str) -> str:
    if date is None or precision == "unknown":
        return UNKNOWN_LABEL
    if precision == "year":
        return f"{date.year}年"
    if precision == "month":
        return f"{date.year}年{date.month}月"
    return f"{date.year}年{date.month}月{date.day}日"


def iso(date: datetime.date | None, precision: str) -> str:
    """ISO 8601 reduced to the known precision: valid in <time datetime> and in JSON-LD."""
    if date is None or precision == "unknown":
        return ""
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.strftime("%Y-%m-%d")


def precision_problem(date: datetime.date | None, precision: str) -> str | None:
    """Why this date/precision pair breaks the front-matter contract, or None."""
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


def archive_order(article) -> tuple:
    """Sort key: newest first, undated last, then by slug so equal dates keep a stable order."""
    undated = getattr(article, "date_precision", "day") == "unknown"
    return (undated, -article.date.timestamp() if not undated else 0.0, article.slug)
