"""The publication date of a manifest or ``timeline add`` cell (an ISO date or date-time).

A leaf module: ``documents`` and ``sources`` both read publication dates with it.
"""

from __future__ import annotations

import datetime as dt

from timeline.errors import DocumentError


def parse_published(value: str, where: str) -> dt.date:
    """Parse an ISO date or date-time; a date-time gives its local date as written."""
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        if "T" in value or " " in value:
            return dt.datetime.fromisoformat(value).date()
    except ValueError as exc:
        raise DocumentError(
            f"{where}: unparseable published value {value!r} "
            "(expected an ISO date such as 2019-07-10 or date-time such as 2019-07-11T22:46+08:00)"
        ) from exc
    raise DocumentError(
        f"{where}: unparseable published value {value!r} "
        "(expected an ISO date such as 2019-07-10 or date-time such as 2019-07-11T22:46+08:00)"
    )
