"""filter_events (timeline.table, pure pandas) and the explorer widget (timeline.views)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from timeline import SchemaError, read_events
from timeline.table import filter_events
from timeline.views._style import NOTEBOOK_CSS
from timeline.views.widgets import explorer

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def events() -> pd.DataFrame:
    return read_events(DATA / "story_events.csv")


@pytest.fixture
def raw() -> pd.DataFrame:
    """The same table as plain strings, as a user might build one by hand."""
    return pd.read_csv(DATA / "story_events.csv", dtype=str, keep_default_na=False)


def _ids(frame: pd.DataFrame) -> list[str]:
    return frame["event_id"].tolist()


def test_no_filter_keeps_every_row_and_returns_a_copy(events):
    out = filter_events(events)
    assert out.equals(events)
    out.loc[out.index[0], "title"] = "changed"
    assert events.loc[0, "title"] != "changed"


def test_years_is_an_inclusive_range(events):
    assert _ids(filter_events(events, years=(2031, 2031))) == [
        "fisheries-letter-2031",
        "fisheries-answer-2031",
    ]
    assert len(filter_events(events, years=(2030, 2033))) == len(events)
    assert filter_events(events, years=(2040, 2050)).empty


def test_years_match_on_the_interval_not_only_its_start():
    rows = pd.DataFrame(
        {
            "event_id": ["span", "inside"],
            "date_start": ["2019-12-20", "2021-03-01"],
            "date_end": ["2020-01-05", "2021-03-01"],
            "date_precision": ["day", "day"],
        }
    )
    assert _ids(filter_events(rows, years=(2020, 2020))) == ["span"]


def test_before_and_after_dates_are_open_ended():
    rows = pd.DataFrame(
        {
            "event_id": ["before", "after", "plain"],
            "date_start": ["", "2010-05-01", "2010-05-01"],
            "date_end": ["2010-06-01", "", "2010-05-01"],
            "date_precision": ["before", "after", "day"],
        }
    )
    assert _ids(filter_events(rows, years=(2001, 2002))) == ["before"]
    assert _ids(filter_events(rows, years=(2015, 2016))) == ["after"]
    assert _ids(filter_events(rows, years=(2010, 2010))) == ["before", "after", "plain"]


def test_undated_rows_drop_out_only_when_years_are_given():
    rows = pd.DataFrame(
        {"event_id": ["x"], "date_start": [""], "date_end": [""], "date_precision": ["day"]}
    )
    assert filter_events(rows, years=(1900, 2100)).empty
    assert _ids(filter_events(rows)) == ["x"]


def test_plain_string_columns_filter_the_same(events, raw):
    for years in [(2030, 2030), (2031, 2032), (2033, 2040)]:
        assert _ids(filter_events(raw, years=years)) == _ids(filter_events(events, years=years))


def test_kinds(events):
    responses = filter_events(events, kinds=["response"])
    assert set(responses["kind"]) == {"response"}
    assert len(responses) == 4
    assert _ids(filter_events(events, kinds="event")) == _ids(
        filter_events(events, kinds=["event"])
    )
    assert filter_events(events, kinds=[]).empty


def test_unknown_kind_names_the_choices(events):
    with pytest.raises(ValueError, match=r"'reply'.*event, response"):
        filter_events(events, kinds=["reply"])


def test_actors_match_exactly(events):
    out = filter_events(events, actors={"Lindholm Audit Office", "Nobody"})
    assert _ids(out) == ["audit-report-2033"]
    assert filter_events(events, actors="Lindholm").empty


def test_text_is_a_case_insensitive_substring_of_title_or_actor(events):
    assert _ids(filter_events(events, text="FISHERIES")) == ["fisheries-answer-2031"]
    # "Arvenia" appears in one title and one actor.
    assert _ids(filter_events(events, text="arvenia")) == [
        "harbour-visit-2030",
        "harbour-briefing-2030",
    ]
    # Not a regular expression.
    assert filter_events(events, text="harbour.*").empty


def test_filters_combine(events):
    out = filter_events(events, years=(2030, 2030), kinds=["response"], text="briefing")
    assert _ids(out) == ["harbour-briefing-2030"]


def test_bad_years_are_refused(events):
    with pytest.raises(ValueError, match="first year is after the last"):
        filter_events(events, years=(2033, 2030))
    with pytest.raises(ValueError, match="pair of years"):
        filter_events(events, years=2030)


def test_missing_column_is_named(events):
    with pytest.raises(SchemaError, match="'actor'"):
        filter_events(events.drop(columns=["actor"]), actors=["x"])


def test_bad_date_is_named(raw):
    raw.loc[2, "date_end"] = "soon"
    with pytest.raises(SchemaError, match="'date_end'"):
        filter_events(raw, years=(2030, 2031))


def _drawn_ids(chart) -> list[str]:
    """The event ids of the marks in the figure the chart output shows."""
    style, output = chart.outputs  # the chart after the style that gives it JupyterLab's ink
    assert style["data"] == {"text/html": NOTEBOOK_CSS}
    figure = output["data"]["application/vnd.plotly.v1+json"]
    return sorted(
        event_id
        for trace in figure["data"]
        if (trace.get("meta") or {}).get("role") == "event-mark"
        for event_id in trace["customdata"]
    )


def test_explorer_updates_the_count_and_rows_as_controls_change(events, monkeypatch):
    import ipywidgets
    import plotly.io

    # What a notebook kernel uses: the figure goes out as plotly's JSON mimetype.
    monkeypatch.setattr(plotly.io.renderers, "default", "plotly_mimetype")
    box = explorer(events)
    assert isinstance(box, ipywidgets.Widget)
    years, pickers, search, count, chart = box.children
    kinds, actors = pickers.children
    assert (years.min, years.max) == (2030, 2033)
    assert count.value == "<b>8</b> of 8 rows"
    assert isinstance(chart, ipywidgets.Output)
    assert _drawn_ids(chart) == sorted(events["event_id"])

    years.value = (2031, 2031)
    assert _ids(box.filtered) == ["fisheries-letter-2031", "fisheries-answer-2031"]
    assert count.value == "<b>2</b> of 8 rows"
    assert _drawn_ids(chart) == ["fisheries-answer-2031", "fisheries-letter-2031"]

    kinds.value = ("response",)
    assert _ids(box.filtered) == ["fisheries-answer-2031"]

    years.value = (2030, 2033)
    search.value = "briefing"
    assert _ids(box.filtered) == ["harbour-briefing-2030"]

    actors.value = ()
    assert box.filtered.empty
    assert count.value == "<b>0</b> of 8 rows"
    assert chart.outputs[0]["text"] == "No row matches these filters.\n"


def test_filter_by_years_reaches_dates_long_ago():
    import pandas as pd

    from timeline import events_frame, filter_events

    rows = [
        {
            "event_id": "a",
            "kind": "event",
            "date_start": "1500-03-01",
            "date_end": "1500-03-01",
            "date_precision": "day",
        },
        {"event_id": "b", "kind": "event", "date_end": "1500-06-01", "date_precision": "before"},
    ]
    table = events_frame(rows)
    assert filter_events(table, years=(1500, 1500))["event_id"].tolist() == ["a", "b"]
    assert filter_events(table, years=(1400, 1450))["event_id"].tolist() == ["b"]
    assert isinstance(table, pd.DataFrame)
