"""Plotly figure builders for the events table.

Every builder looks like a plotly.express function: the events DataFrame first, column names
as keyword-only arguments, a ``plotly.graph_objects.Figure`` returned and never shown or
written.

How marks map to rows (``timeline_figure``): each row of the table is drawn exactly once as a
*mark* in the episode panels (or the single panel when ``episodes=False``). A mark is either a
marker (a ``scatter`` trace) or a bar (a ``bar`` trace); every such trace has
``meta["role"] == "event-mark"`` and one ``customdata`` entry per mark holding the row's
``event_id``. Nothing else in the figure draws a marker or a bar: the overview strip is drawn
with lines only (``meta["role"] == "overview"``), the links from responses to the events they
answer are lines (``"connector"``) with their lag labels as text (``"lag-label"``), and the
dotted open ends of ``before``/``after`` dates are lines (``"open-end"``). So in the browser,
``.point`` elements inside the plot are the marks, one per row.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from timeline.dates.calendar import month_end
from timeline.errors import SchemaError
from timeline.schema import PUBLISHER_TYPES
from timeline.views import _layout
from timeline.views._style import OKABE_ITO as OKABE_ITO  # re-exported
from timeline.views._style import SYMBOLS as SYMBOLS  # re-exported
from timeline.views._style import (
    THEMES,
    colour_of,
    follow_notebook_theme,
    order_of,
    symbol_of,
    theme,
)

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go

DEFAULT_GAP_DAYS = 60
_MAX_PANELS = 12
_LAG_LABEL_LIMIT = 12
_CONNECTOR_LIMIT = 60  # links in one panel above which connectors would be a grey tangle
#: Above this many rows the chart is a density overview over a detail panel (``_dense``).
DENSE_ROWS = 600
_RANGE_PRECISIONS = ("month", "year", "approximate")
_HALF_DAY = 43_200_000  # ms: a day is drawn from 12 h before its midnight to 12 h after
_KEY = (
    "marker: one day",
    "bar: a span of days",
    "hatched bar: approximate, month or year",
    "open marker + dotted line: only a bound is known",
    "grey line: a response to an event, with its lag in days",
)


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
    import pandas as pd

    if column not in events.columns:
        return [""] * len(events)
    return ["" if v is None or v is pd.NA or v != v else str(v) for v in events[column]]


def _date_column(events: pd.DataFrame, column: str) -> list[Any]:
    """Return a column as Timestamps (or None), raising SchemaError on unparseable text."""
    import pandas as pd

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
    import pandas as pd

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
    """Return (start, end, lo, hi, shape) for one row, naming the row when it has no date."""
    import pandas as pd

    if start is None and end is None:
        raise SchemaError(
            f"row {i} (event_id {event_id!r}): neither date_start nor date_end is set, "
            "so the row cannot be placed on the timeline"
        )
    if precision == "before":
        bound = end if end is not None else start
        return None, bound, bound, bound, "before"
    if precision == "after":
        bound = start if start is not None else end
        return bound, None, bound, bound, "after"
    if start is None:
        start = end
    if end is None:
        if precision == "month":
            end = pd.Timestamp(month_end(start.year, start.month))
        elif precision == "year":
            end = pd.Timestamp(year=start.year, month=12, day=31)
        else:
            end = start
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


def _episodes(rows: list[_Row], gap_days: float) -> list[list[_Row]]:
    """Cluster rows into episodes: a new episode starts after a gap longer than ``gap_days``.

    A response and the event it answers are kept in the same episode.
    """
    import pandas as pd

    parent = list(range(len(rows)))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    gap = pd.Timedelta(days=gap_days)
    current_hi = None
    for k, row in enumerate(rows):
        if k and row.lo - current_hi <= gap:
            parent[find(k)] = find(k - 1)
        current_hi = row.hi if current_hi is None else max(current_hi, row.hi)
    position = {r.event_id: k for k, r in enumerate(rows)}
    for k, row in enumerate(rows):
        target = position.get(row.responds_to)
        if target is not None:
            parent[find(k)] = find(target)
    # merged clusters may now interleave: merge every cluster overlapping in time
    changed = True
    while changed:
        changed = False
        spans: dict[int, list[Any]] = {}
        for k, row in enumerate(rows):
            span = spans.setdefault(find(k), [row.lo, row.hi])
            span[0], span[1] = min(span[0], row.lo), max(span[1], row.hi)
        ordered = sorted(spans.items(), key=lambda item: (item[1][0], item[0]))
        for (a, sa), (b, sb) in zip(ordered, ordered[1:], strict=False):
            if sb[0] - sa[1] <= gap and find(a) != find(b):
                parent[find(b)] = find(a)
                changed = True
    clusters: dict[int, list[_Row]] = {}
    for k, row in enumerate(rows):
        clusters.setdefault(find(k), []).append(row)
    return sorted(clusters.values(), key=lambda rs: (rs[0].lo, rs[0].event_id))


def _panel_range(rows: list[_Row]) -> tuple[Any, Any]:
    """Return the x range of a panel: its rows' days with padding on both sides."""
    import pandas as pd

    lo = min(r.lo for r in rows) - pd.Timedelta(hours=12)
    hi = max(r.hi for r in rows) + pd.Timedelta(hours=12)
    span = hi - lo
    pad = max(pd.Timedelta(days=3), span * 0.12)
    if any(r.shape == "before" for r in rows):
        lo -= pad  # room for the open end
    if any(r.shape == "after" for r in rows):
        hi += pad
    return lo - pad, hi + pad


