"""TIMEX3 values: calendar arithmetic and the value strings, apart from finding expressions.

Every function here is total over the dates Python can hold: a shift that leaves years 1–9999
raises ``ValueError`` or ``OverflowError``, which the dates extractor turns into ``value=None``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Literal

from articlemodel.models import Granularity

__all__ = [
    "Tense",
    "Unit",
    "add_months",
    "choose_year",
    "day_value",
    "decade_value",
    "duration_value",
    "easter",
    "granularity_of",
    "month_value",
    "nth_weekday",
    "quarter_value",
    "shift_value",
    "week_value",
    "weekday_on",
]

Tense = Literal["past", "future"]
Unit = Literal[
    "second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month",
    "quarter", "year", "decade", "century",
]  # fmt: skip

_DURATION_CODES: dict[str, tuple[str, int, bool]] = {
    # unit: (TIMEX3 letter, multiplier, time part)
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "night": ("D", 1, False),
    "week": ("W", 1, False),
    "weekend": ("WE", 1, False),
    "fortnight": ("W", 2, False),
    "month": ("M", 1, False),
    "quarter": ("Q", 1, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
}
_VAGUE_CODES = {"decade": "DE", "century": "CE", "fortnight": "W"}

UNIT_GRANULARITY: dict[str, Granularity] = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "night": "day",
    "week": "week",
    "weekend": "week",
    "fortnight": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
}


def _number(n: float) -> str:
    if float(n).is_integer():
        return str(int(n))
    return f"{n:.2f}".rstrip("0").rstrip(".")


def duration_value(amount: float | None, unit: str) -> str:
    """``P2W``, ``PT30M``, ``P2.5Y``, ``P10Y`` for a decade; ``PXY`` when ``amount`` is None."""
    letter, times, time_part = _DURATION_CODES[unit]
    prefix = "PT" if time_part else "P"
    if amount is None:
        return f"{prefix}X{_VAGUE_CODES.get(unit, letter)}"
    return f"{prefix}{_number(amount * times)}{letter}"


def day_value(day: datetime.date) -> str:
    return day.isoformat()


def week_value(day: datetime.date) -> str:
    """The ISO week holding ``day``: ``2018-W21``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    _check_year(year)
    return f"{year:04d}-{month:02d}"


def quarter_value(year: int, quarter: int) -> str:
    _check_year(year)
    return f"{year:04d}-Q{quarter}"


def decade_value(year: int) -> str:
    """``201`` for the 2010s."""
    _check_year(year)
    return f"{year // 10:03d}"


