"""Filtering an events table, and an ipywidgets explorer over the timeline chart for notebooks.

``filter_events`` is pure pandas and is what the explorer and the notebooks use; ``explorer``
builds the interactive controls (year range, kinds, actors, text) around ``timeline_figure``.
ipywidgets and plotly are imported inside the functions, so importing this module is cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from timeline.errors import SchemaError

if TYPE_CHECKING:  # pragma: no cover
    import ipywidgets

_KINDS = ("event", "response")


def _column(events: pd.DataFrame, name: str) -> pd.Series:
    if name not in events.columns:
        raise SchemaError(f"filter_events: the events table has no column {name!r}")
    return events[name]


def _as_dates(events: pd.DataFrame, name: str) -> pd.Series:
    values = _column(events, name)
    if pd.api.types.is_datetime64_any_dtype(values):
        return values
    present = values.astype("string").str.strip().fillna("") != ""
    try:
        return pd.to_datetime(values.astype("object").where(present, None), format="ISO8601")
    except (ValueError, TypeError) as exc:
        raise SchemaError(
            f"filter_events: column {name!r} holds a value that is not a date"
        ) from exc


def _choices(name: str, values: Iterable[str] | str) -> list[str]:
    if isinstance(values, str):
        return [values]
    try:
        return [str(value) for value in values]
    except TypeError as exc:
        raise TypeError(f"filter_events: {name} must be an iterable of strings") from exc


def _interval(events: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each row's date interval; open towards the past for ``before``, the future for ``after``."""
    start = _as_dates(events, "date_start")
    end = _as_dates(events, "date_end")
    precision = _column(events, "date_precision").astype("string").fillna("")
    low = start.where(start.notna(), end)
    high = end.where(end.notna(), start)
    # the table holds any day of the years 1 to 9999 (datetime64[s]), wider than Timestamp.min/max
    low = low.where(precision != "before", pd.Timestamp("0001-01-01"))
    high = high.where(precision != "after", pd.Timestamp("9999-12-31"))
    return low, high


def filter_events(
    events: pd.DataFrame,
    *,
    years: tuple[int, int] | None = None,
    kinds: Iterable[str] | str | None = None,
    actors: Iterable[str] | str | None = None,
    text: str | None = None,
) -> pd.DataFrame:
    """Keep the rows that match every filter given; None means "do not filter on this".

    Args:
        events: an events table (as returned by ``read_events``).
        years: ``(first, last)``, inclusive: keep rows whose date interval overlaps those
            years. A ``before`` date reaches back without limit, an ``after`` date forward.
            Rows with no date at all are dropped when a year range is given.
        kinds: keep these kinds (``event``, ``response``); a single string is one kind.
        actors: keep rows whose actor is one of these (exact match); a single string is one.
        text: keep rows whose title or actor contains this, ignoring case.

    Returns:
        A copy of the matching rows, in their original order and with their original index.

    Raises:
        ValueError: ``years`` is not two years in order, or a kind is unknown.
        SchemaError: a column the filter needs is missing or holds a non-date.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"kind": ["event", "response"], "actor": ["A", "B"],
    ...                       "title": ["Visit", "Reply"]})
    >>> filter_events(table, kinds=["response"])["title"].tolist()
    ['Reply']
    """
    mask = pd.Series(True, index=events.index)
    if years is not None:
        try:
            first, last = (int(year) for year in years)
        except (TypeError, ValueError) as exc:
            raise ValueError(
                f"filter_events: years must be a (first, last) pair of years, got {years!r}"
            ) from exc
        if first > last:
            raise ValueError(f"filter_events: years {years!r}: the first year is after the last")
        low, high = _interval(events)
        begin = pd.Timestamp(year=first, month=1, day=1)
        finish = pd.Timestamp(year=last, month=12, day=31)
        mask &= (low <= finish).fillna(False).astype(bool)
        mask &= (high >= begin).fillna(False).astype(bool)
    if kinds is not None:
        wanted = _choices("kinds", kinds)
        unknown = sorted(set(wanted) - set(_KINDS))
        if unknown:
            raise ValueError(
                f"filter_events: unknown kind(s) {', '.join(map(repr, unknown))}; "
                f"choose from {', '.join(_KINDS)}"
            )
        mask &= _column(events, "kind").isin(wanted).fillna(False).astype(bool)
    if actors is not None:
        mask &= _column(events, "actor").isin(_choices("actors", actors)).fillna(False)
        mask = mask.astype(bool)
    if text is not None and text != "":
        needle = str(text)
        hits = pd.Series(False, index=events.index)
        for name in ("title", "actor"):
            found = (
                _column(events, name).astype("string").str.contains(needle, case=False, regex=False)
            )
            hits |= found.fillna(False).astype(bool)
        mask &= hits
    return events.loc[mask].copy()