def _tracks(rows: list[_Row], lanes: list[str], x0: Any, x1: Any) -> dict[int, float]:
    """Assign each row a y position: its lane centre, spread over tracks so marks don't collide."""
    import pandas as pd

    sep = (x1 - x0) * 0.035
    ys: dict[int, float] = {}
    n = len(lanes)
    for li, lane_name in enumerate(lanes):
        centre = n - 1 - li
        lane_rows = [r for r in rows if r.lane == lane_name]
        ends: list[Any] = []
        track_of: dict[int, int] = {}
        for r in lane_rows:
            left = r.lo if r.shape != "before" else r.hi
            right = r.hi + pd.Timedelta(hours=12) if r.shape in ("bar", "approx") else r.hi
            for t, end in enumerate(ends):
                if left - end > sep:
                    ends[t] = right
                    track_of[r.index] = t
                    break
            else:
                ends.append(right)
                track_of[r.index] = len(ends) - 1
        k = min(len(ends), 7) or 1
        step = 0.7 / k if k > 1 else 0.0
        for r in lane_rows:
            t = track_of[r.index] % k
            ys[r.index] = centre + 0.35 - step * (t + 0.5) if k > 1 else float(centre)
    return ys


def _lag(event: _Row, response: _Row) -> tuple[int, str]:
    """Return the lag in days from the end of ``event`` to the start of ``response``, labelled.

    The label is prefixed ``≥`` or ``≤`` when a date is only bounded, ``~`` when a date is
    approximate (or bounds pull both ways).
    """
    days = int((response.lo - event.hi) / _pd_day())
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
    import pandas as pd

    return pd.Timedelta(days=1)


def _noon(stamp: Any) -> Any:
    """Where a one-day mark sits: on the day's tick (a day is drawn 12 h either side of it)."""
    return stamp


def _add_panel(
    fig: go.Figure,
    rows: list[_Row],
    lanes: list[str],
    colors: dict[str, str],
    symbols: dict[str, str],
    x_range: tuple[Any, Any],
    *,
    axis: int,
    panel: int,
    ink: str,
) -> None:
    """Draw one panel (on axes ``axis``): marks, open ends and connectors for ``rows``."""
    import plotly.graph_objects as go

    where = {"xaxis": f"x{axis}", "yaxis": f"y{axis}"} if axis > 1 else {}
    ys = _tracks(rows, lanes, *x_range)
    groups = sorted(
        {(r.color, r.symbol) for r in rows},
        key=lambda g: (list(colors).index(g[0]), list(symbols).index(g[1])),
    )
    for color_value, symbol_value in groups:
        members = [r for r in rows if r.color == color_value and r.symbol == symbol_value]
        name = _esc(
            color_value if color_value == symbol_value else f"{color_value}, {symbol_value}"
        )
        legend_key = f"{color_value}\x00{symbol_value}"
        colour = colors[color_value]
        symbol = symbols[symbol_value]
        common = {"legendgroup": legend_key, "name": name or "(none)", "hoverinfo": "text"}
        markers = [r for r in members if r.shape == "marker"]
        opens = [r for r in members if r.shape in ("before", "after")]
        for shape, bars in (
            ("bar", [r for r in members if r.shape == "bar"]),
            ("approx", [r for r in members if r.shape == "approx"]),
        ):
            if not bars:
                continue
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    base=[(r.lo - _pd_day() / 2).isoformat() for r in bars],
                    x=[((r.hi - r.lo) / _pd_day() + 1) * 86_400_000 for r in bars],
                    y=[ys[r.index] for r in bars],
                    width=0.16,
                    marker={
                        "color": colour,
                        "line": {"color": colour, "width": 1},
                        "pattern": {
                            "shape": "/" if shape == "approx" else "",
                            "fillmode": "overlay" if shape == "approx" else "replace",
                            "fgcolor": "white",
                        },
                        "opacity": 0.75 if shape == "approx" else 1.0,
                    },
                    customdata=[r.event_id for r in bars],
                    hovertext=[r.hover for r in bars],
                    meta={"role": "event-mark", "shape": shape, "panel": panel},
                    showlegend=False,
                    **common,
                    **where,
                ),
            )
        for shape, marks in (("marker", markers), ("open", opens)):
            if not marks:
                continue
            fig.add_trace(
                go.Scatter(
                    x=[_noon(r.lo).isoformat() for r in marks],
                    y=[ys[r.index] for r in marks],
                    mode="markers",
                    marker={
                        "color": colour,
                        "symbol": symbol if shape == "marker" else f"{symbol}-open",
                        "size": 12,
                        "line": {"color": colour, "width": 2},
                    },
                    customdata=[r.event_id for r in marks],
                    hovertext=[r.hover for r in marks],
                    meta={"role": "event-mark", "shape": shape, "panel": panel},
                    showlegend=False,
                    **common,
                    **where,
                ),
            )
        if opens:
            xs: list[Any] = []
            yv: list[Any] = []
            # the dotted open end runs towards the unknown side, at most to the panel edge
            reach = max(_pd_day() * 3, (x_range[1] - x_range[0]) * 0.1)
            for r in opens:
                if r.shape == "before":
                    edge = max(x_range[0], r.lo - reach)
                else:
                    edge = min(x_range[1], r.lo + reach)
                xs += [_noon(r.lo).isoformat(), edge.isoformat(), None]
                yv += [ys[r.index], ys[r.index], None]
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=yv,
                    mode="lines",
                    line={"color": colour, "dash": "dot", "width": 2},
                    hoverinfo="skip",
                    showlegend=False,
                    legendgroup=legend_key,
                    meta={
                        "role": "open-end",
                        "panel": panel,
                        "event_ids": [r.event_id for r in opens],
                    },
                    **where,
                ),
            )
    _add_connectors(fig, rows, ys, x_range, where, panel, ink)


