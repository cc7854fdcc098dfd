"""A table's rows as the exports read them: text cells, ISO dates naming the row when
unreadable, and a stable order (first known date, last date, events before responses, id).
Shared by the HTML page (``export``) and the JSON exports (``formats``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from timeline.errors import ExportError
from timeline.schema import KINDS
from timeline.table.cells import is_missing as _missing


def _cell(value: Any) -> str:
    """Return a table value as plain text: ``""`` for missing values."""
    if _missing(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)


def _check_events(events: Any, what: str) -> pd.DataFrame:
    if not isinstance(events, pd.DataFrame):
        raise ExportError(f"{what}: events must be a pandas DataFrame, got {type(events).__name__}")
    if "event_id" not in events.columns:
        raise ExportError(
            f"{what}: the events table has no 'event_id' column; "
            f"found {', '.join(map(str, events.columns))}"
        )
    return events


def _iso(record: dict[str, Any], column: str) -> str | None:
    """Return a record's date as ``YYYY-MM-DD`` or None, naming the row when unreadable."""
    text = _cell(record.get(column))
    if not text:
        return None
    try:
        stamp = pd.Timestamp(text)
    except (TypeError, ValueError) as exc:
        raise ExportError(
            f"row {_cell(record.get('event_id'))!r}, column {column!r}: cannot read {text!r} "
            "as a date (expected ISO 8601, e.g. 2019-07-10)"
        ) from exc
    return stamp.date().isoformat()


def _sort_key(record: dict[str, Any]) -> tuple[str, str, int, str]:
    """Sort rows by their first known date, then their last, events before responses, id."""
    start = _iso(record, "date_start") or _iso(record, "date_end") or "9999-12-31"
    end = _iso(record, "date_end") or start
    kind = _cell(record.get("kind"))
    rank = KINDS.index(kind) if kind in KINDS else len(KINDS)
    return start, end, rank, _cell(record.get("event_id"))


def _records(events: pd.DataFrame) -> list[dict[str, Any]]:
    """Return the rows as dicts, sorted by date then event_id."""
    records = events.to_dict(orient="records")
    return sorted(records, key=_sort_key)
