"""Handlers of durations and recurrences: "three years", "the past few weeks",
"months-long", "the first nine months of 2019", "every week", "twice a year"."""

from __future__ import annotations

import datetime
import re

from timeline.dates import calendar as cal
from timeline.dates.context import State, count_of, perfect_context, squeeze, unit_of
from timeline.dates.mention import Resolved

# TimeML duration letter(s) and precision of each unit; time units take "PT"
_UNITS: dict[str, tuple[str, bool, str]] = {
    "second": ("S", True, "time"),
    "minute": ("M", True, "time"),
    "hour": ("H", True, "time"),
    "day": ("D", False, "day"),
    "night": ("D", False, "day"),
    "weekend": ("WE", False, "day"),
    "week": ("W", False, "week"),
    "fortnight": ("W", False, "week"),
    "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"),
    "season": ("M", False, "season"),
    "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
}
_HALF_MORE = {
    "year": "P{n}Y6M",
    "month": "P{n}M15D",
    "day": "P{n}DT12H",
    "night": "P{n}DT12H",
    "hour": "PT{n}H30M",
    "minute": "PT{n}M30S",
}


def precision_of(unit: str) -> str:
    """The precision a duration in ``unit`` has (a weekend's is ``day``)."""
    return _UNITS[unit][2]


def duration_value(n: int | None, unit: str, half: bool = False) -> str:
    """TimeML duration value: P2Y, PT5H, PXM, P20Y (two decades), P2Y6M (2 1/2 years) ...

    >>> duration_value(2, "decade"), duration_value(None, "month"), duration_value(3, "hour")
    ('P20Y', 'PXM', 'PT3H')
    """
    letter, is_time, _ = _UNITS[unit]
    prefix = "PT" if is_time else "P"
    if unit == "weekend":
        return "P2D" if n == 1 else ("PXWE" if n is None else f"P{n}WE")
    if n is None:
        return prefix + "X" + {"decade": "DE", "century": "C"}.get(unit, letter)
    if unit == "fortnight":
        n, letter = 2 * n, "W"
    if unit in ("decade", "century"):
        size = 10 if unit == "decade" else 100
        return f"P{n * size + (size // 2 if half else 0)}Y"
    if not half:
        return f"{prefix}{n}{letter}"
    return _HALF_MORE.get(unit, f"{prefix}{{n}}.5{letter}").format(n=n)


def _not_a_duration(
    m: re.Match[str], state: State, unit: str, plural: bool, count: int | None
) -> bool:
    """Not durations: "a second attempt", "three-quarters of", "24 hours a day", "one years"."""
    lang = state.lang
    numlow = m.group("num").lower()
    hyphen = "-" in m.group("gap")
    if lang.has("single", numlow) and plural:
        return True
    if lang.has("article", numlow) and unit in ("second", "quarter"):
        return True  # "a second attempt", "a quarter of"
    if unit == "quarter" and hyphen and plural:
        return True  # "three-quarters of"
    if lang.has("article", numlow) and state.cue("rate_before", state.before(m.start(), 12)):
        return True  # "24 hours a day", "700 seats a week": a rate, not a duration
    if re.fullmatch(r"\d+", numlow) and int(numlow) > 1 and not plural and not hyphen:
        return True
    rel = (m.group("rel") or "").lower()
    if unit == "quarter" and lang.has("quarter_not_counted", rel) and count in (None, 1):
        return True
    return lang.has("vague_count", numlow) and unit not in (
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "month",
        "year",
    )


def _duration_bounds(
    m: re.Match[str], state: State, n: int | None, unit: str
) -> tuple[datetime.date | None, datetime.date | None]:
    """(earliest, latest) of "the past three years" (up to now), "the next two weeks" ..."""
    rel = (m.group("rel") or "").lower()
    ref = state.base
    earliest = latest = None
    anchored_past = state.lang.has("period_back", rel)
    if not anchored_past and "-" not in m.group("gap") and ref is not None and n is not None:
        anchored_past = perfect_context(state, m.start())
    if ref is not None and n is not None and not _UNITS[unit][1]:
        span_unit = {"night": "day", "fortnight": "week", "weekend": "day"}.get(unit, unit)
        count = n * (2 if unit in ("fortnight", "weekend") else 1)
        if anchored_past:
            earliest, latest = cal.add(ref, -count, span_unit), ref
        elif state.lang.has("period_ahead", rel):
            earliest, latest = ref, cal.add(ref, count, span_unit)
    elif ref is not None and anchored_past:
        latest = ref
    return earliest, latest