def _mark_x(r: _Row, *, end: bool) -> Any:
    """Return where a connector touches a row's mark (its end for the answered event)."""
    if r.shape in ("bar", "approx"):
        return r.hi + _pd_day() / 2 if end else r.lo - _pd_day() / 2
    return _noon(r.lo)  # a marker, or the known bound of a before/after date


def _add_connectors(
    fig: go.Figure,
    rows: list[_Row],
    ys: dict[int, float],
    x_range: tuple[Any, Any],
    where: dict[str, Any],
    panel: int,
    ink: str,
) -> None:
    """Draw one line per linked response, from its event to it, with the lag as a label.

    The label sits at the middle of the line, clear of both marks, and takes no hover (the
    response's own hover says the lag). A label that would sit on another one is left out,
    and a panel with more than ``_LAG_LABEL_LIMIT`` links shows none (every lag stays in the
    label trace's ``meta["labels"]`` and in the hover of the response); above
    ``_CONNECTOR_LIMIT`` links the lines are hidden too, so no grey tangle.
    """
    import plotly.graph_objects as go

    pairs = _linked_pairs(rows)
    if not pairs:
        return
    xs: list[Any] = []
    yv: list[Any] = []
    mid_x: list[Any] = []
    mid_y: list[float] = []
    labels: list[str] = []
    positions: list[str] = []
    for event, response in pairs:
        x0, x1 = _mark_x(event, end=True), _mark_x(response, end=False)
        y0, y1 = ys[event.index], ys[response.index]
        xs += [x0.isoformat(), x1.isoformat(), None]
        yv += [y0, y1, None]
        days, label = _lag(event, response)
        mid_x.append((x0 + (x1 - x0) / 2).isoformat())
        mid_y.append((y0 + y1) / 2)
        labels.append(label)
        positions.append("top center")
    ids = [[response.event_id, event.event_id] for event, response in pairs]
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=yv,
            mode="lines",
            line={"color": ink, "width": 1.5},
            hoverinfo="skip",
            showlegend=False,
            name="responds to",
            visible=len(pairs) <= _CONNECTOR_LIMIT,
            meta={"role": "connector", "panel": panel, "pairs": ids},
            **where,
        ),
    )
    if len(pairs) > _LAG_LABEL_LIMIT:  # a crowded panel: lags in the hover only
        shown = [False] * len(pairs)
    else:
        shown = _thin_labels(
            [
                (x0 + (x1 - x0) / 2, y)
                for (x0, x1), y in zip(_label_points(pairs), mid_y, strict=True)
            ],
            x_range,
        )
    fig.add_trace(
        go.Scatter(
            x=mid_x,
            y=mid_y,
            mode="text" if any(shown) else "none",
            text=[text if keep else "" for text, keep in zip(labels, shown, strict=True)],
            textposition=positions,
            textfont={"size": 11, "color": ink},
            cliponaxis=False,
            hoverinfo="skip",
            showlegend=False,
            name="lag",
            meta={
                "role": "lag-label",
                "panel": panel,
                "pairs": ids,
                "labels": [text.strip() for text in labels],
            },
            **where,
        ),
    )


def _label_points(pairs: list[tuple[_Row, _Row]]) -> list[tuple[Any, Any]]:
    """Return (start, end) x of each connector."""
    return [(_mark_x(e, end=True), _mark_x(r, end=False)) for e, r in pairs]


def _thin_labels(points: list[tuple[Any, float]], x_range: tuple[Any, Any]) -> list[bool]:
    """Keep a label only when no kept label is close to it (greedy, in order; deterministic)."""
    dx = (x_range[1] - x_range[0]) * 0.09
    kept: list[tuple[Any, float]] = []
    keep = []
    for x, y in points:
        ok = all(abs(x - kx) > dx or abs(y - ky) > 0.18 for kx, ky in kept)
        if ok:
            kept.append((x, y))
        keep.append(ok)
    return keep


def _episode_title(rows: list[_Row]) -> str:
    lo = min(r.lo for r in rows)
    hi = max(r.hi for r in rows)
    if lo.year != hi.year:
        return f"{lo.day} {lo:%b} {lo.year} – {hi.day} {hi:%b} {hi.year}"
    if lo == hi:
        return f"{lo.day} {lo:%b} {lo.year}"
    if lo.month == hi.month:
        return f"{lo.day}–{hi.day} {hi:%b} {hi.year}"
    return f"{lo.day} {lo:%b} – {hi.day} {hi:%b} {hi.year}"


