"""The timeline for many rows: a density overview over one detail panel, built with numpy.

Above ``figures.DENSE_ROWS`` rows, one mark per row in episode panels turns into a pile. The
dense view shows instead:

- on top, how many rows fall in each day, week, month or year (the coarsest bin that keeps
  the span under ``_MAX_BINS`` bars), stacked by colour group;
- below, every row as one point at its first known day (filled: a day or a span; open: only a
  bound is known, or approximate), spread across its lane so that points do not hide each
  other; the two axes are linked, so zooming into either shows the detail; WebGL
  (``scattergl``) above ``WEBGL_ROWS`` rows;
- above ``DETAIL_ROWS`` rows, the lanes first show the same counts as a strip per lane (a
  heatmap: a few hundred cells, ``meta["role"] == "lane-density"``) and the points start hidden:
  a page from ``write_html`` draws the points of the rows in view as soon as a zoom holds at
  most ``DETAIL_ROWS`` of them (``_layout.DRAW_JS``), and the "every row" button draws them all
  anywhere (a notebook too). Drawing 100,000 WebGL points is what made the page slow; such a
  page does not even give plotly.js the rows at load (``export._detail_rows``);
- the grey response connectors only while they stay legible (at most ``_MAX_CONNECTORS``);
  every response's hover names the event it answers and the lag.

Every computation is vectorised (no Python loop over rows), so 100,000 rows take about as long
as ``plotly.express.scatter`` on them (``benchmarks/bench_chart.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline.errors import SchemaError
from timeline.views._dense_frame import DETAIL_ROWS, _frame_layout
from timeline.views._style import colour_of, order_of, symbol_of, theme

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    import plotly.graph_objects as go

#: Above this many rows the detail points are drawn with WebGL.
WEBGL_ROWS = 5000
_MAX_BINS = 240
_MAX_CONNECTORS = 150
_TITLE_CHARS = 70
_DAY_MS = 86_400_000
_OPEN = ("before", "after", "approximate", "month", "year")
_KEY_DENSE = (
    "top: rows per {bin}, by colour",
    "below: one point per row at its first known day",
    "open point: only a bound is known, or approximate",
    "zoom (drag) on either panel to see single rows; double-click to return",
)
_KEY_COUNTS = (
    "top: rows per {bin}, by colour",
    "lanes: rows per {bin} in each lane (darker: more)",
    "zoom (drag) to at most {limit} rows to see them one by one; double-click to return",
)


def _text(events: pd.DataFrame, column: str) -> pd.Series:
    """A column as stripped text, ``""`` where missing (read once per figure: ``_Texts``)."""
    import pandas as pd

    if column not in events.columns:
        return pd.Series([""] * len(events), index=events.index, dtype="string")
    return events[column].astype("string").fillna("").str.strip()


class _Texts(dict):
    """The text columns of one table, each read once."""

    def __init__(self, events: pd.DataFrame) -> None:
        super().__init__()
        self.events = events

    def __missing__(self, column: str) -> pd.Series:
        self[column] = _text(self.events, column)
        return self[column]


def _days(events: pd.DataFrame, column: str) -> np.ndarray:
    """The column as whole days (``datetime64[D]``; NaT where missing), naming bad values."""
    import pandas as pd

    values = events[column]
    if not pd.api.types.is_datetime64_any_dtype(values):
        text = values.astype("string").str.strip()
        try:
            values = pd.to_datetime(text.where(text != ""), format="ISO8601")
        except (ValueError, TypeError) as exc:
            raise SchemaError(
                f"timeline_figure: column {column!r} holds a value that is not an ISO 8601 "
                f"date (e.g. 2019-07-10): {exc}"
            ) from exc
    return values.to_numpy(dtype="datetime64[s]").astype("datetime64[D]")


def _esc(values: pd.Series) -> pd.Series:
    if not values.str.contains("[<>&]", regex=True).any():
        return values
    return values.str.replace("&", "&amp;").str.replace("<", "&lt;").str.replace(">", "&gt;")


def _bins(lo: np.ndarray) -> tuple[str, np.ndarray, np.ndarray]:
    """Choose the bin (day, week, month, year); return its name, each row's bin, bin widths."""
    import numpy as np

    span = int((lo.max() - lo.min()).astype(int)) + 1
    if span <= _MAX_BINS:
        keys = lo
        name = "day"
    elif span <= 7 * _MAX_BINS:
        keys = lo - ((lo.astype("int64") + 3) % 7).astype("timedelta64[D]")  # Mondays
        name = "week"
    elif span <= 31 * _MAX_BINS:
        keys = lo.astype("datetime64[M]").astype("datetime64[D]")
        name = "month"
    else:
        keys = lo.astype("datetime64[Y]").astype("datetime64[D]")
        name = "year"
    unique = np.unique(keys)
    if name == "month":
        ends = (unique.astype("datetime64[M]") + 1).astype("datetime64[D]")
    elif name == "year":
        ends = (unique.astype("datetime64[Y]") + 1).astype("datetime64[D]")
    else:
        ends = unique + np.timedelta64(1 if name == "day" else 7, "D")
    return name, keys, (ends - unique).astype("int64")


