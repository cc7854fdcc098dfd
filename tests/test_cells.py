"""Tests for timeline.table.cells: a row's dates as an interval and a response's lag.

Every view reads dates through these helpers, so the edge cases are pinned here once: a date
known only by a bound, month and year precision with one bound missing, an end before a start.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import numpy as np
import pandas as pd
import pytest

from timeline.table.cells import frame_intervals, lag_days, row_interval
from timeline.table.filter import filter_events
from timeline.views.figures import lag_figure
from timeline.views.story import story_html

D = dt.date
T = pd.Timestamp

#: (start, end, precision) -> the interval every view reads
CASES = [
    ((D(2030, 5, 2), D(2030, 5, 4), "day"), (D(2030, 5, 2), D(2030, 5, 4))),
    ((D(2030, 5, 2), None, "day"), (D(2030, 5, 2), D(2030, 5, 2))),
    ((None, D(2030, 5, 2), "day"), (D(2030, 5, 2), D(2030, 5, 2))),
    ((D(2030, 5, 2), None, "approximate"), (D(2030, 5, 2), D(2030, 5, 2))),
    ((None, D(2030, 5, 9), "before"), (None, D(2030, 5, 9))),
    ((D(2030, 5, 1), D(2030, 5, 9), "before"), (None, D(2030, 5, 9))),
    ((D(2030, 5, 9), None, "before"), (None, D(2030, 5, 9))),
    ((D(2030, 5, 9), None, "after"), (D(2030, 5, 9), None)),
    ((D(2030, 5, 9), D(2030, 5, 20), "after"), (D(2030, 5, 9), None)),
    ((None, D(2030, 5, 9), "after"), (D(2030, 5, 9), None)),
    ((D(2032, 2, 1), None, "month"), (D(2032, 2, 1), D(2032, 2, 29))),
    ((None, D(2030, 5, 31), "month"), (D(2030, 5, 1), D(2030, 5, 31))),
    ((D(2030, 1, 1), None, "year"), (D(2030, 1, 1), D(2030, 12, 31))),
    ((None, D(2030, 12, 31), "year"), (D(2030, 1, 1), D(2030, 12, 31))),
    ((D(9999, 12, 1), None, "month"), (D(9999, 12, 1), D(9999, 12, 31))),
    ((None, D(1, 1, 31), "month"), (D(1, 1, 1), D(1, 1, 31))),
    ((D(2030, 5, 9), D(2030, 5, 2), "day"), (D(2030, 5, 9), D(2030, 5, 2))),
    ((None, None, "day"), (None, None)),
    ((None, None, "before"), (None, None)),
]


@pytest.mark.parametrize(("cells", "expected"), CASES)
def test_row_interval_reads_each_precision_and_missing_bound(cells, expected):
    assert row_interval(*cells) == expected


@pytest.mark.parametrize("missing", [None, pd.NA, pd.NaT, float("nan"), np.datetime64("NaT")])
def test_row_interval_takes_every_kind_of_missing_cell_as_missing(missing):
    assert row_interval(missing, T("2030-05-02"), "day") == (T("2030-05-02"), T("2030-05-02"))


def test_row_interval_fills_a_bound_of_the_type_it_is_given():
    first, last = row_interval(T("2030-02-01"), pd.NaT, "month")
    assert (type(first), type(last)) == (pd.Timestamp, pd.Timestamp)
    assert last == T("2030-02-28")


def test_an_end_before_a_start_is_returned_as_written_not_repaired():
    assert row_interval(T("2030-05-09"), T("2030-05-02"), "day") == (
        T("2030-05-09"),
        T("2030-05-02"),
    )


def _column(values: list[dt.date | None]) -> pd.Series:
    return pd.Series(
        [np.datetime64(v, "s") if v is not None else np.datetime64("NaT", "s") for v in values],
        dtype="datetime64[s]",
    )


def test_frame_intervals_agrees_with_row_interval_on_every_case():
    starts = _column([cells[0] for cells, _ in CASES])
    ends = _column([cells[1] for cells, _ in CASES])
    precisions = pd.Series([cells[2] for cells, _ in CASES], dtype="string")
    first, last = frame_intervals(starts, ends, precisions)
    got = [
        tuple(None if pd.isna(d) else d.astype("datetime64[D]").item() for d in pair)
        for pair in zip(first.to_numpy(), last.to_numpy(), strict=True)
    ]
    assert got == [expected for _, expected in CASES]


def test_frame_intervals_keeps_the_index():
    index = pd.Index([7, 3])
    starts = pd.Series(pd.to_datetime(["2030-05-01", None]), index=index)
    ends = pd.Series(pd.to_datetime([None, "2030-06-02"]), index=index)
    first, last = frame_intervals(starts, ends, pd.Series(["month", "day"], index=index))
    assert list(first.index) == list(last.index) == [7, 3]
    assert last[7] == T("2030-05-31")


def test_lag_counts_from_the_last_day_of_the_event_to_the_first_of_the_response():
    event = (T("2030-05-01"), T("2030-05-03"))
    assert lag_days(event, (T("2030-05-10"), T("2030-05-12"))) == 7


def test_a_same_day_answer_has_lag_zero_and_an_earlier_one_a_negative_lag():
    day = (T("2030-05-03"), T("2030-05-03"))
    assert lag_days(day, day) == 0
    assert lag_days(day, (T("2030-05-01"), T("2030-05-01"))) == -2


def test_a_lag_reads_open_bounds_from_the_known_side():
    before = row_interval(None, T("2030-05-03"), "before")
    after = row_interval(T("2030-05-03"), None, "after")
    day = row_interval(T("2030-05-10"), T("2030-05-10"), "day")
    assert lag_days(before, day) == 7  # the event was on or before the 3rd: at least 7
    assert lag_days(after, day) == 7  # on or after the 3rd: at most 7
    assert lag_days(day, before) == -7  # the response was on or before the 3rd
    assert lag_days(day, after) == -7


def test_a_month_event_given_only_its_start_lags_from_the_month_end():
    event = row_interval(T("2030-05-01"), None, "month")
    assert lag_days(event, row_interval(T("2030-06-02"), None, "day")) == 2


def test_a_lag_is_none_when_a_row_has_no_date():
    assert lag_days((None, None), (T("2030-05-02"), T("2030-05-02"))) is None
    assert lag_days((T("2030-05-02"), T("2030-05-02")), (None, None)) is None


def _edge_table() -> pd.DataFrame:
    """Events known by one bound (with a stray second date) and the responses to them."""
    rows = [
        ("e-after", "event", "2030-05-03", "2030-05-20", "after", ""),
        ("r-after", "response", "2030-05-10", "2030-05-10", "day", "e-after"),
        ("e-day", "event", "2030-06-01", "2030-06-01", "day", ""),
        ("r-before", "response", "2030-06-02", "2030-06-09", "before", "e-day"),
        ("e-month", "event", "2030-07-01", "", "month", ""),
        ("r-month", "response", "2030-08-03", "2030-08-03", "day", "e-month"),
    ]
    return pd.DataFrame(
        rows,
        columns=["event_id", "kind", "date_start", "date_end", "date_precision", "responds_to"],
    ).assign(title=lambda df: df["event_id"], actor="A", date_text="")


def test_the_lag_chart_and_the_story_give_every_response_the_same_lag():
    events = _edge_table()
    figure = lag_figure(events)
    chart = {response: int(days) for trace in figure.data for response, _, days in trace.customdata}
    page = story_html(events)
    data = re.search(r'id="story-data">(.*?)</script>', page, re.DOTALL)
    assert data
    story = {
        response["event_id"]: response["lag_days"]
        for step in json.loads(data.group(1))["steps"]
        for response in step["responses"]
    }
    assert chart == story == {"r-after": 7, "r-before": 8, "r-month": 3}


def test_the_year_filter_reads_the_same_interval():
    events = _edge_table()
    dates = {c: pd.to_datetime(events[c].replace("", None)) for c in ("date_start", "date_end")}
    events = events.assign(**dates)
    kept = filter_events(events, years=(2031, 2031))
    assert kept["event_id"].tolist() == ["e-after"]  # an after date reaches forward