def timeline_figure(
    events: pd.DataFrame,
    *,
    lane: str = "kind",
    color: str | None = None,
    symbol: str | None = None,
    color_discrete_map: Mapping[str, str] | None = None,
    symbol_map: Mapping[str, str] | None = None,
    category_orders: Mapping[str, Sequence[str]] | None = None,
    title: str | None = None,
    episodes: bool | str = "auto",
    gap_days: float = DEFAULT_GAP_DAYS,
    theme: str = "auto",
    width: int | None = None,
    height: int | None = None,
    dense: bool | str = "auto",
) -> go.Figure:
    """Draw events and responses on a timeline, one lane per value of ``lane``.

    Single-day rows are markers on their day's tick; multi-day rows are bars (hatched when
    the date is approximate, or known only to the month or year); ``before``/``after`` rows
    are an open marker at the known bound with a dotted line running off towards the unknown
    side. A grey line joins each response (a row of kind ``response``) to the event it
    answers, labelled with the lag in days (``~`` approximate, ``≥`` a lower bound). With
    ``episodes`` on, rows are clustered into episodes separated by more than ``gap_days`` (a
    response stays with its event): an overview strip of the whole span sits above one panel
    per episode, each fitted to its own dates, as many panels a row as ``width`` holds. Each
    row is drawn exactly once as a mark (see the module docstring). Above ``DENSE_ROWS`` rows
    (or with ``dense=True``) the chart is a density overview over one detail panel instead
    (see ``timeline.views._dense``).

    A value has the same colour and symbol in every figure and every subset of the rows (the
    schema's values by their place in the schema, others by a checksum of their text); pass
    ``color_discrete_map``/``symbol_map`` to choose them, ``category_orders`` to order lanes
    and legend, as in plotly.express.

    Args:
        events: the events table (as from ``read_events``; object dtypes work too).
        lane: column whose values give the lanes.
        color: column for the colour groups (default: ``lane``).
        symbol: column for the marker symbols (default: ``color``).
        color_discrete_map: value -> colour, overriding the default colours.
        symbol_map: value -> plotly marker symbol (``circle``, ``square``...).
        category_orders: column -> values in the order wanted.
        title: figure title (plain text; it is escaped).
        episodes: ``"auto"`` (panels when there is more than one episode), ``True`` or
            ``False`` (one linear axis).
        gap_days: the gap, in days, that separates two episodes.
        theme: ``"auto"`` (transparent, legible on light and dark; pages written by
            ``write_html`` follow the reader's light or dark setting), ``"light"`` or ``"dark"``.
        width: the width, in pixels, the layout is made for (panel columns, wrapping);
            the figure still fills its container, and ``write_html`` pages re-fit on resize.
        height: figure height in pixels (default: from the lanes, panels and width).
        dense: ``"auto"`` (above ``DENSE_ROWS`` rows), ``True`` or ``False``.

    Returns:
        A ``plotly.graph_objects.Figure``.

    Raises:
        SchemaError: a needed column is missing, a date is unreadable, or a row has no date.
        ValueError: an unknown ``theme``, ``episodes`` or ``dense`` value.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"event_id": ["a"], "kind": ["event"], "date_start": ["2019-07-10"],
    ...                    "date_end": ["2019-07-10"], "date_precision": ["day"]})
    >>> list(timeline_figure(df).data[0].customdata)
    ['a']
    """
    _check_columns(
        events, ("event_id", "kind", "date_start", "date_end", "date_precision"), "timeline_figure"
    )
    color = color or lane
    symbol = symbol or color
    for arg, column in (("lane", lane), ("color", color), ("symbol", symbol)):
        if column not in events.columns:
            raise SchemaError(
                f"timeline_figure: {arg}={column!r} is not a column of the events table; "
                f"choose one of {', '.join(map(str, events.columns))}"
            )
    for arg, value, choices in (
        ("episodes", episodes, ("auto", True, False)),
        ("dense", dense, ("auto", True, False)),
        ("theme", theme, THEMES),
    ):
        if value not in choices:
            raise ValueError(
                f"timeline_figure: {arg} must be one of {', '.join(map(repr, choices))}, "
                f"not {value!r}"
            )
    if not gap_days > 0:
        raise ValueError(f"timeline_figure: gap_days must be positive, not {gap_days!r}")
    enc = _Encoding(lane, color, symbol, color_discrete_map, symbol_map, category_orders)
    if dense is True or (dense == "auto" and len(events) > DENSE_ROWS):
        from timeline.views._dense import dense_figure

        fig = dense_figure(events, enc, title=title, theme_name=theme, width=width, height=height)
        return follow_notebook_theme(fig, theme)
    rows, lanes, colors, symbols = _rows(events, enc)
    clusters: list[list[_Row]] = []
    if rows:
        gap = float(gap_days)
        clusters = _episodes(rows, gap)
        while len(clusters) > _MAX_PANELS:
            gap *= 2
            clusters = _episodes(rows, gap)
    use_panels = (
        episodes is not False and bool(clusters) and (episodes is True or len(clusters) > 1)
    )
    look = _style_theme(theme)
    fig = _new_figure(lanes, clusters if use_panels else [], title, look)
    n_lanes = max(len(lanes), 1)
    # pixels per lane: room for wrapped names, and for several tracks when rows are many
    lane_px = round((70 if n_lanes <= 4 else 45) * (1 if len(rows) < 50 else 1.6))
    frame = _layout.Frame(
        n_panels=len(clusters) if use_panels else 0,
        lane_px=lane_px,
        n_lanes=n_lanes,
        overview_px=(40 + 18 * min(n_lanes, 4)) if use_panels else 0,
        key_items=_KEY,
        legend_names=tuple(_legend_names(rows, colors, symbols)),
        lane_names=tuple(lanes),
        title=bool(title),
        buttons=not use_panels and len(clusters) > 1,
    )
    if use_panels:
        _add_overview(fig, rows, clusters, lanes, look.ink)
        for k, cluster in enumerate(clusters):
            x_range = _panel_range(cluster)
            _add_panel(
                fig,
                cluster,
                lanes,
                colors,
                symbols,
                x_range,
                axis=k + 2,
                panel=k + 1,
                ink=look.connector,
            )
            fig.layout[f"xaxis{k + 2}"].update(_date_axis(x_range, look))
        layouts = _layout.panel_layouts(frame, key_index=len(clusters))
    else:
        if rows:
            x_range = _panel_range(rows)
            _add_panel(
                fig, rows, lanes, colors, symbols, x_range, axis=1, panel=0, ink=look.connector
            )
            fig.layout.xaxis.update(_date_axis(x_range, look))
        if len(clusters) > 1:
            _add_zoom_buttons(fig, rows, clusters)
        layouts = _layout.band_layouts(frame, key_index=0, axes=("xaxis",))
    _add_legend(fig, rows, colors, symbols, color)
    fig.update_layout(
        meta={
            "role": "timeline",
            "rows": len(rows),
            "episodes": len(clusters) if use_panels else 1,
            "layouts": layouts,
            "theme": look.name,
            **({"themes": _theme_relayouts(fig)} if look.name == "auto" else {}),
        }
    )
    _layout.apply(fig, _layout.pick(layouts, width or _layout.DEFAULT_WIDTH))
    if height:
        fig.update_layout(height=height)
    return follow_notebook_theme(fig, look.name)


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


