"""``perspective_figure``: who published the sources, by publisher type and outlet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.schema import PUBLISHER_TYPES
from timeline.views._rows import _check_columns, _esc, _text_column, _theme_props, _wrap
from timeline.views._style import (
    OKABE_ITO,
    follow_notebook_theme,
)

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go


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
    from plotly.subplots import make_subplots  # on use: importing timeline loads no plotly

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
    type_of_outlet = _types_of_outlets(events, sources)
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
        _add_bars(fig, key, name, colour, (types, by_type), (outlets, by_outlet), type_of_outlet)
    total = sum(row_types.values())
    absent = [t for t in PUBLISHER_TYPES if not row_types.get(t)]
    note = _share_note(row_types, types, absent)
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


def _types_of_outlets(
    events: pd.DataFrame, sources: pd.DataFrame | None
) -> dict[str, dict[str, int]]:
    """Per outlet, how many rows (and documents) carry each publisher type."""
    type_of_outlet: dict[str, dict[str, int]] = {}
    for frame in (events, sources):
        if frame is None:
            continue
        for outlet, kind in zip(
            _text_column(frame, "outlet"), _text_column(frame, "publisher_type"), strict=True
        ):
            slot = type_of_outlet.setdefault(outlet or "unknown", {})
            slot[kind or "unknown"] = slot.get(kind or "unknown", 0) + 1
    return type_of_outlet


def _share_note(row_types: dict[str, int], types: list[str], absent: list[str]) -> str:
    """'83% of the 14 rows come from state media; none from NGO': the note above the bars."""
    total = sum(row_types.values())
    if not total:
        return "The table has no rows."
    top = max(types, key=lambda t: (row_types.get(t, 0), -types.index(t)))
    share = round(100 * row_types[top] / total)
    note = f"{share}% of the {total} rows come from {top}"
    if absent:
        note += f"; none from {', '.join(absent)}"
    return note


def _add_bars(
    fig: go.Figure,
    key: str,
    name: str,
    colour: str,
    by_type: tuple[list[str], dict[str, int]],
    by_outlet: tuple[list[str], dict[str, int]],
    type_of_outlet: dict[str, dict[str, int]],
) -> None:
    """One series (rows or documents) as bars by publisher type (panel 1) and outlet (2)."""
    import plotly.graph_objects as go  # on use: importing timeline loads no plotly

    types, by_type_counts = by_type
    outlets, by_outlet_counts = by_outlet
    for panel, labels, counts, role in (
        (1, types, by_type_counts, f"{key}-by-publisher"),
        (2, outlets, by_outlet_counts, f"{key}-by-outlet"),
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
