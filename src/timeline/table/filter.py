"""Filtering an events table by years, kinds, actors and text: plain pandas (``filter_events``)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from timeline.errors import SchemaError
from timeline.schema import KINDS
from timeline.table.cells import frame_intervals


def _column(events: pd.DataFrame, name: str) -> pd.Series:
    if name not in events.columns:
        raise SchemaError(f"filter_events: the events table has no column {name!r}")
    return events[name]


def _as_dates(events: pd.DataFrame, name: str) -> pd.Series:
    values = _column(events, name)
    if pd.api.types.is_datetime64_any_dtype(values):
        return values
    present = values.astype("string").str.strip().fillna("") != ""
    try:
        return pd.to_datetime(values.astype("object").where(present, None), format="ISO8601")
    except (ValueError, TypeError) as exc:
        raise SchemaError(
            f"filter_events: column {name!r} holds a value that is not a date"
        ) from exc


def _choices(name: str, values: Iterable[str] | str) -> list[str]:
    if isinstance(values, str):
        return [values]
    try:
        return [str(value) for value in values]
    except TypeError as exc:
        raise TypeError(f"filter_events: {name} must be an iterable of strings") from exc


def _interval(events: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each row's date interval (``frame_intervals``), its open sides at the first and last day
    the table can hold: a ``before`` date reaches back without limit, an ``after`` one forward."""
    precision = _column(events, "date_precision")
    low, high = frame_intervals(
        _as_dates(events, "date_start"), _as_dates(events, "date_end"), precision
    )
    precision = precision.astype("string").fillna("").str.strip()
    # the table holds any day of the years 1 to 9999 (datetime64[s]), wider than Timestamp.min/max
    low = low.where(precision != "before", pd.Timestamp("0001-01-01"))
    high = high.where(precision != "after", pd.Timestamp("9999-12-31"))
    return low, high


def filter_events(
    events: pd.DataFrame,
    *,
    years: tuple[int, int] | None = None,
    kinds: Iterable[str] | str | None = None,
    actors: Iterable[str] | str | None = None,
    text: str | None = None,
) -> pd.DataFrame:
    """Keep the rows that match every filter given; None means "do not filter on this".

    Args:
        events: an events table (as returned by ``read_events``).
        years: ``(first, last)``, inclusive: keep rows whose date interval overlaps those
            years. A ``before`` date reaches back without limit, an ``after`` date forward.
            Rows with no date at all are dropped when a year range is given.
        kinds: keep these kinds (``event``, ``response``); a single string is one kind.
        actors: keep rows whose actor is one of these (exact match); a single string is one.
        text: keep rows whose title or actor contains this, ignoring case.

    Returns:
        A copy of the matching rows, in their original order and with their original index.

    Raises:
        ValueError: ``years`` is not two years in order, or a kind is unknown.
        SchemaError: a column the filter needs is missing or holds a non-date.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"kind": ["event", "response"], "actor": ["A", "B"],
    ...                       "title": ["Visit", "Reply"]})
    >>> filter_events(table, kinds=["response"])["title"].tolist()
    ['Reply']
    """
    mask = pd.Series(True, index=events.index)
    if years is not None:
        try:
            first, last = (int(year) for year in years)
        except (TypeError, ValueError) as exc:
            raise ValueError(
                f"filter_events: years must be a (first, last) pair of years, got {years!r}"
            ) from exc
        if first > last:
            raise ValueError(f"filter_events: years {years!r}: the first year is after the last")
        low, high = _interval(events)
        begin = pd.Timestamp(year=first, month=1, day=1)
        finish = pd.Timestamp(year=last, month=12, day=31)
        mask &= (low <= finish).fillna(False).astype(bool)
        mask &= (high >= begin).fillna(False).astype(bool)
    if kinds is not None:
        wanted = _choices("kinds", kinds)
        unknown = sorted(set(wanted) - set(KINDS))
        if unknown:
            raise ValueError(
                f"filter_events: unknown kind(s) {', '.join(map(repr, unknown))}; "
                f"choose from {', '.join(KINDS)}"
            )
        mask &= _column(events, "kind").isin(wanted).fillna(False).astype(bool)
    if actors is not None:
        mask &= _column(events, "actor").isin(_choices("actors", actors)).fillna(False)
        mask = mask.astype(bool)
    if text is not None and text != "":
        needle = str(text)
        hits = pd.Series(False, index=events.index)
        for name in ("title", "actor"):
            found = (
                _column(events, name).astype("string").str.contains(needle, case=False, regex=False)
            )
            hits |= found.fillna(False).astype(bool)
        mask &= hits
    return events.loc[mask].copy()


def year_span(events: pd.DataFrame) -> tuple[int, int]:
    """The first and last year any row's dates touch ((2000, 2000) when none has a date)."""
    years = pd.concat([_as_dates(events, "date_start"), _as_dates(events, "date_end")]).dropna()
    if years.empty:
        return (2000, 2000)
    return (int(years.min().year), int(years.max().year))