def _date_axis(x_range: tuple[Any, Any], look: Any) -> dict[str, Any]:
    """A date axis over ``x_range`` that never shows hours: day ticks at the finest."""
    span_days = (x_range[1] - x_range[0]) / _pd_day()
    axis: dict[str, Any] = {
        "type": "date",
        "range": [x_range[0].isoformat(), x_range[1].isoformat()],
        "tickformatstops": [
            {"dtickrange": [None, "M1"], "value": "%-d %b<br>%Y"},
            {"dtickrange": ["M1", "M12"], "value": "%b<br>%Y"},
            {"dtickrange": ["M12", None], "value": "%Y"},
        ],
        "tickangle": 0,
        "showgrid": True,
        "gridcolor": look.grid,
    }
    if span_days <= 40:  # a short window: whole days only, never 12:00
        step = max(1, math.ceil(span_days / 4))
        axis["dtick"] = step * 86_400_000
        axis["tick0"] = x_range[0].normalize().isoformat()
    return axis


def _new_figure(lanes: list[str], clusters: list[list[_Row]], title: str | None, look: Any) -> Any:
    """An empty figure with its axes (overview + one per panel), titles and key in place."""
    import plotly.graph_objects as go

    n_lanes = max(len(lanes), 1)
    y_axis = {
        "tickmode": "array",
        "tickvals": [n_lanes - 1 - i for i in range(len(lanes))],
        "ticktext": [_wrap(name, 28) for name in lanes],
        "range": [-0.6, n_lanes - 0.4],
        "showgrid": False,
        "zeroline": False,
        "fixedrange": True,
    }
    fig = go.Figure()
    fig.update_layout(
        template=look.template,
        paper_bgcolor=look.paper,
        plot_bgcolor=look.paper,
        font={"color": look.ink},
        barmode="overlay",
        title={"text": _esc(title) if title else None, "x": 0, "xanchor": "left"},
        hovermode="closest",
        hoverlabel={"align": "left"},
        legend={
            "orientation": "h",
            "yref": "container",
            "yanchor": "top",
            "y": 0.95,
            "xanchor": "left",
            "x": 0,
        },
        margin={"r": 24},
        yaxis=y_axis,
    )
    for k, cluster in enumerate(clusters):
        axis = k + 2
        fig.layout[f"xaxis{axis}"] = {"anchor": f"y{axis}", "type": "date"}
        fig.layout[f"yaxis{axis}"] = {**y_axis, "anchor": f"x{axis}"}
        fig.add_annotation(
            text=f"{k + 1}. {_episode_title(cluster)}",
            xref="paper",
            yref="paper",
            xanchor="center",
            yanchor="bottom",
            showarrow=False,
            font={"size": 12},
            name="panel-title",
        )
    if clusters:
        fig.update_layout(xaxis={"type": "date", "showgrid": True, "gridcolor": look.grid})
    _layout.add_key(fig, " · ".join(_KEY), look.muted)
    return fig


def _legend_names(rows: list[_Row], colors: dict[str, str], symbols: dict[str, str]) -> list[str]:
    return [_group_name(c, s) for c, s in _style_groups(rows, colors, symbols)]


def _group_name(color_value: str, symbol_value: str) -> str:
    name = color_value if color_value == symbol_value else f"{color_value}, {symbol_value}"
    return name or "(none)"


def _style_groups(
    rows: list[_Row], colors: dict[str, str], symbols: dict[str, str]
) -> list[tuple[str, str]]:
    return sorted(
        {(r.color, r.symbol) for r in rows},
        key=lambda g: (list(colors).index(g[0]), list(symbols).index(g[1])),
    )


