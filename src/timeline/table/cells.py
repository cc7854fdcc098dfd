"""Reading table cells the same way everywhere: missing values, display text and the
interval and lag of a row's dates."""

from __future__ import annotations

import calendar
from typing import Any

import numpy as np
import pandas as pd

_NA, _NAT = pd.NA, pd.NaT


def is_missing(value: Any) -> bool:
    """Tell whether a cell is missing: None, ``pd.NA``, ``pd.NaT`` or a NaN (cheap: per cell).

    >>> [is_missing(v) for v in (None, pd.NA, pd.NaT, float("nan"), "", 0)]
    [True, True, True, True, False, False]
    >>> is_missing(np.datetime64("NaT")), is_missing(np.float32("nan"))
    (True, True)
    """
    if value is None or value is _NA or value is _NAT:
        return True
    if type(value) is str:
        return False
    if isinstance(value, float | np.floating | np.datetime64 | np.timedelta64):
        return bool(pd.isna(value))
    return False


def as_text(value: Any) -> str:
    """Return a cell as stripped text, ``""`` when it is missing.

    >>> as_text(None), as_text("  Port Sable ")
    ('', 'Port Sable')
    """
    return "" if is_missing(value) else str(value).strip()


# --------------------------------------------------------------------------- dates of a row
# One reading of a row's dates for every view (the chart, the lag chart, the story, filters,
# evaluation, review): ``row_interval`` for one row, ``frame_intervals`` for a whole table.


def row_interval(start: Any, end: Any, precision: Any) -> tuple[Any, Any]:
    """Return the days a row may fall on, ``(first, last)``, from its date cells and precision.

    The rules, the same in every view:

    - ``before``: ``(None, bound)``, open towards the past; the bound is ``date_end`` (or
      ``date_start`` when only that is filled). A start given as well is ignored.
    - ``after``: ``(bound, None)``, open towards the future; the bound is ``date_start`` (or
      ``date_end``), an end given as well is ignored.
    - ``month``/``year`` with one bound missing: the whole month/year of the other
      (``2030-05-10`` and no end give ``(2030-05-10, 2030-05-31)``).
    - any other precision (``day``, ``approximate``, unknown) with one bound missing: the
      one day given.
    - no date at all: ``(None, None)``.
    - an end before a start is returned as written (the interval is empty): the views that
      draw a row refuse it, and ``validate_events`` reports it.

    ``start`` and ``end`` are dates (``datetime.date``, ``pd.Timestamp`` ...) or missing cells;
    a filled-in bound is of the same type as the bound it comes from.

    >>> import datetime as dt
    >>> row_interval(dt.date(2030, 5, 10), None, "month")
    (datetime.date(2030, 5, 10), datetime.date(2030, 5, 31))
    >>> row_interval(pd.Timestamp("2030-05-10"), pd.Timestamp("2030-05-12"), "before")
    (None, Timestamp('2030-05-12 00:00:00'))
    """
    start = None if is_missing(start) else start
    end = None if is_missing(end) else end
    precision = as_text(precision)
    if precision == "before":
        return None, end if end is not None else start
    if precision == "after":
        return start if start is not None else end, None
    if start is None and end is not None:
        start = _first_day(end, precision)
    elif end is None and start is not None:
        end = _last_day(start, precision)
    return start, end


def lag_days(event: tuple[Any, Any], response: tuple[Any, Any]) -> int | None:
    """Return a response's lag: days from the event's last known day to its own first.

    Both arguments are intervals as ``row_interval`` returns them. The last known day of an
    interval is its end, or its start when the end is open (``after``); the first known day is
    its start, or its end when the start is open (``before``). So a ``before`` event counts
    from its bound (the lag is at least this), a ``before`` response up to its bound (at most
    this). A same-day answer is 0, an answer dated before its event negative; None when
    either row has no date.

    >>> day = pd.Timestamp
    >>> lag_days((day("2030-05-01"), day("2030-05-03")), (day("2030-05-10"), None))
    7
    >>> lag_days((None, None), (day("2030-05-10"), day("2030-05-10"))) is None
    True
    """
    last = event[1] if event[1] is not None else event[0]
    first = response[0] if response[0] is not None else response[1]
    if last is None or first is None:
        return None
    return int((first - last).days)


def frame_intervals(
    start: pd.Series, end: pd.Series, precision: pd.Series
) -> tuple[pd.Series, pd.Series]:
    """``row_interval`` for whole columns: (first, last) as datetime Series, NaT where open.

    ``start`` and ``end`` are datetime64 Series (any unit, so years 1 to 9999 fit) on the same
    index as ``precision``; the rules are those of ``row_interval``, row by row.

    >>> first, last = frame_intervals(pd.Series(pd.to_datetime(["2030-05-10", None])),
    ...     pd.Series(pd.to_datetime([None, "2030-06-02"])), pd.Series(["year", "before"]))
    >>> [str(d.date()) if pd.notna(d) else None for d in (*first, *last)]
    ['2030-05-10', None, '2030-12-31', '2030-06-02']
    """
    precision = precision.astype("string").fillna("").str.strip()
    before = (precision == "before").to_numpy(dtype=bool)
    after = (precision == "after").to_numpy(dtype=bool)
    s, e = start.to_numpy(), end.to_numpy()
    lo = np.where(np.isnat(s), _period_edge(e, precision, first=True), s)
    hi = np.where(np.isnat(e), _period_edge(s, precision, first=False), e)
    nat = np.datetime64("NaT").astype(lo.dtype)
    lo = np.where(before, nat, np.where(after & np.isnat(s), e, lo))
    hi = np.where(after, nat, np.where(before & np.isnat(e), s, hi))
    return pd.Series(lo, index=start.index), pd.Series(hi, index=end.index)


def _period_edge(days: np.ndarray, precision: pd.Series, *, first: bool) -> np.ndarray:
    """The first (or last) day of each day's month or year by ``precision``, else the day."""
    out = days.copy()
    for name, unit in (("month", "datetime64[M]"), ("year", "datetime64[Y]")):
        rows = (precision == name).to_numpy(dtype=bool) & ~np.isnat(days)
        if rows.any():
            period = days[rows].astype(unit)
            if first:
                edge = period.astype("datetime64[D]")
            else:  # the day before the next month or year begins
                edge = (period + 1).astype("datetime64[D]") - np.timedelta64(1, "D")
            out[rows] = edge.astype(days.dtype)
    return out


def _first_day(day: Any, precision: str) -> Any:
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


def _last_day(day: Any, precision: str) -> Any:
    if precision == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return day.replace(month=12, day=31)
    return day
