"""Exports: a self-contained HTML page and PNG/SVG images; the TimelineJS3 and plain JSON
exports live in ``views.formats`` and are re-exported here.

Every file is written with :func:`timeline._io.atomic_write`, and every export is
deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import html
import json
import os
import shutil
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from timeline._io import atomic_write
from timeline.errors import ExportError
from timeline.schema import PUBLISHER_TYPES
from timeline.views._layout import DRAW_JS
from timeline.views._records import _cell, _check_events, _iso, _records
from timeline.views.formats import (  # the JSON exports, re-exported from their old home
    to_records,
    to_timelinejs,
    write_json,
    write_timelinejs,
)

__all__ = [
    "CHART_ID",
    "ROWS_ID",
    "TABLE_ID",
    "find_browser",
    "to_records",
    "to_timelinejs",
    "write_html",
    "write_image",
    "write_json",
    "write_timelinejs",
]

if TYPE_CHECKING:
    import plotly.graph_objects as go

#: The fixed id of the chart's ``<div>`` in exported HTML (no random uuid).
CHART_ID = "timeline-chart"
#: The fixed id of the JSON block that holds the rows a dense chart draws on zoom.
ROWS_ID = "timeline-rows"
#: The fixed id of the events ``<table>`` in exported HTML.
TABLE_ID = "timeline-events"
#: Browser executables looked for on ``PATH`` (after ``BROWSER_PATH``), then typical paths.
BROWSER_NAMES: tuple[str, ...] = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
)
_TYPICAL_BROWSERS: tuple[str, ...] = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/snap/bin/chromium",
)
IMAGE_FORMATS: tuple[str, ...] = ("png", "svg")
_PLOTLY_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "responsive": True,
    "showSendToCloud": False,
    "modeBarButtonsToRemove": ["sendDataToCloud"],
    "toImageButtonOptions": {"filename": "timeline"},
}
_TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("date_text", "Date (as written)"),
    ("kind", "Kind"),
    ("title", "Title"),
    ("actor", "Actor"),
    ("responds_to", "Responds to"),
    ("sources", "Sources"),
    ("outlet", "Outlet"),
    ("publisher_type", "Publisher type"),
    ("evidence", "Evidence"),
)
#: Above this many rows the page's table lists the first ones by date and says where the rest are.
TABLE_ROWS = 2000
#: Above this many listed rows the table is folded in a ``<details>`` the reader opens: the
#: browser lays out a closed one only when it is opened (2,000 rows took it 0.3-0.6 s before
#: the page could show), and find-in-page opens it.
FOLDED_ROWS = 200
_CSS = """\
:root{color-scheme:light dark}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem;color:#222;
background:#fff}
@media (max-width:600px){body{margin:.6rem}}
h1{font-size:1.4rem;margin:0 0 .5rem}
figure{margin:0}
figcaption{font-size:.85rem;color:#555}
.note{background:#f4f4f4;border-left:4px solid #0072B2;padding:.5rem .8rem;max-width:60rem}
table{border-collapse:collapse;margin-top:1rem;font-size:.9rem;max-width:100%}
caption{text-align:left;font-weight:600;padding:.4rem 0}
summary{cursor:pointer;font-weight:600;margin-top:1rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.title,td.actor,td.outlet,td.evidence,td.sources{overflow-wrap:anywhere;min-width:7rem}
th{background:#eee}
td.evidence{font-style:italic;max-width:28rem}
td.date_text{min-width:7.5rem}
td.date_text time,time{white-space:nowrap}
@media (prefers-color-scheme:dark){
body{background:#111;color:#e6e6e6}
figcaption{color:#b3b3b3}
.note{background:#1d1d1d}
th{background:#262626}
th,td{border-color:#444}
a{color:#8ab4f8}
}
"""


# --------------------------------------------------------------------------- HTML
def _publisher_note(events: pd.DataFrame) -> str:
    """Say which publisher types the rows come from, and which are absent."""
    if "publisher_type" in events.columns:
        types = events["publisher_type"].astype("string").fillna("").str.strip()
        counts = Counter(types.replace("", "unknown").value_counts().to_dict())
    else:
        counts = Counter({"unknown": len(events)})
    present = [t for t in PUBLISHER_TYPES if counts.get(t)] + sorted(
        t for t in counts if t not in PUBLISHER_TYPES
    )
    absent = [t for t in PUBLISHER_TYPES if not counts.get(t)]
    parts = ", ".join(f"{html.escape(t)} ({counts[t]})" for t in present)
    text = f"Who published the sources: {parts}."
    if absent:
        text += f" No rows from: {html.escape(', '.join(absent))}."
    if len(present) == 1:
        text += " Every row comes from one kind of publisher: read it as that side's account."
    return f'<p class="note" id="publisher-note">{text}</p>'


def _first_rows(events: pd.DataFrame, n: int) -> pd.DataFrame:
    """The rows that can be among the first ``n`` by date (all of them for a small table)."""
    if len(events) <= n or not {"date_start", "date_end"} <= set(events.columns):
        return events
    try:
        start = pd.to_datetime(events["date_start"], format="ISO8601")
        end = pd.to_datetime(events["date_end"], format="ISO8601")
    except (TypeError, ValueError):
        return events  # _records names the unreadable date
    key = start.fillna(end)
    cut = key.sort_values(na_position="last").iloc[n - 1]
    return events[(key <= cut) | key.isna()] if pd.notna(cut) else events


def _table_html(events: pd.DataFrame) -> str:
    """Return an accessible ``<table>`` of the events, one row per event, sorted by date.

    Above ``FOLDED_ROWS`` listed rows the table sits in a closed ``<details>``.
    """
    total = len(events)
    note = _publisher_note(events)
    records = _records(_first_rows(events, TABLE_ROWS))[:TABLE_ROWS]
    head = "".join(f'<th scope="col">{html.escape(label)}</th>' for _, label in _TABLE_COLUMNS)
    lines = [
        note,
        f'<table id="{TABLE_ID}">',
        f"<caption>Events and responses ({total} rows), with their sources, "
        "sorted by date"
        + (
            f"; the first {TABLE_ROWS} are listed here, every row is in the CSV and JSON exports"
            if total > TABLE_ROWS
            else ""
        )
        + "</caption>",
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
    ]
    for record in records:
        event_id = _cell(record.get("event_id"))
        cells = []
        for column, _ in _TABLE_COLUMNS:
            text = _cell(record.get(column))
            if column == "date_text" and not text:
                start, end = _iso(record, "date_start"), _iso(record, "date_end")
                days = dict.fromkeys(d for d in (start, end) if d)
                shown = " – ".join(f'<time datetime="{d}">{d}</time>' for d in days)
                cells.append(f'<td class="{column}">{shown}</td>')
                continue
            if column == "sources":
                text = text.replace(";", "; ")
            cells.append(f'<td class="{column}">{html.escape(text)}</td>')
        lines.append(f'<tr data-event-id="{html.escape(event_id)}">{"".join(cells)}</tr>')
    lines += ["</tbody>", "</table>"]
    if len(records) > FOLDED_ROWS:
        summary = f"The events table: {len(records):,} rows by date (open to read them)"
        lines = [
            lines[0],
            f'<details id="{TABLE_ID}-fold"><summary>{summary}</summary>',
            *lines[1:],
            "</details>",
        ]
    return "\n".join(lines)


def _detail_rows(figure: dict[str, Any]) -> dict[str, Any] | None:
    """Take the rows of a dense chart's hidden points out of ``figure`` (a figure dict).

    A dense figure with ``meta["detail"]`` (``_dense``) holds every row in traces that start
    hidden; drawn as they are, the page would make plotly.js read 100,000 points it does not
    show. They go instead in a block of their own, per trace and by column (x and y as
    typed arrays, the hover texts as lists), which the page reads on the first zoom
    (``_layout.DRAW_JS``); the traces stay in the figure, empty, with their style.
    """
    import numpy as np

    meta = figure["layout"].get("meta")
    if not (isinstance(meta, dict) and meta.get("detail")):
        return None
    traces = []
    for index, trace in enumerate(figure["data"]):
        if (trace.get("meta") or {}).get("role") != "event-mark":
            continue
        custom = np.asarray(trace.get("customdata", []), dtype=object).reshape(-1, 3)
        traces.append(
            {
                "trace": index,
                "x": trace.get("x", []),  # as plotly writes them: base64 typed arrays
                "y": trace.get("y", []),
                "id": custom[:, 0].tolist(),
                "title": custom[:, 1].tolist(),
                "extra": custom[:, 2].tolist(),
            }
        )
        trace.update(x=[], y=[], customdata=[])
    return {"traces": traces}


def _rows_block(text: str) -> str:
    """The rows' JSON as a ``<script>`` of gzip in base64 (a fifth of the bytes to read).

    Every byte of the page is read before it counts as loaded, and 100,000 rows are about 8 MB
    of JSON; the page inflates them with the browser's ``DecompressionStream`` on the first
    zoom. ``mtime=0``: the same rows give the same bytes.
    """
    import base64
    import gzip

    packed = base64.b64encode(gzip.compress(text.encode("utf-8"), mtime=0)).decode("ascii")
    return f'<script type="application/gzip" id="{ROWS_ID}">{packed}</script>'


def _chart_html(fig: go.Figure) -> str:
    """Return the chart's ``<div>`` and ``<script>``s: plotly.js inlined, a fixed id.

    The figure is drawn once, already fitted to the width it gets (``_layout.DRAW_JS``), so a
    large chart is not drawn twice; the rows a dense chart hides at first wait in a block of
    their own (``_detail_rows``, ``_rows_block``). ``to_json_plotly`` writes ``<``, ``>`` and
    ``/`` as ``\\u003c``..., so text from the data cannot close the ``<script>``. plotly.js
    starts with V8's ``allFunctionsCalledOnLoad`` hint: drawing calls most of it, and compiling
    it in one go costs less than finding each function lazily (a comment to any other browser).
    """
    from plotly.io.json import to_json_plotly  # on use: importing timeline loads no plotly
    from plotly.offline import get_plotlyjs  # on use: importing timeline loads no plotly

    config = dict(_PLOTLY_CONFIG)
    meta = fig.layout.meta
    if isinstance(meta, dict) and meta.get("layouts"):
        config["responsive"] = False  # DRAW_JS fits the width itself
    figure = fig.to_dict()
    rows = _detail_rows(figure)
    script = (
        DRAW_JS.replace("{plot_id}", CHART_ID)
        .replace("{rows_id}", ROWS_ID)
        .replace("{config}", json.dumps(config, sort_keys=True))
        .replace("{figure}", to_json_plotly(figure))
    )
    height = fig.layout.height or 450
    return "\n".join(
        [
            f'<div id="{CHART_ID}" class="plotly-graph-div" '
            f'style="height:{height}px; width:100%;"></div>',
            "<script>window.PlotlyConfig = {MathJaxConfig: 'local'};</script>",
            f"<script>//# allFunctionsCalledOnLoad\n{get_plotlyjs()}</script>",
            *([_rows_block(to_json_plotly(rows))] if rows else []),
            f"<script>{script}</script>",
        ]
    )


def _page_title(fig: go.Figure, title: str | None) -> str:
    if title:
        return title
    text = fig.layout.title.text if fig.layout.title else None
    return html.unescape(text) if text else "Timeline of events and responses"


def write_html(
    fig: go.Figure,
    path: str | os.PathLike[str],
    *,
    events: pd.DataFrame | None = None,
    title: str | None = None,
) -> Path:
    """Write ``fig`` as one self-contained, offline HTML page, with the events as a table.

    plotly.js is inlined (no MathJax, no ``<script src>``, no network request), the chart's
    div has the fixed id ``timeline-chart``, so the same input gives the same bytes. When
    ``events`` is given, a note on who published the sources and an accessible table of the
    events (one ``<tr data-event-id=...>`` per row, sorted by date) follow the chart. Every
    text from the data is HTML-escaped.

    Args:
        fig: the figure (for example from ``timeline_figure``).
        path: the ``.html`` file to write; parent folders are created.
        events: the events table to list under the chart.
        title: the page's ``<title>`` and heading (default: the figure title).

    Returns:
        The path written.

    Raises:
        ExportError: ``fig`` is not a plotly figure, or ``events`` is not an events table.

    >>> import tempfile, pathlib, plotly.graph_objects as go
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.html"
    >>> write_html(go.Figure(), out).read_text().count("<script src")
    0
    """
    import plotly.graph_objects as go  # on use: importing timeline loads no plotly

    if not isinstance(fig, go.Figure):
        raise ExportError(f"write_html: fig must be a plotly Figure, got {type(fig).__name__}")
    page_title = _page_title(fig, title)
    if events is not None:
        events = _check_events(events, "write_html")
    caption = (
        "Interactive chart: hover a mark for its date as written, actor, evidence and source;"
        " drag to zoom, double-click to reset."
    )
    if events is not None and len(events) > TABLE_ROWS:
        caption += f" The table below lists the first {TABLE_ROWS:,} rows by date."
    elif events is not None:
        caption += " The table below lists the same rows."
    body = [
        f"<h1>{html.escape(page_title)}</h1>",
        '<figure id="timeline-figure">',
        _chart_html(fig),
        f"<figcaption>{html.escape(caption)}</figcaption>",
        "</figure>",
    ]
    if events is not None:
        body.append(_table_html(events))
    document = "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(page_title)}</title>",
            f"<style>\n{_CSS}</style>",
            "</head>",
            "<body>",
            "<main>",
            *body,
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )
    return atomic_write(path, document)


# --------------------------------------------------------------------------- images
def find_browser() -> str | None:
    """Return the Chromium-like browser kaleido will use, or None when there is none.

    Looks at the ``BROWSER_PATH`` environment variable first (as kaleido's choreographer
    does), then ``PATH`` for the names in ``BROWSER_NAMES``, then typical install paths such
    as Debian's ``/usr/bin/chromium``. Never downloads anything.

    >>> find_browser() is None or isinstance(find_browser(), str)
    True
    """
    override = os.environ.get("BROWSER_PATH")
    if override:
        return override if os.access(override, os.X_OK) and Path(override).is_file() else None
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    for candidate in _TYPICAL_BROWSERS:
        if os.access(candidate, os.X_OK) and Path(candidate).is_file():
            return candidate
    return None


def _no_browser_message() -> str:
    override = os.environ.get("BROWSER_PATH")
    where = (
        f"BROWSER_PATH={override!r} is not an executable file"
        if override
        else f"no Chromium or Chrome found (looked on PATH for {', '.join(BROWSER_NAMES)})"
    )
    return (
        f"write_image: {where}. PNG and SVG export needs a Chromium-based browser: install "
        "one (Debian/Ubuntu: `sudo apt-get install chromium`) or set the BROWSER_PATH "
        "environment variable to its executable."
    )


def write_image(
    fig: go.Figure,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    width: int = 1400,
    height: int | None = None,
    scale: float = 1,
) -> Path:
    """Write ``fig`` as a PNG or SVG image with kaleido and an installed Chromium.

    The browser is found by :func:`find_browser` (``BROWSER_PATH``, then ``PATH``, then
    ``/usr/bin/chromium``); nothing is downloaded and MathJax is not loaded.

    Args:
        fig: the figure to draw.
        path: the image file to write; parent folders are created.
        format: ``"png"`` or ``"svg"`` (default: from the suffix of ``path``).
        width: width in pixels.
        height: height in pixels (default: the figure's height, else 700).
        scale: pixel scale factor (2 for a sharper PNG).

    Returns:
        The path written.

    Raises:
        ExportError: an unknown format, or no browser to draw with (the message says how to
            get one), or the browser failed.

    >>> # write_image(timeline_figure(df), "build/timeline.png")
    """
    import plotly.graph_objects as go  # on use: importing timeline loads no plotly

    target = Path(path)
    if not isinstance(fig, go.Figure):
        raise ExportError(f"write_image: fig must be a plotly Figure, got {type(fig).__name__}")
    fmt = (format or target.suffix.lstrip(".") or "png").lower()
    if fmt not in IMAGE_FORMATS:
        raise ExportError(
            f"write_image: cannot write format {fmt!r} for {target}; choose one of "
            f"{', '.join(IMAGE_FORMATS)}"
        )
    browser = find_browser()
    if browser is None:
        raise ExportError(_no_browser_message())
    height = height or fig.layout.height or 700
    data = _render(fig, fmt=fmt, width=width, height=height, scale=scale, browser=browser)
    return atomic_write(target, data)


def _render(
    fig: go.Figure, *, fmt: str, width: int, height: int, scale: float, browser: str
) -> bytes:
    """Draw the figure with kaleido in ``browser``; wrap kaleido's failures in ExportError."""
    # on use: kaleido (and the browser it drives) only for PNG/SVG
    import kaleido
    from kaleido.errors import ChromeNotFoundError

    try:
        data = kaleido.calc_fig_sync(
            fig.to_dict(),
            opts={"format": fmt, "width": width, "height": height, "scale": scale},
            kopts={"path": browser, "mathjax": False},
        )
    except ChromeNotFoundError as exc:
        raise ExportError(_no_browser_message()) from exc
    except Exception as exc:  # kaleido raises many kinds; name the browser and the cause
        raise ExportError(
            f"write_image: drawing the {fmt} with the browser {browser} failed: {exc}"
        ) from exc
    if isinstance(data, str):
        data = data.encode("utf-8")
    return data