def _add_legend(
    fig: Any, rows: list[_Row], colors: dict[str, str], symbols: dict[str, str], column: str
) -> None:
    """One legend entry per style group, drawn by a trace of its own with no point.

    So the legend shows the group's colour and filled symbol whichever of its marks (bar,
    marker, open marker) happens to be drawn first, and in every subset the same.
    """
    import plotly.graph_objects as go

    for color_value, symbol_value in _style_groups(rows, colors, symbols):
        colour = colors[color_value]
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={
                    "color": colour,
                    "symbol": symbols[symbol_value],
                    "size": 11,
                    "line": {"color": colour, "width": 2},
                },
                name=_esc(_group_name(color_value, symbol_value)),
                legendgroup=f"{color_value}\x00{symbol_value}",
                showlegend=True,
                hoverinfo="skip",
                meta={"role": "legend", "color_value": color_value, "symbol_value": symbol_value},
            )
        )
    fig.update_layout(legend_title_text=_esc(column))


def _theme_relayouts(fig: Any) -> dict[str, dict[str, Any]]:
    """For an ``auto`` figure: the relayout that makes it light, and the one that makes it dark."""
    out = {}
    axes = [k for k in fig.layout.to_plotly_json() if k.startswith(("xaxis", "yaxis"))]
    key = [i for i, a in enumerate(fig.layout.annotations) if a.name == "key"]
    for name in ("light", "dark"):
        look = theme(name)
        relayout: dict[str, Any] = {
            "paper_bgcolor": look.paper,
            "plot_bgcolor": look.paper,
            "font.color": look.ink,
            "legend.font.color": look.ink,
        }
        for axis in axes:
            relayout[f"{axis}.gridcolor"] = look.grid
            relayout[f"{axis}.color"] = look.ink
        for i in key:
            relayout[f"annotations[{i}].font.color"] = look.muted
        out[name] = relayout
    return out


def _add_zoom_buttons(fig: go.Figure, rows: list[_Row], clusters: list[list[_Row]]) -> None:
    """Add one button per episode (and one for the whole span) that sets the x range."""
    lo, hi = _panel_range(rows)
    buttons = [
        {
            "label": "Whole span",
            "method": "relayout",
            "args": [{"xaxis.range": [lo.isoformat(), hi.isoformat()]}],
        }
    ]
    for k, cluster in enumerate(clusters):
        a, b = _panel_range(cluster)
        buttons.append(
            {
                "label": f"{k + 1}. {_episode_title(cluster)}",
                "method": "relayout",
                "args": [{"xaxis.range": [a.isoformat(), b.isoformat()]}],
            }
        )
    fig.update_layout(
        updatemenus=[
            {
                "type": "dropdown",
                "direction": "down",
                "buttons": buttons,
                "x": 0,
                "xanchor": "left",
                "y": 1.0,
                "yanchor": "bottom",
                "showactive": True,
                "active": 0,
                "pad": {"r": 4, "t": 0},
                "font": {"size": 11},
            }
        ]
    )


def _add_overview(
    fig: go.Figure, rows: list[_Row], clusters: list[list[_Row]], lanes: list[str], ink: str
) -> None:
    """Draw the whole-span strip: a tick per row (lines only) and a band per episode."""
    import plotly.graph_objects as go

    n = len(lanes)
    centre = {name: n - 1 - i for i, name in enumerate(lanes)}
    xs: list[Any] = []
    yv: list[Any] = []
    for r in rows:
        for stamp in (r.lo, r.hi) if r.hi != r.lo else (r.lo,):
            xs += [stamp.isoformat(), stamp.isoformat(), None]
            yv += [centre[r.lane] - 0.3, centre[r.lane] + 0.3, None]
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=yv,
            mode="lines",
            line={"color": ink, "width": 1},
            hoverinfo="skip",
            showlegend=False,
            name="overview",
            meta={"role": "overview"},
        ),
    )
    lo = min(r.lo for r in rows)
    hi = max(r.hi for r in rows)
    pad = max(_pd_day() * 10, (hi - lo) * 0.03)
    fig.update_layout(xaxis_range=[(lo - pad).isoformat(), (hi + pad).isoformat()])
    min_width = (hi - lo + 2 * pad) * 0.006
    for k, cluster in enumerate(clusters):
        a = min(r.lo for r in cluster)
        b = max(r.hi for r in cluster) + _pd_day()
        if b - a < min_width:
            mid = a + (b - a) / 2
            a, b = mid - min_width / 2, mid + min_width / 2
        fig.add_shape(
            type="rect",
            x0=a.isoformat(),
            x1=b.isoformat(),
            fillcolor="#0072B2",
            opacity=0.18,
            line_width=0,
            xref="x",
            yref="y domain",
            y0=0,
            y1=1,
            layer="below",
        )
        fig.add_annotation(
            x=(a + (b - a) / 2).isoformat(),
            y=1,
            yref="y domain",
            text=str(k + 1),
            showarrow=False,
            yanchor="bottom",
            font={"size": 10},
            xref="x",
        )


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


