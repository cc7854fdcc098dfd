"""Benchmark: the table path (read, validate, write, exports) at 10k and 100k rows.

For each step it prints the time and the peak memory Python allocates (``tracemalloc``) at
both sizes, and how each grows from 10k to 100k rows: 10.0 is linear. The tables are
invented (``_table``); the time is measured without tracemalloc, the memory in a second run.

Run: ``python benchmarks/bench_table.py`` (``make bench`` runs it).
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from timeline import (
    events_frame,
    read_events,
    validate_events,
    write_events,
    write_json,
    write_story,
    write_timelinejs,
)

SIZES = (10_000, 100_000)


def _table(n: int):
    """An invented valid table of ``n`` rows: events and the responses that answer them."""
    first = dt.date(1990, 1, 1)
    rows = []
    for k in range(n):
        day = first + dt.timedelta(days=k % 25_000)
        response = k % 2 == 1
        rows.append(
            {
                "event_id": f"e{k}",
                "kind": "response" if response else "event",
                "category": "statement" if response else "visit",
                "date_start": day,
                "date_end": day,
                "date_precision": "day",
                "date_text": f"on {day:%d %B %Y}",
                "title": f"Row {k}: a paraphrase of what happened, in a few words",
                "actor": "A ministry spokesperson",
                "responds_to": f"e{k - 1}" if response else None,
                "sources": f"d{k % 500};d{(k + 1) % 500}",
                "source_url": f"https://example.org/{k % 500}",
                "outlet": "An outlet",
                "publisher_type": "news media",
                "evidence": "on the day it happened",
                "evidence_start": 100,
                "evidence_end": 122,
                "reviewed": k % 3 == 0,
                "notes": None,
            }
        )
    return events_frame(rows)


def _measure(step: Callable[[], object]) -> tuple[float, float]:
    """(seconds, peak MB of Python allocations) of one call, from two runs."""
    gc.collect()
    start = time.perf_counter()
    step()
    seconds = time.perf_counter() - start
    gc.collect()
    tracemalloc.start()
    step()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 1e6


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="bench-table-"))
    results: dict[str, list[tuple[float, float]]] = {}
    for n in SIZES:
        df = _table(n)
        csv = folder / f"events-{n}.csv"
        write_events(df, csv)
        steps = {
            "read_events (validates)": lambda csv=csv: read_events(csv),
            "validate_events": lambda df=df: validate_events(df),
            "write_events": lambda df=df: write_events(df, folder / "out.csv"),
            "write_json": lambda df=df: write_json(df, folder / "out.json"),
            "write_timelinejs": lambda df=df: write_timelinejs(df, folder / "tl.json"),
            "write_story": lambda df=df: write_story(df, folder / "story.html"),
        }
        for name, step in steps.items():
            results.setdefault(name, []).append(_measure(step))
            print(f"  {name} at {n:,} rows done", file=sys.stderr, flush=True)
    small, large = SIZES
    print(f"table path at {small:,} and {large:,} rows (growth 10.0 = linear)")
    print(f"{'step':26} {'time':>17} {'growth':>7} {'peak memory':>21} {'growth':>7}")
    for name, ((t1, m1), (t2, m2)) in results.items():
        print(
            f"{name:26} {t1:7.2f} s {t2:7.2f} s {t2 / t1:7.1f} "
            f"{m1:8.1f} MB {m2:8.1f} MB {m2 / m1:7.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
