"""Handlers: one function per scanner name, turning a match into a TimeML value.

A handler takes the scanner's match and the resolution ``State`` and returns a ``Resolved``
(type, value, bounds, precision, mod) or None to reject the match. Handlers read words only
through the language's tables (``state.lang``) and its cues, never by spelling them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.dates.context import State
from timeline.dates.handlers import durations, explicit, periods, relative
from timeline.dates.mention import Resolved

__all__ = ["HANDLERS", "STATEFUL"]

Handler = Callable[[re.Match[str], State], Resolved | None]

HANDLERS: dict[str, Handler] = {
    "time_date": explicit.time_date,
    "weekday_date": explicit.weekday_date,
    "range": explicit.date_range,
    "explicit": explicit.explicit,
    "part_of_day_of": explicit.part_of_day_of,
    "iso_time": explicit.iso_time,
    "clock": explicit.clock,
    "weekday": relative.weekday,
    "weekday_set": relative.weekday_set,
    "ordinal_day": relative.ordinal_day,
    "relative_word": relative.relative_word,
    "relative_unit": relative.relative_unit,
    "anchored": relative.anchored,
    "weekend": relative.weekend,
    "month_relative_year": relative.month_relative_year,
    "ago": relative.ago,
    "vague_ago": relative.vague_ago,
    "duration": durations.duration,
    "vague_duration": durations.vague_duration,
    "unbounded_units": durations.unbounded_units,
    "counted_period": durations.counted_period,
    "recurrence": durations.recurrence,
    "year": periods.year,
    "decade": periods.decade,
    "century": periods.century,
    "quarter": periods.quarter,
    "season": periods.season,
    "month_name": periods.month_name,
    "holiday": periods.holiday,
    "year_adjective": periods.year_adjective,
    "the_period": periods.the_period,
    "year_in_words": periods.year_in_words,
    "decade_in_words": periods.decade_in_words,
    "year_period": periods.year_period,
    "era": periods.era,
}

# handlers whose result depends on the mentions before (state.last_abs, state.quarter)
STATEFUL = frozenset(
    {"anchored", "ago", "quarter", "year_adjective", "the_period", "relative_unit", "year_period"}
    | {"ordinal_day", "vague_ago"}
)