def _check_year(year: int) -> None:
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is out of range")


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by ``months`` calendar months."""
    total = year * 12 + (month - 1) + months
    result = total // 12, total % 12 + 1
    _check_year(result[0])
    return result


def shift_value(reference: datetime.date, unit: str, amount: int) -> tuple[str, datetime.date]:
    """The unit holding ``reference`` moved ``amount`` units: its value and a day inside it."""
    if unit in {"day", "night"}:
        day = reference + datetime.timedelta(days=amount)
        return day_value(day), day
    if unit in {"week", "fortnight"}:
        day = reference + datetime.timedelta(weeks=amount * (2 if unit == "fortnight" else 1))
        return week_value(day), day
    if unit == "weekend":
        day = reference + datetime.timedelta(weeks=amount)
        return week_value(day) + "-WE", day
    if unit == "month":
        year, month = add_months(reference.year, reference.month, amount)
        return month_value(year, month), datetime.date(year, month, 1)
    if unit == "quarter":
        index = reference.year * 4 + (reference.month - 1) // 3 + amount
        year, quarter = index // 4, index % 4 + 1
        return quarter_value(year, quarter), datetime.date(year, quarter * 3 - 2, 1)
    if unit == "year":
        year = reference.year + amount
        _check_year(year)
        return f"{year:04d}", datetime.date(year, 1, 1)
    if unit == "decade":
        year = (reference.year // 10 + amount) * 10
        _check_year(max(year, 1))
        return decade_value(max(year, 1)), datetime.date(max(year, 1), 1, 1)
    if unit == "century":
        century = reference.year // 100 + amount
        _check_year(max(century * 100, 1))
        return f"{century:02d}", datetime.date(max(century * 100, 1), 1, 1)
    raise ValueError(f"no calendar unit {unit!r}")


def weekday_on(reference: datetime.date, weekday: int, how: str) -> datetime.date:
    """The ISO ``weekday`` (1 = Monday) relative to ``reference``.

    ``how``: ``on_or_before`` (the news convention for a bare weekday), ``on_or_after``,
    ``before`` (last Monday), ``after`` (next Monday) or ``this_week`` (this Monday: the one in
    the reference's ISO week).
    """
    today = reference.isoweekday()
    if how == "on_or_before":
        return reference - datetime.timedelta(days=(today - weekday) % 7)
    if how == "on_or_after":
        return reference + datetime.timedelta(days=(weekday - today) % 7)
    if how == "before":
        return reference - datetime.timedelta(days=(today - weekday) % 7 or 7)
    if how == "after":
        return reference + datetime.timedelta(days=(weekday - today) % 7 or 7)
    return reference + datetime.timedelta(days=weekday - today)


def easter(year: int) -> datetime.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> datetime.date:
    """The ``n``-th ISO ``weekday`` of the month; ``n = -1`` for the last."""
    if n > 0:
        first = datetime.date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + datetime.timedelta(days=offset + 7 * (n - 1))
    next_year, next_month = add_months(year, month, 1)
    last = datetime.date(next_year, next_month, 1) - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=(last.isoweekday() - weekday) % 7)


def choose_year(
    reference: datetime.date,
    start_of: Callable[[int], datetime.date | None],
    *,
    key_now: datetime.date,
    tense: Tense | None,
    default: Literal["nearest", "same_year"] = "nearest",
    spread: int = 1,
) -> int | None:
    """The year for an expression that names no year (``June 4``, ``October``, ``the fourth
    quarter``): past tense takes the latest occurrence starting on or before ``key_now``, future
    tense the earliest on or after it, no tense the nearest (or the reference's own year).

    ``start_of`` maps a year to the start of the occurrence that year, or None when there is
    none (February 29 in a common year).
    """
    candidates: list[tuple[int, datetime.date]] = []
    for year in range(reference.year - spread, reference.year + spread + 1):
        if not 1 <= year <= 9999:
            continue
        try:
            start = start_of(year)
        except (ValueError, OverflowError):
            continue
        if start is not None:
            candidates.append((year, start))
    if not candidates:
        return None
    if tense == "past":
        before = [c for c in candidates if c[1] <= key_now]
        if before:
            return max(before, key=lambda c: c[1])[0]
    elif tense == "future":
        after = [c for c in candidates if c[1] >= key_now]
        if after:
            return min(after, key=lambda c: c[1])[0]
    if default == "same_year" and any(c[0] == reference.year for c in candidates):
        return reference.year
    return min(candidates, key=lambda c: (abs((c[1] - key_now).days), c[1] > key_now))[0]


def granularity_of(value: str | None) -> Granularity | None:
    """The unit a TIMEX3 date or time value is precise to."""
    if not value or not value[:1].isdigit():
        return None
    if "T" in value:
        time = value.split("T", 1)[1]
        if time[:1].isalpha():
            return "day"
        return "minute" if ":" in time else "hour"
    length = len(value)
    if length == 2:
        return "century"
    if length == 3:
        return "decade"
    if length == 4:
        return "year"
    rest = value[5:]
    if rest.startswith("W"):
        return "week"
    if rest.startswith("Q"):
        return "quarter"
    if rest.startswith("H"):
        return "half"
    if rest[:2] in {"SP", "SU", "FA", "WI"}:
        return "season"
    if length == 7:
        return "month"
    return "day"