def lag_figure(
    events: pd.DataFrame, *, by: str = "actor", title: str | None = None, theme: str = "auto"
) -> go.Figure:
    """Plot, for every response linked to an event, the days from that event to the response.

    A response is a row of kind ``response`` whose ``responds_to`` names a row of the table
    (an ``event`` that reacts to another is not counted), as in every view.
    One dot per linked response, in rows grouped by the response's ``by`` column, groups
    sorted by their median lag (fastest on top). The lag runs from the last day of the event
    to the first day of the response; a filled dot is an exact lag, an open dot an estimate
    (``~``, approximate dates) or a lower bound (``≥``, the event is only known to have
    happened on or before a date). Hover shows both titles. Each dot's ``customdata`` holds
    ``[response_id, event_id, lag_days]``.

    Args:
        events: the events table.
        by: the column of the response that groups the dots (``actor``, ``outlet``, ...).
        title: figure title (plain text; it is escaped).
        theme: ``"auto"``, ``"light"`` or ``"dark"``, as in ``timeline_figure``.

    Returns:
        A ``plotly.graph_objects.Figure`` (with a note instead of dots when no response is
        linked).

    Raises:
        SchemaError: a needed column is missing or a date is unreadable.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"event_id": ["a", "b"], "kind": ["event", "response"],
    ...     "date_start": ["2019-07-01", "2019-07-03"], "date_end": ["2019-07-01", "2019-07-03"],
    ...     "date_precision": ["day", "day"], "responds_to": ["", "a"], "actor": ["X", "Y"]})
    >>> list(lag_figure(df).data[0].x)
    [2]
    """
    import plotly.graph_objects as go

    _check_columns(
        events,
        ("event_id", "kind", "date_start", "date_end", "date_precision", "responds_to"),
        "lag_figure",
    )
    if by not in events.columns:
        raise SchemaError(
            f"lag_figure: by={by!r} is not a column of the events table; "
            f"choose one of {', '.join(map(str, events.columns))}"
        )
    rows, _, _, _ = _rows(events, _Encoding())
    group_of = dict(zip(_text_column(events, "event_id"), _text_column(events, by), strict=True))
    titles = dict(zip(_text_column(events, "event_id"), _text_column(events, "title"), strict=True))
    items = []
    for event, response in _linked_pairs(rows):
        days, label = _lag(event, response)
        group = group_of.get(response.event_id, "") or "(none)"
        items.append((group, days, label, event, response))
    fig = go.Figure()
    fig.update_layout(
        **_theme_props(theme, "lag_figure"),
        title={"text": _esc(title) if title else None},
        meta={"role": "lag", "pairs": len(items)},
    )
    if not items:
        fig.add_annotation(
            text="No response is linked to an event in this table.",
            xref="paper",
            yref="paper",
            x=0.5,
            y=0.5,
            showarrow=False,
        )
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        fig.update_layout(height=240)
        return follow_notebook_theme(fig, theme)
    by_group: dict[str, list[tuple[int, str, _Row, _Row]]] = {}
    for group, days, label, event, response in items:
        by_group.setdefault(group, []).append((days, label, event, response))

    def median(values: list[int]) -> float:
        ordered = sorted(values)
        mid = len(ordered) // 2
        return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2

    order = sorted(by_group, key=lambda g: (median([d for d, *_ in by_group[g]]), g))
    n = len(order)
    for exact in (True, False):
        xs, ys, texts, hovers, custom = [], [], [], [], []
        for gi, group in enumerate(order):
            members = sorted(by_group[group], key=lambda m: (m[0], m[3].event_id))
            k = len(members)
            for j, (days, label, event, response) in enumerate(members):
                if (label[0].isdigit() or label[0] == "-") != exact:
                    continue
                offset = 0.0 if k == 1 else 0.3 - 0.6 * j / (k - 1)
                xs.append(days)
                ys.append(n - 1 - gi + offset)
                texts.append(label)
                custom.append([response.event_id, event.event_id, days])
                hovers.append(
                    f"<b>{_wrap(titles.get(response.event_id) or response.event_id)}</b><br>"
                    f"responds to<br><b>{_wrap(titles.get(event.event_id) or event.event_id)}</b>"
                    f"<br>Lag: {_esc(label)} · {_esc(by)}: {_esc(group)}"
                )
        if not xs:
            continue
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="markers+text" if len(items) <= 40 else "markers",
                text=texts,
                textposition="middle right",
                marker={
                    "size": 11,
                    "color": colour_of("kind", "response"),
                    "symbol": symbol_of("kind", "response") + ("" if exact else "-open"),
                    "line": {"color": colour_of("kind", "response"), "width": 2},
                },
                name="exact lag" if exact else "estimate (~) or lower bound (≥)",
                hovertext=hovers,
                hoverinfo="text",
                customdata=custom,
                meta={"role": "lag", "exact": exact},
            )
        )
    top = max(d for _, d, *_ in items)
    fig.add_vline(x=0, line={"color": "#999999", "width": 1})
    fig.update_yaxes(
        tickmode="array",
        tickvals=[n - 1 - i for i in range(n)],
        ticktext=[_esc(g) for g in order],
        range=[-0.6, n - 0.4],
        showgrid=True,
        zeroline=False,
    )
    fig.update_xaxes(
        title={"text": "days from the event to the response"},
        range=[min(-0.5, min(d for _, d, *_ in items) - 0.5), top * 1.15 + 1.5],
        zeroline=False,
    )
    fig.update_layout(
        height=160 + 48 * n,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        margin={"l": 260, "r": 30, "t": 80 if title else 50, "b": 60},
        hoverlabel={"align": "left"},
    )
    return follow_notebook_theme(fig, theme)


