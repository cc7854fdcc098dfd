"""``infer_reference``: the publication date a text states about itself, and how it was found."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from timeline.dates import calendar as cal
from timeline.dates.context import State, is_capitalised, weekday_number
from timeline.dates.finder import find_dates
from timeline.dates.handlers.explicit import parse_explicit
from timeline.lang import date_language

__all__ = ["LATEST_PLAUSIBLE_YEAR", "dateline_day", "infer_reference"]

# a weekday-date pair without a year takes the most recent matching year not after this one
# (a fixed constant, never the clock) when the text offers no other evidence.
LATEST_PLAUSIBLE_YEAR = 2026


def _full_date(s: str, state: State) -> datetime.date | None:
    parsed = parse_explicit(s, state)
    if parsed and parsed[0] and parsed[2]:
        return cal.safe_date(parsed[0], parsed[1], parsed[2])
    return None


def _byline(head: str, state: State) -> datetime.date | None:
    """A byline: "Published: 12:20, September 13, 2022", "Updated 22:46, 11-Jul-2019"."""
    m = state.grammar.cues["byline"].search(head)
    return _full_date(m.group("d1") or m.group("d2"), state) if m else None


def _date_line(head: str, state: State) -> datetime.date | None:
    """One of the first lines holding only a full date (and perhaps a weekday and a time)."""
    cues = state.grammar.cues
    lines = [line.strip() for line in head.splitlines() if line.strip()][:8]
    for line in lines:
        if len(line) > 48:
            continue
        line = cues["weekday_prefix"].sub("", line)
        line = cues["clock_suffix"].sub("", line)
        d = _full_date(line, state)
        if d:
            return d
    return None


def _dateline(text: str, head: str, state: State, pair_year: int | None) -> datetime.date | None:
    """A dateline ("GENEVA, Oct. 6, 2019 -"), its year from the text when the line has none."""
    m = state.grammar.cues["dateline"].search(head)
    if not m:
        return None
    parsed = parse_explicit(m.group("d"), state)
    year = int(m.group("y")) if m.group("y") else pair_year
    if parsed and year is None and parsed[2]:
        year = _year_of_same_day(text, parsed[1], parsed[2])
    if parsed and year:
        return cal.safe_date(year, parsed[1], parsed[2] or 0)
    return None


def infer_reference(
    text: str, *, latest_year: int = LATEST_PLAUSIBLE_YEAR
) -> tuple[datetime.date, str] | None:
    """Find the publication date a text states about itself, and how it was found.

    Looks, in order, for a byline ("Published: 12:20, September 13, 2022", "Updated 22:46,
    11-Jul-2019"), a line at the head of the text holding only a full date ("10 July 2019"), a
    dateline ("GENEVA, Oct. 6, 2019 -"), then a weekday-date pair ("Saturday (July 10)").
    A dateline without a year takes it from a weekday-date pair in the text, else from a full
    date in the text naming the same day; with neither, the dateline is not used. A pair takes
    the first year, from the latest year the text mentions on, in which that day falls on that
    weekday; without any year in the text, the most recent such year not after
    ``latest_year`` (a fixed argument, never the clock). Without any of this evidence: None.

    Returns:
        ``(date, how)`` with ``how`` one of ``"byline"``, ``"date line"``, ``"dateline"``,
        ``"weekday-date pair"``; or None.

    >>> infer_reference("Updated 22:46, 11-Jul-2019\\nChina calls on...")
    (datetime.date(2019, 7, 11), 'byline')
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    head = text[:3000]
    state = State(text, None, "news", date_language("en"))
    found = _byline(head, state)
    if found:
        return found, "byline"
    found = _date_line(head, state)
    if found:
        return found, "date line"
    pair = _pair_year(text, latest_year, state)
    found = _dateline(text, head, state, pair[0] if pair else None)
    if found:
        return found, "dateline"
    if pair:
        return pair[1], "weekday-date pair"
    return None


# a dateline opens one of a text's first lines (after a headline and a byline), not a later one
DATELINE_LINES = 8


def dateline_day(
    text: str,
    published: datetime.date,
    *,
    furniture: Callable[[int], bool] | None = None,
    language: str = "en",
) -> datetime.date | None:
    """The day a wire dateline opening one of the first lines gives ("KESSBURG, April 10
    (Agency) -"), its year that of ``published`` (the year before when the day would fall
    after it); its own year, when it has one. None without a dateline, or when a line before
    it is not furniture (``furniture(offset)``: whether the line starting there is a headline
    or a byline; with none given, any line before it is allowed): a dateline further down is
    another story's.

    >>> dateline_day("KESSBURG, April 10 (Wire) - Talks failed.", datetime.date(2031, 4, 12))
    datetime.date(2031, 4, 10)
    """
    state = State(text, None, "news", date_language(language))
    m = None
    pos = 0
    seen = 0
    for line in text[:3000].split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        m = state.grammar.cues["dateline"].match(line.strip())
        seen += 1
        if m or seen >= DATELINE_LINES or (furniture is not None and not furniture(start)):
            break  # the dateline opens the story's first paragraph, or there is none
    if not m:
        return None
    parsed = parse_explicit(m.group("d"), state)
    if not parsed or not parsed[2]:
        return None
    if m.group("y"):
        return cal.safe_date(int(m.group("y")), parsed[1], parsed[2])
    day = cal.safe_date(published.year, parsed[1], parsed[2])
    if day is not None and day > published:
        day = cal.safe_date(published.year - 1, parsed[1], parsed[2])
    return day


def _year_of_same_day(text: str, month: int, day: int) -> int | None:
    """The year of a full date in ``text`` naming this month and day, if exactly one does."""
    years = {
        m.value[:4]
        for m in find_dates(text)
        if m.precision == "day" and re.fullmatch(rf"\d{{4}}-{month:02d}-{day:02d}", m.value)
    }
    return int(years.pop()) if len(years) == 1 else None


def _first_year_on_weekday(
    month: int, day: int, wd: int, years: range
) -> tuple[int, datetime.date] | None:
    for y in years:
        d = cal.safe_date(y, month, day)
        if d and d.isoweekday() == wd:
            return y, d
    return None


def _pair_year(text: str, latest_year: int, state: State) -> tuple[int, datetime.date] | None:
    """The year fixed by the first weekday-date pair without a year, and that date."""
    years = [int(y) for y in re.findall(r"(?<![\d,.$])((?:19|20)\d\d)(?![\d,])", text)]
    evidence = max((y for y in years if y <= latest_year), default=None)
    if evidence is not None:
        candidates = range(evidence, evidence + 12)
    else:
        candidates = range(latest_year, latest_year - 12, -1)
    for m in state.grammar.scanner("weekday_date").finditer(text):  # type: ignore[union-attr]
        if not is_capitalised(state, m.group("wd")):
            continue
        parsed = parse_explicit(m.group("da") or m.group("db"), state)
        wd = weekday_number(state, m.group("wd"))
        if not parsed or parsed[2] is None or wd is None:
            continue
        year, month, day = parsed
        if year is not None:
            d = cal.safe_date(year, month, day)
            if d and d.isoweekday() == wd:
                return year, d
            continue
        found = _first_year_on_weekday(month, day, wd, candidates)
        if found:
            return found
    return None
