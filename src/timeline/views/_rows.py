"""What every figure of the events table reads: its rows as marks (``_Row``), the checked
columns, the encoding of lanes, colours and symbols, a response's lag, and the theme.

``figures`` (the timeline), ``lag`` and ``perspective`` build on it.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from timeline.errors import SchemaError
from timeline.table.cells import lag_days, row_interval
from timeline.views._style import (
    THEMES,
    colour_of,
    order_of,
    symbol_of,
    theme,
)

_RANGE_PRECISIONS = ("month", "year", "approximate")


@dataclass(frozen=True)
class _Row:
    """One drawable row: its dates resolved to a drawn interval."""

    index: int
    event_id: str
    kind: str
    precision: str
    start: Any  # pandas Timestamp or None (before)
    end: Any  # pandas Timestamp or None (after)
    lo: Any  # first known date (the anchor for episodes)
    hi: Any  # last known date
    shape: str  # "marker", "bar", "approx", "before", "after"
    responds_to: str
    lane: str
    color: str
    symbol: str
    hover: str  # the hover label (while resolving: the date to show when no date_text)


def _esc(value: str) -> str:
    """Escape data text for plotly's pseudo-HTML labels (it renders <b>, <br>, <a>...).

    Quotes are left alone: plotly shows ``&quot;`` literally, and with ``<`` escaped no
    attribute can be opened.
    """
    return html.escape(value, quote=False)


def _text_column(events: pd.DataFrame, column: str) -> list[str]:
    """Return a column as plain strings, ``""`` for missing values or a missing column."""
    if column not in events.columns:
        return [""] * len(events)
    return ["" if v is None or v is pd.NA or v != v else str(v) for v in events[column]]


def _date_column(events: pd.DataFrame, column: str) -> list[Any]:
    """Return a column as Timestamps (or None), raising SchemaError on unparseable text."""
    if column not in events.columns:
        return [None] * len(events)
    out: list[Any] = []
    for i, value in enumerate(events[column]):
        if value is None or value is pd.NaT or value is pd.NA or value == "" or value != value:
            out.append(None)
            continue
        try:
            stamp = pd.Timestamp(value)
        except (TypeError, ValueError) as exc:
            raise SchemaError(
                f"row {i}, column {column!r}: cannot read {value!r} as a date "
                "(expected ISO 8601, e.g. 2019-07-10)"
            ) from exc
        out.append(None if pd.isna(stamp) else stamp.normalize().tz_localize(None))
    return out


def _check_columns(events: Any, needed: tuple[str, ...], what: str) -> None:
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"{what}: events must be a pandas DataFrame, got {type(events).__name__}")
    missing = [c for c in needed if c not in events.columns]
    if missing:
        raise SchemaError(
            f"{what}: the events table lacks column(s) {', '.join(map(repr, missing))}; "
            f"found {', '.join(map(str, events.columns))}"
        )


def _wrap(text: str, width: int = 70) -> str:
    """Escape ``text`` and wrap it into ``<br>``-separated lines for a hover label."""
    lines = textwrap.wrap(text, width=width) or [""]
    return "<br>".join(_esc(line) for line in lines)


def _hover(values: dict[str, str], fallback_date: str, answers: tuple[str, str] | None) -> str:
    """Build the hover label of one row; every data value is escaped.

    ``answers`` is (title of the answered row, lag label) when the row's ``responds_to``
    names a row of the table.
    """
    date_text = values["date_text"] or fallback_date
    parts = [f"<b>{_wrap(values['title'] or values['event_id'])}</b>"]
    parts.append(f"{_esc(date_text)} · {_esc(values['kind'])}")
    if values["actor"]:
        parts.append(f"Actor: {_wrap(values['actor'])}")
    if answers is not None:
        parts.append(f"Responds to: {_wrap(answers[0])}")
        parts.append(f"Lag: {_esc(answers[1])} after it")
    elif values["responds_to"] and values["kind"] != "response":
        parts.append(f"Reacts to: {_esc(values['responds_to'])}")
    elif values["responds_to"]:
        parts.append(f"Responds to: {_esc(values['responds_to'])} (not in this table)")
    if values["evidence"]:
        parts.append(f"Evidence: “{_wrap(values['evidence'])}”")
    source = values["outlet"] or "unknown outlet"
    if values["publisher_type"]:
        source += f" ({values['publisher_type']})"
    parts.append(f"Source: {_esc(source)}")
    parts.append(f"id: {_esc(values['event_id'])}")
    return "<br>".join(parts)


def _resolve(
    i: int, event_id: str, precision: str, start: Any, end: Any
) -> tuple[Any, Any, Any, Any, str]:
    """Return (start, end, lo, hi, shape) for one row, naming the row when it has no date.

    ``start``/``end`` are the row's interval (``row_interval``: None on an open side), ``lo``
    and ``hi`` its first and last known day.
    """
    start, end = row_interval(start, end, precision)
    if start is None and end is None:
        raise SchemaError(
            f"row {i} (event_id {event_id!r}): neither date_start nor date_end is set, "
            "so the row cannot be placed on the timeline"
        )
    if start is None:
        return None, end, end, end, "before"
    if end is None:
        return start, None, start, start, "after"
    if end < start:
        raise SchemaError(
            f"row {i} (event_id {event_id!r}): date_end {end.date()} is before "
            f"date_start {start.date()}"
        )
    if precision in _RANGE_PRECISIONS:
        shape = "approx"
    elif end > start:
        shape = "bar"
    else:
        shape = "marker"
    return start, end, start, end, shape


@dataclass(frozen=True)
class _Encoding:
    """Which columns give lanes, colours and symbols, and the user's maps and orders."""

    lane: str = "kind"
    color: str = "kind"
    symbol: str = "kind"
    color_map: Any = None  # value -> colour
    symbol_map: Any = None  # value -> plotly symbol name
    orders: Any = None  # column -> values in order (plotly.express's category_orders)