def _resolve(events: pd.DataFrame, texts: _Texts) -> tuple[np.ndarray, np.ndarray, pd.Series]:
    """Each row's first and last known day, as ``timeline_figure`` places them."""
    import numpy as np

    start, end = _days(events, "date_start"), _days(events, "date_end")
    precision = texts["date_precision"]
    lo = np.where(np.isnat(start), end, start)
    hi = np.where(np.isnat(end), start, end)
    before = (precision == "before").to_numpy()
    lo = np.where(before, hi, lo)
    missing = np.isnat(lo)
    if missing.any():
        i = int(np.flatnonzero(missing)[0])
        raise SchemaError(
            f"row {i} (event_id {texts['event_id'].iloc[i]!r}): neither date_start nor "
            "date_end is set, so the row cannot be placed on the timeline"
        )
    return lo, hi, precision


#: The hover of a point: the markup is here once, the row's texts come from ``customdata``
#: (id, title, what the source writes and the link it answers), so the page stays small.
_HOVER = (
    "<b>%{customdata[1]}</b><br>%{x|%-d %b %Y}%{customdata[2]}<br>id: %{customdata[0]}"
    "<extra>%{fullData.name}</extra>"
)


def _customdata(texts: _Texts, lag: pd.Series) -> np.ndarray:
    """Per row: [event_id, title (shortened), date as written and lag], escaped for plotly."""
    import numpy as np

    title = texts["title"]
    ids = texts["event_id"]
    long = title.str.len() > _TITLE_CHARS
    if long.any():
        title = title.where(~long, title.str.slice(0, _TITLE_CHARS - 1) + "…")
    title = title.where(title != "", ids)
    written = texts["date_text"]
    extra = lag
    if (written != "").any():
        extra = (" (“" + _esc(written) + "”)").where(written != "", "") + lag
    # an object array: plotly takes it without copying the strings (fixed-width unicode is
    # copied, and takes four bytes a character)
    out = np.empty((len(ids), 3), dtype=object)
    out[:, 0] = ids.to_numpy(dtype=object)
    out[:, 1] = _esc(title).to_numpy(dtype=object)
    out[:, 2] = extra.to_numpy(dtype=object)
    return out


