"""Handlers of written calendar dates: "July 10, 2019", "10/07/2019", "Friday, July 5",
"May 15 to August 16", "3 p.m. on Tuesday", "the morning of June 4"."""

from __future__ import annotations

import calendar
import datetime
import re

from timeline.dates import calendar as cal
from timeline.dates.context import (
    State,
    day_number,
    future_context,
    half_of,
    is_capitalised,
    month_number,
    part_mod,
    weekday_number,
    year_number,
)
from timeline.dates.handlers.relative import relative_day, weekday_of
from timeline.dates.mention import Resolved

Parsed = tuple[int | None, int, int | None]


def parse_explicit(s: str, state: State) -> Parsed | None:
    """(year or None, month, day or None) of an explicit calendar date, or None.

    The language's explicit forms are tried in order; in a form the language marks
    ``ambiguous`` ("10/07/2019"), a first number above 12 is the day.
    """
    for kind, rx in state.grammar.explicit.items():
        m = rx.fullmatch(s.strip())
        if not m:
            continue
        g = m.groupdict()
        if state.lang.has("ambiguous_form", kind):
            a, b = int(g["d"]), int(g["m"])
            month, day = (a, b) if a <= 12 else (b, a)
            return year_number(g["y"], state), month, day
        month = month_number(state, g["m"])
        if month is None:
            return None
        year = year_number(g["y"], state) if g.get("y") else None
        day = day_number(g["d"]) if g.get("d") else None
        return year, month, day
    return None


def guess_year(state: State, month: int, day: int | None, forward: bool = False) -> int | None:
    """Year for a month (and day) given without one: nearest the base date, past preferred."""
    base = state.base
    if base is None:
        return None
    if state.anchored:
        return base.year
    y = base.year
    probe = cal.safe_date(y, month, min(day or 15, calendar.monthrange(y, month)[1]))
    if probe is None:
        return y
    delta = (probe - base).days
    if forward:
        return y + 1 if delta < -31 else y
    if delta > 92:  # well after the reference: last year's (news reports the past)
        return y - 1
    if delta < -300:  # almost a year before: next year's
        return y + 1
    return y


def _resolve_day(
    state: State, year: int | None, month: int, day: int, forward: bool
) -> Resolved | None:
    if year is None:
        # validate against a leap year so "February 29" stays possible
        if cal.safe_date(2000, month, day) is None:
            return None
        year = guess_year(state, month, day, forward)
        if year is None:
            return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", None, None, "day")
    d = cal.safe_date(year, month, day)
    return cal.day(d) if d is not None else None


def resolve_explicit(
    s: str, state: State, part: str = "", forward: bool = False
) -> Resolved | None:
    """The day or month an explicit date names, narrowed by ``part`` (START/MID/END)."""
    parsed = parse_explicit(s, state)
    if parsed is None:
        return None
    year, month, day = parsed
    if day is not None:
        res = _resolve_day(state, year, month, day, forward)
        if res is None or res.earliest is None:
            return res
        return cal.narrow(res, part) if part else res
    if year is None:
        year = guess_year(state, month, None)
        if year is None:
            return Resolved("DATE", f"XXXX-{month:02d}", None, None, "month", part)
    return cal.narrow_if(cal.month(year, month), part)


def _uncapitalised_name(date: str, state: State) -> bool:
    """Whether a date is "may 5" or "5 may" in lower case: a verb or a word, not a month."""
    cues = state.grammar.cues
    if "month_day" in cues and cues["month_day"].fullmatch(date):
        return not is_capitalised(state, date)
    if "day_month" in cues and cues["day_month"].fullmatch(date):
        return not is_capitalised(state, re.split(r"[\s-]+", date)[-1])
    return False


def _year_from_range_end(m: re.Match[str], date: str, state: State) -> tuple[bool, Resolved | None]:
    """The first date of "May 15 to August 16, 1988" takes the year the range ends in.

    Returns whether the rule applies and, if it does, the day (None: no such day).
    """
    later = state.grammar.cues["range_end"].match(state.text, m.end())
    if not later or re.search(r"\d{4}", date):
        return False, None
    parsed = parse_explicit(date, state)
    end = parse_explicit(later.group("end"), state)
    if not (parsed and end and end[0] and parsed[2]):
        return False, None
    year = end[0] - (1 if (parsed[1], parsed[2]) > (end[1], end[2] or 1) else 0)
    d = cal.safe_date(year, parsed[1], parsed[2])
    return True, (cal.day(d) if d else None)


