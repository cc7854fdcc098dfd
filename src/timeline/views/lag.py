"""``lag_figure``: how long each response took, one mark per answered event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.errors import SchemaError
from timeline.views._rows import (
    _check_columns,
    _Encoding,
    _esc,
    _lag,
    _linked_pairs,
    _Row,
    _rows,
    _text_column,
    _theme_props,
    _wrap,
)
from timeline.views._style import (
    colour_of,
    follow_notebook_theme,
    symbol_of,
)

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go


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
    import plotly.graph_objects as go  # on use: importing timeline loads no plotly

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
        return follow_notebook_theme(_empty(fig), theme)
    order = _add_lag_traces(fig, items, titles, by)
    n = len(order)
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


def _empty(fig: go.Figure) -> go.Figure:
    """The figure of a table without any linked response: a note, no axes."""
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
    return fig


def _median(values: list[int]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _add_lag_traces(
    fig: go.Figure, items: list[tuple], titles: dict[str, str], by: str
) -> list[str]:
    """One trace of exact lags and one of estimates, a row per group (median lag first);
    returns the groups in their order from the top."""
    import plotly.graph_objects as go  # on use: importing timeline loads no plotly

    by_group: dict[str, list[tuple[int, str, _Row, _Row]]] = {}
    for group, days, label, event, response in items:
        by_group.setdefault(group, []).append((days, label, event, response))
    order = sorted(by_group, key=lambda g: (_median([d for d, *_ in by_group[g]]), g))
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
    return order
