"""The page of a 100,000-row chart in Chromium: counts at load, the rows themselves on zoom.

The page keeps the rows out of the figure plotly.js draws at load (``export._detail_rows``):
these tests check that it still draws the density at once, that a zoom into a narrow window
draws exactly the rows in it with their hover texts, that the "every row" button draws them
all and "counts per lane" goes back, and that nothing is logged as an error. No timings here:
speed is measured by ``benchmarks/bench_chart.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from pages import first_days, opened

from timeline import timeline_figure, write_html
from timeline._synthetic import synthetic_events
from timeline.views.export import TABLE_ROWS

ROWS = 100_000

# What the page shows: the rows counted in the overview and in the lanes, the points drawn.
_STATE = """() => {
  const gd = document.getElementById("timeline-chart");
  const role = (t) => (t._input.meta || {}).role;  // a hidden trace has no defaults filled in
  const sum = (values) => Array.from(values).reduce((a, b) => a + (b || 0), 0);
  const marks = gd._fullData.filter((t) => role(t) === "event-mark");
  const drawn = marks.filter((t) => t.visible === true);
  return {
    detail: gd.getAttribute("data-detail"),
    overview: gd._fullData.filter((t) => role(t) === "density" && t.visible === true)
      .reduce((n, t) => n + sum(t.y), 0),
    lanes: gd._fullData.filter((t) => role(t) === "lane-density" && t.visible === true)
      .reduce((n, t) => n + sum(t.z[0]), 0),
    loaded: marks.reduce((n, t) => n + (t._input.x ? t._input.x.length : 0), 0),
    points: drawn.reduce((n, t) => n + t._input.x.length, 0),
    ids: drawn.flatMap((t) => Array.from(t._input.customdata, (c) => c[0])),
  };
}"""

# Where the first drawn point is on the page, and its row's id.
_FIRST_POINT = """() => {
  const gd = document.getElementById("timeline-chart");
  const trace = gd._fullData.find((t) => (t._input.meta || {}).role === "event-mark"
    && t.visible === true && t._input.x.length);
  const xa = gd._fullLayout.xaxis2;
  const ya = gd._fullLayout.yaxis2;
  const box = gd.getBoundingClientRect();
  return {
    x: box.left + xa._offset + xa.l2p(trace._input.x[0]),
    y: box.top + ya._offset + ya.l2p(trace._input.y[0]),
    id: trace._input.customdata[0][0],
  };
}"""


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return synthetic_events(ROWS)


@pytest.fixture(scope="module")
def page_path(tmp_path_factory, events) -> Path:
    folder = tmp_path_factory.mktemp("dense")
    return write_html(timeline_figure(events), folder / "chart.html", events=events)


@pytest.fixture
def loaded(browser, page_path) -> Iterator[tuple[object, list[str]]]:
    """The page open at 1,200 px, once its counts are drawn; and the errors it logs."""
    with opened(browser, page_path, 1200) as (page, errors):
        page.wait_for_selector("#timeline-chart[data-detail=counts]", timeout=120_000)
        yield page, errors


def test_the_page_draws_every_row_counted_and_no_point_at_load(loaded):
    page, errors = loaded
    state = page.evaluate(_STATE)
    assert state["overview"] == ROWS  # the bars count every row
    assert state["lanes"] == ROWS  # and so do the lanes' strips
    assert state["loaded"] == 0 and state["points"] == 0  # plotly.js was given no row
    assert errors == []


def test_a_zoom_into_a_narrow_window_draws_its_rows_with_their_hover(loaded, events):
    page, errors = loaded
    first = first_days(events)
    per_day = first.value_counts().sort_index()
    day = per_day[(per_day >= 2) & (per_day <= 8)].index[0]  # a day of a few rows
    window = (
        f"{day - pd.Timedelta(hours=12):%Y-%m-%d %H:%M}",
        f"{day + pd.Timedelta(hours=12):%Y-%m-%d %H:%M}",
    )
    inside = events[first == day]
    page.evaluate("(r) => Plotly.relayout('timeline-chart', {'xaxis.range': r})", list(window))
    page.wait_for_selector("#timeline-chart[data-detail=rows]", timeout=60_000)
    state = page.evaluate(_STATE)
    assert sorted(state["ids"]) == sorted(inside["event_id"])
    assert state["lanes"] == 0  # the strips give way to the points

    point = page.evaluate(_FIRST_POINT)
    page.mouse.move(point["x"], point["y"])
    label = page.locator(".hoverlayer .hovertext").first
    label.wait_for(state="visible", timeout=5000)
    text = label.text_content()
    row = inside.set_index("event_id").loc[point["id"]]
    assert f"id: {point['id']}" in text
    assert row["title"] in text
    if row["kind"] == "response":
        assert "responds to" in text
    assert errors == []


def test_zooming_out_goes_back_to_the_counts(loaded):
    page, errors = loaded
    page.evaluate(
        "() => Plotly.relayout('timeline-chart', {'xaxis.range': ['2012-05-01', '2012-05-20']})"
    )
    page.wait_for_selector("#timeline-chart[data-detail=rows]", timeout=60_000)
    page.evaluate("() => Plotly.relayout('timeline-chart', {'xaxis.autorange': true})")
    page.wait_for_selector("#timeline-chart[data-detail=counts]", timeout=60_000)
    state = page.evaluate(_STATE)
    assert state["points"] == 0 and state["lanes"] == ROWS
    assert errors == []


def test_the_every_row_button_draws_them_all_and_counts_come_back(loaded):
    page, errors = loaded
    page.locator(".updatemenu-button", has_text="Every row").click()
    page.wait_for_selector("#timeline-chart[data-detail=all]", timeout=120_000)
    state = page.evaluate(_STATE)
    assert state["points"] == ROWS and len(set(state["ids"])) == ROWS
    assert state["lanes"] == 0
    page.locator(".updatemenu-button", has_text="Counts per lane").click()
    page.wait_for_selector("#timeline-chart[data-detail=counts]", timeout=60_000)
    state = page.evaluate(_STATE)
    assert state["points"] == 0 and state["lanes"] == ROWS
    assert errors == []


def test_the_long_table_is_folded_and_opens(loaded):
    page, errors = loaded
    fold = page.locator("details#timeline-events-fold")
    assert fold.evaluate("(d) => d.open") is False
    assert page.locator("#timeline-events tr[data-event-id]").count() == TABLE_ROWS
    assert not page.locator("#timeline-events").is_visible()
    page.locator("details#timeline-events-fold > summary").click()
    assert page.locator("#timeline-events").is_visible()
    assert errors == []