def _links(
    texts: _Texts, lo: np.ndarray, hi: np.ndarray
) -> tuple[np.ndarray, np.ndarray, pd.Series]:
    """(response rows, answered rows, lag text per row) for rows of kind ``response``.

    ``responds_to`` names the first row with that ``event_id``; ids and names are matched by
    one ``factorize`` of both (hashing in C), not by a Python lookup per row.
    """
    import numpy as np
    import pandas as pd

    ids = texts["event_id"]
    n = len(ids)
    rows = np.flatnonzero((texts["kind"] == "response").to_numpy(dtype=bool))
    wanted = texts["responds_to"].iloc[rows]
    codes, uniques = pd.factorize(pd.concat([ids, wanted], ignore_index=True))
    first = np.full(len(uniques), -1)
    known, where = np.unique(codes[:n], return_index=True)
    first[known] = where  # the first row of each id
    target = first[codes[n:]]
    found = target >= 0
    responses, answered = rows[found], target[found]
    days = (lo[responses] - hi[answered]).astype("int64")
    text = (
        "<br>responds to "
        + _esc(ids.iloc[answered].reset_index(drop=True))
        + ", "
        + pd.Series(days).astype("string")
        + " d after it"
    )
    lag = np.full(n, "", dtype=object)
    lag[responses] = text.to_numpy(dtype=object)
    return responses, answered, pd.Series(lag, index=ids.index, dtype="string")


def _codes(values: pd.Series, order: list[str]) -> np.ndarray:
    """Each value's place in ``order`` (every value is in it), by one ``factorize``."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values)
    place = {v: i for i, v in enumerate(order)}
    return np.array([place[v] for v in uniques], dtype="int64")[codes]


class _Marks:
    """What every point trace of one figure shares: the rows' places, texts and style."""

    def __init__(self, x: Any, y: Any, custom: Any, is_open: Any, counted: bool) -> None:
        import plotly.graph_objects as go

        self.x, self.y, self.custom, self.is_open = x, y, custom, is_open
        self.counted = counted  # the lanes start as counts, the points hidden
        n = len(x)
        self.scatter = go.Scattergl if n > WEBGL_ROWS else go.Scatter
        self.size = 5 if n > 20_000 else 7

    def trace(self, value: str, colour: str, symbol: str, hollow: bool) -> Any:
        """A trace of points of one colour, symbol and fill, its data unset (``data``)."""
        import html

        return self.scatter(
            mode="markers",
            marker={
                "color": colour,
                "symbol": f"{symbol}-open" if hollow else symbol,
                "size": self.size,
                "opacity": 0.75,
                "line": {"color": colour, "width": 1.5 if hollow else 0},
            },
            hovertemplate=_HOVER,
            name=html.escape(value or "(none)", quote=False),
            legendgroup=value,
            showlegend=False,
            xaxis="x2",
            yaxis="y2",
            visible=not self.counted,
            meta={"role": "event-mark", "shape": "open" if hollow else "marker", "panel": 1},
        )

    def data(self, pick: Any) -> dict[str, Any]:
        """The places and hover texts of the rows ``pick``."""
        return {"x": self.x[pick], "y": self.y[pick], "customdata": self.custom[pick]}


def _lane_places(texts: _Texts, enc: Any, n: int) -> tuple[list[str], Any, Any]:
    """The lanes in order, each row's lane, and its height: spread across the lane's band."""
    import numpy as np

    lane_of = texts[enc.lane].replace("", "(none)")
    lanes = order_of(enc.lane, lane_of.unique().tolist(), enc.orders)
    n_lanes = max(len(lanes), 1)
    spread = ((np.arange(n) * 0.6180339887) % 1.0 - 0.5) * 0.7
    lane_codes = _codes(lane_of, lanes)
    y = (n_lanes - 1 - lane_codes + spread).astype("float32")
    return lanes, lane_codes, y


