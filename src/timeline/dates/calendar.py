"""Calendar arithmetic: TimeML values and the intervals they denote, one helper per unit.

Every function takes dates and numbers, never words; ``None`` means the date would fall
outside the years 1-9999.

>>> day(datetime.date(2019, 7, 5)).value
'2019-07-05'
>>> month(2019, 2).latest
datetime.date(2019, 2, 28)
"""

from __future__ import annotations

import calendar
import datetime

from timeline.dates.mention import Resolved

__all__ = [
    "UNDERSPECIFIED",
    "add",
    "century",
    "day",
    "decade",
    "half",
    "month",
    "month_end",
    "narrow",
    "quarter",
    "safe_date",
    "season",
    "season_of",
    "time_of_day",
    "unit_period",
    "week",
    "year",
]

# season code -> (first month, last month); winter runs December to February.
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 2),
}
SEASON_ORDER = ("WI", "SP", "SU", "FA")

# TimeML values of a period named without a reference date, by unit
UNDERSPECIFIED = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}


def safe_date(y: int, m: int, d: int) -> datetime.date | None:
    """The date, or None when it does not exist (``safe_date(2019, 2, 29)`` is None)."""
    if not (1 <= y <= 9999 and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
        return None
    return datetime.date(y, m, d)


def month_end(y: int, m: int) -> datetime.date:
    """The last day of month ``m`` of year ``y``."""
    return datetime.date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: datetime.date, n: int) -> datetime.date | None:
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    if not 1 <= y <= 9999:
        return None
    return datetime.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def add(d: datetime.date, n: int, unit: str) -> datetime.date | None:
    """``d`` moved by ``n`` units (day, week, month, quarter, season, year, decade, century)."""
    try:
        if unit == "day":
            return d + datetime.timedelta(days=n)
        if unit == "week":
            return d + datetime.timedelta(weeks=n)
    except OverflowError:
        return None
    months = {"month": 1, "quarter": 3, "season": 3, "year": 12, "decade": 120, "century": 1200}
    return _add_months(d, n * months.get(unit, 12))


def day(d: datetime.date, mod: str = "") -> Resolved:
    """The day ``d``."""
    return Resolved("DATE", d.isoformat(), d, d, "day", mod)


def month(y: int, m: int, mod: str = "") -> Resolved | None:
    """Month ``m`` of year ``y``."""
    if not (1 <= y <= 9999 and 1 <= m <= 12):
        return None
    return Resolved(
        "DATE", f"{y:04d}-{m:02d}", datetime.date(y, m, 1), month_end(y, m), "month", mod
    )


def year(y: int, mod: str = "") -> Resolved | None:
    """The year ``y``."""
    if not 1 <= y <= 9999:
        return None
    first, last = datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    return Resolved("DATE", f"{y:04d}", first, last, "year", mod)


def week(d: datetime.date, mod: str = "") -> Resolved:
    """The ISO week holding ``d``, Monday to Sunday."""
    iy, iw, _ = d.isocalendar()
    monday = d - datetime.timedelta(days=d.isoweekday() - 1)
    sunday = monday + datetime.timedelta(days=6)
    return Resolved("DATE", f"{iy:04d}-W{iw:02d}", monday, sunday, "week", mod)


def quarter(y: int, q: int, mod: str = "") -> Resolved | None:
    """Quarter ``q`` (1-4) of year ``y``."""
    if not (1 <= y <= 9999 and 1 <= q <= 4):
        return None
    first = datetime.date(y, 3 * q - 2, 1)
    return Resolved("DATE", f"{y:04d}-Q{q}", first, month_end(y, 3 * q), "quarter", mod)


def half(y: int, h: int, mod: str = "") -> Resolved | None:
    """Half ``h`` (1 or 2) of year ``y``."""
    if not 1 <= y <= 9999:
        return None
    first = datetime.date(y, 1 if h == 1 else 7, 1)
    last = month_end(y, 6 if h == 1 else 12)
    return Resolved("DATE", f"{y:04d}-H{h}", first, last, "half", mod)


def season(y: int, code: str, mod: str = "") -> Resolved | None:
    """The season ``code`` (SP, SU, FA, WI) of year ``y``; winter ends in the next year."""
    if not 1 <= y <= 9998:
        return None
    first_m, last_m = SEASON_MONTHS[code]
    last_y = y + 1 if code == "WI" else y
    first = datetime.date(y, first_m, 1)
    return Resolved("DATE", f"{y:04d}-{code}", first, month_end(last_y, last_m), "season", mod)


def season_of(d: datetime.date) -> tuple[int, str]:
    """The (year, season code) ``d`` falls in; December belongs to the winter it starts."""
    m = d.month
    if m in (12, 1, 2):
        return (d.year if m == 12 else d.year - 1), "WI"
    return d.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(m, "FA")


def decade(y: int, mod: str = "") -> Resolved | None:
    """The decade holding year ``y`` (value ``199`` for the 1990s)."""
    y0 = y - y % 10
    if not 1 <= y0 <= 9990:
        return None
    first, last = datetime.date(y0, 1, 1), datetime.date(y0 + 9, 12, 31)
    return Resolved("DATE", f"{y0 // 10:03d}", first, last, "decade", mod)


def century(c: int, mod: str = "") -> Resolved | None:
    """The ``c``-th century counted the TimeML way: value ``19`` for the 1900s."""
    if not 1 <= c <= 99:
        return None
    first, last = datetime.date(max(1, c * 100), 1, 1), datetime.date(c * 100 + 99, 12, 31)
    return Resolved("DATE", f"{c:02d}", first, last, "century", mod)


def time_of_day(d: datetime.date | None, code: str) -> Resolved:
    """A part of a day (MO, AF, EV, NI) of ``d``, or of an unknown day."""
    if d is None:
        return Resolved("TIME", f"XXXX-XX-XXT{code}", None, None, "time")
    return Resolved("TIME", f"{d.isoformat()}T{code}", d, d, "time")


def unit_period(unit: str, d: datetime.date, mod: str = "") -> Resolved | None:
    """The day, week, month, quarter, year, decade or century holding ``d``."""
    if unit == "day":
        return day(d, mod)
    if unit in ("week", "weekend"):
        return week(d, mod)
    if unit == "month":
        return month(d.year, d.month, mod)
    if unit == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1, mod)
    if unit == "year":
        return year(d.year, mod)
    if unit == "decade":
        return decade(d.year, mod)
    if unit == "century":
        return century(d.year // 100, mod)
    return None


def narrow(res: Resolved, part: str) -> Resolved:
    """Apply START/MID/END to a mention: same value, narrower bounds.

    >>> narrow(month(2019, 7), "END").earliest
    datetime.date(2019, 7, 21)
    """
    if not part or res.earliest is None or res.latest is None:
        return res._replace(mod=part or res.mod)
    span = (res.latest - res.earliest).days + 1
    if res.precision == "month":
        cuts = {"START": (0, 9), "MID": (10, 19), "END": (20, span - 1)}
    else:
        third = span // 3
        cuts = {
            "START": (0, third - 1),
            "MID": (third, span - third - 1),
            "END": (span - third, span - 1),
        }
    if part not in cuts or span < 3:
        return res._replace(mod=part)
    a, b = cuts[part]
    return res._replace(
        earliest=res.earliest + datetime.timedelta(days=a),
        latest=res.earliest + datetime.timedelta(days=b),
        mod=part,
    )


def narrow_if(res: Resolved | None, part: str) -> Resolved | None:
    """``narrow(res, part)`` when there is a result and a part, else ``res``."""
    return narrow(res, part) if res and part else res
