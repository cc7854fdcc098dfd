"""Helpers the Chromium tests of the chart pages share: a page opened with its logged errors
collected, and where the chart places each row."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd


@contextmanager
def opened(browser, path: Path, width: int, **options) -> Iterator[tuple[object, list[str]]]:
    """A page of ``path`` loaded in a new context ``width`` px wide, and the console errors
    and uncaught exceptions it logs (``options`` go to the context: ``color_scheme`` ...)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.resolve().as_uri(), wait_until="load", timeout=180_000)
        yield page, errors
    finally:
        context.close()


def first_days(events: pd.DataFrame) -> pd.Series:
    """Each row's first known day, where the chart places it (a bound: the bound's day)."""
    start = pd.to_datetime(events["date_start"])
    end = pd.to_datetime(events["date_end"])
    return start.fillna(end).where(events["date_precision"] != "before", end.fillna(start))
