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

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from timeline.errors import SchemaError
from timeline.views import _layout
from timeline.views._rows import (
    _check_columns,
    _Encoding,
    _esc,
    _lag,
    _linked_pairs,
    _noon,
    _pd_day,
    _Row,
    _rows,
    _style_theme,
    _wrap,
)
from timeline.views._style import OKABE_ITO as OKABE_ITO  # re-exported
from timeline.views._style import SYMBOLS as SYMBOLS  # re-exported
from timeline.views._style import (
    THEMES,
    follow_notebook_theme,
    theme,
)
from timeline.views.lag import lag_figure as lag_figure  # re-exported
from timeline.views.perspective import perspective_figure as perspective_figure  # re-exported

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go

DEFAULT_GAP_DAYS = 60
_MAX_PANELS = 12
_LAG_LABEL_LIMIT = 12
_CONNECTOR_LIMIT = 60  # links in one panel above which connectors would be a grey tangle
#: Above this many rows the chart is a density overview over a detail panel (``_dense``).
DENSE_ROWS = 600
_HALF_DAY = 43_200_000  # ms: a day is drawn from 12 h before its midnight to 12 h after
_KEY = (
    "marker: one day",
    "bar: a span of days",
    "hatched bar: approximate, month or year",
    "open marker + dotted line: only a bound is known",
    "grey line: a response to an event, with its lag in days",
)


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
    color = color or lane
    symbol = symbol or color
    _check_arguments(events, lane, color, symbol, episodes, dense, theme, gap_days)
    enc = _Encoding(lane, color, symbol, color_discrete_map, symbol_map, category_orders)
    if dense is True or (dense == "auto" and len(events) > DENSE_ROWS):
        from timeline.views._dense import dense_figure

        fig = dense_figure(events, enc, title=title, theme_name=theme, width=width, height=height)
        return follow_notebook_theme(fig, theme)
    rows, lanes, colors, symbols = _rows(events, enc)
    clusters = _clusters(rows, gap_days)
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
    layouts = _draw(fig, rows, clusters, use_panels, (lanes, colors, symbols), look, frame)
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


def _check_arguments(
    events: pd.DataFrame,
    lane: str,
    color: str,
    symbol: str,
    episodes: Any,
    dense: Any,
    theme: str,
    gap_days: float,
) -> None:
    """``timeline_figure``'s arguments: columns that exist, values it knows."""
    _check_columns(
        events, ("event_id", "kind", "date_start", "date_end", "date_precision"), "timeline_figure"
    )
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


def _clusters(rows: list[_Row], gap_days: float) -> list[list[_Row]]:
    """The episodes: rows split at gaps of ``gap_days``, the gap doubled until they fit."""
    if not rows:
        return []
    gap = float(gap_days)
    clusters = _episodes(rows, gap)
    while len(clusters) > _MAX_PANELS:
        gap *= 2
        clusters = _episodes(rows, gap)
    return clusters


def _draw(
    fig: go.Figure,
    rows: list[_Row],
    clusters: list[list[_Row]],
    use_panels: bool,
    styles: tuple[list[str], dict, dict],
    look: Any,
    frame: Any,
) -> list[dict[str, Any]]:
    """Draw the rows (one panel per episode, or one panel with zoom buttons); the layouts."""
    lanes, colors, symbols = styles
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
        return _layout.panel_layouts(frame, key_index=len(clusters))
    if rows:
        x_range = _panel_range(rows)
        _add_panel(fig, rows, lanes, colors, symbols, x_range, axis=1, panel=0, ink=look.connector)
        fig.layout.xaxis.update(_date_axis(x_range, look))
    if len(clusters) > 1:
        _add_zoom_buttons(fig, rows, clusters)
    return _layout.band_layouts(frame, key_index=0, axes=("xaxis",))


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
