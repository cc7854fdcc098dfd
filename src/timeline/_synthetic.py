"""Invented events tables of any size, for the benchmarks and the tests of large charts.

Nothing here is real: ids, titles and actors are numbered placeholders. Rows come in bursts
(episodes) spread over ``years`` from ``first_year``; about half are responses to an earlier
event of the table; precisions are mostly ``day`` with some spans, approximate dates and
bounds, as in a real table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from timeline.table import COLUMNS, events_frame


def synthetic_events(
    n: int, *, seed: int = 7, first_year: int = 2000, years: int = 20
) -> pd.DataFrame:
    """Return an invented, valid events table of ``n`` rows (typed as ``read_events`` types it).

    >>> table = synthetic_events(50)
    >>> len(table), sorted(set(table["kind"]))
    (50, ['event', 'response'])
    """
    rng = np.random.default_rng(seed)
    base = np.datetime64(f"{first_year:04d}-01-01", "D")
    bursts = max(1, min(n // 40, 12 * years))
    burst_day = np.sort(rng.integers(0, 365 * years, bursts))
    day = base + burst_day[rng.integers(0, bursts, n)] + rng.integers(0, 20, n)
    day = np.sort(day)
    kind = np.where((rng.random(n) < 0.5) & (np.arange(n) > 0), "response", "event")
    kind[0] = "event"
    event_rows = np.flatnonzero(kind == "event")
    # a response answers the latest event at most 30 rows before it
    answered = event_rows[np.clip(np.searchsorted(event_rows, np.arange(n)) - 1, 0, None)]
    precision = rng.choice(
        np.array(["day", "day", "day", "day", "approximate", "month", "before", "after"]), n
    )
    precision = np.where(kind == "response", "day", precision)
    start = day.copy()
    end = day.copy()
    span = (precision == "approximate") | ((precision == "day") & (rng.random(n) < 0.2))
    end = np.where(span, day + rng.integers(1, 6, n), end)
    month = precision == "month"
    start = np.where(month, day.astype("datetime64[M]").astype("datetime64[D]"), start)
    end = np.where(month, (day.astype("datetime64[M]") + 1).astype("datetime64[D]") - 1, end)
    ids = np.char.add("row-", np.char.zfill(np.arange(n).astype(str), 6))
    responds_to = np.where(kind == "response", ids[answered], "")
    # a response never starts before the event it answers ends
    late = (kind == "response") & (start < end[answered])
    start = np.where(late, end[answered], start)
    end = np.where(kind == "response", start, end)
    frame = pd.DataFrame(
        {
            "event_id": ids,
            "kind": kind,
            "category": "statement",
            "date_start": np.where(precision == "before", np.datetime64("NaT"), start),
            "date_end": np.where(precision == "after", np.datetime64("NaT"), end),
            "date_precision": precision,
            "date_text": "",
            "title": np.char.add("Invented row ", np.arange(n).astype(str)),
            "actor": np.char.add("Actor ", (np.arange(n) % 9).astype(str)),
            "responds_to": responds_to,
            "sources": "d1",
            "outlet": np.char.add("Outlet ", (np.arange(n) % 4).astype(str)),
            "publisher_type": np.array(["state media", "government", "news media"])[
                np.arange(n) % 3
            ],
            "reviewed": False,
        }
    )
    return _typed(frame, events_frame)


def _typed(frame: pd.DataFrame, events_frame: object) -> pd.DataFrame:
    """Give the invented frame the schema's columns and dtypes without a per-row parse."""
    template = events_frame([])
    out = {}
    for column in COLUMNS:
        dtype = template[column].dtype
        if column in frame.columns:
            values = frame[column]
            if column in ("date_start", "date_end"):
                out[column] = pd.Series(values.to_numpy(dtype="datetime64[s]"), dtype=dtype)
            elif str(dtype) == "boolean":
                out[column] = values.astype(dtype)
            else:
                out[column] = values.astype(dtype).replace("", pd.NA)
        else:
            out[column] = pd.Series([pd.NA] * len(frame), dtype=dtype)
    return pd.DataFrame(out)