def explicit(m: re.Match[str], state: State) -> Resolved | None:
    """A written date, perhaps with a part ("early June 2019", "the end of May")."""
    date = m.group("date")
    part = part_mod(state, m.group("part"))
    if _uncapitalised_name(date, state):
        return None
    word = state.next_word(m.end())
    year_at_end = re.search(r"\d{4}$", date)
    if state.lang.has("count_noun", word or "") and year_at_end and int(year_at_end.group()) > 2099:
        return None  # "May 3, 5000 troops": a count, and then no year may be guessed
    forward = future_context(state, m.start(), m.end())
    res = resolve_explicit(date, state, part, forward)
    if res is not None and res.value.count("-") == 2 and "range_end" in state.grammar.cues:
        applies, start = _year_from_range_end(m, date, state)
        if applies:
            return start
    h = half_of(state, m.group("part"))
    if res is not None and h is not None and res.precision == "year":
        return cal.half(int(res.value), h)
    return res


def clock_value(state: State, tpart: str) -> str | None:
    """A clock time ("15:30", "3 p.m.", "noon") as HH:MM (midnight is 24:00), or None."""
    cm = state.grammar.cues["clock"].fullmatch(tpart.strip())
    if cm is None:
        return None
    if cm.group("w"):
        return state.lang.word("clock_word", cm.group("w").lower())
    if cm.group("h") is not None:
        h, mi, ap = int(cm.group("h")), int(cm.group("mi")), cm.group("ap")
    else:
        h, mi, ap = int(cm.group("h2")), 0, cm.group("ap2")
    if ap:
        pm = state.cue("afternoon_marker", ap, how="match")
        if h > 12:
            return None
        h = (h % 12) + (12 if pm else 0)
    return f"{h:02d}:{mi:02d}"


def _with_clock(state: State, date_res: Resolved, tpart: str) -> Resolved | None:
    hm = clock_value(state, tpart)
    if hm is None or date_res.precision != "day":
        return None
    value = f"{date_res.value}T{hm}"
    return Resolved("TIME", value, date_res.earliest, date_res.latest, "time")


def _date_of(dpart: str, state: State, start: int, end: int) -> Resolved | None:
    """Resolve a day-precision date part: explicit date, weekday or yesterday/today/tomorrow."""
    low = dpart.lower().strip()
    if state.lang.has("relative_day", low):
        return relative_day(state.lang.word("relative_day", low), state)
    wd = weekday_number(state, low)
    if wd is not None:
        if not is_capitalised(state, dpart):
            return None
        return weekday_of(wd, state, start, end, "")
    return resolve_explicit(dpart, state)


def time_date(m: re.Match[str], state: State) -> Resolved | None:
    """A clock time with its day: "3 p.m. on Tuesday", "July 4, 2019 at 10:00"."""
    tpart = m.group("t1") or m.group("t2")
    dpart = m.group("d1") or m.group("d2")
    date_res = _date_of(dpart, state, m.start(), m.end())
    if date_res is None:
        return None
    return _with_clock(state, date_res, tpart)


def _nearest_year_with_weekday(base: datetime.date, month: int, day: int, wd: int) -> int | None:
    years = [
        y
        for y in range(base.year - 6, base.year + 2)
        if (d := cal.safe_date(y, month, day)) is not None and d.isoweekday() == wd
    ]
    if not years:
        return None
    return min(years, key=lambda y: abs((datetime.date(y, month, day) - base).days))


