"""Tests for timeline.views.figures: the timeline, lag and perspective figures."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from timeline.errors import SchemaError
from timeline.table import PUBLISHER_TYPES, read_events
from timeline.views.figures import OKABE_ITO, lag_figure, perspective_figure, timeline_figure

DATA = Path(__file__).parent / "data"


def _events(name: str = "figures_events.csv") -> pd.DataFrame:
    """Read a fixture CSV as ``read_events`` does (hostile rows included, so unvalidated)."""
    return read_events(DATA / name, validate=False)


def _generated(n: int, seed: int = 7) -> pd.DataFrame:
    """An invented table of ``n`` rows: events in bursts, half of them answered."""
    rng = np.random.default_rng(seed)
    rows = []
    base = pd.Timestamp("2015-01-01")
    precisions = ["day", "day", "day", "approximate", "month", "before", "after"]
    events: list[tuple[str, pd.Timestamp]] = []
    for i in range(n):
        burst = int(rng.integers(0, 12))
        day = base + pd.Timedelta(days=burst * 300 + int(rng.integers(0, 20)))
        answer = events and rng.random() < 0.5
        kind = "response" if answer else "event"
        precision = "day" if answer else precisions[int(rng.integers(0, len(precisions)))]
        start, end = day, day
        responds_to = ""
        if answer:
            target_id, target_day = events[int(rng.integers(0, len(events)))]
            start = end = target_day + pd.Timedelta(days=int(rng.integers(0, 5)))
            responds_to = target_id
        elif precision == "approximate":
            end = day + pd.Timedelta(days=int(rng.integers(1, 6)))
        elif precision == "month":
            start, end = day.replace(day=1), day + pd.offsets.MonthEnd(0)
        elif precision == "before":
            start = pd.NaT
        elif precision == "day" and rng.random() < 0.3:
            end = day + pd.Timedelta(days=2)
        event_id = f"row-{i:03d}"
        if kind == "event":
            events.append((event_id, end if pd.notna(end) else day))
        rows.append(
            {
                "event_id": event_id,
                "kind": kind,
                "date_start": start,
                "date_end": end,
                "date_precision": precision,
                "date_text": f"text {i}",
                "title": f"Invented title {i}",
                "actor": f"Actor {i % 9}",
                "responds_to": responds_to,
                "outlet": f"Outlet {i % 4}",
                "publisher_type": ["state media", "government", "news media"][i % 3],
                "evidence": f"invented quote {i}",
            }
        )
    return pd.DataFrame(rows)


def _marks(fig: go.Figure) -> list:
    return [t for t in fig.data if (t.meta or {}).get("role") == "event-mark"]


def _mark_ids(fig: go.Figure) -> list[str]:
    return [i for t in _marks(fig) for i in t.customdata]


def _role(fig: go.Figure, role: str) -> list:
    return [t for t in fig.data if (t.meta or {}).get("role") == role]


# ------------------------------------------------------------------------------ timeline
def test_every_row_is_drawn_exactly_once():
    events = _events()
    fig = timeline_figure(events)
    assert sorted(_mark_ids(fig)) == sorted(events["event_id"])


def test_only_marks_draw_markers_or_bars():
    fig = timeline_figure(_events())
    for trace in fig.data:
        role = (trace.meta or {}).get("role")
        if role == "legend":  # a legend entry draws no point
            assert list(trace.x) == [None] and list(trace.y) == [None]
        elif role != "event-mark":
            assert trace.type == "scatter"
            assert trace.mode in ("lines", "text", "none"), trace.meta


def test_lanes_follow_the_lane_column():
    fig = timeline_figure(_events())
    assert list(fig.layout.yaxis.ticktext) == ["event", "response"]
    by_actor = timeline_figure(_events(), lane="actor", episodes=False)
    assert len(by_actor.layout.yaxis.ticktext) == 5


def test_events_and_responses_sit_in_their_own_lanes():
    fig = timeline_figure(_events(), episodes=False)
    lane_y = dict(zip(fig.layout.yaxis.ticktext, fig.layout.yaxis.tickvals, strict=True))
    kinds = dict(zip(_events()["event_id"], _events()["kind"], strict=True))
    for trace in _marks(fig):
        for event_id, y in zip(trace.customdata, trace.y, strict=True):
            assert abs(y - lane_y[kinds[event_id]]) < 0.5


def test_one_connector_per_linked_response_with_the_lag():
    fig = timeline_figure(_events())
    pairs = [tuple(p) for t in _role(fig, "connector") for p in t.meta["pairs"]]
    assert sorted(pairs) == [("embassy-reply", "audit-report"), ("ministry-reply", "open-letter")]
    labels = {
        tuple(p): text.strip()
        for t in _role(fig, "lag-label")
        for p, text in zip(t.meta["pairs"], t.text, strict=True)
    }
    # the open letter is approximate (2-8 April), the reply on 11 April: about 3 days after
    assert labels[("ministry-reply", "open-letter")] == "~3 d"
    # the audit report came out on or before the day of the reply: at least 0 days
    assert labels[("embassy-reply", "audit-report")] == "≥0 d"
    for trace in _role(fig, "connector"):
        segments = [x for x in trace.x if x is None]
        assert len(segments) == len(trace.meta["pairs"])


def test_lag_label_says_which_way_a_bound_goes():
    events = _events()
    # the reply known only to come on or before 11 April: the lag is at most 3 days
    events.loc[1, "date_precision"] = "day"
    events.loc[2, ["date_precision", "date_start"]] = ["before", pd.NaT]
    labels = {
        tuple(p): text.strip()
        for t in _role(timeline_figure(events), "lag-label")
        for p, text in zip(t.meta["pairs"], t.text, strict=True)
    }
    assert labels[("ministry-reply", "open-letter")] == "≤3 d"
    events.loc[2, ["date_precision", "date_start"]] = ["after", pd.Timestamp("2016-04-11")]
    fig = timeline_figure(events)
    label = next(
        t.text[0] for t in _role(fig, "lag-label") if t.meta["pairs"][0][0] == "ministry-reply"
    )
    assert label.strip() == "≥3 d"


def test_crowded_lag_labels_are_thinned_not_stacked():
    events = _events()
    extra = pd.concat([events.iloc[[2]]] * 7, ignore_index=True)
    extra["event_id"] = [f"reply-{i}" for i in range(7)]
    crowded = pd.concat([events, extra], ignore_index=True)
    fig = timeline_figure(crowded)
    assert sorted(_mark_ids(fig)) == sorted(crowded["event_id"])
    label = next(t for t in _role(fig, "lag-label") if t.meta["panel"] == 1)
    assert len(label.meta["labels"]) == 8  # every lag is kept in meta
    shown = [text for text in label.text if text]
    assert 1 <= len(shown) < 8


def test_markers_and_bars_follow_the_precision():
    fig = timeline_figure(_events())
    shape = {i: t.meta["shape"] for t in _marks(fig) for i in t.customdata}
    assert shape["harbour-visit"] == "bar"  # three known days
    assert shape["open-letter"] == "approx"  # approximate: a hatched bar
    assert shape["ministry-reply"] == "marker"
    assert shape["audit-report"] == "open"  # only an upper bound
    kinds = {t.meta["shape"]: t for t in _marks(fig)}
    assert kinds["bar"].type == "bar" and kinds["approx"].type == "bar"
    assert kinds["approx"].marker.pattern.shape == "/"
    assert kinds["bar"].marker.pattern.shape in ("", None)


def test_before_is_drawn_open_ended_towards_the_past():
    fig = timeline_figure(_events())
    mark = next(t for t in _marks(fig) if "audit-report" in t.customdata)
    assert mark.marker.symbol.endswith("-open")
    end = next(t for t in _role(fig, "open-end") if "audit-report" in t.meta["event_ids"])
    assert end.line.dash == "dot"
    bound, edge = pd.Timestamp(end.x[0]), pd.Timestamp(end.x[1])
    assert bound.normalize() == pd.Timestamp("2019-09-20")
    assert edge < bound  # the dotted line runs off to earlier dates


def test_after_is_drawn_open_ended_towards_the_future():
    events = _events()
    events.loc[3, ["date_precision", "date_start", "date_end"]] = [
        "after",
        pd.Timestamp("2019-09-10"),
        pd.NaT,
    ]
    fig = timeline_figure(events)
    end = next(t for t in _role(fig, "open-end") if "audit-report" in t.meta["event_ids"])
    bound, edge = pd.Timestamp(end.x[0]), pd.Timestamp(end.x[1])
    assert bound.normalize() == pd.Timestamp("2019-09-10")
    assert edge > bound  # the dotted line runs off to later dates


def test_hover_holds_date_text_actor_title_evidence_outlet_publisher():
    fig = timeline_figure(_events())
    hovers = {i: h for t in _marks(fig) for i, h in zip(t.customdata, t.hovertext, strict=True)}
    hover = hovers["ministry-reply"]
    for part in (
        "on Monday",
        "Ministry spokeswoman Ana Vell",
        "Ministry rejects the open letter",
        "said on Monday the letter was baseless",
        "Eastport Daily",
        "state media",
    ):
        assert part in hover
    assert all(t.hoverinfo == "text" for t in _marks(fig))
    # a response's hover names what it answers, and the lag
    assert "Responds to: Eleven states send an open letter" in hover
    assert "Lag: ~3 d after it" in hover


def test_hover_escapes_markup_from_the_data():
    events = _events()
    events.loc[0, "title"] = "<script>alert(1)</script>"
    events.loc[0, "evidence"] = '<img src=x onerror="alert(2)">'
    fig = timeline_figure(events)
    hover = next(
        h
        for t in _marks(fig)
        for i, h in zip(t.customdata, t.hovertext, strict=True)
        if i == "harbour-visit"
    )
    assert "<script>" not in hover and "&lt;script&gt;" in hover
    assert "<img" not in hover and "&lt;img" in hover
    # plotly shows &quot; literally, so quotes stay as they are
    assert 'onerror="alert(2)"' in hover and "&quot;" not in hover


def test_palette_is_okabe_ito_with_a_symbol_per_group():
    fig = timeline_figure(_events(), color="publisher_type", episodes=False)
    marks = [t for t in _marks(fig) if t.type == "scatter"]
    colours = {t.marker.color for t in _marks(fig)}
    assert colours <= set(OKABE_ITO)
    symbols = {t.name: t.marker.symbol.removesuffix("-open") for t in marks}
    assert len(set(symbols.values())) == len(symbols) == 2


def test_two_episodes_years_apart_get_two_panels():
    fig = timeline_figure(_events())
    assert fig.layout.meta["episodes"] == 2
    panels = {}
    for trace in _marks(fig):
        panels.setdefault(trace.meta["panel"], set()).update(trace.customdata)
    assert panels == {
        1: {"harbour-visit", "open-letter", "ministry-reply"},
        2: {"audit-report", "embassy-reply"},
    }
    first = [pd.Timestamp(x) for x in fig.layout.xaxis2.range]
    second = [pd.Timestamp(x) for x in fig.layout.xaxis3.range]
    assert first[1] < pd.Timestamp("2019-01-01") < second[0]
    assert first[0] <= pd.Timestamp("2016-03-14") and pd.Timestamp("2016-04-12") <= first[1]
    assert second[0] <= pd.Timestamp("2019-09-20") < second[1]
    # the overview spans both
    whole = [pd.Timestamp(x) for x in fig.layout.xaxis.range]
    assert whole[0] < pd.Timestamp("2016-03-14") and pd.Timestamp("2019-09-21") < whole[1]


def test_episodes_false_gives_one_axis():
    fig = timeline_figure(_events(), episodes=False)
    assert "xaxis2" not in fig.to_plotly_json()["layout"]
    assert sorted(_mark_ids(fig)) == sorted(_events()["event_id"])
    assert not _role(fig, "overview")
    # instead, one zoom button per episode sets the x range to that episode
    buttons = fig.layout.updatemenus[0].buttons
    assert [b.label for b in buttons][0] == "Whole span"
    assert len(buttons) == 3
    lo, hi = (pd.Timestamp(x) for x in buttons[2].args[0]["xaxis.range"])
    assert lo <= pd.Timestamp("2019-09-20") < hi and pd.Timestamp("2016-04-11") < lo


def test_smaller_gap_splits_more_episodes():
    events = _events()
    # the visit (14-16 March) and the letter (2-8 April) are 17 days apart
    assert timeline_figure(events, gap_days=10).layout.meta["episodes"] == 3
    assert timeline_figure(events, gap_days=20).layout.meta["episodes"] == 2
    # a response stays with the event it answers even across a long gap
    far = events.copy()
    far.loc[2, ["date_start", "date_end"]] = [pd.Timestamp("2016-09-01")] * 2
    fig = timeline_figure(far, gap_days=10)
    panel_of = {i: t.meta["panel"] for t in _marks(fig) for i in t.customdata}
    assert panel_of["ministry-reply"] == panel_of["open-letter"]


def test_same_input_gives_the_same_figure_json():
    a = timeline_figure(_events(), title="x").to_json()
    b = timeline_figure(_events().sample(frac=1, random_state=3), title="x").to_json()
    assert a == b


def test_object_dtypes_work_too():
    plain = _events().astype(object).where(_events().notna(), None)
    plain["date_start"] = [
        None if pd.isna(d) else d.date().isoformat() for d in _events().date_start
    ]
    plain["date_end"] = [d.date().isoformat() for d in _events().date_end]
    fig = timeline_figure(plain)
    assert sorted(_mark_ids(fig)) == sorted(_events()["event_id"])


def test_five_hundred_rows_build_without_a_label_storm():
    events = _generated(500)
    fig = timeline_figure(events)
    assert sorted(_mark_ids(fig)) == sorted(events["event_id"])
    assert 1 < fig.layout.meta["episodes"] <= 12
    labels = _role(fig, "lag-label")
    assert sum(len(t.meta["labels"]) for t in labels) == (events["responds_to"] != "").sum()
    total = 0
    for trace in labels:
        shown = [
            (pd.Timestamp(x), y)
            for x, y, text in zip(trace.x, trace.y, trace.text, strict=True)
            if text
        ]
        total += len(shown)
        # no two labels shown on top of each other
        for i, (xa, ya) in enumerate(shown):
            for xb, yb in shown[i + 1 :]:
                assert abs(xa - xb) > pd.Timedelta(days=1) or abs(ya - yb) > 0.1
    assert total <= 12 * fig.layout.meta["episodes"]
    assert not any("text" in (getattr(t, "mode", "") or "") for t in _marks(fig))


def test_empty_table_gives_an_empty_figure():
    fig = timeline_figure(_events().iloc[0:0])
    assert not _marks(fig)
    assert fig.layout.meta["rows"] == 0


def test_missing_column_is_named():
    with pytest.raises(SchemaError, match="date_precision"):
        timeline_figure(_events().drop(columns=["date_precision"]))
    with pytest.raises(SchemaError, match="lane='nope'"):
        timeline_figure(_events(), lane="nope")


def test_row_without_any_date_is_named():
    events = _events()
    events.loc[2, ["date_start", "date_end"]] = [pd.NaT, pd.NaT]
    with pytest.raises(SchemaError, match="ministry-reply"):
        timeline_figure(events)


def test_unreadable_date_is_named():
    events = _events().astype({"date_start": object})
    events.loc[1, "date_start"] = "early April"
    with pytest.raises(SchemaError, match=r"row 1, column 'date_start'.*early April"):
        timeline_figure(events)


# ------------------------------------------------------------------------------ lag
def _lag_points(fig: go.Figure) -> dict[str, tuple[int, str, str]]:
    """response_id -> (lag days, label, hover) over every dot."""
    return {
        c[0]: (c[2], text, hover)
        for t in fig.data
        for c, text, hover in zip(t.customdata, t.text, t.hovertext, strict=True)
    }


def test_lag_has_one_dot_per_linked_response():
    points = _lag_points(lag_figure(_events()))
    assert set(points) == {"ministry-reply", "embassy-reply"}
    assert points["ministry-reply"][:2] == (3, "~3 d")  # 8 April (approximate) to 11 April
    assert points["embassy-reply"][:2] == (0, "≥0 d")


def test_lag_hover_holds_both_titles_escaped():
    events = _events()
    events.loc[2, "title"] = "Reply <b>loudly</b>"
    hover = _lag_points(lag_figure(events))["ministry-reply"][2]
    assert "Reply &lt;b&gt;loudly&lt;/b&gt;" in hover
    assert "Eleven states send an open letter on the harbour works" in hover


def test_lag_groups_by_the_column_sorted_by_median_lag():
    fig = lag_figure(_events(), by="outlet")
    # Eastport Wire answered after ≥0 days, Eastport Daily after ~3: the faster on top
    assert list(fig.layout.yaxis.ticktext) == ["Eastport Wire", "Eastport Daily"]
    top, bottom = fig.layout.yaxis.tickvals
    assert top > bottom
    with pytest.raises(SchemaError, match="by='nope'"):
        lag_figure(_events(), by="nope")


def test_lag_marks_estimates_with_open_dots():
    fig = lag_figure(_events())
    symbol = {c[0]: t.marker.symbol for t in fig.data for c in t.customdata}
    # the responses' own symbol (as in the timeline), open for an estimate
    assert symbol == {"ministry-reply": "square-open", "embassy-reply": "square-open"}
    events = _events()
    events.loc[1, "date_precision"] = "day"
    symbol = {c[0]: t.marker.symbol for t in lag_figure(events).data for c in t.customdata}
    assert symbol["ministry-reply"] == "square"


def test_lag_without_links_says_so():
    events = _events()
    events["responds_to"] = pd.array([None] * len(events), dtype="string")
    fig = lag_figure(events)
    assert not fig.data
    assert "No response" in fig.layout.annotations[0].text


def test_lag_with_many_rows_hides_labels():
    fig = lag_figure(_generated(500))
    assert sum(len(t.x) for t in fig.data) > 40
    assert all(t.mode == "markers" for t in fig.data)


# ------------------------------------------------------------------------------ perspective
def _bars(fig: go.Figure, role: str) -> dict[str, int]:
    trace = next(t for t in fig.data if t.meta["role"] == role)
    return dict(zip(trace.y, trace.x, strict=True))


def test_perspective_counts_rows_by_publisher_type_with_zeros():
    fig = perspective_figure(_events())
    counts = _bars(fig, "rows-by-publisher")
    assert list(counts) == list(PUBLISHER_TYPES)
    assert counts["state media"] == 3 and counts["government"] == 2
    assert counts["NGO"] == 0 and counts["news media"] == 0
    assert fig.layout.meta["absent"] == ["intergovernmental", "news media", "NGO"]
    assert "60% of the 5 rows come from state media" in fig.layout.annotations[-1].text


def test_perspective_counts_rows_by_outlet_most_first():
    counts = _bars(perspective_figure(_events()), "rows-by-outlet")
    assert list(counts.items()) == [("Eastport Daily", 3), ("Eastport Wire", 2)]


def test_perspective_counts_documents_when_sources_are_given():
    sources = pd.DataFrame(
        {
            "doc_id": ["d1", "d2", "d3", "d4"],
            "outlet": ["Eastport Daily", "Eastport Daily", "Eastport Wire", "Lantern Watch"],
            "publisher_type": ["state media", "state media", "government", "NGO"],
        }
    )
    fig = perspective_figure(_events(), sources=sources)
    docs = _bars(fig, "documents-by-publisher")
    assert docs["state media"] == 2 and docs["NGO"] == 1 and docs["news media"] == 0
    outlets = _bars(fig, "documents-by-outlet")
    assert outlets["Lantern Watch"] == 1
    assert _bars(fig, "rows-by-outlet")["Lantern Watch"] == 0
    with pytest.raises(SchemaError, match="doc_id"):
        perspective_figure(_events(), sources=sources.drop(columns=["doc_id"]))


def test_perspective_keeps_unknown_publisher_types_and_escapes():
    events = _events()
    events.loc[0, "publisher_type"] = "<i>blog</i>"
    counts = _bars(perspective_figure(events), "rows-by-publisher")
    assert counts["&lt;i&gt;blog&lt;/i&gt;"] == 1


def test_month_and_year_precision_span_the_whole_period():
    events = _events()
    events.loc[0, ["date_precision", "date_start", "date_end"]] = [
        "month",
        pd.Timestamp("2016-03-01"),
        pd.NaT,
    ]
    events.loc[1, ["date_precision", "date_start", "date_end"]] = [
        "year",
        pd.Timestamp("2016-01-01"),
        pd.NaT,
    ]
    fig = timeline_figure(events, episodes=False)
    spans = {}
    for trace in _marks(fig):
        if trace.type == "bar":
            for event_id, base, width in zip(trace.customdata, trace.base, trace.x, strict=True):
                # a day is drawn from 12 h before its midnight (its tick) to 12 h after
                first = pd.Timestamp(base) + pd.Timedelta(hours=12)
                spans[event_id] = (first, round(width / 86_400_000))
    assert spans["harbour-visit"] == (pd.Timestamp("2016-03-01"), 31)
    assert spans["open-letter"] == (pd.Timestamp("2016-01-01"), 366)  # 2016 is a leap year
    assert all(
        t.marker.pattern.shape == "/" for t in _marks(fig) if t.type == "bar"
    )  # uncertain: hatched


def test_end_before_start_is_named():
    events = _events()
    events.loc[0, "date_end"] = pd.Timestamp("2016-03-01")
    with pytest.raises(SchemaError, match=r"harbour-visit.*2016-03-01 is before"):
        timeline_figure(events)


# ------------------------------------------------------------------------------ encodings
def _legend(fig: go.Figure) -> dict[str, tuple[str, str]]:
    return {t.name: (t.marker.color, t.marker.symbol) for t in _role(fig, "legend")}


def _mark_styles(fig: go.Figure) -> dict[str, tuple[str, str]]:
    """event_id -> (colour, filled symbol) of its mark (bars have the group's symbol)."""
    legend = {t.legendgroup: t.marker.symbol for t in _role(fig, "legend")}
    out = {}
    for trace in _marks(fig):
        colour = trace.marker.color
        symbol = legend[trace.legendgroup]
        if trace.type == "scatter":
            assert trace.marker.symbol.removesuffix("-open") == symbol
        for event_id in trace.customdata:
            out[event_id] = (colour, symbol)
    return out


def test_a_subset_keeps_the_styles_of_the_whole_table():
    table = read_events(Path(__file__).parents[1] / "data" / "events.csv")
    whole = _mark_styles(timeline_figure(table))
    responses = table[table["kind"] == "response"]
    later = table[table["date_end"] >= pd.Timestamp("2021-01-01")]
    for subset in (responses, later, table.iloc[[0]]):
        fig = timeline_figure(subset)
        styles = _mark_styles(fig)
        assert styles == {i: whole[i] for i in subset["event_id"]}
        # the legend shows each group filled, in its own colour, whichever mark came first
        for name, (colour, symbol) in _legend(fig).items():
            assert (colour, symbol) == whole[subset[subset["kind"] == name]["event_id"].iloc[0]]
    assert _legend(timeline_figure(responses)) == {"response": ("#D55E00", "square")}
    assert _legend(timeline_figure(later))["event"] == ("#0072B2", "circle")


def test_styles_by_value_hold_for_any_column():
    events = _events()
    fig = timeline_figure(events, lane="actor", color="outlet")
    one = events[events["outlet"] == events["outlet"].iloc[0]]
    assert (
        _legend(timeline_figure(one, lane="actor", color="outlet")).items() <= _legend(fig).items()
    )


def test_users_choose_colours_symbols_and_order():
    fig = timeline_figure(
        _events(),
        color_discrete_map={"event": "#111111"},
        symbol_map={"response": "star"},
        category_orders={"kind": ["response", "event"]},
    )
    assert _legend(fig)["event"] == ("#111111", "circle")
    assert _legend(fig)["response"] == ("#D55E00", "star")
    assert list(fig.layout.yaxis.ticktext) == ["response", "event"]


# ------------------------------------------------------------------------------ axes
def _axes(fig: go.Figure) -> list:
    return [fig.layout[k] for k in fig.layout.to_plotly_json() if k.startswith("xaxis")]


def test_one_row_gets_a_week_of_whole_days_and_no_hours():
    events = _events().iloc[[2]]  # ministry-reply, one day
    fig = timeline_figure(events)
    axis = fig.layout.xaxis
    lo, hi = (pd.Timestamp(x) for x in axis.range)
    assert hi - lo >= pd.Timedelta(days=7)
    assert axis.dtick % 86_400_000 == 0 and axis.dtick > 0
    assert pd.Timestamp(axis.tick0) == pd.Timestamp(axis.tick0).normalize()
    (mark,) = _marks(fig)
    assert pd.Timestamp(mark.x[0]) == pd.Timestamp("2016-04-11")  # on the day's tick
    for ax in _axes(fig):
        for stop in ax.tickformatstops:
            assert "%H" not in stop.value and "%I" not in stop.value


def test_every_date_axis_of_every_size_has_no_hour_format():
    for events in (_events(), _generated(50)):
        for ax in _axes(timeline_figure(events)):
            if ax.type == "date" and ax.tickformatstops:
                assert all("%H" not in s.value for s in ax.tickformatstops)


def test_lag_labels_take_no_hover_from_the_marks():
    for trace in _role(timeline_figure(_events()), "lag-label"):
        assert trace.hoverinfo == "skip"


def test_an_event_that_reacts_to_another_is_not_a_response():
    events = _events()
    events.loc[events["event_id"] == "open-letter", "responds_to"] = "harbour-visit"
    fig = timeline_figure(events)
    pairs = {tuple(p) for t in _role(fig, "connector") for p in t.meta["pairs"]}
    assert ("open-letter", "harbour-visit") not in pairs
    assert lag_figure(events).layout.meta["pairs"] == 2
    hover = next(
        h
        for t in _marks(fig)
        for i, h in zip(t.customdata, t.hovertext, strict=True)
        if i == "open-letter"
    )
    assert "Reacts to: harbour-visit" in hover


# ------------------------------------------------------------------------------ layout
def test_panels_wrap_to_the_columns_that_fit():
    events = _generated(120)
    narrow = timeline_figure(events, width=400)
    wide = timeline_figure(events, width=1600)
    n = narrow.layout.meta["episodes"]
    assert n > 4
    assert all(narrow.layout[f"xaxis{k + 2}"].domain == (0.0, 1.0) for k in range(n))
    starts = {wide.layout[f"xaxis{k + 2}"].domain[0] for k in range(n)}
    assert len(starts) >= 4
    assert narrow.layout.height > wide.layout.height
    # the page re-fits: one layout per column count, in order of width
    widths = [layout["min_width"] for layout in wide.layout.meta["layouts"]]
    assert widths == sorted(widths) and widths[0] == 0


def test_the_key_wraps_on_a_narrow_figure():
    key = lambda fig: next(a for a in fig.layout.annotations if a.name == "key").text  # noqa: E731
    narrow = key(timeline_figure(_events(), width=400)).split("<br>")
    wide = key(timeline_figure(_events(), width=1600)).split("<br>")
    assert len(narrow) > len(wide)
    assert max(map(len, narrow)) * 6.6 < 400


# ------------------------------------------------------------------------------ themes
def test_themes_light_dark_and_auto():
    dark = timeline_figure(_events(), theme="dark")
    assert dark.layout.paper_bgcolor == "#111111"
    assert dark.layout.template.layout.paper_bgcolor == "rgb(17,17,17)"
    auto = timeline_figure(_events())
    assert auto.layout.paper_bgcolor == "rgba(0,0,0,0)"
    assert set(auto.layout.meta["themes"]) == {"light", "dark"}
    assert lag_figure(_events(), theme="dark").layout.paper_bgcolor == "#111111"
    with pytest.raises(ValueError, match="theme must be one of 'auto', 'light', 'dark'"):
        timeline_figure(_events(), theme="sepia")


# ------------------------------------------------------------------------------ scale
def test_many_rows_become_a_density_over_a_detail_panel():
    from timeline._synthetic import synthetic_events

    events = synthetic_events(2000)
    fig = timeline_figure(events)
    assert fig.layout.meta["dense"] is True
    ids = [row[0] for t in _marks(fig) for row in t.customdata]
    assert sorted(ids) == sorted(events["event_id"])  # every row once
    density = _role(fig, "density")
    assert sum(sum(t.y) for t in density) == len(events)
    assert all(t.type == "scatter" for t in _marks(fig))  # SVG below the WebGL threshold
    assert fig.layout.xaxis2.matches == "x"  # zooming either panel zooms both
    assert not _role(fig, "connector")  # ~1,000 links: not drawn, named in the hover
    assert timeline_figure(events.head(300), dense=True).layout.meta["dense"] is True
    assert "dense" not in timeline_figure(events.head(300)).layout.meta


def test_dense_hover_names_the_answered_event_and_escapes():
    from timeline._synthetic import synthetic_events

    events = synthetic_events(700)
    events.loc[5, "title"] = "<b>bold</b> & more"
    fig = timeline_figure(events)
    custom = {row[0]: row for t in _marks(fig) for row in t.customdata}
    assert custom[events.loc[5, "event_id"]][1] == "&lt;b&gt;bold&lt;/b&gt; &amp; more"
    response = events[events["kind"] == "response"].iloc[0]
    assert f"responds to {response['responds_to']}" in custom[response["event_id"]][2]


def test_webgl_above_the_threshold():
    from timeline._synthetic import synthetic_events
    from timeline.views._dense import WEBGL_ROWS

    fig = timeline_figure(synthetic_events(WEBGL_ROWS + 1))
    assert {t.type for t in _marks(fig)} == {"scattergl"}


def test_above_the_detail_threshold_lanes_start_as_counts():
    from timeline._synthetic import synthetic_events
    from timeline.views._dense import DETAIL_ROWS

    events = synthetic_events(DETAIL_ROWS + 1)
    fig = timeline_figure(events)
    assert fig.layout.meta["detail"] == {"rows": DETAIL_ROWS}
    marks, lanes = _marks(fig), _role(fig, "lane-density")
    assert marks and all(t.visible is False for t in marks)  # drawn on zoom, not at once
    ids = [row[0] for t in marks for row in t.customdata]
    assert sorted(ids) == sorted(events["event_id"])  # every row is there for the zoom
    per_lane = events["kind"].value_counts()
    for trace in lanes:  # each lane's strip counts its own rows, once
        assert trace.type == "heatmap" and trace.visible is not False
        assert sum(v for v in trace.z[0] if v == v) == per_lane[trace.meta["lane"]]
        assert len(trace.x) == len(trace.z[0]) + 1  # the bins' edges
        widths = pd.Series(pd.to_datetime(list(trace.x))).diff().dt.days.dropna()
        assert fig.layout.meta["bin"] == "month" and widths.between(28, 31).all()  # no cell
        assert any(v != v for v in trace.z[0])  # spans a gap: an empty month is left blank
    assert sum(sum(t.y) for t in _role(fig, "density")) == len(events)
    assert not _role(fig, "connector")
    assert len(fig.layout.annotations) == 1 and not fig.layout.shapes  # no mark per row
    # the buttons switch counts and rows without a script (a notebook has none)
    counts, rows = fig.layout.updatemenus[0].buttons
    indices = counts.args[1]
    assert {fig.data[i].meta["role"] for i in indices} == {"event-mark", "lane-density"}
    for button, shown in ((counts, "lane-density"), (rows, "event-mark")):
        assert button.args[0]["visible"] == [fig.data[i].meta["role"] == shown for i in indices]
    below = timeline_figure(events.head(DETAIL_ROWS))
    assert "detail" not in below.layout.meta and not _role(below, "lane-density")
    assert all(t.visible is not False for t in _marks(below))
    assert not below.layout.updatemenus


def test_auto_figures_take_the_notebook_ink_when_displayed(monkeypatch):
    import plotly.io as pio
    from IPython.core.interactiveshell import InteractiveShell

    from timeline.views._style import NOTEBOOK_CSS

    shown: list[dict] = []
    monkeypatch.setattr(
        "IPython.core.display_functions.publish_display_data",
        lambda data, metadata=None, **kw: shown.append(data),
    )
    monkeypatch.setattr(pio.renderers, "default", "plotly_mimetype")  # as in JupyterLab
    shell = InteractiveShell.instance()
    for fig in (timeline_figure(_events()), lag_figure(_events())):
        shown.clear()
        shell.display_formatter.format(fig)
        assert shown[0] == {"text/html": NOTEBOOK_CSS}
        assert any(key.startswith("application/vnd.plotly") for key in shown[1])
    shown.clear()
    shell.display_formatter.format(timeline_figure(_events(), theme="dark"))  # its own colours
    assert len(shown) == 1 and "text/html" not in shown[0]
    assert any(key.startswith("application/vnd.plotly") for key in shown[0])


def test_dense_build_grows_linearly():
    import time

    from timeline._synthetic import synthetic_events

    small, large = synthetic_events(5_000), synthetic_events(40_000)
    timeline_figure(small)  # warm up

    def best(events: pd.DataFrame) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            timeline_figure(events)
            times.append(time.perf_counter() - start)
        return min(times)

    assert best(large) / best(small) < 8 * 2.5  # 8x the rows: far from quadratic (64x)


# ------------------------------------------------------------------------------ any year
@pytest.mark.parametrize("year", [1500, 2300])
def test_a_date_far_from_today_round_trips_through_csv_chart_and_exports(tmp_path, year):
    from timeline import to_timelinejs
    from timeline.table import write_events
    from timeline.views.export import to_records

    events = read_events(DATA / "figures_events.csv", validate=False).iloc[[0, 2]].copy()
    events["date_start"] = [pd.Timestamp(f"{year}-03-14"), pd.Timestamp(f"{year}-04-11")]
    events["date_end"] = [pd.Timestamp(f"{year}-03-16"), pd.Timestamp(f"{year}-04-11")]
    events["responds_to"] = pd.array([pd.NA, pd.NA], dtype="string")
    path = tmp_path / "events.csv"
    write_events(events, path)
    again = read_events(path)
    assert again.loc[0, "date_start"].year == year
    fig = timeline_figure(again)
    xs = [str(x) for t in _marks(fig) for x in (t.x if t.type == "scatter" else t.base)]
    assert all(x.startswith(str(year)) for x in xs)
    assert to_timelinejs(again)["events"][0]["start_date"]["year"] == str(year)
    assert to_records(again)[0]["date_start"] == f"{year}-03-14"
    dense = timeline_figure(again, dense=True)
    assert dense.layout.xaxis.range[0].startswith(str(year))