def _colour_traces(
    texts: _Texts, enc: Any, keys: Any, bin_name: str, marks: _Marks
) -> tuple[list[Any], dict[int, dict[str, Any]], list[tuple[str, str, str, str]]]:
    """Per colour its density bar and its point traces (one per symbol and fill).

    Returns the traces, the data of each point trace by its index (set once the figure exists:
    plotly deep-copies the arrays of traces it is given) and the legend's (colour value,
    symbol value, colour, symbol).
    """
    import numpy as np

    colour_of_row, symbol_of_row = texts[enc.color], texts[enc.symbol]
    colours = order_of(enc.color, colour_of_row.unique().tolist(), enc.orders)
    symbols = order_of(enc.symbol, symbol_of_row.unique().tolist(), enc.orders)
    col_codes = _codes(colour_of_row, colours)
    sym_codes = _codes(symbol_of_row, symbols)
    traces: list[Any] = []
    arrays: dict[int, dict[str, Any]] = {}
    legend = []
    for ci, cv in enumerate(colours):
        in_colour = col_codes == ci
        colour = colour_of(enc.color, cv, enc.color_map)
        traces.append(_density_bar(keys[in_colour], bin_name, cv, colour))
        for si, sv in enumerate(symbols):
            group = in_colour & (sym_codes == si)
            if not group.any():
                continue
            symbol = symbol_of(enc.symbol, sv, enc.symbol_map)
            legend.append((cv, sv, colour, symbol))
            for hollow in (False, True):
                pick = np.flatnonzero(group & (marks.is_open == hollow))
                if len(pick):
                    arrays[len(traces)] = marks.data(pick)
                    traces.append(marks.trace(cv, colour, symbol, hollow))
    return traces, arrays, legend


def _key(bin_name: str, counted: bool, responses: int, drawn: bool) -> tuple[str, ...]:
    """The key's phrases: what the panels show, and whether the response links are drawn."""
    key = tuple(
        item.format(bin=bin_name, limit=f"{DETAIL_ROWS:,}")
        for item in (_KEY_COUNTS if counted else _KEY_DENSE)
    )
    if responses and not drawn:
        key += (f"{responses:,} response links not drawn (each response's hover names them)",)
    elif drawn:
        key += ("grey line: a response to an event",)
    return key


def dense_figure(
    events: pd.DataFrame,
    enc: Any,
    *,
    title: str | None,
    theme_name: str,
    width: int | None,
    height: int | None,
) -> go.Figure:
    """Build the dense view of ``events`` (see the module docstring); ``enc`` as in figures."""
    import html

    import plotly.graph_objects as go

    look = theme(theme_name)
    n = len(events)
    texts = _Texts(events)
    lo, hi, precision = _resolve(events, texts)
    lanes, lane_codes, y = _lane_places(texts, enc, n)
    responses, answered, lag = _links(texts, lo, hi)
    # milliseconds since 1970 (a date axis reads numbers so): sent as one typed array, not
    # 100,000 date strings for the browser to parse
    x = lo.astype("datetime64[ms]").astype("int64").astype("float64")
    is_open = precision.isin(_OPEN).to_numpy()
    marks = _Marks(x, y, _customdata(texts, lag), is_open, counted=n > DETAIL_ROWS)
    bin_name, keys, _ = _bins(lo)
    traces, arrays, legend = _colour_traces(texts, enc, keys, bin_name, marks)
    if marks.counted:
        centre = {name: len(lanes) - 1 - i for i, name in enumerate(lanes)}
        traces += _lane_counts(keys, bin_name, lane_codes, lanes, centre, enc)
    drawn = 0 < len(responses) <= _MAX_CONNECTORS and not marks.counted
    if drawn:
        traces.append(_connectors(marks.scatter, x, y, responses, answered, look.connector))
    traces += [_legend_entry(*item) for item in legend]
    fig = go.Figure(data=traces)
    for index, values in arrays.items():  # plotly deep-copies the arrays of traces it is given
        fig.data[index].update(values)
    key = _key(bin_name, marks.counted, len(responses), drawn)
    _frame_layout(
        fig,
        look,
        lanes,
        key,
        title,
        (lo, hi),
        bin_name,
        gl=marks.scatter is go.Scattergl,
        counted=marks.counted,
        size=(width, height),
    )
    fig.update_layout(legend_title_text=html.escape(enc.color, quote=False))
    return fig


def _density_bar(keys: Any, bin_name: str, value: str, colour: str) -> Any:
    """The stacked bar of one colour: rows counted per bin of the overview."""
    import html

    import numpy as np
    import plotly.graph_objects as go

    bins, counts = np.unique(keys, return_counts=True)
    period = {"day": 86_400_000, "week": 7 * 86_400_000, "month": "M1", "year": "M12"}
    return go.Bar(
        x=np.datetime_as_string(bins, unit="D"),
        y=counts,
        marker={"color": colour, "line": {"width": 0}},
        name=html.escape(value or "(none)", quote=False),
        legendgroup=value,
        showlegend=False,
        hovertemplate="%{x}: %{y} rows<extra>" + html.escape(value, quote=False) + "</extra>",
        xperiod=period[bin_name],
        xperiodalignment="start",
        meta={"role": "density", "bin": bin_name},
    )


