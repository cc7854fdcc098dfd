"""Handlers of dates relative to the reference or to the story: weekdays, "yesterday",
"last month", "the next day", "this weekend", "June last year", "two weeks ago"."""

from __future__ import annotations

import datetime
import re

from timeline.dates import calendar as cal
from timeline.dates.context import (
    State,
    count_of,
    future_context,
    is_capitalised,
    month_number,
    part_mod,
    squeeze,
    unit_of,
    weekday_number,
)
from timeline.dates.mention import Resolved

_UNKNOWN_DAY = Resolved("DATE", "XXXX-XX-XX", None, None, "day")


def relative_day(shift: int, state: State) -> Resolved:
    """The base date moved by ``shift`` days ("yesterday" is -1)."""
    base = state.base
    if base is None:
        return _UNKNOWN_DAY
    return cal.day(base + datetime.timedelta(days=shift))


def weekday_of(wd: int, state: State, start: int, end: int, relation: str) -> Resolved:
    """The day a weekday names: ``relation`` is last, next, this, the previous or next week's
    (``week-1``, ``week+1``), or empty (the past one, or the coming one in a future clause)."""
    base = state.base
    if base is None:
        return Resolved("DATE", f"XXXX-WXX-{wd}", None, None, "day")
    back = (base.isoweekday() - wd) % 7
    fwd = (wd - base.isoweekday()) % 7
    if relation == "last":
        d = base - datetime.timedelta(days=back or 7)
    elif relation == "next":
        d = base + datetime.timedelta(days=fwd or 7)
    elif relation == "this":
        d = (
            base + datetime.timedelta(days=fwd)
            if fwd <= 3
            else base - datetime.timedelta(days=back)
        )
    elif relation in ("week-1", "week+1"):
        monday = base - datetime.timedelta(days=base.isoweekday() - 1)
        d = monday + datetime.timedelta(days=wd - 1 + (7 if relation == "week+1" else -7))
    elif state.anchored or future_context(state, start, end):
        d = base + datetime.timedelta(days=fwd)
    else:
        d = base - datetime.timedelta(days=back)
    return cal.day(d)


def ordinal_day(m: re.Match[str], state: State) -> Resolved | None:
    """ "On the 3rd": a day of the month of the last day told before it ("on 2 March ... on the
    5th": 5 March), the coming one from there; with no day told before, of the base date's
    month, or of the month before when the day is still to come (a report tells what has
    happened), the coming one in a future clause. Never after the reference in a report's past."""
    day = int(m.group("d"))
    base = state.base
    if base is None:
        return Resolved("DATE", f"XXXX-XX-{day:02d}", None, None, "day")
    future = future_context(state, m.start(), m.end())
    told = state.last_day[0] if state.last_day is not None else None
    ref = told or base
    year, month = ref.year, ref.month
    if told is not None or state.anchored or future:
        if day < ref.day:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    elif day > ref.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    try:
        found = datetime.date(year, month, day)
    except ValueError:
        return None  # "the 31st" of a month of thirty days
    if not future and not state.anchored and state.ref is not None and found > state.ref:
        # past the report's day: a day of the report's month, or of the month before
        back = base.month - (day > base.day)
        year, month = (base.year - 1, 12) if back == 0 else (base.year, back)
        try:
            found = datetime.date(year, month, day)
        except ValueError:
            return None
    return cal.day(found)


def _bare_abbreviation(state: State, wdtext: str) -> bool:
    """Bare abbreviations ("Sun", "Sat") are too often names; require a period or a date."""
    return (
        len(wdtext.rstrip(".")) <= 4
        and not wdtext.endswith(".")
        and state.lang.has("ambiguous_weekday", wdtext.lower())
    )


def _recurring_weekday(state: State, wd: int, pod: str) -> Resolved:
    code = state.lang.word("part_of_day", pod)
    return Resolved("SET", f"XXXX-WXX-{wd}" + (f"T{code}" if pod else ""), None, None, "day")


