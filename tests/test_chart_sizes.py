"""The exported chart at every size: 1, 14, 1,000 and 100,000 rows at 400 to 1,600 px.

One page per table (written once per session), one browser for the whole run (``browser`` in
``conftest.py``); each page is opened once and resized through the widths, so the test also
covers the page re-fitting itself on resize. At every width: no two pieces of text overlap
(bounding boxes measured in Chromium), text stays inside the chart, the legend's marks are
the marks drawn, and nothing is logged as an error.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from pages import first_days, opened

from timeline import read_events, timeline_figure, write_html
from timeline._synthetic import synthetic_events
from timeline.views._dense import DETAIL_ROWS

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "build" / "screenshots"
WIDTHS = (400, 900, 1200, 1600)
SIZES = (1, 14, 1000, 100_000)

# Every text box of the chart (hover labels excluded), as the page lays them out.
_TEXT_BOXES = """
() => {
  const gd = document.getElementById("timeline-chart");
  const outer = gd.getBoundingClientRect();
  const boxes = [];
  gd.querySelectorAll("svg text").forEach((node) => {
    if (node.closest(".hoverlayer")) { return; }
    const text = (node.textContent || "").trim();
    if (!text) { return; }
    const style = window.getComputedStyle(node);
    if (style.display === "none" || style.visibility === "hidden" || style.opacity === "0") {
      return;
    }
    const box = node.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) { return; }
    boxes.push({text: text, x: box.left, y: box.top, w: box.width, h: box.height,
                cls: node.getAttribute("class") || ""});
  });
  return {boxes: boxes, left: outer.left, right: outer.right};
}
"""

# For each legend entry: its colour and symbol, and those of the drawn marks of its group.
_LEGEND = """
() => {
  const gd = document.getElementById("timeline-chart");
  const data = gd._fullData;
  const entries = data.filter((t) => t.meta && t.meta.role === "legend");
  // as given (a hidden trace has no defaults filled in); points only where drawn
  const role = (t) => (t._input.meta || {}).role;
  const marks = data.filter((t) => role(t) === "event-mark").map((t) => ({
    type: t.type, legendgroup: t._input.legendgroup, marker: t._input.marker,
    points: t.visible === true && t.x ? t.x.length : 0,
  }));
  const shown = gd.querySelectorAll(".legend .traces").length;
  const sum = (values) => Array.from(values).reduce((a, b) => a + b, 0);
  return {
    shown: shown,
    entries: entries.map((e) => ({
      name: e.name, colour: e.marker.color, symbol: e.marker.symbol,
      marks: marks.filter((m) => m.legendgroup === e.legendgroup).map((m) => ({
        colour: m.marker.color,
        symbol: m.type === "bar" ? null : String(m.marker.symbol).replace("-open", ""),
        points: m.points,
      })),
    })),
    rows: marks.reduce((n, m) => n + m.points, 0),
    counted: data.filter((t) => t.meta && t.meta.role === "density")
      .reduce((n, t) => n + sum(t.y), 0),
    lanes: data.filter((t) => role(t) === "lane-density" && t.visible === true)
      .reduce((n, t) => n + sum(t.z[0].map((v) => v || 0)), 0),
    detail: gd.getAttribute("data-detail"),
  };
}
"""


def _overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of text boxes that overlap by more than a pixel each way."""
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if dx > 1 and dy > 1:
                found.append((a["text"], b["text"]))
    return found


@pytest.fixture(scope="session")
def chart_tables() -> dict[int, pd.DataFrame]:
    table = read_events(ROOT / "data" / "events.csv")
    tables = {1: table.iloc[[3]], 14: table}
    tables.update({n: synthetic_events(n) for n in SIZES if n > 14})
    return tables


@pytest.fixture(scope="session")
def chart_pages(tmp_path_factory, chart_tables) -> dict[int, Path]:
    """The chart page of each table size, written once."""
    folder = tmp_path_factory.mktemp("sizes")
    tables = chart_tables
    pages = {}
    for n, events in tables.items():
        pages[n] = write_html(timeline_figure(events), folder / f"chart-{n}.html", events=events)
    return pages


def _settled(page, width: int) -> None:
    """Wait until the page has applied the layout made for ``width``."""
    page.set_viewport_size({"width": width, "height": 900})
    page.wait_for_function(
        """(width) => {
          const gd = document.getElementById("timeline-chart");
          if (!gd || !gd._fullLayout || !gd.layout.meta) { return false; }
          const room = gd.parentElement.getBoundingClientRect().width;
          let chosen = null;
          gd.layout.meta.layouts.forEach((l) => { if (l.min_width <= room) { chosen = l; } });
          return chosen && gd.layout.height === chosen.relayout.height
            && gd._fullLayout.width === Math.floor(room)
            && gd.getBoundingClientRect().height >= chosen.relayout.height - 1;
        }""",
        arg=width,
        timeout=120_000,
    )
    page.wait_for_timeout(150)  # plotly draws after the layout settles