def _connectors(scatter: Any, x: Any, y: Any, responses: Any, answered: Any, ink: str) -> Any:
    """One line trace from each answered event to its response (None between pairs)."""
    import numpy as np

    xs = np.empty(3 * len(responses), dtype=object)
    ys = np.full(3 * len(responses), np.nan, dtype="float64")
    xs[0::3], xs[1::3], xs[2::3] = x[answered], x[responses], None
    ys[0::3], ys[1::3] = y[answered], y[responses]
    return scatter(
        x=xs,
        y=ys,
        mode="lines",
        line={"color": ink, "width": 1},
        hoverinfo="skip",
        showlegend=False,
        xaxis="x2",
        yaxis="y2",
        meta={"role": "connector", "panel": 1, "pairs": len(responses)},
    )


def _legend_entry(value: str, symbol_value: str, colour: str, symbol: str) -> Any:
    """A legend item with no data: the colour and symbol of one group of marks."""
    import html

    import plotly.graph_objects as go

    label = value if value == symbol_value else f"{value}, {symbol_value}"
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        marker={"color": colour, "symbol": symbol, "size": 11},
        name=html.escape(label, quote=False) or "(none)",
        legendgroup=value,
        hoverinfo="skip",
        meta={"role": "legend", "color_value": value, "symbol_value": symbol_value},
    )


def _every_bin(first: np.datetime64, last: np.datetime64, bin_name: str) -> np.ndarray:
    """The starts of every bin from ``first``'s to ``last``'s, and the end of the last one."""
    import numpy as np

    if bin_name in ("month", "year"):
        unit = "M" if bin_name == "month" else "Y"
        starts = np.arange(
            first.astype(f"datetime64[{unit}]"), last.astype(f"datetime64[{unit}]") + 2
        )
        return starts.astype("datetime64[D]")
    step = 1 if bin_name == "day" else 7  # weeks start on Mondays, so last is one too
    return np.arange(first, last + np.timedelta64(step + 1, "D"), step)


def _lane_counts(
    keys: np.ndarray,
    bin_name: str,
    lane_codes: np.ndarray,
    lanes: list[str],
    centre: dict[str, int],
    enc: Any,
) -> list[Any]:
    """One strip per lane: its rows per bin as a one-row heatmap (bins as the cells' edges)."""
    import html

    import numpy as np
    import plotly.graph_objects as go

    edges = _every_bin(keys.min(), keys.max(), bin_name)  # empty bins too: cells stay apart
    bins = edges[:-1]
    cell = np.searchsorted(bins, keys)
    counts = np.zeros((len(lanes), len(bins)), dtype="int64")
    np.add.at(counts, (lane_codes, cell), 1)
    out = []
    for i, lane in enumerate(lanes):
        colour = colour_of(enc.color, lane, enc.color_map) if enc.lane == enc.color else "#7f7f7f"
        z = counts[i].astype("float64")
        z[z == 0] = np.nan  # an empty cell is left blank
        out.append(
            go.Heatmap(
                x=np.datetime_as_string(edges, unit="D"),
                y=[centre[lane] - 0.42, centre[lane] + 0.42],
                z=[z],
                zmin=0,
                zmax=float(counts[i].max() or 1),
                colorscale=[[0.0, "rgba(128,128,128,0.15)"], [1.0, colour]],
                showscale=False,
                name=html.escape(lane, quote=False),
                hovertemplate="%{z:,} rows from %{x|%-d %b %Y}<extra>%{fullData.name}</extra>",
                xaxis="x2",
                yaxis="y2",
                meta={"role": "lane-density", "lane": lane, "panel": 1},
            )
        )
    return out
