"""Layouts of the timeline for every width: panel columns, wrapped key and legend, margins.

The figure is built once; its geometry is computed here for each number of panel columns
(``panel_layouts``) or width band (``band_layouts``) as a plotly ``relayout`` dict. The dicts
travel in ``layout.meta["layouts"]`` with the width from which each applies; the figure itself
gets the one for its ``width`` argument, and a page written by ``write_html`` applies the one
that fits its actual width, again on every resize (``ADAPT_JS``). One computation, so the page
and the figure cannot disagree.
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass
from typing import Any

#: The narrowest a panel may be, in pixels: room for its title and three date ticks.
MIN_PANEL_PX = 250
#: The width assumed when none is given (a JupyterLab output area on a laptop).
DEFAULT_WIDTH = 900
_GAP_PX = 34  # between panel columns
_TITLE_PX = 24  # a panel's title above it
_TICKS_PX = 40  # two-line date ticks under a panel
_CHAR_PX = 6.6  # an average character at the key's 11 px font
_LEGEND_ROW_PX = 24
_RIGHT = 24
_BANDS = (0, 560, 900, 1300)  # widths at which an unpanelled figure is laid out again


@dataclass(frozen=True)
class Frame:
    """What the layout needs to know about a figure."""

    n_panels: int  # episode panels (0: a single axis)
    lane_px: int  # height of one lane
    n_lanes: int
    overview_px: int  # height of the overview strip (0: none)
    key_items: tuple[str, ...]  # the key's phrases, joined with " · "
    legend_names: tuple[str, ...]
    lane_names: tuple[str, ...]
    title: bool
    buttons: bool  # zoom buttons above a single axis


def add_key(fig: Any, text: str, color: str) -> None:
    """The key under a chart: one annotation named ``key``, left-aligned below the plot."""
    fig.add_annotation(
        text=text,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        align="left",
        showarrow=False,
        font={"size": 11, "color": color},
        name="key",
    )


def wrap_key(items: tuple[str, ...], width_px: float) -> tuple[str, int]:
    """Join the key's phrases into ``<br>``-separated lines that fit ``width_px``.

    >>> wrap_key(("a first phrase", "a second one", "and a third"), 200)
    ('a first phrase · a second one<br>and a third', 2)
    """
    per_line = max(20, int(width_px / _CHAR_PX))
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + 3 + len(item) <= per_line:
            lines[-1] += " · " + item
        else:
            lines += textwrap.wrap(item, per_line) or [""]  # a long phrase over several lines
    return "<br>".join(lines), max(len(lines), 1)


def _legend_rows(names: tuple[str, ...], width_px: float) -> int:
    """How many rows a horizontal legend of ``names`` takes in ``width_px``."""
    rows, used = 1, 0.0
    for name in names:
        item = 46 + 7 * len(name)
        if used and used + item > width_px:
            rows, used = rows + 1, 0.0
        used += item
    return rows


def _lane_wrap(width: int) -> int:
    return 12 if width < 600 else 28


def _left(frame: Frame, width: int) -> int:
    chars = max([min(len(name), _lane_wrap(width)) for name in frame.lane_names] + [6])
    return 24 + round(7 * chars)


def lane_ticktext(names: tuple[str, ...], width: int) -> list[str]:
    """Lane names wrapped for ``width`` (narrow screens wrap sooner).

    >>> lane_ticktext(("a long lane name here",), 400)
    ['a long lane<br>name here']
    """
    return ["<br>".join(textwrap.wrap(n, _lane_wrap(width)) or [""]) for n in names]


def columns_for(frame: Frame, width: int) -> int:
    """The number of panel columns that fit ``width`` pixels (one on a phone).

    >>> f = Frame(5, 70, 2, 60, (), (), ("event",), False, False)
    >>> columns_for(f, 400), columns_for(f, 900), columns_for(f, 1600)
    (1, 2, 5)
    >>> columns_for(Frame(6, 70, 2, 60, (), (), ("event",), False, False), 1600)
    3
    """
    if frame.n_panels <= 1:
        return 1
    room = width - _left(frame, width) - _RIGHT + _GAP_PX
    most = max(1, min(frame.n_panels, room // (MIN_PANEL_PX + _GAP_PX)))
    rows = math.ceil(frame.n_panels / most)
    return math.ceil(frame.n_panels / rows)  # as few columns as give that many rows


def _min_width(frame: Frame, cols: int) -> int:
    """The narrowest page on which ``cols`` columns fit (the layout applies from there)."""
    if cols <= 1:
        return 0
    width = cols * (MIN_PANEL_PX + _GAP_PX) - _GAP_PX + _RIGHT
    while columns_for(frame, width) < cols:
        width += 1
    return width


def _margins(frame: Frame, width: int) -> tuple[int, int, int, str]:
    """Return (left, top, bottom, key text) for a page ``width`` pixels wide."""
    left = _left(frame, width)
    key, key_lines = wrap_key(frame.key_items, width - left - _RIGHT)  # starts at the plot
    legend = _legend_rows(frame.legend_names, width - 40)
    top = 18 + (40 if frame.title else 0) + legend * _LEGEND_ROW_PX
    if frame.buttons:
        top += 34 if width >= 700 else 30
    bottom = _TICKS_PX + 12 + 15 * key_lines
    return left, top, bottom, key


def _common(frame: Frame, width: int, key_index: int) -> tuple[dict[str, Any], int, int]:
    left, top, bottom, key = _margins(frame, width)
    out: dict[str, Any] = {
        "margin.l": left,
        "margin.t": top,
        "margin.b": bottom,
        f"annotations[{key_index}].text": key,
        f"annotations[{key_index}].yshift": -(_TICKS_PX + 4),
    }
    return out, top, bottom


def panel_layouts(frame: Frame, key_index: int) -> list[dict[str, Any]]:
    """One layout per column count: ``{"min_width", "columns", "relayout"}``.

    Axis 1 is the overview, axes 2..n+1 the panels; annotations 0..n-1 are the panel titles.
    """
    out = []
    seen: set[int] = set()
    for cols in range(1, frame.n_panels + 1):
        start = _min_width(frame, cols)
        if columns_for(frame, max(start, 1)) != cols or cols in seen:
            continue
        seen.add(cols)
        out.append(
            {"min_width": start, "columns": cols, "relayout": _grid(frame, cols, max(start, 360))}
        )
        if cols == 6:
            break
    for k, item in enumerate(out):
        item["relayout"].update(_common(frame, max(item["min_width"], 360), key_index)[0])
        _place_legend(frame, item["relayout"])
        nxt = out[k + 1]["min_width"] if k + 1 < len(out) else 10**6
        item["max_width"] = nxt - 1
    return out


def _grid(frame: Frame, cols: int, width: int) -> dict[str, Any]:
    n = frame.n_panels
    rows = math.ceil(n / cols)
    left, top, bottom, _ = _margins(frame, width)
    panel_px = frame.n_lanes * frame.lane_px
    overview = frame.overview_px + _TICKS_PX
    plot_h = overview + rows * (_TITLE_PX + panel_px + _TICKS_PX)
    plot_w = max(width - left - _RIGHT, 120)
    gap = _GAP_PX / plot_w if cols > 1 else 0.0
    panel_w = (1 - gap * (cols - 1)) / cols
    out: dict[str, Any] = {"height": top + plot_h + bottom}
    out["xaxis.domain"] = [0.0, 1.0]
    out["yaxis.domain"] = [round(1 - frame.overview_px / plot_h, 5), 1.0]
    ticks = max(2, min(8, int(plot_w * panel_w // 90)))
    lanes = lane_ticktext(frame.lane_names, width)
    for k in range(n):
        r, c = divmod(k, cols)
        x0 = c * (panel_w + gap)
        y_top = overview + r * (_TITLE_PX + panel_px + _TICKS_PX) + _TITLE_PX
        axis = k + 2
        out[f"xaxis{axis}.domain"] = [round(x0, 5), round(min(x0 + panel_w, 1.0), 5)]
        out[f"yaxis{axis}.domain"] = [
            round(1 - (y_top + panel_px) / plot_h, 5),
            round(1 - y_top / plot_h, 5),
        ]
        out[f"xaxis{axis}.nticks"] = ticks
        out[f"yaxis{axis}.showticklabels"] = c == 0
        out[f"yaxis{axis}.ticktext"] = lanes
        out[f"annotations[{k}].x"] = round(x0 + panel_w / 2, 5)
        out[f"annotations[{k}].y"] = round(1 - y_top / plot_h, 5)
    out["yaxis.ticktext"] = lanes
    out["xaxis.nticks"] = max(3, min(12, int(plot_w // 110)))
    return out


def band_layouts(frame: Frame, key_index: int, axes: tuple[str, ...]) -> list[dict[str, Any]]:
    """One layout per width band for a figure without panels (one axis, or the dense view)."""
    out = []
    for k, start in enumerate(_BANDS):
        width = max(start, 360)
        relayout, top, bottom = _common(frame, width, key_index)
        body = frame.overview_px + (_TICKS_PX if frame.overview_px else 0)
        body += frame.n_lanes * frame.lane_px
        relayout["height"] = top + body + bottom
        plot_w = max(width - relayout["margin.l"] - _RIGHT, 120)
        for axis in axes:
            relayout[f"{axis}.nticks"] = max(3, min(12, int(plot_w // 100)))
        for axis in ("yaxis", "yaxis2"):
            if axis in axes or axis == "yaxis":
                relayout[f"{axis}.ticktext"] = lane_ticktext(frame.lane_names, width)
        _place_legend(frame, relayout)
        nxt = _BANDS[k + 1] if k + 1 < len(_BANDS) else 10**6
        out.append({"min_width": start, "max_width": nxt - 1, "relayout": relayout})
    return out


def _place_legend(frame: Frame, relayout: dict[str, Any]) -> None:
    """Put the legend under the title, in the top margin, whatever the height."""
    below_title = 10 + (40 if frame.title else 0)
    relayout["legend.y"] = round(1 - below_title / relayout["height"], 5)


def pick(layouts: list[dict[str, Any]], width: int) -> dict[str, Any]:
    """The layout that applies at ``width`` pixels.

    >>> pick([{"min_width": 0, "relayout": {"a": 1}}, {"min_width": 500, "relayout": {"a": 2}}],
    ...      700)
    {'a': 2}
    """
    chosen = layouts[0]
    for layout in layouts:
        if layout["min_width"] <= width:
            chosen = layout
    return chosen["relayout"]


def apply(fig: Any, relayout: dict[str, Any]) -> None:
    """Apply a relayout dict (``"xaxis2.domain"``, ``"annotations[3].x"`` ...) to a figure."""
    for key, value in relayout.items():
        match = re.fullmatch(r"annotations\[(\d+)\]\.(\w+)", key)
        if match:
            fig.layout.annotations[int(match[1])][match[2]] = value
            continue
        match = re.fullmatch(r"updatemenus\[(\d+)\]\.(\w+)", key)
        if match:
            if fig.layout.updatemenus:
                fig.layout.updatemenus[int(match[1])][match[2]] = value
            continue
        fig.update_layout({key.replace(".", "_", 1) if key.count(".") == 1 else key: value})


#: The chart's script in pages written by ``write_html``: fit the figure to the width it gets
#: (and the reader's light or dark setting) before drawing it once, then again on resize.
#: A dense figure with ``meta["detail"]`` starts with its points hidden and empty, its rows in
#: the block ``{rows_id}`` (``export._detail_rows``: JSON, gzip, base64); after every zoom the
#: points of the rows in view are drawn when there are at most ``detail.rows`` of them, and the
#: lanes' counts otherwise (``_dense``); the "every row" button draws them all. ``{plot_id}``,
#: ``{rows_id}``, ``{config}`` and ``{figure}`` are filled in, the figure last.
DRAW_JS = """
(function () {
  "use strict";
  var gd = document.getElementById("{plot_id}");
  var config = {config};
  var fig = {figure};
  var meta = fig.layout.meta || {};
  var layouts = meta.layouts || [];
  var query = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  var current = null;
  var drawnWidth = null;
  function setPath(target, path, value) {
    var parts = path.replace(/\\[(\\d+)\\]/g, ".$1").split(".");
    var node = target;
    for (var i = 0; i < parts.length - 1; i++) {
      if (node[parts[i]] === undefined || node[parts[i]] === null) {
        node[parts[i]] = /^\\d+$/.test(parts[i + 1]) ? [] : {};
      }
      node = node[parts[i]];
    }
    node[parts[parts.length - 1]] = value;
  }
  function colours() {
    if (!meta.themes) { return {}; }
    return meta.themes[query && query.matches ? "dark" : "light"];
  }
  function room() { return Math.floor(gd.parentElement.getBoundingClientRect().width); }
  function changes(first) {
    var update = first ? Object.assign({}, colours()) : {};
    if (!layouts.length) { return update; }
    var width = room() || window.innerWidth;
    var pick = null;
    layouts.forEach(function (layout) { if (layout.min_width <= width) { pick = layout; } });
    if (pick && pick !== current) { current = pick; Object.assign(update, pick.relayout); }
    if (width > 0 && width !== drawnWidth) { drawnWidth = width; update.width = width; }
    return update;
  }
  function apply(update) {
    if (!Object.keys(update).length) { return; }
    Plotly.relayout(gd, update).then(function () {
      gd.style.height = gd.layout.height + "px";
    });
  }
  var TYPES = {f8: Float64Array, f4: Float32Array, i4: Int32Array, u4: Uint32Array,
    i2: Int16Array, u2: Uint16Array, i1: Int8Array, u1: Uint8Array};
  function decode(value) {
    if (!value || typeof value.bdata !== "string") { return value; }
    var text = atob(value.bdata);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
    return new TYPES[value.dtype](bytes.buffer);
  }
  function detail() {
    var limit = meta.detail.rows;
    var marks = [];
    var counts = [];
    fig.data.forEach(function (trace, i) {
      var role = trace.meta && trace.meta.role;
      if (role === "event-mark") { marks.push(i); }
      if (role === "lane-density") { counts.push(i); }
    });
    var rows = null;
    function load() {  // a promise of the rows' block (gzip in base64), read on the first zoom
      if (rows === null) {
        var text = atob(document.getElementById("{rows_id}").textContent.trim());
        var bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
        var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
        rows = new Response(stream).text().then(function (json) {
          var block = JSON.parse(json);
          return marks.map(function (i) {
            var t = block.traces.filter(function (b) { return b.trace === i; })[0];
            return {x: decode(t.x), y: decode(t.y), id: t.id, title: t.title, extra: t.extra};
          });
        });
      }
      return rows;
    }
    function points(r, pick) {  // the points of one trace: those picked, or every one
      var n = pick ? pick.length : r.x.length;
      var x = new Float64Array(n);
      var y = new Float32Array(n);
      var custom = new Array(n);
      for (var j = 0; j < n; j++) {
        var k = pick ? pick[j] : j;
        x[j] = r.x[k];
        y[j] = r.y[k];
        custom[j] = [r.id[k], r.title[k], r.extra[k]];
      }
      return {x: x, y: y, customdata: custom};
    }
    var shown = "counts";
    // picks: per mark trace, the rows to draw (null: every row); none: the lanes' counts
    function show(all, picks, key, state) {
      var drawn = picks !== undefined;
      var update = {x: [], y: [], customdata: [], visible: []};
      marks.forEach(function (i, j) {
        var p = drawn ? points(all[j], picks && picks[j]) : {x: [], y: [], customdata: []};
        update.x.push(p.x);
        update.y.push(p.y);
        update.customdata.push(p.customdata);
        update.visible.push(drawn);
      });
      shown = key;
      var axis = gd._fullLayout.xaxis;
      // new x values make plotly guess the axes' types again: they stay dates
      // (and keep the range the reader chose)
      var types = {"xaxis.type": "date", "xaxis2.type": "date", "yaxis2.type": "linear",
        "xaxis.range": axis.range.slice(), "xaxis.autorange": axis.autorange};
      return Plotly.update(gd, update, types, marks).then(function () {
        return Plotly.restyle(gd, {visible: !drawn}, counts);
      }).then(function () {
        gd.setAttribute("data-detail", state);
      });
    }
    function inView(all) {
      if (shown === "all") { return; }  // every row is drawn: a zoom only enlarges them
      var axis = gd._fullLayout.xaxis;
      var lo = axis.r2l(axis.range[0]);
      var hi = axis.r2l(axis.range[1]);
      var picks = all.map(function (r) {
        var pick = [];
        for (var k = 0; k < r.x.length; k++) { if (r.x[k] >= lo && r.x[k] <= hi) { pick.push(k); } }
        return pick;
      });
      var total = picks.reduce(function (n, p) { return n + p.length; }, 0);
      var key = total <= limit ? lo + ":" + hi : "counts";
      if (key === shown) { return; }
      if (total <= limit) {
        show(all, picks, key, "rows");
      } else {
        show(all, undefined, key, "counts");
      }
    }
    function zoomed() { load().then(inView); }
    function clicked(event) {  // the buttons: "Counts per lane" (0) or "Every row" (1)
      load().then(function (all) {
        if (event.active === 1) {
          show(all, null, "all", "all");
        } else {
          show(all, undefined, "counts", "counts");
        }
      });
    }
    return {zoomed: zoomed, clicked: clicked};
  }
  var first = changes(true);
  Object.keys(first).forEach(function (key) { setPath(fig.layout, key, first[key]); });
  if (fig.layout.height) { gd.style.height = fig.layout.height + "px"; }
  var rowsView = meta.detail ? detail() : null;
  Plotly.newPlot(gd, fig.data, fig.layout, config).then(function () {
    if (rowsView) {
      gd.setAttribute("data-detail", "counts");
      gd.on("plotly_relayout", rowsView.zoomed);
      gd.on("plotly_buttonclicked", rowsView.clicked);
    }
    if (query && query.addEventListener) {
      query.addEventListener("change", function () { apply(colours()); });
    }
    var timer = null;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { apply(changes(false)); }, 60);
    });
  });
}());
"""