def weekday(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "Friday", "last Tuesday", "Monday morning", "Sundays"."""
    wdtext = m.group("wd")
    if not is_capitalised(state, wdtext) or _bare_abbreviation(state, wdtext):
        return None
    wd = weekday_number(state, wdtext)
    if wd is None:
        return None
    pod = (m.groupdict().get("pod") or "").lower()
    if not pod and m.groupdict().get("night_of"):
        pod = "night"  # "overnight Tuesday": Tuesday night
    if m.groupdict().get("plural"):
        return _recurring_weekday(state, wd, pod)
    relation = state.lang.word("weekday_relation", (m.group("rel") or "").lower(), "")
    res = weekday_of(wd, state, m.start(), m.end(), relation)
    if pod:
        code = state.lang.word("part_of_day", pod)
        return Resolved("TIME", f"{res.value}T{code}", res.earliest, res.latest, "time")
    part = part_mod(state, m.groupdict().get("part"))
    return res._replace(mod=part) if part else res


def weekday_set(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "every Monday", "each Friday morning"."""
    wd = weekday_number(state, m.group("wd"))
    if wd is None:
        return None
    return _recurring_weekday(state, wd, (m.group("pod") or "").lower())


def relative_word(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "today", "now", "recently", "the past", "tonight", "yesterday morning" ..."""
    meaning = state.lang.word("relative_word", squeeze(m.group("w")))
    if meaning is None:
        return None
    kind, arg = meaning
    ref = state.base
    if kind == "day":
        return relative_day(arg, state)  # TimeML dates "today" even in the sense of "nowadays"
    if kind == "present":
        return Resolved("DATE", "PRESENT_REF", ref, ref, "day")
    if kind == "past":
        return Resolved("DATE", "PAST_REF", None, ref, "day")
    if kind == "future":
        return Resolved("DATE", "FUTURE_REF", ref, None, "day")
    shift, code = arg
    if ref is None:
        return cal.time_of_day(None, code)
    return cal.time_of_day(ref + datetime.timedelta(days=shift), code)


def _span_of_units(state: State, unit: str, step: int) -> Resolved:
    """Spans of years ("the past decade", "the next century") up to or from the base date."""
    ref = state.base
    years = 10 if unit == "decade" else 100
    other = cal.add(ref, step, unit) if ref is not None else None
    if other is None:
        return Resolved("DURATION", f"P{years}Y", None, None, unit)
    lo, hi = (ref, other) if step > 0 else (other, ref)
    return Resolved("DURATION", f"P{years}Y", lo, hi, unit)


def _relative_season(state: State, code: str, step: int, part: str) -> Resolved | None:
    base = state.base
    if base is None:
        return Resolved("DATE", f"XXXX-{code}", None, None, "season", part)
    return cal.narrow_if(cal.season(_season_year(base, code, step), code), part)


def _season_year(base: datetime.date, code: str, step: int) -> int:
    """The year of the season ``code`` that is this one (0), the last (-1) or the next (1)
    seen from ``base``: in December, "last summer" is this year's."""
    y, cur = cal.season_of(base)
    order = cal.SEASON_ORDER
    # December's winter comes after this year's fall, not before its spring
    now = len(order) if (cur == "WI" and base.month == 12) else order.index(cur)
    if step == 0:
        return base.year if not (code == "WI" and base.month <= 2) else base.year - 1
    if step < 0:
        if code == "WI":
            return y - 1 if cur == "WI" else y if base.month == 12 else base.year - 1
        return base.year if order.index(code) < now else base.year - 1
    if code == "WI":
        return y + 1 if cur == "WI" else base.year  # the winter after this one
    return base.year if order.index(code) > now else base.year + 1


def _relative_month(
    state: State, mo: int, day: int | None, step: int, part: str
) -> Resolved | None:
    base = state.base
    if day is not None and cal.safe_date(2000, mo, day) is None:
        return None
    if base is None:
        if day is not None:
            return Resolved("DATE", f"XXXX-{mo:02d}-{day:02d}", None, None, "day")
        return Resolved("DATE", f"XXXX-{mo:02d}", None, None, "month", part)
    probe = (mo, day or 1)
    if step < 0:
        year = base.year if probe < (base.month, base.day) else base.year - 1
    elif step > 0:
        year = base.year if probe > (base.month, base.day) else base.year + 1
    else:
        year = base.year
    if day is not None:
        d = cal.safe_date(year, mo, day)
        return cal.day(d) if d else None
    return cal.narrow_if(cal.month(year, mo), part)


def _relative_weekend(m: re.Match[str], state: State, step: int) -> Resolved:
    base = state.base
    if base is None:
        return Resolved("DATE", "XXXX-WXX-WE", None, None, "week")
    d = base + datetime.timedelta(weeks=step)
    iy, iw, _ = d.isocalendar()
    sat = d + datetime.timedelta(days=6 - d.isoweekday())
    if step == 0 and base.isoweekday() < 5 and not future_context(state, m.start(), m.end()):
        sat -= datetime.timedelta(days=7)
        iy, iw, _ = sat.isocalendar()
    return Resolved("DATE", f"{iy:04d}-W{iw:02d}-WE", sat, sat + datetime.timedelta(days=1), "day")


def _compared_with_last_year(
    m: re.Match[str], state: State, unit: str, step: int, part: str
) -> Resolved | None:
    """A comparison ("compared with $3 million last year"): the report's quarter a year ago."""
    cq = state.context_quarter(m.start())
    if unit != "year" or step != -1 or cq is None or part:
        return None
    if not state.cue("comparison_before", state.before(m.start(), 60)):
        return None
    return cal.quarter(cq[0] - 1, cq[1])


def before_or_after(res: Resolved, base: datetime.date, mod: str) -> Resolved:
    """Bounds of "earlier this month" (up to the day before ``base``) or "later" (the rest).

    The value stays the period with TimeML's ``START`` or ``END`` mod (as TimeBank annotates
    "earlier this month" ``2024-09`` START); the bounds are what the words allow in news: from
    the first of the period to the day before the reference, or from the day after it to the
    period's end (the reference itself when it is the period's first or last day).
    """
    lo, hi = res.earliest, res.latest
    if lo is None or hi is None:
        return res
    if mod == "START":
        hi = max(lo, min(hi, base - datetime.timedelta(days=1)))
        return res._replace(latest=hi, mod="START")
    lo = min(hi, max(lo, base + datetime.timedelta(days=1)))
    return res._replace(earliest=lo, mod="END")


def relative_unit(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "last month", "this year", "next spring", "earlier this week"."""
    rel = m.group("rel").lower()
    if not state.lang.has("step", rel):
        return None
    unit = unit_of(state, m.group("unit"))
    if state.lang.cased and m.group("unit")[0].isupper() and not m.group("named_month"):
        return None  # "This Week" is a title
    span_step = state.lang.word("span_step", rel)
    if unit in ("decade", "century") and span_step and not m.group("part"):
        return _span_of_units(state, unit, span_step)
    part = part_mod(state, m.group("part"))
    el_mod = state.lang.word("earlier_later", (m.group("el") or "").lower(), "")
    part = el_mod or part
    step = state.lang.word("step", rel)
    if m.group("season"):
        code = state.lang.word("season", m.group("season").lower())
        return _relative_season(state, code, step, part)
    if m.group("named_month"):
        return _month_of_relative_unit(m, state, step, part)
    if unit == "weekend":
        return _relative_weekend(m, state, step)
    base = state.base
    if base is None:
        return Resolved("DATE", cal.UNDERSPECIFIED[unit], None, None, unit, part)
    compared = _compared_with_last_year(m, state, unit, step, part)
    if compared is not None:
        return compared
    d = cal.add(base, step, unit)
    res = cal.unit_period(unit, d) if d is not None else None
    if res is None:
        return None
    if el_mod and step == 0:
        return before_or_after(res, base, el_mod)
    return cal.narrow(res, part) if part else res


def _month_of_relative_unit(
    m: re.Match[str], state: State, step: int, part: str
) -> Resolved | None:
    if not is_capitalised(state, m.group("named_month")):
        return None
    mo = month_number(state, m.group("named_month"))
    if mo is None:
        return None
    day = int(re.match(r"\d+", m.group("md")).group()) if m.group("md") else None  # type: ignore[union-attr]
    return _relative_month(state, mo, day, step, part)


def _anchored_shift(state: State, words: list[str]) -> tuple[int, str]:
    """(step, unit) of "the next day", "the day before", "that week", "the night before"."""
    shift, unit = 0, words[-1]
    for w in words:
        if state.lang.has("anchor_step", w):
            shift = state.lang.word("anchor_step", w)
            break
    if state.lang.has("day_before_after", " ".join(words[:3])):
        shift, unit = state.lang.word("day_before_after", " ".join(words[:3])), words[1]
    elif state.lang.has("anchor_step", words[-1]):
        unit = words[1]
    return shift, unit


def anchored(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "the next day", "the following week", "that month", "the day before"."""
    words = squeeze(m.group("w")).split()
    shift, unit = _anchored_shift(state, words)
    unit = unit_of(state, unit)
    base = state.anchor_date
    pod = state.lang.word("part_of_day", unit)
    if unit == "day" or pod is not None:
        base = state.day_anchor(shift >= 0)  # "the next morning" after "on Tuesday"
    if pod is not None:
        if base is None:
            return cal.time_of_day(None, pod)
        return cal.time_of_day(base + datetime.timedelta(days=shift), pod)
    code = state.lang.word("season", unit)
    if code is not None:
        if base is None:
            return Resolved("DATE", f"XXXX-{code}", None, None, "season")
        return cal.season(base.year + shift if shift >= 0 else base.year - 1, code)
    if base is None:
        return Resolved("DATE", cal.UNDERSPECIFIED[unit], None, None, unit)
    d = cal.add(base, shift, unit)
    return cal.unit_period(unit, d) if d is not None else None


def weekend(m: re.Match[str], state: State) -> Resolved | None:
    """The weekend: the last one, or the next in a future clause."""
    base = state.base
    if base is None:
        return Resolved("DATE", "XXXX-WXX-WE", None, None, "day")
    if future_context(state, m.start(), m.end()):
        sat = base + datetime.timedelta(days=(6 - base.isoweekday()) % 7)
    else:
        sat = base - datetime.timedelta(days=(base.isoweekday() - 6) % 7)
    iy, iw, _ = sat.isocalendar()
    return Resolved("DATE", f"{iy:04d}-W{iw:02d}-WE", sat, sat + datetime.timedelta(days=1), "day")


def month_relative_year(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "June last year", "March 3 of next year"."""
    if not is_capitalised(state, m.group("m")):
        return None
    mo = month_number(state, m.group("m"))
    if mo is None:
        return None
    base = state.base
    year = None if base is None else base.year + state.lang.word("step", m.group("rel").lower())
    part = part_mod(state, m.group("part"))
    if m.group("d"):
        day = int(re.match(r"\d+", m.group("d")).group())  # type: ignore[union-attr]
        if cal.safe_date(2000, mo, day) is None:
            return None
        if year is None:
            return Resolved("DATE", f"XXXX-{mo:02d}-{day:02d}", None, None, "day")
        d = cal.safe_date(year, mo, day)
        return cal.day(d) if d else None
    if year is None:
        return Resolved("DATE", f"XXXX-{mo:02d}", None, None, "month", part)
    return cal.narrow_if(cal.month(year, mo), part)


def _vague_count(state: State, unit: str, past: bool, mod: str) -> Resolved:
    """Vague counts ("some days ago", "several years later"): before or after the base date."""
    ref = state.base
    if not past:
        return Resolved("DATE", "FUTURE_REF", ref, None, unit, mod)
    lo = ref - datetime.timedelta(days=9) if ref is not None and unit == "day" else None
    hi = ref - datetime.timedelta(days=1) if ref and unit == "day" else ref
    return Resolved("DATE", "PAST_REF", lo, hi, unit, mod)


def ago(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "two weeks ago", "three days later", "a year earlier", "a month from now"."""
    n = count_of(state, m.group("num"))
    unit = unit_of(state, m.group("unit"))
    direction = state.lang.word("ago_direction", m.group("dir").lower(), (1, False, False))
    sign, from_reference, compares_quarter = direction
    past = sign < 0
    mod = (
        "APPROX" if state.lang.word("approx", (m.group("approx") or "").lower()) == "APPROX" else ""
    )
    if from_reference:
        base = state.base
    elif unit in ("second", "minute", "hour", "day", "night"):
        base = state.day_anchor(not past)  # "two days later", "hours earlier"
        if not past and state.last_day is None:
            base = None  # "two days later" with no day told before: later than what is unknown
    else:
        base = state.anchor_date
    if unit in ("second", "minute", "hour"):
        if n is None or base is None:
            return Resolved("TIME", "PAST_REF" if past else "FUTURE_REF", None, None, "time", mod)
        return Resolved("TIME", f"{base.isoformat()}TXX:XX", base, base, "time", mod)
    if unit in ("night", "fortnight", "weekend"):
        if n is not None and unit == "fortnight":
            n *= 2
        unit = {"night": "day", "fortnight": "week", "weekend": "week"}[unit]
    if n is None:
        return _vague_count(state, unit, past, mod)
    if base is None:
        return Resolved("DATE", cal.UNDERSPECIFIED.get(unit, "XXXX-XX-XX"), None, None, unit, mod)
    # a year ago in a report about a quarter means that quarter a year before
    cq = state.context_quarter(m.start())
    if unit == "year" and cq is not None and compares_quarter:
        return cal.quarter(cq[0] - n, cq[1], mod)
    d = cal.add(base, -n if past else n, unit)
    if d is None:
        return None
    if unit in ("decade", "century"):
        return cal.year(d.year, mod)  # "a decade ago": the year, not the decade
    return cal.unit_period(unit, d, mod)


def vague_ago(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "years ago", "months later"; "hours later" is the day told before (with
    none told before, a later day that is unknown), "hours ago" the reference's."""
    ref = state.base
    unit = unit_of(state, m.group("unit"))
    if unit in ("hour", "minute"):
        later = state.lang.word("ago_direction", m.group("dir").lower(), (1, False))
        forward = later[0] > 0 and not later[1]
        day = state.day_anchor(forward) if not later[1] else ref
        if day is None or (forward and state.last_day is None):
            return Resolved("DATE", "FUTURE_REF" if forward else "PAST_REF", None, None, "day")
        return Resolved("DATE", f"{day.isoformat()}TXX", day, day, "day")
    if state.lang.word("ago_direction", m.group("dir").lower(), (1,))[0] > 0:
        return Resolved("DATE", "FUTURE_REF", ref, None, unit)
    return Resolved("DATE", "PAST_REF", None, ref, unit)
