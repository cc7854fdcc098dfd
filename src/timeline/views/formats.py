"""The JSON exports: Knight Lab TimelineJS3 and plain records, written atomically and
deterministically (the same table gives the same bytes). ``timeline.views.export`` re-exports
them beside the HTML page and images.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from timeline._io import atomic_write
from timeline.errors import ExportError
from timeline.schema import COLUMNS
from timeline.table.cells import is_missing as _missing
from timeline.views._records import _cell, _check_events, _iso, _records


def _date_parts(iso: str, precision: str) -> dict[str, str]:
    year, month, day = iso.split("-")
    parts = {"year": str(int(year))}
    if precision != "year":
        parts["month"] = str(int(month))
        if precision not in ("month",):
            parts["day"] = str(int(day))
    return parts


def to_timelinejs(events: pd.DataFrame, *, title: str | None = None) -> dict[str, Any]:
    """Return the events as Knight Lab TimelineJS3 JSON (a dict ready for ``json.dump``).

    One TimelineJS event per row (``unique_id`` = event_id, ``group`` = kind), the date
    with only its known parts (month precision gives year and month), a ``before`` row at
    its upper bound with the uncertainty said in the text and in ``display_date`` (also for
    ``after`` and ``approximate``), and one era per multi-day row.
    TimelineJS renders text as HTML, so every data text is escaped.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"event_id": ["a"], "kind": ["event"], "date_start": ["2019-07-10"],
    ...                    "date_end": ["2019-07-10"], "date_precision": ["day"]})
    >>> to_timelinejs(df)["events"][0]["start_date"]
    {'year': '2019', 'month': '7', 'day': '10'}
    """
    events = _check_events(events, "to_timelinejs")
    out_events: list[dict[str, Any]] = []
    eras: list[dict[str, Any]] = []
    for record in _records(events):
        event_id = _cell(record.get("event_id"))
        precision = _cell(record.get("date_precision")) or "day"
        start = _iso(record, "date_start")
        end = _iso(record, "date_end")
        if start is None and end is None:
            raise ExportError(
                f"to_timelinejs: row {event_id!r} has neither date_start nor date_end"
            )
        headline = html.escape(_cell(record.get("title")) or event_id)
        lines = []
        display = None
        date_text = _cell(record.get("date_text"))
        if precision == "before":
            anchor = end or start
            display = f"on or before {anchor}"
            lines.append(f"Date: {display} (only the upper bound is known).")
        elif precision == "after":
            anchor = start or end
            display = f"on or after {anchor}"
            lines.append(f"Date: {display} (only the lower bound is known).")
        elif precision == "approximate":
            anchor = start or end
            display = f"about {anchor}" + (f" to {end}" if end and end != anchor else "")
            lines.append(f"Date: {display} (approximate).")
        else:
            anchor = start or end
        if date_text:
            lines.append(f"The source writes: “{html.escape(date_text)}”.")
        for column, label in (
            ("actor", "Actor"),
            ("responds_to", "Responds to"),
            ("evidence", "Evidence"),
            ("outlet", "Outlet"),
            ("publisher_type", "Publisher type"),
            ("sources", "Sources"),
        ):
            value = _cell(record.get(column))
            if value:
                lines.append(f"{label}: {html.escape(value)}")
        item: dict[str, Any] = {
            "start_date": _date_parts(anchor, precision),
            "text": {"headline": headline, "text": "".join(f"<p>{x}</p>" for x in lines)},
            "group": _cell(record.get("kind")),
            "unique_id": event_id,
        }
        if display:
            item["display_date"] = display
        if precision not in ("before", "after") and start and end and end > start:
            item["end_date"] = _date_parts(end, precision)
            eras.append(
                {
                    "start_date": _date_parts(start, precision),
                    "end_date": _date_parts(end, precision),
                    "text": {"headline": headline},
                }
            )
        out_events.append(item)
    heading = html.escape(title or "Events and responses")
    return {
        "title": {"text": {"headline": heading, "text": f"<p>{len(out_events)} rows</p>"}},
        "events": out_events,
        "eras": eras,
    }


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_timelinejs(
    events: pd.DataFrame, path: str | os.PathLike[str], *, title: str | None = None
) -> Path:
    """Write :func:`to_timelinejs` of ``events`` to ``path`` as UTF-8 JSON.

    >>> # write_timelinejs(read_events("data/events.csv"), "build/timeline.json")
    """
    return atomic_write(path, _dump(to_timelinejs(events, title=title)))


def to_records(events: pd.DataFrame) -> list[dict[str, Any]]:
    """Return the table as JSON-ready records: ISO dates, None for missing, sorted by date.

    >>> import pandas as pd
    >>> to_records(pd.DataFrame({"event_id": ["a"], "date_start": [pd.Timestamp("2019-07-10")]}))
    [{'event_id': 'a', 'date_start': '2019-07-10'}]
    """
    events = _check_events(events, "write_json")
    columns = [c for c in COLUMNS if c in events.columns] + [
        c for c in events.columns if c not in COLUMNS
    ]
    out = []
    for record in _records(events):
        row: dict[str, Any] = {}
        for column in columns:
            value = record.get(column)
            if _missing(value):
                row[column] = None
            elif column in ("date_start", "date_end"):
                row[column] = _iso(record, column)
            elif isinstance(value, pd.Timestamp):
                row[column] = value.isoformat()
            elif hasattr(value, "item"):  # numpy scalars
                row[column] = value.item()
            else:
                row[column] = value
        out.append(row)
    return out


def write_json(events: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write the events table as plain JSON records (ISO dates, null for missing), sorted.

    >>> # write_json(read_events("data/events.csv"), "build/events.json")
    """
    return atomic_write(path, _dump(to_records(events)))