def duration(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "three years", "almost two weeks", "the past six months"."""
    if m.group("old"):
        return None
    num = m.group("num")
    unit_word = m.group("unit").lower()
    unit = unit_of(state, unit_word)
    plural = state.lang.has("plural_unit", unit_word)
    n = count_of(state, num)
    if n is None and (hm := re.match(r"(\d+)\s+1/2", num)):
        n = int(hm.group(1))
    if _not_a_duration(m, state, unit, plural, n):
        return None
    approx = squeeze(m.group("approx") or m.group("outer") or "")
    mod = state.lang.word("approx", approx, "")
    half = any(marker in m.group(0).lower() for marker in state.lang.table("half_marker"))
    value = duration_value(n, unit, half)
    precision = _UNITS[unit][2] if unit != "weekend" else "day"
    earliest, latest = _duration_bounds(m, state, n, unit)
    return Resolved("DURATION", value, earliest, latest, precision, mod)


def vague_duration(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "the past few weeks", "the coming months", "recent years"."""
    rel = m.group("rel").lower()
    unit = unit_of(state, m.group("unit"))
    ref = state.base
    value, precision = duration_value(None, unit), _UNITS[unit][2]
    if state.lang.has("period_edge", rel):
        if not m.group("the"):
            return None
        return Resolved("DURATION", value, None, None, precision)
    if state.lang.has("recent", rel) and unit == "year" and not m.group("the"):
        return Resolved("DATE", "PAST_REF", None, ref, "year")
    if state.lang.has("vague_back", rel):
        return Resolved("DURATION", value, None, ref, precision)
    return Resolved("DURATION", value, ref, None, precision)


def unbounded_units(m: re.Match[str], state: State) -> Resolved | None:
    """A duration of unknown length: "months-long", "for years"."""
    unit = unit_of(state, m.group("unit"))
    return Resolved("DURATION", duration_value(None, unit), None, None, _UNITS[unit][2])


def counted_period(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "the first nine months of 2019", "the last two weeks"."""
    n = count_of(state, m.group("num"))
    unit = unit_of(state, m.group("unit"))
    if n is None:
        return None
    edge = m.group("edge").lower()
    ref = state.base
    earliest = latest = None
    if m.group("y"):
        if state.lang.has("from_start", edge):
            earliest = datetime.date(int(m.group("y")), 1, 1)
            latest = cal.add(earliest, n, unit)
            latest = latest - datetime.timedelta(days=1) if latest else None
    elif ref is not None and state.lang.has("period_back", edge):
        earliest, latest = cal.add(ref, -n, unit), ref
    return Resolved("DURATION", duration_value(n, unit), earliest, latest, _UNITS[unit][2])


def recurrence(m: re.Match[str], state: State) -> Resolved | None:
    """A recurrence; its precision is the unit it recurs in (hourly: ``time``)."""
    lang = state.lang
    w = squeeze(m.group("w"))
    if lang.has("recurrence", w):
        value, precision = lang.word("recurrence", w)
        return Resolved("SET", value, None, None, precision)
    if m.group("named_month"):
        mo = lang.word("month", m.group("named_month").lower().rstrip(".").strip())
        return Resolved("SET", f"XXXX-{mo:02d}", None, None, "month") if mo else None
    if m.group("season"):
        code = lang.word("season", m.group("season").lower())
        return Resolved("SET", f"XXXX-{code}", None, None, "season")
    if m.groupdict().get("times"):
        unit = unit_of(state, m.group("per"))
        return Resolved("SET", "P1" + _UNITS[unit][0], None, None, unit)
    if m.groupdict().get("rate"):
        return None
    unit = (m.group("unit") or "").lower()
    n = 2 if m.group("other") else 1
    code = lang.word("part_of_day", unit)
    if code is not None:
        return Resolved("SET", f"XXXX-XX-XXT{code}", None, None, "time")
    unit = unit_of(state, unit)
    if unit in _UNITS:
        precision = {"weekend": "day", "night": "day"}.get(unit, _UNITS[unit][2])
        return Resolved("SET", duration_value(n, unit), None, None, precision)
    return None
