"""The frame of the dense view: its date axis, its two stacked axes (counts over lanes), the
layouts it switches between as its width changes, and the buttons that draw every row.

Split from ``_dense`` (which builds the traces); ``_dense.dense_figure`` calls
``_frame_layout`` once its traces are in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline.views import _layout

if TYPE_CHECKING:
    import numpy as np
    import plotly.graph_objects as go

#: Height of the count overview and of each lane, in pixels.
_OVERVIEW_PX = 150
_LANE_PX = 90
#: Above this many rows the lanes start as counts and the points wait for a zoom that holds
#: at most this many rows (or for the "every row" button).
DETAIL_ROWS = 5000


def _date_axis(look: Any, lo: np.ndarray, hi: np.ndarray) -> dict[str, Any]:
    """The date axis both panels share: every row in range, with a margin, ticks by zoom."""
    import numpy as np

    first, last = lo.min(), np.nanmax(np.where(np.isnat(hi), lo, hi))
    pad = max(np.timedelta64(3, "D"), (last - first) // 40)
    return {
        "type": "date",
        "range": [str(first - pad), str(last + pad + np.timedelta64(1, "D"))],
        "tickangle": 0,
        "gridcolor": look.grid,
        "tickformatstops": [
            {"dtickrange": [None, "M1"], "value": "%-d %b<br>%Y"},
            {"dtickrange": ["M1", "M12"], "value": "%b<br>%Y"},
            {"dtickrange": ["M12", None], "value": "%Y"},
        ],
    }


def _axes(
    look: Any, lanes: list[str], title: str | None, date_axis: dict[str, Any], bin_name: str
) -> dict[str, Any]:
    """The figure's layout but for its size: the overview on top, the lanes under it."""
    import html

    n_lanes = max(len(lanes), 1)
    plot_h = _OVERVIEW_PX + 40 + n_lanes * _LANE_PX
    return {
        "template": look.template,
        "paper_bgcolor": look.paper,
        "plot_bgcolor": look.paper,
        "font": {"color": look.ink},
        "barmode": "stack",
        "bargap": 0.05,
        "title": {"text": html.escape(title, quote=False) if title else None, "x": 0},
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
        "legend": {
            "orientation": "h",
            "yref": "container",
            "yanchor": "top",
            "y": 0.95,
            "x": 0,
            "title": {"text": "kind"},
        },
        "xaxis": {**date_axis, "anchor": "y", "showticklabels": False},  # dates: under the lanes
        "yaxis": {
            "domain": [1 - _OVERVIEW_PX / plot_h, 1.0],
            "title": {"text": f"rows per {bin_name}"},
            "gridcolor": look.grid,
            "rangemode": "tozero",
            "fixedrange": True,
        },
        "xaxis2": {**date_axis, "anchor": "y2", "matches": "x"},
        "yaxis2": {
            "domain": [0.0, round(n_lanes * _LANE_PX / plot_h, 5)],
            "tickmode": "array",
            "tickvals": [n_lanes - 1 - i for i in range(len(lanes))],
            "ticktext": _layout.lane_ticktext(tuple(lanes), 900),
            "range": [-0.6, n_lanes - 0.4],
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
        },
        "margin": {"r": 24},
    }


def _width_layouts(
    fig: go.Figure, lanes: list[str], key: tuple[str, ...], title: str | None, counted: bool
) -> list[dict[str, Any]]:
    """The layout for each band of page widths (``_layout.band_layouts``)."""
    frame = _layout.Frame(
        n_panels=0,
        lane_px=_LANE_PX,
        n_lanes=max(len(lanes), 1),
        overview_px=_OVERVIEW_PX,
        key_items=key,
        legend_names=tuple(t.name for t in fig.data if (t.meta or {}).get("role") == "legend"),
        lane_names=tuple(lanes),
        title=bool(title),
        buttons=counted,
    )
    layouts = _layout.band_layouts(frame, key_index=0, axes=("xaxis", "xaxis2"))
    for layout in layouts:  # the lane names sit on the detail axis
        layout["relayout"]["yaxis2.ticktext"] = layout["relayout"].pop("yaxis.ticktext")
    return layouts


def _frame_layout(
    fig: go.Figure,
    look: Any,
    lanes: list[str],
    key: tuple[str, ...],
    title: str | None,
    days: tuple[np.ndarray, np.ndarray],
    bin_name: str,
    *,
    gl: bool,
    counted: bool,
    size: tuple[int | None, int | None],
) -> None:
    """Lay the figure out: axes, key, buttons, and ``meta`` with a layout for every width."""
    lo, hi = days
    fig.update_layout(_axes(look, lanes, title, _date_axis(look, lo, hi), bin_name))
    _layout.add_key(fig, " · ".join(key), look.muted)
    layouts = _width_layouts(fig, lanes, key, title, counted)
    meta: dict[str, Any] = {
        "role": "timeline",
        "rows": len(lo),
        "episodes": 1,
        "dense": True,
        "bin": bin_name,
        "webgl": gl,
        "layouts": layouts,
        **({"detail": {"rows": DETAIL_ROWS}} if counted else {}),
        "theme": look.name,
    }
    if look.name == "auto":
        from timeline.views.figures import _theme_relayouts

        meta["themes"] = _theme_relayouts(fig)
    if counted:
        _add_detail_buttons(fig)
    fig.update_layout(meta=meta)
    width, height = size
    _layout.apply(fig, _layout.pick(layouts, width or _layout.DEFAULT_WIDTH))
    if height:
        fig.update_layout(height=height)


def _add_detail_buttons(fig: go.Figure) -> None:
    """Buttons that switch the lanes between counts and every row (no script needed)."""
    marks = [(t.meta or {}).get("role") == "event-mark" for t in fig.data]
    counts = [(t.meta or {}).get("role") == "lane-density" for t in fig.data]
    indices = [i for i, (m, c) in enumerate(zip(marks, counts, strict=True)) if m or c]
    fig.update_layout(
        updatemenus=[
            {
                "type": "buttons",
                "direction": "right",
                "buttons": [
                    {
                        "label": "Counts per lane",
                        "method": "restyle",
                        "args": [{"visible": [counts[i] for i in indices]}, indices],
                    },
                    {
                        "label": "Every row (slow)",
                        "method": "restyle",
                        "args": [{"visible": [marks[i] for i in indices]}, indices],
                    },
                ],
                "x": 0,
                "xanchor": "left",
                "y": 1.0,
                "yanchor": "bottom",
                "showactive": True,
                "active": 0,
                "pad": {"r": 4, "t": 0, "b": 4},
                "font": {"size": 11},
            }
        ]
    )