def weekday_date(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "Friday, July 5"; without a year, the weekday picks the nearest year."""
    if not is_capitalised(state, m.group("wd")):
        return None
    date = m.group("da") or m.group("db")
    parsed = parse_explicit(date, state)
    if parsed is None or parsed[2] is None:
        return None
    year, month, day = parsed
    wd = weekday_number(state, m.group("wd"))
    if year is None:
        base = state.base
        if base is None or wd is None:
            return resolve_explicit(date, state)
        year = _nearest_year_with_weekday(base, month, day, wd)
        if year is None:
            return resolve_explicit(date, state)
    d = cal.safe_date(year, month, day)
    return cal.day(d) if d else None


def _day_pair_ok(m: re.Match[str], state: State) -> bool:
    """Whether "September 15 and 16" or "15 and 16 September" names two days of one month.

    Two months ("18 January and 19 February") are two dates, not a span; a number that counts
    ("May 5 and 12 people", "May 5 and 12,000") is no day.
    """
    if m.group("m3"):
        return False
    if m.group("and2") or m.group("y"):
        return True  # the month (or year) follows both days
    nxt = state.grammar.cues["after_day_pair"].match(state.after(m.end(), 30))
    if nxt is None:
        return True
    word = nxt.group(1)
    return (
        word is not None
        and not state.lang.has("count_noun", word)
        and not state.lang.has("pair_count_word", word)
    )


def _year_range(g: dict[str, str]) -> Resolved | None:
    y1 = int(g["y3"])
    y2s = g["y4"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 - y1 % 100 + int(y2s))
    if not (y1 < y2 <= y1 + 100):
        return None
    first, last = datetime.date(y1, 1, 1), datetime.date(y2, 12, 31)
    return Resolved("DATE", f"{y1:04d}/{y2:04d}", first, last, "year")


def _day_range(
    state: State, mo1: int, da1: int, mo2: int, da2: int, ys: str | None
) -> Resolved | None:
    year = year_number(ys, state) if ys else guess_year(state, mo1, da1)
    if year is None:
        if cal.safe_date(2000, mo1, da1) is None or cal.safe_date(2000, mo2, da2) is None:
            return None
        v = f"XXXX-{mo1:02d}-{da1:02d}/XXXX-{mo2:02d}-{da2:02d}"
        return Resolved("DATE", v, None, None, "day")
    a = cal.safe_date(year, mo1, da1)
    b = cal.safe_date(year + (1 if mo2 < mo1 else 0), mo2, da2)
    if a is None or b is None or b <= a:
        return None
    return Resolved("DATE", f"{a.isoformat()}/{b.isoformat()}", a, b, "day")


def date_range(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "May 15-17", "15 to 17 May 2019", "September 15 and 16", "1998-99"."""
    g = m.groupdict()
    if g.get("y3"):
        return _year_range(g)
    if (g.get("and1") or g.get("and2")) and not _day_pair_ok(m, state):
        return None
    if g.get("m1"):
        m1, d1, m2, d2, ys = g["m1"], g["d1"], g["m2"] or g["m1"], g["d2"], g["y"]
        if not is_capitalised(state, m1):
            return None
    else:
        m1, d1, m2, d2, ys = g["m3"] or g["m4"], g["d3"], g["m4"], g["d4"], g["y2"]
        if not is_capitalised(state, m2):
            return None
    mo1, mo2 = month_number(state, m1), month_number(state, m2)
    if mo1 is None or mo2 is None:
        return None
    return _day_range(state, mo1, day_number(d1), mo2, day_number(d2), ys)


def part_of_day_of(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "the morning of June 4"."""
    res = resolve_explicit(m.group("date"), state)
    if res is None or res.precision != "day":
        return None
    return cal.time_of_day(res.earliest, state.lang.word("part_of_day", m.group("pod").lower()))


def iso_time(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "2019-07-10T14:30"."""
    d = cal.safe_date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    if d is None:
        return None
    return Resolved("TIME", f"{d.isoformat()}T{m.group('h')}:{m.group('mi')}", d, d, "time")


def clock(m: re.Match[str], state: State) -> Resolved | None:
    """A clock time on the base date: "at 10 a.m.", "around noon"."""
    t = m.group("t")
    if state.cue("not_clock_before", state.before(m.start(), 6)):
        return None
    # a bare "12.30" or "3:10" is too often a score or a ratio: keep it after "at", "by" ...
    if re.fullmatch(r"\d{1,2}[.:]\d\d", t.strip()) and (
        "." in t or not state.cue("bare_clock_before", state.before(m.start(), 10))
    ):
        return None
    base = state.base
    approx = "APPROX" if m.group("approx") else ""
    hm = clock_value(state, t)
    if hm is None:
        return None
    if base is None:
        return Resolved("TIME", f"XXXX-XX-XXT{hm}", None, None, "time", approx)
    return Resolved("TIME", f"{base.isoformat()}T{hm}", base, base, "time", approx)
