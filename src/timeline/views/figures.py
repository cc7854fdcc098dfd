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

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from timeline.errors import SchemaError
from timeline.views import _layout
from timeline.views._panels import (
    _add_overview,
    _add_panel,
    _add_zoom_buttons,
    _date_axis,
    _episode_title,
    _episodes,
    _panel_range,
)
from timeline.views._rows import (
    _check_columns,
    _Encoding,
    _esc,
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
#: Above this many rows the chart is a density overview over a detail panel (``_dense``).
DENSE_ROWS = 600
_KEY = (
    "marker: one day",
    "bar: a span of days",
    "hatched bar: approximate, month or year",
    "open marker + dotted line: only a bound is known",
    "grey line: a response to an event, with its lag in days",
)


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
        # on use: only large tables need it, and it adds ~10 ms to importing timeline
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


def _new_figure(lanes: list[str], clusters: list[list[_Row]], title: str | None, look: Any) -> Any:
    """An empty figure with its axes (overview + one per panel), titles and key in place."""
    import plotly.graph_objects as go  # on use: importing timeline loads no plotly

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
    import plotly.graph_objects as go  # on use: importing timeline loads no plotly

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