def _rows(
    events: pd.DataFrame, enc: _Encoding
) -> tuple[list[_Row], list[str], dict[str, str], dict[str, str]]:
    """Resolve every row of ``events``; return rows sorted by date, lanes and style maps.

    Colours and symbols depend on the value only (``_style``), never on which other values
    the table holds, so every subset is drawn in the same styles.
    """
    lane, color, symbol = enc.lane, enc.color, enc.symbol
    text_cols = (
        "event_id",
        "kind",
        "date_precision",
        "date_text",
        "title",
        "actor",
        "responds_to",
        "outlet",
        "publisher_type",
        "evidence",
    )
    cols = {c: _text_column(events, c) for c in text_cols}
    for c in {lane, color, symbol}:
        cols.setdefault(c, _text_column(events, c))
    starts = _date_column(events, "date_start")
    ends = _date_column(events, "date_end")
    color_groups = order_of(color, cols[color], enc.orders)
    symbol_groups = order_of(symbol, cols[symbol], enc.orders)
    colors = {g: colour_of(color, g, enc.color_map) for g in color_groups}
    symbols = {g: symbol_of(symbol, g, enc.symbol_map) for g in symbol_groups}
    rows = []
    for i in range(len(events)):
        values = {c: cols[c][i] for c in cols}
        start, end, lo, hi, shape = _resolve(
            i, values["event_id"], values["date_precision"], starts[i], ends[i]
        )
        iso = lo.date().isoformat()
        rows.append(
            _Row(
                index=i,
                event_id=values["event_id"] or f"row-{i}",
                kind=values["kind"],
                precision=values["date_precision"],
                start=start,
                end=end,
                lo=lo,
                hi=hi,
                shape=shape,
                responds_to=values["responds_to"],
                lane=values[lane] or "(none)",
                color=values[color],
                symbol=values[symbol],
                hover=iso if shape != "before" else f"before {iso}",  # the fallback date
            )
        )
    rows.sort(key=lambda r: (r.lo, r.hi, r.event_id, r.index))
    linked = {response.index: event for event, response in _linked_pairs(rows)}
    for k, row in enumerate(rows):
        values = {c: cols[c][row.index] for c in cols}
        answers = None
        if row.index in linked:
            event = linked[row.index]
            answers = (cols["title"][event.index] or event.event_id, _lag(event, row)[1])
        rows[k] = replace(row, hover=_hover(values, row.hover, answers))
    lanes = order_of(lane, [r.lane for r in rows], enc.orders)
    return rows, lanes, colors, symbols


def _lag(event: _Row, response: _Row) -> tuple[int, str]:
    """Return the lag in days from the end of ``event`` to the start of ``response``, labelled.

    The label is prefixed ``≥`` or ``≤`` when a date is only bounded, ``~`` when a date is
    approximate (or bounds pull both ways).
    """
    days = lag_days((event.start, event.end), (response.start, response.end))
    # an event known only "before" a day happened earlier, so the lag is at least this;
    # a response known only "before" a day came earlier, so the lag is at most this
    signs = set()
    if event.shape == "before" or response.shape == "after":
        signs.add("≥")
    if event.shape == "after" or response.shape == "before":
        signs.add("≤")
    if "approx" in (event.shape, response.shape) or len(signs) > 1:
        prefix = "~"
    else:
        prefix = signs.pop() if signs else ""
    return days, f"{prefix}{days} d"


def _pd_day() -> Any:
    return pd.Timedelta(days=1)


def _noon(stamp: Any) -> Any:
    """Where a one-day mark sits: on the day's tick (a day is drawn 12 h either side of it)."""
    return stamp


def _style_theme(name: str) -> Any:
    return theme(name)


def _theme_props(name: str, what: str) -> dict[str, Any]:
    """Template and colours of a theme for ``update_layout``; ValueError naming the choices."""
    if name not in THEMES:
        raise ValueError(
            f"{what}: theme must be one of {', '.join(map(repr, THEMES))}, not {name!r}"
        )
    look = theme(name)
    return {
        "template": look.template,
        "paper_bgcolor": look.paper,
        "plot_bgcolor": look.paper,
        "font": {"color": look.ink},
    }


def _linked_pairs(rows: list[_Row]) -> list[tuple[_Row, _Row]]:
    """Return (event, response) for every response whose ``responds_to`` names another row.

    A response is a row of kind ``response`` (the one meaning every view follows);
    ``responds_to`` on an ``event`` says what it reacts to and is shown, not counted.
    """
    by_id: dict[str, _Row] = {}
    for r in rows:
        by_id.setdefault(r.event_id, r)
    return [
        (by_id[r.responds_to], r)
        for r in rows
        if r.kind == "response"
        and r.responds_to
        and r.responds_to in by_id
        and r.responds_to != r.event_id
    ]
