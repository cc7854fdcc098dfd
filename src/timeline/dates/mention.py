"""What the date finder returns (``DateMention``) and what a handler returns (``Resolved``)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["DateMention", "Resolved"]


@dataclass(frozen=True)
class DateMention:
    """One temporal expression found in a text, normalised the TimeML way.

    ``earliest``/``latest`` bound the calendar interval the mention denotes (``None`` where
    unbounded or unknown). ``precision`` is ``time``, ``day``, ``week``, ``month``, ``season``,
    ``quarter``, ``half``, ``year``, ``decade`` or ``century``; for a duration it is the unit of
    the duration, for a recurrence (``SET``) the unit it recurs in. ``mod`` is TimeML's
    modifier (``START``, ``MID``, ``END``, ``APPROX``, ``LESS_THAN``, ``MORE_THAN``,
    ``EQUAL_OR_MORE``, ``EQUAL_OR_LESS``) or empty.

    >>> d = datetime.date(2019, 7, 5)
    >>> DateMention(10, 16, "Friday", "DATE", "2019-07-05", d, d, "day").value
    '2019-07-05'
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    earliest: datetime.date | None
    latest: datetime.date | None
    precision: str
    mod: str = ""


class Resolved(NamedTuple):
    """A normalised mention before it gets its offsets: type, value, bounds, precision, mod."""

    type: str
    value: str
    earliest: datetime.date | None
    latest: datetime.date | None
    precision: str
    mod: str = ""
