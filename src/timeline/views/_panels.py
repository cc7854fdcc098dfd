"""The panels of ``timeline_figure``: episodes, tracks within a lane, the marks of each row,
the connectors from responses to what they answer with their lag labels, the overview strip
and the zoom buttons.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from timeline.views._rows import (
    _esc,
    _lag,
    _linked_pairs,
    _noon,
    _pd_day,
    _Row,
)

if TYPE_CHECKING:
    import plotly.graph_objects as go

_LAG_LABEL_LIMIT = 12
_CONNECTOR_LIMIT = 60  # links in one panel above which connectors would be a grey tangle
_HALF_DAY = 43_200_000  # ms: a day is drawn from 12 h before its midnight to 12 h after


def _episodes(rows: list[_Row], gap_days: float) -> list[list[_Row]]:
    """Cluster rows into episodes: a new episode starts after a gap longer than ``gap_days``.

    A response and the event it answers are kept in the same episode.
    """
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
        look = _GroupLook(
            colour=colors[color_value],
            symbol=symbols[symbol_value],
            legend_key=f"{color_value}\x00{symbol_value}",
            name=name or "(none)",
            panel=panel,
            where=where,
        )
        opens = [r for r in members if r.shape in ("before", "after")]
        for shape in ("bar", "approx"):
            _add_bars(fig, [r for r in members if r.shape == shape], shape, ys, look)
        _add_markers(fig, [r for r in members if r.shape == "marker"], "marker", ys, look)
        _add_markers(fig, opens, "open", ys, look)
        _add_open_ends(fig, opens, ys, x_range, look)
    _add_connectors(fig, rows, ys, x_range, where, panel, ink)


@dataclass(frozen=True)
class _GroupLook:
    """How the traces of one legend group (a colour and symbol pair) of one panel look."""

    colour: str
    symbol: str
    legend_key: str
    name: str
    panel: int
    where: dict[str, str]  # the axes of the panel (none for the first)

    def common(self) -> dict[str, Any]:
        """The properties every mark trace of the group shares."""
        return {
            "showlegend": False,
            "legendgroup": self.legend_key,
            "name": self.name,
            "hoverinfo": "text",
            **self.where,
        }


def _add_bars(
    fig: go.Figure, bars: list[_Row], shape: str, ys: dict[int, float], look: _GroupLook
) -> None:
    """One bar trace for the spans of days (``bar``) or the hatched rough dates (``approx``)."""
    import plotly.graph_objects as go  # on use: importing timeline loads no plotly

    if not bars:
        return
    colour = look.colour
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
            meta={"role": "event-mark", "shape": shape, "panel": look.panel},
            **look.common(),
        ),
    )


def _add_markers(
    fig: go.Figure, marks: list[_Row], shape: str, ys: dict[int, float], look: _GroupLook
) -> None:
    """One marker trace: filled for one-day rows (``marker``), open for a bound (``open``)."""
    import plotly.graph_objects as go  # on use: importing timeline loads no plotly

    if not marks:
        return
    fig.add_trace(
        go.Scatter(
            x=[_noon(r.lo).isoformat() for r in marks],
            y=[ys[r.index] for r in marks],
            mode="markers",
            marker={
                "color": look.colour,
                "symbol": look.symbol if shape == "marker" else f"{look.symbol}-open",
                "size": 12,
                "line": {"color": look.colour, "width": 2},
            },
            customdata=[r.event_id for r in marks],
            hovertext=[r.hover for r in marks],
            meta={"role": "event-mark", "shape": shape, "panel": look.panel},
            **look.common(),
        ),
    )


def _add_open_ends(
    fig: go.Figure,
    opens: list[_Row],
    ys: dict[int, float],
    x_range: tuple[Any, Any],
    look: _GroupLook,
) -> None:
    """The dotted line from each bound towards its unknown side, at most to the panel edge."""
    import plotly.graph_objects as go  # on use: importing timeline loads no plotly

    if not opens:
        return
    xs: list[Any] = []
    yv: list[Any] = []
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
            line={"color": look.colour, "dash": "dot", "width": 2},
            hoverinfo="skip",
            showlegend=False,
            legendgroup=look.legend_key,
            meta={
                "role": "open-end",
                "panel": look.panel,
                "event_ids": [r.event_id for r in opens],
            },
            **look.where,
        ),
    )


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
    import plotly.graph_objects as go  # on use: importing timeline loads no plotly

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
    import plotly.graph_objects as go  # on use: importing timeline loads no plotly

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