@pytest.mark.parametrize("size", SIZES)
def test_the_chart_is_legible_at_every_width(browser, chart_pages, size):
    with opened(browser, chart_pages[size], WIDTHS[0]) as (page, errors):
        for width in WIDTHS:
            _settled(page, width)
            found = page.evaluate(_TEXT_BOXES)
            boxes = found["boxes"]
            assert boxes, f"{size} rows at {width} px: no text drawn"
            assert _overlaps(boxes) == [], f"{size} rows at {width} px: text overlaps"
            for box in boxes:  # nothing cut off at the sides (the key wraps)
                assert box["x"] >= found["left"] - 1, (size, width, box["text"])
                assert box["x"] + box["w"] <= found["right"] + 1, (size, width, box["text"])
            legend = page.evaluate(_LEGEND)
            assert legend["shown"] == len(legend["entries"]) > 0
            if size > DETAIL_ROWS:  # every row counted once, in the bars and in the lanes
                assert legend["detail"] == "counts"
                assert (legend["rows"], legend["counted"], legend["lanes"]) == (0, size, size)
            else:
                assert legend["rows"] == size  # every row drawn once
            for entry in legend["entries"]:
                assert entry["marks"], f"legend entry {entry['name']} has no marks"
                for mark in entry["marks"]:
                    assert mark["colour"] == entry["colour"], (size, width, entry["name"])
                    assert mark["symbol"] in (None, entry["symbol"]), (size, width, entry["name"])
            if size in (14, 1000) and width in (400, 1200):  # for people to look at
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.locator("#timeline-figure").screenshot(
                    path=str(SHOTS / f"chart-{size}-{width}.png")
                )
        assert errors == []


def test_panels_sit_side_by_side_when_they_fit_and_stack_on_a_phone(browser, chart_pages):
    with opened(browser, chart_pages[14], 400) as (page, _errors):
        lefts = {}
        for width in (400, 1600):
            _settled(page, width)
            lefts[width] = page.evaluate(
                """() => {
                  const full = document.getElementById("timeline-chart")._fullLayout;
                  return Object.keys(full).filter((k) => /^xaxis[0-9]+$/.test(k))
                    .map((k) => full[k].domain[0]);
                }"""
            )
        assert set(lefts[400]) == {0}
        assert len(set(lefts[1600])) >= 3


def test_the_page_follows_a_dark_colour_scheme(browser, chart_pages):
    with opened(browser, chart_pages[14], 900, color_scheme="dark") as (page, _errors):
        _settled(page, 900)
        paper = page.evaluate(
            "() => document.getElementById('timeline-chart')._fullLayout.paper_bgcolor"
        )
        body = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        assert paper == "#111111"
        assert body == "rgb(17, 17, 17)"


_DRAWN_ROWS = """() => {
  const gd = document.getElementById("timeline-chart");
  const role = (t) => (t._input.meta || {}).role;  // a hidden trace has no defaults filled in
  const marks = gd._fullData.filter((t) => role(t) === "event-mark");
  const lanes = gd._fullData.filter((t) => role(t) === "lane-density");
  return {
    ids: marks.filter((t) => t.visible === true).flatMap((t) => t.customdata.map((c) => c[0])),
    lanes: lanes.map((t) => t.visible),
    type: gd._fullLayout.xaxis2.type,
    range: gd._fullLayout.xaxis.range,
  };
}"""


def test_a_zoom_into_many_rows_draws_the_rows_in_view(browser, chart_pages, chart_tables):
    """100,000 rows open as counts; a zoom that holds few rows draws exactly those rows."""
    events = chart_tables[100_000]
    first = first_days(events)
    window = ("2005-01-01", "2005-04-01")
    inside = events.loc[(first >= window[0]) & (first <= window[1]), "event_id"]
    assert 0 < len(inside) <= DETAIL_ROWS  # the window is one a reader could zoom to
    with opened(browser, chart_pages[100_000], 1200) as (page, errors):
        page.wait_for_selector("#timeline-chart[data-detail=counts]", timeout=120_000)
        before = page.evaluate(_DRAWN_ROWS)
        assert before["ids"] == [] and before["lanes"] == [True, True]
        page.evaluate(
            "(range) => Plotly.relayout('timeline-chart', {'xaxis.range': range})", list(window)
        )
        page.wait_for_selector("#timeline-chart[data-detail=rows]", timeout=60_000)
        zoomed = page.evaluate(_DRAWN_ROWS)
        assert sorted(zoomed["ids"]) == sorted(inside)
        assert zoomed["lanes"] == [False, False]
        assert zoomed["type"] == "date"  # new points do not turn the dates into numbers
        assert [r[:10] for r in zoomed["range"]] == list(window)  # the reader's zoom is kept
        page.evaluate("() => Plotly.relayout('timeline-chart', {'xaxis.autorange': true})")
        page.wait_for_selector("#timeline-chart[data-detail=counts]", timeout=60_000)
        after = page.evaluate(_DRAWN_ROWS)
        assert after["ids"] == [] and after["lanes"] == [True, True]
        assert errors == []
