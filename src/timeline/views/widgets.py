"""An ipywidgets explorer over the timeline chart for notebooks.

``explorer`` builds the interactive controls (year range, kinds, actors, text) around
``timeline_figure`` and filters with ``timeline.table.filter_events`` (re-exported here).
ipywidgets and plotly are imported on use, so importing this module is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from timeline.schema import KINDS
from timeline.table.filter import _column, filter_events, year_span
from timeline.views._style import notebook_outputs
from timeline.views.figures import timeline_figure

__all__ = ["explorer", "filter_events"]

if TYPE_CHECKING:  # pragma: no cover
    import ipywidgets


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
    import ipywidgets as widgets  # on use: ipywidgets takes ~0.2 s to import

    first, last = year_span(events)
    kinds = [kind for kind in KINDS if kind in set(_column(events, "kind").dropna())]
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