def _year_bounds(events: pd.DataFrame) -> tuple[int, int]:
    years = pd.concat([_as_dates(events, "date_start"), _as_dates(events, "date_end")]).dropna()
    if years.empty:
        return (2000, 2000)
    return (int(years.min().year), int(years.max().year))


def explorer(events: pd.DataFrame) -> ipywidgets.Widget:
    """An interactive view of the table: year range, kinds, actors and a text search.

    The chart (``timeline_figure`` of the matching rows) and a row count update as the controls
    change. For notebooks: display the returned widget.

    Args:
        events: an events table (as returned by ``read_events``).

    Returns:
        An ``ipywidgets.VBox`` holding the controls, the count and the chart; its
        ``.children`` are the controls, and the filtered rows are kept on the widget as
        ``.filtered`` (a DataFrame) after each change.

    Example (not run by the tests: it needs files outside the package)::

        import pandas as pd
        explorer(pd.read_csv("data/events.csv"))
        VBox(...)
    """
    import ipywidgets as widgets

    from timeline._style import notebook_outputs
    from timeline.figures import timeline_figure

    first, last = _year_bounds(events)
    kinds = [kind for kind in _KINDS if kind in set(_column(events, "kind").dropna())]
    actors = sorted({str(actor) for actor in _column(events, "actor").dropna() if str(actor)})

    year_range = widgets.IntRangeSlider(
        value=(first, last),
        min=first,
        max=last,
        step=1,
        description="Years",
        continuous_update=False,
        layout=widgets.Layout(width="28rem"),
    )
    kind_pick = widgets.SelectMultiple(
        options=kinds, value=tuple(kinds), description="Kind", rows=min(len(kinds), 4) or 1
    )
    actor_pick = widgets.SelectMultiple(
        options=actors,
        value=tuple(actors),
        description="Actor",
        rows=min(len(actors), 8) or 1,
        layout=widgets.Layout(width="32rem"),
    )
    search = widgets.Text(value="", description="Search", placeholder="words in the title or actor")
    count = widgets.HTML()
    chart = widgets.Output()
    box = widgets.VBox([year_range, widgets.HBox([kind_pick, actor_pick]), search, count, chart])

    def update(_change: Any = None) -> None:
        rows = filter_events(
            events,
            years=year_range.value,
            kinds=list(kind_pick.value),
            actors=list(actor_pick.value),
            text=search.value or None,
        )
        box.filtered = rows
        count.value = f"<b>{len(rows)}</b> of {len(events)} rows"
        # Set the outputs directly rather than capturing a display inside ``with chart:``:
        # capture goes through kernel messages that have made nbclient hang until its timeout
        # (jupyter/nbclient#312), and direct outputs also work outside a kernel.
        chart.outputs = ()
        if rows.empty:
            chart.append_stdout("No row matches these filters.\n")
        else:
            # The figure's own mimebundle (IPython's display protocol), so plotly's
            # configured renderer decides the format, inside a kernel or not; after the style
            # that gives it JupyterLab's light or dark ink (theme "auto").
            chart.outputs = notebook_outputs(timeline_figure(rows))

    for control in (year_range, kind_pick, actor_pick, search):
        control.observe(update, names="value")
    update()
    return box