def _counts(values: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for v in values:
        key = v or "unknown"
        counts[key] = counts.get(key, 0) + 1
    return counts


def perspective_figure(
    events: pd.DataFrame,
    *,
    sources: pd.DataFrame | None = None,
    title: str | None = None,
    theme: str = "auto",
) -> go.Figure:
    """Show who is speaking: rows counted by publisher type and by outlet.

    Left, every publisher type of the schema (``PUBLISHER_TYPES``), the empty ones drawn at
    zero so their absence shows, plus any other type found; right, the outlets, most rows
    first. With ``sources`` (one row per document: ``doc_id``, ``outlet``,
    ``publisher_type``), the documents are counted beside the rows. A note above says what
    share of the rows comes from the largest publisher type.

    Args:
        events: the events table.
        sources: the sources table (``data/sources.csv``), optional.
        title: figure title (plain text; it is escaped).
        theme: ``"auto"``, ``"light"`` or ``"dark"``, as in ``timeline_figure``.

    Returns:
        A ``plotly.graph_objects.Figure`` with two panels.

    Raises:
        SchemaError: ``events`` lacks ``publisher_type``/``outlet`` or ``sources`` lacks
            ``doc_id``/``outlet``/``publisher_type``.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"publisher_type": ["state media"], "outlet": ["A"]})
    >>> dict(zip(*[perspective_figure(df).data[0][k] for k in ("y", "x")]))["NGO"]
    0
    """
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    _check_columns(events, ("publisher_type", "outlet"), "perspective_figure")
    if sources is not None:
        _check_columns(
            sources, ("doc_id", "outlet", "publisher_type"), "perspective_figure sources"
        )
    row_types = _counts(_text_column(events, "publisher_type"))
    row_outlets = _counts(_text_column(events, "outlet"))
    doc_types = _counts(_text_column(sources, "publisher_type")) if sources is not None else {}
    doc_outlets = _counts(_text_column(sources, "outlet")) if sources is not None else {}
    types = list(PUBLISHER_TYPES) + sorted((set(row_types) | set(doc_types)) - set(PUBLISHER_TYPES))
    outlets = sorted(
        set(row_outlets) | set(doc_outlets),
        key=lambda o: (-row_outlets.get(o, 0), -doc_outlets.get(o, 0), o),
    )
    type_of_outlet: dict[str, dict[str, int]] = {}
    for frame in (events, sources):
        if frame is None:
            continue
        for outlet, kind in zip(
            _text_column(frame, "outlet"), _text_column(frame, "publisher_type"), strict=True
        ):
            slot = type_of_outlet.setdefault(outlet or "unknown", {})
            slot[kind or "unknown"] = slot.get(kind or "unknown", 0) + 1
    per_bar = 2 if sources is not None else 1
    fig = make_subplots(
        rows=2,
        cols=1,
        subplot_titles=("By publisher type", "By outlet"),
        row_heights=[len(types), max(len(outlets), 1)],
        vertical_spacing=0.5 / (len(types) + len(outlets)) + 0.08,
    )
    series = [("rows", "events (rows)", row_types, row_outlets, OKABE_ITO[0])]
    if sources is not None:
        series.append(("documents", "documents", doc_types, doc_outlets, OKABE_ITO[1]))
    for key, name, by_type, by_outlet, colour in series:
        for panel, labels, counts, role in (
            (1, types, by_type, f"{key}-by-publisher"),
            (2, outlets, by_outlet, f"{key}-by-outlet"),
        ):
            values = [counts.get(label, 0) for label in labels]
            hovers = []
            for label, value in zip(labels, values, strict=True):
                line = f"{_esc(label)}: {value} {_esc(name)}"
                if panel == 2:
                    kinds = type_of_outlet.get(label, {})
                    line += "<br>publisher type: " + _esc(", ".join(sorted(kinds)) or "unknown")
                hovers.append(line)
            fig.add_trace(
                go.Bar(
                    x=values,
                    y=[_wrap(label, 34) for label in labels],
                    orientation="h",
                    name=name,
                    legendgroup=key,
                    showlegend=panel == 1,
                    marker={"color": colour},
                    text=[str(v) for v in values],
                    textposition="outside",
                    cliponaxis=False,
                    hovertext=hovers,
                    hoverinfo="text",
                    meta={"role": role},
                ),
                row=panel,
                col=1,
            )
    total = sum(row_types.values())
    absent = [t for t in PUBLISHER_TYPES if not row_types.get(t)]
    if total:
        top = max(types, key=lambda t: (row_types.get(t, 0), -types.index(t)))
        share = round(100 * row_types[top] / total)
        note = f"{share}% of the {total} rows come from {top}"
        if absent:
            note += f"; none from {', '.join(absent)}"
    else:
        note = "The table has no rows."
    fig.add_annotation(
        text=_esc(note),
        xref="paper",
        yref="paper",
        x=0,
        y=1.0,
        yshift=48,
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        font={"size": 13},
    )
    fig.update_yaxes(autorange="reversed", type="category")
    top_count = max([*row_types.values(), *doc_types.values(), *row_outlets.values(), 1])
    fig.update_xaxes(range=[0, top_count * 1.2 + 0.5], title={"text": "count"}, rangemode="tozero")
    fig.update_layout(
        **_theme_props(theme, "perspective_figure"),
        barmode="group",
        title={"text": _esc(title) if title else None},
        height=220 + 26 * per_bar * (len(types) + len(outlets)),
        margin={"l": 240, "r": 30, "t": 130 if title else 100, "b": 50},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        meta={"role": "perspective", "rows": total, "absent": absent},
    )
    return follow_notebook_theme(fig, theme)
